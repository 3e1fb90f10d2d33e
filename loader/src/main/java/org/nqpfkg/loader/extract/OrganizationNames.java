package org.nqpfkg.loader.extract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nqpfkg.loader.extract.Segmenter.Token;

/**
 * Organisation names in one sentence, found three ways: a label already known to name an organisation
 * (the vocabulary's, the store's), a name anchored on what it is (…集团, …有限公司, 国家…局), and a
 * capitalised Latin-script name (OpenAI, NVIDIA) that is no technology word. Where two overlap the longer
 * wins (中国科学院自动化研究所 over 中国科学院).
 */
final class OrganizationNames {
    /** A name found: its label (canonical where it is a known one), UTF-16 span in the sentence, and the rule that found it. */
    record Found(String label, int start, int end, String rule) {}

    /** Latin words, joined into one name when only single spaces part them (Google DeepMind). */
    private static final Pattern LATIN = Pattern.compile("[A-Za-z][A-Za-z0-9&'.]*(?: [A-Z][A-Za-z0-9&'.]*)*");
    private static final Pattern LATIN_WORD = Pattern.compile("[A-Za-z]+");
    /** The Latin name that ends a company's stem (美国OpenAI|公司). */
    private static final Pattern TRAILING_LATIN = Pattern.compile("[A-Za-z][A-Za-z0-9&'. ]*$");

    private final Lexicon lexicon;
    private final Words words;
    private final List<String> known;
    private final Suffixes suffixes;

    OrganizationNames(Lexicon lexicon, Set<String> knownLabels) {
        this.lexicon = lexicon;
        this.words = lexicon.words();
        List<String> all = new ArrayList<>(lexicon.organizationLabels());
        for (String k : knownLabels) if (!all.contains(k) && k.length() >= 2) all.add(k);
        all.sort(Comparator.comparingInt(String::length).reversed());
        this.known = List.copyOf(all);
        this.suffixes = new Suffixes(words);
    }

    /** Names in a sentence, given its words and the organisation recogniser's reading of it (see {@link Segmenter}). */
    List<Found> find(String text, List<Token> tokens, List<Token> guesses) {
        List<Found> found = new ArrayList<>();
        List<Found> known = known(text, tokens);
        found.addAll(known);
        // A known label is the whole name: "联合青藤大学" reads past its start into the words before it.
        for (Found f : suffixed(text, tokens, guesses))
            if (known.stream().noneMatch(k -> k.end() == f.end() && k.start() > f.start())) found.add(f);
        found.addAll(latin(text));
        found.sort(Comparator.comparingInt((Found f) -> f.end() - f.start()).reversed().thenComparingInt(Found::start));
        List<Found> kept = new ArrayList<>();
        for (Found f : found)
            if (kept.stream().noneMatch(k -> f.start() < k.end() && k.start() < f.end())) kept.add(f);
        kept.sort(Comparator.comparingInt(Found::start));
        return kept;
    }

    /** Known labels where the text's words begin and end with them; a short one only as a name-tagged word (星河 as a word of its own, not across 繁星|河畔). */
    private List<Found> known(String text, List<Token> tokens) {
        List<Found> out = new ArrayList<>();
        for (String label : known) {
            for (int i = text.indexOf(label); i >= 0; i = text.indexOf(label, i + 1)) {
                int end = i + label.length();
                if (!Segmenter.boundary(tokens, i) || !Segmenter.boundary(tokens, end)) continue;
                if (label.length() <= 2) {
                    Token t = Segmenter.at(tokens, i);
                    if (t == null || t.start() != i || t.end() != end || !nameTag(t)) continue;
                }
                out.add(new Found(lexicon.canonical(label), i, end, "organization-known"));
            }
        }
        return out;
    }

    private List<Found> suffixed(String text, List<Token> tokens, List<Token> guesses) {
        List<Found> out = new ArrayList<>();
        for (Suffixes.Name n : suffixes.names(text, tokens, guesses)) {
            String label = n.text();
            // "星河公司", "美国OpenAI公司": the known or Latin company name is the organisation's label (星河大学 is not 星河).
            String stem = label.substring(0, label.length() - n.suffix().length());
            Matcher latin = TRAILING_LATIN.matcher(stem);
            if (Suffixes.COMPANY.equals(n.kind()) && known.contains(stem)) label = lexicon.canonical(stem);
            else if (Suffixes.COMPANY.equals(n.kind()) && latin.find() && !words.isTechnology(latin.group().strip())) label = latin.group().strip();
            out.add(new Found(label, n.start(), n.end(), "organization-suffix"));
        }
        return out;
    }

    /** Capitalised Latin names in Chinese text, not technology words, model versions (DeepSeek-R1) or glosses of a Chinese term. */
    private List<Found> latin(String text) {
        List<Found> out = new ArrayList<>();
        if (!chinese(text)) return out;
        Matcher m = LATIN.matcher(text);
        while (m.find()) {
            String name = m.group();
            int end = m.end();
            if (!Character.isUpperCase(name.charAt(0)) || name.length() < 2) continue;
            if (end < text.length() && (text.charAt(end) == '-' || Character.isDigit(text.charAt(end)))) continue;
            if (m.start() > 0 && Character.isLetterOrDigit(text.charAt(m.start() - 1)) && text.charAt(m.start() - 1) < 0x80) continue;
            String first = name.split(" ")[0];
            if (words.isTechnology(name) || words.isTechnology(first)) continue;
            // H100, A800: letters and digits name a model. GWh, MHz: a short word that is no all-capital acronym is a unit.
            if (name.chars().anyMatch(Character::isDigit)) continue;
            boolean acronym = name.chars().noneMatch(Character::isLowerCase);
            if (acronym ? name.length() < 3 : name.length() <= 3) continue;
            if (gloss(text, m.start())) continue;
            out.add(new Found(name, m.start(), end, "organization-latin"));
        }
        return out;
    }

    /** "北斗体系(Orion Beidou)": Latin words in brackets right after Chinese translate the term before them. */
    private static boolean gloss(String text, int start) {
        int i = start - 1;
        while (i >= 0 && text.charAt(i) == ' ') i--;
        if (i < 1 || (text.charAt(i) != '(' && text.charAt(i) != '（')) return false;
        return Character.UnicodeScript.of(text.codePointBefore(i)) == Character.UnicodeScript.HAN;
    }

    /** Chinese text with Latin words in it, as opposed to an English sentence (an abstract's) with a Chinese term. */
    private static boolean chinese(String text) {
        long han = text.codePoints().filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN).count();
        long latinWords = LATIN_WORD.matcher(text).results().count();
        return han >= 4 && han >= latinWords;
    }

    /** A word the segmenter tagged as a name of some kind (organisation, proper noun, abbreviation). */
    static boolean nameTag(Token t) {
        return t.organisationTag() || t.tagged("nz") || t.tagged("nrf") || t.tagged("j") || t.tagged("nx");
    }
}
