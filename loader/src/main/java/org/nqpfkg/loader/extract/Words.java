package org.nqpfkg.loader.extract;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.nqpfkg.loader.OntologyFiles;

/** The loader's word lists from the ontology folder: data that rules consult, never code. */
public final class Words {
    /** Organisation suffixes (集团, 公司, 部 body …): organization-suffixes.txt. */
    public final WordList organizationSuffixes;
    /** What a name does not reach back over (在, 董事长 …) and where a long one may open (国家 anchor): organization-name-edges.txt. */
    public final WordList organizationEdges;
    /** Words that make an organisation-like name generic (本公司, 科技 …): organization-generic-words.txt. */
    public final WordList organizationGeneric;
    /** Technologies (人工智能, GPU …): technology-words.txt. */
    public final WordList technologies;
    /** Words that tell a level (员工 employee …): level-cues.txt. */
    public final WordList levelCues;
    private final Set<String> technologiesFolded = new HashSet<>();

    private Words(OntologyFiles files) {
        organizationSuffixes = WordList.parse(files.text("organization-suffixes.txt"));
        organizationEdges = WordList.parse(files.text("organization-name-edges.txt"));
        organizationGeneric = WordList.parse(files.text("organization-generic-words.txt"));
        technologies = WordList.parse(files.text("technology-words.txt"));
        levelCues = WordList.parse(files.text("level-cues.txt"));
        for (String t : technologies.entries()) technologiesFolded.add(t.toLowerCase(Locale.ROOT));
    }

    public static Words from(OntologyFiles files) { return new Words(files); }

    /** A technology word; Latin ones whatever their case (GPU, gpu). */
    public boolean isTechnology(String word) { return technologiesFolded.contains(word.toLowerCase(Locale.ROOT)); }
}
