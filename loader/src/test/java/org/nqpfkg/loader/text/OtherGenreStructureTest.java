package org.nqpfkg.loader.text;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Structure of genres other than the PDF-extracted paper: web and news text with blank lines between
 * paragraphs, policy headings that join two phrases with a comma, and the list markers of policy texts.
 * All texts are invented.
 */
class OtherGenreStructureTest {

    static List<String> kindsAndTexts(NormalisedText nt) {
        return nt.blocks().stream().map(b -> b.kind() + ":" + nt.slice(b.start(), b.end())).toList();
    }

    static Structure structure(String raw) { return Structure.of(Normaliser.normalise(raw)); }

    static Section section(Structure st, String number) {
        List<Section> found = st.sections().stream().filter(s -> number.equals(s.number)).toList();
        assertEquals(1, found.size(), "one section " + number + " among " + st.sections());
        return found.get(0);
    }

    // --- B.1 titles of text with blank lines between paragraphs ---

    static final String WEB = """
            星河重工发布工业大模型,云帆科技提供算力支持

            本报讯 记者日前从星河重工获悉,该公司联合云帆科技发布了面向装备制造的工业大模型,首批接入二十条产线。

            公司负责人表示,大模型将质检、排产和设备维护串成一条数据链,预计每年节约运维成本约三千万元。

            业内人士认为,这标志着人工智能正加速从单点应用走向全流程赋能。
            """;

    @Test
    void blankLineSeparatedWebTextKeepsItsTitleLineApart() {
        NormalisedText nt = Normaliser.normalise(WEB);
        List<String> blocks = kindsAndTexts(nt);
        assertEquals(4, blocks.size(), blocks.toString());
        assertEquals("PARAGRAPH:星河重工发布工业大模型,云帆科技提供算力支持", blocks.get(0));
        assertTrue(blocks.get(1).startsWith("PARAGRAPH:本报讯"), blocks.toString());
        assertTrue(blocks.get(3).startsWith("PARAGRAPH:业内人士认为"), blocks.toString());
    }

    @Test
    void aParagraphPerLineEndsAtEachBlankLineEvenWithoutASentenceEnd() {
        NormalisedText nt = Normaliser.normalise("""
                数字经济周报

                第一段介绍本周工业互联网平台的新进展,多个地方出台了配套措施,覆盖数据、算力和人才三个方面

                第二段梳理了三家企业的智能工厂改造情况,改造后设备综合效率平均提高了一成以上。

                第三段汇总了专家对下半年走势的判断,多数专家认为投资仍将保持较快增长。
                """);
        assertEquals(4, nt.blocks().size(), kindsAndTexts(nt).toString());
        assertTrue(kindsAndTexts(nt).get(1).endsWith("三个方面"), kindsAndTexts(nt).toString());
    }

    @Test
    void aShortNewsItemWithADatelineIsNoPdfEither() {
        // Only one line ends a sentence, but no line was cut at a column's width: the dateline is short.
        NormalisedText nt = Normaliser.normalise("""
                星城发布人工智能产业行动计划

                2026-05-20 09:30 来源:星城日报

                记者从市工信局获悉,到2028年,全市人工智能核心产业规模将超过800亿元。
                """);
        assertEquals(List.of("PARAGRAPH:星城发布人工智能产业行动计划", "PARAGRAPH:2026-05-20 09:30来源:星城日报",
                "PARAGRAPH:记者从市工信局获悉,到2028年,全市人工智能核心产业规模将超过800亿元。"), kindsAndTexts(nt));
    }

    @Test
    void aLongTitleLineFollowedByANewlineIsATitleToo() {
        NormalisedText nt = Normaliser.normalise("""
                关于推动人工智能与实体经济深度融合加快培育发展新质生产力的若干措施
                为贯彻落实国家关于发展新质生产力的决策部署,推动人工智能与实体经济深度融合,结合本地实际,制定本措施。
                一、强化算力供给
                统筹布局智能算力中心,推动算力资源跨区域调度,降低中小企业用算成本,提升算力普惠水平。
                """);
        assertEquals("PARAGRAPH:关于推动人工智能与实体经济深度融合加快培育发展新质生产力的若干措施", kindsAndTexts(nt).get(0));
    }

    @Test
    void pdfStyleTextStillJoinsItsShortFirstLineToTheParagraph() {
        // Column-wide lines with a blank line after each: a PDF, where a line break means nothing.
        NormalisedText nt = Normaliser.normalise(String.join("\n\n",
                "两家企业借助智能排产",
                "系统重新安排了生产顺序,设备利用率因此提高,订单交付周期随之缩短,车",
                "间的在制品库存也明显下降,管理者把节省的时间用于改进工艺。") + "\n");
        assertEquals(1, nt.blocks().size(), kindsAndTexts(nt).toString());
    }

    // --- B.2 headings with a comma ---

    @Test
    void numberedHeadingsWithACommaBetweenTwoPhrasesStayHeadings() {
        NormalisedText nt = Normaliser.normalise("""
                关于加快培育新质生产力的实施方案
                二、坚持创新驱动,加快培育新质生产力
                各地要把科技创新摆在突出位置,支持企业建设研发中心,推动科技成果就地转化。
                (三)强化要素保障,优化发展环境
                完善用地、用能和资金保障,落实各项税费优惠政策,营造公平竞争的市场环境。
                """);
        List<Block> headings = nt.blocks().stream().filter(b -> b.kind() == Block.Kind.HEADING).toList();
        assertEquals(2, headings.size(), kindsAndTexts(nt).toString());
        assertEquals("坚持创新驱动,加快培育新质生产力", headings.get(0).title());
        assertEquals("二、", headings.get(0).number());
        assertEquals(1, headings.get(0).depth());
        assertEquals("强化要素保障,优化发展环境", headings.get(1).title());
        assertEquals("(三)", headings.get(1).number());
        assertEquals(2, headings.get(1).depth());
    }

    @Test
    void aNumberedLineThatEndsASentenceOrALongOneIsNoHeading() {
        NormalisedText nt = Normaliser.normalise("""
                (三)强化要素保障,优化发展环境。
                二、坚持创新驱动,加快培育新质生产力,推动传统产业向高端化、智能化和绿色化方向转型升级并带动中小企业共同发展
                """);
        assertTrue(nt.blocks().stream().noneMatch(b -> b.kind() == Block.Kind.HEADING), kindsAndTexts(nt).toString());
    }

    @Test
    void commaHeadingsInPdfStyleTextAreHeadingsToo() {
        String raw = String.join("\n\n",
                "二、坚持创新驱动,加快培育新质生产力",
                "各地要把科技创新摆在突出位置,支持企业建设研发中心,推动科技成果就地转化,",
                "形成一批具有示范作用的标志性成果。") + "\n";
        NormalisedText nt = Normaliser.normalise(raw);
        assertEquals(Block.Kind.HEADING, nt.blocks().get(0).kind(), kindsAndTexts(nt).toString());
    }

    // --- B.3 run-in list items ---

    static final String POLICY = """
            关于人工智能赋能制造业的若干措施
            三、重点任务
            (六)建设公共数据平台。汇聚行业数据资源,向中小企业开放。
            (七)加强组织实施。各地要建立工作专班,明确责任分工。
            四、保障措施
            1.加大财政支持。省级财政每年安排专项资金,支持智能化改造项目。
            2.强化人才支撑。实施数字工匠培养计划,每年培训一线技术人员。
            五、工作要求
            一是压实主体责任。各部门要细化任务清单。二是强化督促检查。定期通报工作进展。三是营造良好氛围。及时总结推广典型经验。
            六、其他事项
            第一,本措施自发布之日起施行。第二,此前规定与本措施不一致的,以本措施为准。
            """;

    @Test
    void parenthesisedNumeralItemsInAParagraphAreRunInSections() {
        Structure st = structure(POLICY);
        Section six = section(st, "(六)");
        Section seven = section(st, "(七)");
        assertTrue(six.runIn && seven.runIn);
        assertEquals("建设公共数据平台", six.title);
        assertEquals("加强组织实施", seven.title);
        assertEquals("重点任务", seven.parent.title);
        assertEquals(six.end(), seven.start, "(七) closes (六)");
    }

    @Test
    void arabicAndIsItemsAreRunInSections() {
        Structure st = structure(POLICY);
        Section one = section(st, "1.");
        Section two = section(st, "2.");
        assertEquals("加大财政支持", one.title);
        assertEquals("强化人才支撑", two.title);
        assertEquals("保障措施", two.parent.title);
        List<String> is = st.sections().stream().filter(s -> s.runIn && s.number.endsWith("是")).map(s -> s.number + s.title).toList();
        assertEquals(List.of("一是压实主体责任", "二是强化督促检查", "三是营造良好氛围"), is);
        Section second = section(st, "第二");
        assertEquals("此前规定与本措施不一致的", second.title);
    }

    @Test
    void numbersThatOpenASentenceButNoListAreNoRunIns() {
        Structure st = structure("""
                关于数字经济发展情况的通报
                一、总体情况
                1.5亿元专项资金已全部下达,带动社会投资超过十亿元。3、4月份新增智能工厂十二家。
                一、二线城市的算力需求增长最快。
                1.上述情况请各地认真研究。
                一是各地要高度重视。
                """);
        assertEquals(List.of("一、总体情况"), st.sections().stream().map(s -> s.number + s.title).toList(),
                "a decimal, a month range, a range of numerals, a lone 1. and a lone 一是 open nothing");
    }

    @Test
    void aListMarkerRestartsUnderTheNextHeading() {
        Structure st = structure("""
                一、甲方面
                1.第一项工作。内容。
                二、乙方面
                2.第二项工作。内容。
                """);
        assertTrue(st.sections().stream().noneMatch(s -> s.runIn), "1. and 2. under different headings are not one list: " + st.sections());
    }
}
