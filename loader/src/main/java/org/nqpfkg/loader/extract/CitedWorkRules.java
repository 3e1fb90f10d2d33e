package org.nqpfkg.loader.extract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nqpfkg.loader.extract.Extraction.Evidence;
import org.nqpfkg.loader.extract.Extraction.Thing;
import org.nqpfkg.loader.text.Sentence;

/**
 * Works a text cites by title (《…》): each is a cited policy document, unless its main title ends the way
 * the name of a periodical, newspaper or programme does (the endings are data: ontology/cited-work-kinds.txt).
 *
 * <p>One work is often written several ways: with and without a subtitle (after ——, — or --), with and
 * without a parenthesised note ((试行), (2021—2023年)), and, once cited in 《》, also without them. These
 * forms share a main title and are one work: its label is the fullest form in 《》 (the vocabulary's
 * canonical label where it knows one), the other forms are its variants. A title never written in 《》 is
 * not taken on its own, since running text uses the same words (关于…的意见) for things that are no title.
 */
final class CitedWorkRules extends RuleSet {
    static final String KINDS_FILE = "cited-work-kinds.txt";
    private static final Pattern CITED = Pattern.compile("《([^《》]{2,80})》");
    private static final Pattern NOTE = Pattern.compile("\\([^()]*\\)");
    private static final Pattern SUBTITLE = Pattern.compile("(?:——|—|--|─).*$");
    /** A main title shorter than this is too likely to occur as ordinary words to be looked for without 《》. */
    private static final int MIN_PLAIN_TITLE = 6;

    private final List<String> kinds;

    /** The forms of one work and where each is written, in the order the text gives them. */
    private static final class Work {
        final Set<String> cited = new LinkedHashSet<>();
        final Set<String> plain = new LinkedHashSet<>();
        final List<Evidence> evidence = new ArrayList<>();
    }

    CitedWorkRules(Context ctx, Extraction ex, Scope scope, WordLists words) {
        super(ctx, ex, scope);
        this.kinds = words.get(KINDS_FILE);
    }

    @Override
    void apply() {
        Map<String, Work> works = new LinkedHashMap<>();
        Map<String, String> mainTitles = new LinkedHashMap<>();   // key → main title as first written
        for (Sentence s : sentences()) {
            Matcher m = CITED.matcher(s.text());
            while (m.find()) {
                String title = m.group(1).strip();
                String main = mainTitle(title);
                if (isPeriodicalOrProgramme(main)) {
                    ex.candidate("《" + title + "》 (a periodical or programme, not a policy document)");
                    continue;
                }
                Work w = works.computeIfAbsent(key(main), k -> new Work());
                mainTitles.putIfAbsent(key(main), main);
                w.cited.add("《" + title + "》");
                Evidence e = Evidence.of(s, "cited-document");
                if (!w.evidence.contains(e)) w.evidence.add(e);
            }
        }
        mainTitles.forEach((key, main) -> plainMentions(works.get(key), main));
        works.values().forEach(this::emit);
    }

    /** The same main title written without 《》 in a sentence that does not cite it in 《》. */
    private void plainMentions(Work w, String main) {
        if (main.length() < MIN_PLAIN_TITLE) return;
        for (Sentence s : sentences()) {
            if (w.evidence.stream().anyMatch(e -> e.start() == s.start())) continue;
            for (int at = s.text().indexOf(main); at >= 0; at = s.text().indexOf(main, at + 1)) {
                if (Patterns.insideTitle(s.text(), at)) continue;
                w.plain.add(main);
                w.evidence.add(Evidence.of(s, "cited-document-plain"));
                break;
            }
        }
    }

    private void emit(Work w) {
        // The fullest form in 《》 names the work: the subtitle or note it carries tells editions and parts apart.
        String label = w.cited.stream().max(Comparator.comparingInt(String::length)).orElseThrow();
        Thing t = thing("PolicyDocument", label, w.evidence.get(0));
        for (Evidence e : w.evidence) if (!t.evidence.contains(e)) t.evidence.add(e);
        for (String form : w.cited) if (!form.equals(t.label)) t.variants.add(form);
        for (String form : w.plain) if (!form.equals(t.label)) t.variants.add(form);
    }

    /** The title without parenthesised notes and without a subtitle. */
    static String mainTitle(String title) {
        String s = title;
        for (String before = ""; !before.equals(s); ) {
            before = s;
            s = NOTE.matcher(s).replaceAll("");
        }
        String main = SUBTITLE.matcher(s).replaceFirst("").strip();
        return main.length() >= 2 ? main : title;
    }

    /** Two writings of a main title match when they differ only in spaces and quotation marks. */
    static String key(String main) { return main.replaceAll("[\\s“”\"‘’'「」]", ""); }

    /** The longest listed ending that the title has decides; a line starting with ! marks an exception. */
    boolean isPeriodicalOrProgramme(String main) {
        int longest = 0;
        boolean periodical = false;
        for (String k : kinds) {
            boolean exception = k.startsWith("!");
            String ending = exception ? k.substring(1) : k;
            if (ending.length() > longest && main.length() > ending.length() && main.endsWith(ending)) {
                longest = ending.length();
                periodical = !exception;
            }
        }
        return periodical;
    }
}
