package org.nqpfkg.loader.link;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.nqpfkg.loader.OntologyFiles;

/** Word boundaries, generic heads and overlaps, each as a case of its own. Concepts and sentences are invented. */
class MentionFinderTest {
    static final List<String> GENERIC = OntologyFiles.bundled().words("generic-words.txt");

    static ConceptTable.Index index(ConceptTable.Named... concepts) {
        ConceptTable t = new ConceptTable(GENERIC);
        t.add(new ConceptTable.Contribution(List.of(concepts)));
        return t.index();
    }

    static ConceptTable.Named named(String iri, String kind, String label, String... aliases) {
        return new ConceptTable.Named(iri, kind, List.of(label), List.of(aliases));
    }

    static List<String> found(String sentence, ConceptTable.Index index) {
        return MentionFinder.find(sentence, index).stream()
                .map(f -> sentence.substring(f.start(), f.end()) + "→" + f.entry().concept() + ":" + f.entry().match().value()).toList();
    }

    @Test
    void aLabelInsideACompoundWordIsNotAMention() {
        ConceptTable.Index idx = index(named("x:unemployment", "AIRisk", "失业"));
        assertEquals(List.of(), found("各地将完善失业保险制度。", idx));
        assertEquals(List.of("失业→x:unemployment:label"), found("人工智能可能带来失业风险。", idx));
    }

    @Test
    void aLabelEndingInPathMatchesItsSpecificHead() {
        ConceptTable.Index idx = index(named("x:chain", "Path", "产业链路径"));
        assertEquals(List.of("产业链→x:chain:head"), found("推动创新链、产业链、资金链深度融合。", idx));
        assertEquals(List.of("产业链路径→x:chain:label"), found("产业链路径是关键。", idx), "the head inside the label is not counted again");
    }

    @Test
    void genericHeadsNeverMatchOnTheirOwn() {
        ConceptTable.Index idx = index(named("x:innovation", "Path", "创新路径"), named("x:augment", "Path", "增强路径"),
                named("x:auto", "Path", "自动化路径"), named("x:subst", "Mechanism", "替代机制"));
        assertEquals(List.of(), found("坚持创新驱动,增强企业活力,推进生产自动化,加快进口替代。", idx));
        assertEquals(List.of("创新路径→x:innovation:label"), found("探索创新路径。", idx));
    }

    @Test
    void genericLabelsAndSingleCharactersNeverMatch() {
        ConceptTable.Index idx = index(named("x:enterprise", "Level", "企业层面", "企业", "线"));
        assertEquals(List.of(), found("企业沿着生产线推进改造。", idx));
        assertEquals(List.of("企业层面→x:enterprise:label"), found("在企业层面,改造加快。", idx));
    }

    @Test
    void anAliasMatchesAsAnAlias() {
        ConceptTable.Index idx = index(named("x:sub", "Mechanism", "互补式替代机制", "劳动替代机制"));
        assertEquals(List.of("劳动替代机制→x:sub:alias"), found("劳动替代机制正在显现。", idx));
    }

    @Test
    void aVocabularyTermLendsItsLabelsToTheDocumentConceptOfTheSameName() {
        ConceptTable t = new ConceptTable(GENERIC);
        t.add(new ConceptTable.Contribution(List.of(new ConceptTable.Named("term:sub", ConceptTable.TERM,
                List.of("互补式替代机制"), List.of("劳动替代机制")))));
        assertEquals(List.of("劳动替代机制→term:sub:alias"), found("劳动替代机制正在显现。", t.index()));
        t.add(new ConceptTable.Contribution(List.of(named("doc:sub", "Mechanism", "互补式替代机制"))));
        assertEquals(List.of("劳动替代机制→doc:sub:alias"), found("劳动替代机制正在显现。", t.index()));
    }

    @Test
    void namesStayWhileSomeGraphStillGivesThem() {
        ConceptTable t = new ConceptTable(GENERIC);
        ConceptTable.Contribution a = new ConceptTable.Contribution(List.of(named("x:co", "Organization", "星河重工", "星河")));
        ConceptTable.Contribution b = new ConceptTable.Contribution(List.of(named("x:co", "Organization", "星河重工")));
        t.add(a);
        t.add(b);
        t.remove(a);
        assertEquals(List.of("星河重工→x:co:label"), found("星河重工与星河合作。", t.index()));
        t.remove(b);
        assertEquals(0, t.index().size());
    }

    @Test
    void offsetsOutsideTheBasicPlaneStayOnCodePoints() {
        ConceptTable.Index idx = index(named("x:co", "Organization", "星河重工"));
        String sentence = "𠀀𠀁星河重工发布新品。";
        List<MentionFinder.Found> found = MentionFinder.find(sentence, idx);
        assertEquals(1, found.size());
        assertEquals("星河重工", sentence.substring(found.get(0).start(), found.get(0).end()));
    }

    @Test
    void wordsInsideACitedTitleAreNotMentionsButTheWholeTitleIs() {
        ConceptTable.Index idx = index(named("x:ai", "Term", "人工智能"), named("x:doc", "PolicyDocument", "星河人工智能促进条例"));
        assertEquals(List.of("星河人工智能促进条例→x:doc:label"), found("依据《星河人工智能促进条例》,推进工作。", idx));
        assertEquals(List.of("人工智能→x:ai:label"), found("人工智能赋能。", idx));
    }
}
