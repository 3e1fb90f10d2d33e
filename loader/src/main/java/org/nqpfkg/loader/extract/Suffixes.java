package org.nqpfkg.loader.extract;

import java.util.ArrayList;
import java.util.List;
import org.nqpfkg.loader.extract.Segmenter.Token;

/**
 * Names anchored on an organisation suffix (organization-suffixes.txt), read leftwards to their first
 * word: over nouns, place names and other name words, stopping at punctuation, function words, verbs,
 * pronouns, people and their titles (organization-name-edges.txt). A long government name may reach
 * back over verbs to an opening word such as 国家 (国家金融监督管理总局). Generic names (该公司, 科技公司,
 * 有关部门: organization-generic-words.txt) are not names.
 */
final class Suffixes {
    /** A name: its text, UTF-16 span in the sentence, and the suffix (with its kind) that anchored it. */
    record Name(String text, int start, int end, String suffix, String kind) {}

    static final String BODY = "body";
    static final String TAGGED = "tagged";
    static final String COMPANY = "company";
    private static final int MAX_NAME = 24;

    private final Words words;
    private final List<String> entries;

    Suffixes(Words words) {
        this.words = words;
        this.entries = words.organizationSuffixes.entries();
    }

    /** Names in a sentence, given its words and the organisation recogniser's reading of it. */
    List<Name> names(String text, List<Token> tokens, List<Token> guesses) {
        List<Name> out = new ArrayList<>();
        for (String entry : entries) {
            int ellipsis = entry.indexOf('…');
            String prefix = ellipsis >= 0 ? entry.substring(0, ellipsis) : "";
            String suffix = ellipsis >= 0 ? entry.substring(ellipsis + 1) : entry;
            String kind = words.organizationSuffixes.kind(entry);
            for (int at = text.indexOf(suffix); at >= 0; at = text.indexOf(suffix, at + 1)) {
                Name n = name(text, tokens, guesses, at, suffix, prefix, kind);
                if (n != null && out.stream().noneMatch(o -> o.start() == n.start() && o.end() == n.end())) out.add(n);
            }
        }
        return out;
    }

    private Name name(String text, List<Token> tokens, List<Token> guesses, int at, String suffix, String prefix, String kind) {
        int end = at + suffix.length();
        // The suffix must end a word: 大学生, 部门 and 公司化 do not end in an organisation.
        if (!Segmenter.boundary(tokens, end)) return null;
        Token last = Segmenter.at(tokens, end - 1);
        Token guess = Segmenter.endingAt(guesses, end);
        if (guess != null && !guess.organisationTag()) guess = null;
        if (last == null) return null;
        // A one-character suffix (部, 局, 中国…院) also ends ordinary words (内部, 格局): only the segmenter can tell a name's end.
        if ((BODY.equals(kind) || suffix.length() == 1) && !last.word().equals(suffix)
                && !(last.end() == end && (last.organisationTag() || last.tagged("nz"))) && guess == null) return null;
        int start;
        if (TAGGED.equals(kind)) {
            // The recogniser's guess is the whole name, the ending confirms it, and what precedes the ending reads
            // as a name of its own (云帆|科技), not as a common word (先进|科技).
            if (guess == null || guess.start() >= at) return null;
            start = guess.start();
            Token stem = Segmenter.at(tokens, start);
            boolean namedStem = stem != null && stem.end() == at && (OrganizationNames.nameTag(stem) || stem.tagged("nr"));
            if (!namedStem && !(stem != null && opensNounPhrase(tokens, start))) return null;
        } else {
            start = leftEdge(tokens, at, end, BODY.equals(kind));
            // The recogniser may see further back (金杜律师事务所, where 金杜 reads as a person): over name words only.
            // A brand the segmenter reads as a verb (跟|远航物流集团, 、|天衡实验室) is the name's first word where the
            // guess opens a noun phrase: after a preposition, a conjunction, punctuation or at the sentence start.
            if (guess != null && guess.start() < start && (nameWords(tokens, guess.start(), start)
                    || opensNounPhrase(tokens, guess.start()) && plainWords(tokens, guess.start(), start)))
                start = guess.start();
        }
        String name = text.substring(start, end);
        if (!prefix.isEmpty() && !name.startsWith(prefix)) return null;
        String stem = name.substring(0, name.length() - suffix.length());
        int minStem = suffix.length() == 1 ? 2 : 1;
        if (stem.strip().length() < minStem || name.length() > MAX_NAME || generic(name, stem) || activity(tokens, start, at)) return null;
        return new Name(name, start, end, suffix, kind);
    }

    /**
     * Where the name that ends in the suffix at [at, end) begins. A government body's name may also reach
     * back over one 和 joining two remits (市经济和信息化局), when it then opens on an anchor and what follows
     * 和 does not already open a name of its own (中国企业和国家数据局 are two).
     */
    private int leftEdge(List<Token> tokens, int at, int end, boolean body) {
        Token holder = Segmenter.at(tokens, at);
        int start = at;
        // A word that holds the suffix and more ("云帆科技有限公司", "信息化部") brings its beginning, unless it is no name word.
        if (holder != null && holder.start() < at && !stops(holder)) start = holder.start();
        int i = indexEndingAt(tokens, start);
        while (i >= 0 && !stops(tokens.get(i)) && end - tokens.get(i).start() <= MAX_NAME) {
            Token t = tokens.get(i--);
            start = t.start();
            // 国家, 中国, 全国 open a body's name: what stands before them (她建议|国家…办公室) is not part of it.
            if (t.word().length() > 1 && "anchor".equals(words.organizationEdges.kind(t.word()))) break;
        }
        // "国家金融监督管理总局": over verbs to an opening word (国家, a place name), or not at all; never from a
        // name that opens on one already, nor past another name's suffix (国家算力调度局|会同|省发展改革委).
        Token first = Segmenter.at(tokens, start);
        if (i >= 0 && tokens.get(i).verb() && (first == null || !anchor(first))) {
            for (int j = i; j >= 0 && end - tokens.get(j).start() <= MAX_NAME; j--) {
                Token t = tokens.get(j);
                if (anchor(t)) { start = t.start(); break; }
                if (!t.verb() && stops(t) || words.organizationSuffixes.contains(t.word())) break;
            }
        }
        first = Segmenter.at(tokens, start);
        if (body && i >= 1 && tokens.get(i).word().equals("和") && first != null && !anchor(first)) {
            for (int j = i - 1; j >= 0 && !stops(tokens.get(j)) && end - tokens.get(j).start() <= MAX_NAME; j--)
                if (anchor(tokens.get(j))) { start = tokens.get(j).start(); break; }
        }
        return start;
    }

    /**
     * Whether the words in [from, to) may open a name: the first a name word (a noun, place or person name,
     * Latin, a number), the rest name words or verbs (青禾智|造), never a title or function word. A guess
     * that opens with a verb (联合|青藤大学) has swallowed the words before the name.
     */
    private boolean nameWords(List<Token> tokens, int from, int to) {
        boolean first = true;
        for (Token t : tokens) {
            if (t.end() <= from || t.start() >= to) continue;
            if (t.start() < from || t.end() > to) return false;
            boolean name = (t.tag().startsWith("n") || t.tagged("m") || t.tagged("j")) && !stops(t);
            boolean verb = t.verb() && !t.tag().equals("vshi") && !t.tag().equals("vyou") && !WordList.PLAIN.equals(words.organizationEdges.kind(t.word()));
            if (!(name || verb && !first)) return false;
            first = false;
        }
        return true;
    }

    /** Nothing, punctuation, a preposition or a conjunction ends right before {@code offset}: a noun phrase opens there. */
    private static boolean opensNounPhrase(List<Token> tokens, int offset) {
        if (offset == 0) return true;
        int i = indexEndingAt(tokens, offset);
        if (i < 0) return false;
        String tag = tokens.get(i).tag();
        return tag.startsWith("w") || tag.startsWith("p") || tag.startsWith("c");
    }

    /** Words in [from, to) with no punctuation and no person's name among them. */
    private static boolean plainWords(List<Token> tokens, int from, int to) {
        for (Token t : tokens)
            if (t.end() > from && t.start() < to && (t.tag().startsWith("w") || t.tagged("nr"))) return false;
        return true;
    }

    private boolean edgeCharacter(String c) { return WordList.PLAIN.equals(words.organizationEdges.kind(c)); }

    private static int indexEndingAt(List<Token> tokens, int offset) {
        for (int i = 0; i < tokens.size(); i++) if (tokens.get(i).end() == offset) return i;
        return -1;
    }

    private boolean anchor(Token t) {
        return "anchor".equals(words.organizationEdges.kind(t.word())) || t.tagged("ns");
    }

    /** A word that is not part of the name it stands before. */
    private boolean stops(Token t) {
        if (WordList.PLAIN.equals(words.organizationEdges.kind(t.word()))) return true;
        if (t.tagged("nx") || t.tagged("m")) return false;  // OpenAI公司, 360公司
        // The segmenter reads many rare names as people's (星海|商业银行, 澜舟|数据): before a suffix they name the
        // organisation, unless the "name" has swallowed a function word (应由|北辰大学, 李明和|…).
        if (t.tagged("nr")) return edgeCharacter(t.word().substring(0, 1)) || edgeCharacter(t.word().substring(t.word().length() - 1));
        if (t.word().codePoints().anyMatch(c -> Character.UnicodeScript.of(c) != Character.UnicodeScript.HAN)) return true;
        return Enumerations.ends(t);
    }

    /** 该公司, 科技公司, 数据分析公司: the name is a generic word, or everything before its suffix is made of generic words. */
    private boolean generic(String name, String stem) {
        if (words.organizationGeneric.contains(name)) return true;
        for (String g : words.organizationGeneric.entries())
            if (g.length() > 2 && name.endsWith(g) && words.organizationSuffixes.entries().stream().anyMatch(g::endsWith)) return true;
        return madeOfGenericWords(stem);
    }

    /** 评测联盟, 协同创新中心: a stem of verbs and verbal nouns only names an activity, not an organisation. */
    private static boolean activity(List<Token> tokens, int from, int to) {
        boolean any = false;
        for (Token t : tokens) {
            if (t.end() <= from || t.start() >= to) continue;
            if (!t.tag().startsWith("v")) return false;
            any = true;
        }
        return any;
    }

    private boolean madeOfGenericWords(String stem) {
        // reachable[i]: stem[0, i) splits into generic words, technology words and suffix words.
        boolean[] reachable = new boolean[stem.length() + 1];
        reachable[0] = true;
        for (int i = 0; i < stem.length(); i++) {
            if (!reachable[i]) continue;
            for (int j = i + 1; j <= stem.length(); j++) {
                String w = stem.substring(i, j);
                if (words.organizationGeneric.contains(w) || words.isTechnology(w) || words.organizationSuffixes.contains(w)) reachable[j] = true;
            }
        }
        return reachable[stem.length()];
    }
}
