package org.nqpfkg.loader.text;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nqpfkg.loader.testing.PdfText;

/** Sections (headings and run-in markers) and sentences of a small hand-made paper. */
class StructureTest {
    static final String PAPER = PdfText.page(
            "#摘要:本文以三家制造企业为样本,考察生成式人工智能如何改变员工技能结构、企业组织方式和产业协作格局,并提出分阶段的政策建议。",
            "#关键词:生成式人工智能;新质生产力;组织变革",
            "#一、引言",
            "生成式人工智能正在从实验室走向车间。一位车间主任说:“先让机器学会看图纸。”这句话道出了转型的难点,员工、企业和产业三个层面的变化并不同步。",
            "#二、理论框架",
            "#（一）员工层面的理论基础",
            "员工层面的讨论围绕两个问题展开。（1）员工如何获得新技能？已有研究强调在岗学习的作用。（2）员工如何分配注意力？注意力理论提供了解释。",
            "#1.人工智能重塑员工技能的路径：",
            "#“学习-创造”路径",
            "该路径可以分为两个阶段。第一,员工在智能导师的帮助下掌握新设备的操作要领。第二,员工把节省出来的时间投入到工艺改进中！",
            "#（二）企业层面的理论基础",
            "首先,企业需要重新设计岗位。其次,企业需要重建数据治理体系。最后,企业需要调整考核方式,使之与人机协作相适应。",
            "#三、政策建议",
            "具体措施包括:①设立专项基金;②建设公共训练平台;③完善效果评估体系。政府还应鼓励企业公开试点经验。",
            "#(1)地方政府应当率先开展试点。",
            "#1.上述措施需要分步实施。",
            "#参考文献",
            "#[1]陈明.生成式人工智能与技能重塑[J].管理世界,2024(3):1-15.");

    static Structure st;

    @BeforeAll
    static void segment() { st = Structure.of(Normaliser.normalise(PAPER)); }

    static Section section(String number, String titleStart) {
        List<Section> found = st.sections().stream()
                .filter(s -> java.util.Objects.equals(s.number, number) && s.title != null && s.title.startsWith(titleStart)).toList();
        assertEquals(1, found.size(), "one section " + number + titleStart + " among " + st.sections());
        return found.get(0);
    }

    static List<String> sentencesOf(Section s) {
        return st.sentences().stream().filter(x -> x.start() >= s.start && x.end() <= s.end()).map(Sentence::text).toList();
    }

    static String text() { return st.text().text(); }

    // --- headings ---

    @Test
    void specialSectionsStandAtTheTop() {
        Section abs = section(null, "摘要");
        assertEquals("abstract", abs.kind);
        assertEquals(1, abs.depth);
        assertNull(abs.parent);
        assertFalse(abs.runIn);
        assertEquals(List.of("摘要", "本文以三家制造企业为样本,考察生成式人工智能如何改变员工技能结构、企业组织方式和产业协作格局,并提出分阶段的政策建议。"),
                sentencesOf(abs));

        Section kw = section(null, "关键词");
        assertEquals("keywords", kw.kind);
        assertEquals(abs.end(), kw.start, "the keywords close the abstract");

        Section refs = section(null, "参考文献");
        assertEquals("references", refs.kind);
        assertEquals(1, refs.depth);
        assertNull(refs.parent);
        assertEquals(text().length(), refs.end());
        assertEquals(refs.start, section("三、", "政策建议").end(), "the references close the last body section");
        assertTrue(sentencesOf(refs).get(1).startsWith("陈明.生成式人工智能与技能重塑"), sentencesOf(refs).toString());
    }

    @Test
    void numberedHeadingsNestByStyle() {
        Section intro = section("一、", "引言");
        Section theory = section("二、", "理论框架");
        Section employee = section("(一)", "员工层面的理论基础");   // written with full-width parentheses
        Section enterprise = section("(二)", "企业层面的理论基础");
        Section path = section("1.", "人工智能重塑员工技能的路径");
        Section policy = section("三、", "政策建议");

        for (Section top : List.of(intro, theory, policy)) {
            assertEquals(1, top.depth, top.toString());
            assertNull(top.parent, top.toString());
            assertEquals("body", top.kind);
        }
        assertEquals("引言", intro.title);
        assertEquals(2, employee.depth);
        assertSame(theory, employee.parent);
        assertSame(theory, enterprise.parent);
        assertEquals(3, path.depth);
        assertSame(employee, path.parent);

        assertEquals(intro.end(), theory.start);
        assertEquals(employee.end(), enterprise.start);
        assertEquals(path.end(), enterprise.start, "a (二) heading closes the 1. inside (一)");
        assertEquals(theory.end(), policy.start);
    }

    @Test
    void numberedHeadingTakesTheSubtitleLineAfterItsColon() {
        Section path = section("1.", "人工智能重塑员工技能的路径");
        assertEquals("“学习-创造”路径", path.subtitle);
        // The title is the heading line (its colon may be kept); the subtitle line is not part of it.
        assertEquals("人工智能重塑员工技能的路径", path.title.replaceFirst(":$", ""));
        String heading = text().substring(path.titleStart, path.titleEnd);
        assertEquals("1.人工智能重塑员工技能的路径:“学习-创造”路径", heading);
        assertFalse(st.sentences().stream().anyMatch(s -> s.text().equals("“学习-创造”路径")), "the subtitle is no paragraph of its own");
    }

    @Test
    void bodyLinesThatStartWithANumberAndEndASentenceAreNotHeadings() {
        // "(1)地方政府…。" and "1.上述措施…。" stand on lines of their own but end with 。: body text.
        assertTrue(st.text().blocks().stream().filter(b -> b.kind() == Block.Kind.HEADING)
                .noneMatch(b -> st.text().slice(b.start(), b.end()).contains("地方政府") || st.text().slice(b.start(), b.end()).contains("上述措施")));
        assertTrue(st.sections().stream().filter(s -> !s.runIn).noneMatch(s -> s.title.contains("上述措施") || s.title.contains("地方政府")));
        Section pilot = section("(1)", "地方政府应当率先开展试点");
        assertTrue(pilot.runIn, "a body sentence that opens with (1) is a run-in section, not a heading");
        Sentence s = st.sentences().stream().filter(x -> x.text().startsWith("(1)地方政府")).findFirst().orElseThrow();
        assertEquals(Block.Kind.PARAGRAPH, s.blockKind());
    }

    // --- run-in sections ---

    @Test
    void parenthesisedNumbersOpenSiblingRunIns() {
        Section employee = section("(一)", "员工层面的理论基础");
        Section first = section("(1)", "员工如何获得新技能");
        Section second = section("(2)", "员工如何分配注意力");
        for (Section r : List.of(first, second)) {
            assertTrue(r.runIn);
            assertSame(employee, r.parent);
            assertEquals(employee.depth + 1, r.depth);
            assertEquals("body", r.kind);
        }
        assertEquals(first.end(), second.start, "(2) closes (1)");
        assertEquals(section("1.", "人工智能重塑员工技能的路径").start, second.end(), "the next heading closes (2)");
        assertEquals(List.of("(1)员工如何获得新技能?", "已有研究强调在岗学习的作用。"), sentencesOf(first));
    }

    @Test
    void ordinalsOpenRunInsUnderTheirHeading() {
        Section path = section("1.", "人工智能重塑员工技能的路径");
        Section first = section("第一", "员工在智能导师的帮助下掌握新设备的操作要领");
        Section second = section("第二", "员工把节省出来的时间投入到工艺改进中");
        assertSame(path, first.parent);
        assertSame(path, second.parent);
        assertEquals(4, first.depth);
        assertEquals(first.end(), second.start);
    }

    @Test
    void sequenceWordsOpenRunIns() {
        Section enterprise = section("(二)", "企业层面的理论基础");
        List<Section> seq = List.of(section("首先", "企业需要重新设计岗位"), section("其次", "企业需要重建数据治理体系"),
                section("最后", "企业需要调整考核方式"));
        for (int i = 0; i < seq.size(); i++) {
            assertSame(enterprise, seq.get(i).parent);
            assertTrue(seq.get(i).runIn);
            if (i > 0) assertEquals(seq.get(i - 1).end(), seq.get(i).start);
        }
        assertEquals(enterprise.end(), seq.get(2).end());
    }

    @Test
    void circledNumbersOpenRunInsAndSplitSentences() {
        Section policy = section("三、", "政策建议");
        Section one = section("①", "设立专项基金");
        Section two = section("②", "建设公共训练平台");
        Section three = section("③", "完善效果评估体系");
        for (Section r : List.of(one, two, three)) {
            assertSame(policy, r.parent);
            assertEquals(2, r.depth);
        }
        assertEquals(one.end(), two.start);
        assertEquals(two.end(), three.start);
        List<String> sentences = sentencesOf(policy);
        assertEquals(List.of("三、政策建议", "具体措施包括:", "①设立专项基金;", "②建设公共训练平台;", "③完善效果评估体系。", "政府还应鼓励企业公开试点经验。"),
                sentences.subList(0, 6));
    }

    // --- sentences ---

    @Test
    void sentencesEndAfterFullStopsQuestionAndExclamationMarksAndClosingQuotes() {
        List<String> intro = sentencesOf(section("一、", "引言"));
        assertEquals(List.of("一、引言", "生成式人工智能正在从实验室走向车间。", "一位车间主任说:“先让机器学会看图纸。”",
                "这句话道出了转型的难点,员工、企业和产业三个层面的变化并不同步。"), intro);
        assertTrue(sentencesOf(section("第二", "员工把节省")).contains("第二,员工把节省出来的时间投入到工艺改进中!"));
        assertTrue(sentencesOf(section("(2)", "员工如何分配注意力")).contains("(2)员工如何分配注意力?"));
    }

    @Test
    void everySentenceHasTheInnermostSectionAroundIt() {
        for (Sentence s : st.sentences()) {
            assertNotNull(s.section(), s.text());
            assertTrue(s.section().contains(s.start()) && s.end() <= s.section().end(), s.text() + " in " + s.section());
            for (Section other : st.sections())
                if (other != s.section() && other.contains(s.start()))
                    assertTrue(other.start <= s.section().start && s.section().end() <= other.end(),
                            s.text() + ": " + other + " is narrower than " + s.section());
        }
        Sentence heading = st.sentences().stream().filter(x -> x.text().equals("(二)企业层面的理论基础")).findFirst().orElseThrow();
        assertSame(section("(二)", "企业层面的理论基础"), heading.section());
        assertEquals(Block.Kind.HEADING, heading.blockKind());
    }

    // --- spans ---

    static void assertSpansInside(Structure s) {
        String text = s.text().text();
        int previousEnd = 0;
        for (Sentence x : s.sentences()) {
            assertTrue(0 <= x.start() && x.start() < x.end() && x.end() <= text.length(), "sentence span " + x);
            assertTrue(x.start() >= previousEnd, "sentences do not overlap: " + x.text());
            assertEquals(text.substring(x.start(), x.end()), x.text());
            assertEquals(x.text().strip(), x.text());
            previousEnd = x.end();
        }
        for (Section sec : s.sections()) {
            assertTrue(0 <= sec.start && sec.start < sec.end() && sec.end() <= text.length(), "section span " + sec);
            assertTrue(sec.start <= sec.titleStart && sec.titleEnd <= sec.end(), "title inside section " + sec);
            assertTrue(s.sentences().stream().anyMatch(x -> x.start() == sec.titleStart), "a sentence opens " + sec);
            if (sec.parent != null) {
                assertTrue(sec.parent.start <= sec.start && sec.end() <= sec.parent.end(), sec + " inside " + sec.parent);
                assertTrue(sec.depth > sec.parent.depth, sec + " deeper than " + sec.parent);
            }
        }
    }

    @Test
    void everySpanOfTheHandMadePaperIsInsideItsText() {
        assertSpansInside(st);
        assertEquals(20, st.sections().size(), st.sections().toString());
    }

    @Test
    void everySpanOfTheSeedPaperIsInsideItsText() throws IOException {
        Structure seed = Structure.of(Normaliser.normalise(Files.readString(PdfText.seed(), StandardCharsets.UTF_8)));
        assertSpansInside(seed);
        assertTrue(seed.sections().size() > 50, "the seed has many sections: " + seed.sections().size());
    }
}
