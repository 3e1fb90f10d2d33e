package org.nqpfkg.server.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes a folder of invented documents for benchmarks: opinions, news items, proposals roundups and op-eds
 * that differ in their companies, people, sectors, years, sentences and structure, and that name the seed's
 * concepts as real texts on the subject do. Deterministic for a given size; nothing is copied from a real text.
 */
public final class CorpusGenerator {
    private CorpusGenerator() {}

    private static final String[] PLACES = {"江川", "云岭", "海澄", "北原", "青溪", "南屿", "东陵", "西峡", "临川", "星州", "桐江", "白沙"};
    private static final String[] STEMS = {"星河", "云帆", "远航", "天衡", "衡正", "启明", "海睿", "长风", "智拓", "鼎新", "华岳", "泰和",
            "恒达", "锦程", "睿驰", "凌云", "博远", "瀚海", "翔宇", "晨曦"};
    private static final String[] SUFFIXES = {"集团", "科技有限公司", "重工集团", "智能科技", "数据研究院", "人工智能实验室", "物流集团", "汽车集团"};
    private static final String[] SECTORS = {"制造", "物流", "医疗", "金融", "教育", "能源", "交通", "零售", "农业", "文旅", "纺织", "化工",
            "钢铁", "电子信息", "生物医药", "新材料", "港口", "建筑"};
    private static final String[] FAMILY = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙"};
    private static final String[] GIVEN = {"建国", "海燕", "明远", "思琪", "立群", "晓东", "卫东", "静怡", "子涵", "浩然", "雨桐", "志强"};
    private static final String[] KNOWN = {"小米集团", "华为", "三一重工", "海尔集团", "美的集团", "京东物流"};
    private static final String[] CONCEPT_SENTENCES = {
            "推动创新链、产业链、资金链、人才链深度融合,是培育新质生产力的重要抓手。",
            "能力整合机制和能力学习机制帮助劳动者掌握新技能,岗位结构随之优化。",
            "企业借助资源重组机制和资源利用机制,重塑营销、供应链和人力资源等职能。",
            "在产业层面,溢出融合机制与生态协同机制推动产业集群转型升级。",
            "人工智能的数据驱动、算力支持和算法引领特征,正在改变生产要素的组合方式。",
            "也要看到,技术超载、职业倦怠和失业风险需要配套的转岗与再就业支持政策。",
            "生成式人工智能加快进入研发设计环节,新型劳动者的数字技能要求不断提高。",
            "完善失业保险制度,稳妥应对人工智能带来的岗位替代。",
            "专家认为,自动化路径和增强路径并行,将推动员工层面的能力重构。",
            "数字基础设施建设政策与创新激励政策协同发力,为新质生产力提供支撑。"};
    private static final String[] FILLER = {
            "各方面要加强统筹协调,形成工作合力。",
            "相关部门将加强跟踪评估,及时总结推广经验做法。",
            "业内人士表示,这一趋势将在未来几年持续深化。",
            "从实践看,应用场景的开放程度决定了技术落地的速度。",
            "同时,要防范数据安全和算法偏差等风险。",
            "记者在现场看到,生产线上的机械臂正在有序作业。",
            "不少中小企业反映,转型的主要困难在于人才和资金。",
            "下一步,将围绕重点环节持续发力,推动高质量发展。"};

    /** Writes {@code count} documents (and sidecars for some) into {@code folder}; returns their paths. */
    public static List<Path> write(Path folder, int count, long seed) throws IOException {
        Files.createDirectories(folder);
        Random r = new Random(seed);
        List<Path> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String text = switch (i % 4) {
                case 0 -> opinion(r, i);
                case 1 -> news(r, i);
                case 2 -> proposals(r, i);
                default -> opEd(r, i);
            };
            Path f = folder.resolve(String.format("doc-%05d.txt", i));
            Files.writeString(f, text, StandardCharsets.UTF_8);
            if (i % 4 == 0) Files.writeString(folder.resolve(String.format("doc-%05d.meta.json", i)),
                    "{\"language\": \"zh\", \"date\": \"" + (2023 + r.nextInt(3)) + "-0" + (1 + r.nextInt(9)) + "-15\"}", StandardCharsets.UTF_8);
            out.add(f);
        }
        return out;
    }

    /** Words the documents use that no rule types: a probe that states one as a path brings a name stored sentences hold. */
    static final String[] UNTYPED = {"统筹协调", "跟踪评估", "经验做法", "应用场景", "技术落地", "数据安全", "机械臂", "生产线", "垂直场景",
            "工业大模型", "行业大模型", "标杆企业", "智能化改造", "重点行业", "核心产业", "市场主体", "场景牵引", "组织领导", "资金支持",
            "数字技能", "研发设计", "岗位结构", "产业集群", "新技能", "岗位替代", "高质量发展", "中小企业", "工作合力", "重点环节", "前沿领域"};

    /** A short op-ed that states {@code path} to be a key path: loading it types a name the stored documents already use. */
    public static String probe(Random r, int i, String path) {
        return "关于培育新质生产力的再思考(探针" + i + ")\n\n" + person(r) + "\n\n"
                + path + "是推动新质生产力发展的关键路径。" + body(r, 2) + "\n\n"
                + "从产业看," + sectors(r) + "正在加快智能化改造。" + body(r, 2) + "\n";
    }

    static String company(Random r, int i) {
        return pick(r, PLACES) + pick(r, STEMS) + pick(r, SUFFIXES);
    }

    static String person(Random r) { return pick(r, FAMILY) + pick(r, GIVEN); }

    static String sectors(Random r) {
        List<String> items = new ArrayList<>();
        while (items.size() < 3 + r.nextInt(2)) {
            String s = pick(r, SECTORS);
            if (!items.contains(s)) items.add(s);
        }
        return String.join("、", items.subList(0, items.size() - 1)) + "和" + items.get(items.size() - 1) + "等" + (r.nextBoolean() ? "领域" : "行业");
    }

    static String body(Random r, int sentences) {
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < sentences; k++) b.append(r.nextInt(3) == 0 ? pick(r, CONCEPT_SENTENCES) : pick(r, FILLER));
        return b.toString();
    }

    static String opinion(Random r, int i) {
        String place = pick(r, PLACES);
        int year = 2026 + r.nextInt(4);
        return place + "关于加快人工智能赋能新质生产力发展的实施意见(" + i + ")\n\n"
                + "为加快培育新质生产力,结合本地实际,提出如下意见。\n\n"
                + "一、总体要求\n\n"
                + "到" + year + "年,人工智能核心产业规模达到" + (100 + r.nextInt(900)) + "亿元,培育" + (10 + r.nextInt(90)) + "家标杆企业。"
                + "到\"十五五\"末,重点行业智能化改造覆盖率超" + (50 + r.nextInt(40)) + "%。" + body(r, 2) + "\n\n"
                + "二、重点任务,推动融合发展\n\n"
                + "(一)强化场景牵引。在" + sectors(r) + "开放应用场景。" + body(r, 3) + "\n\n"
                + "(二)培育市场主体。支持" + company(r, i) + "、" + company(r, i) + "建设行业大模型。" + body(r, 2) + "\n\n"
                + "三、保障措施\n\n"
                + "一是加强组织领导。" + body(r, 1) + "二是加大资金支持。" + body(r, 2) + "\n";
    }

    static String news(Random r, int i) {
        String co = company(r, i);
        return co + "发布工业大模型 助力新质生产力(" + i + ")\n\n"
                + "本台记者" + person(r) + "报道:" + co + "近日发布新一代工业大模型,已在" + sectors(r) + "落地应用。\n\n"
                + "公司负责人" + person(r) + "表示,与" + pick(r, KNOWN) + "等企业相比,公司更注重垂直场景。" + body(r, 2) + "\n\n"
                + body(r, 3) + "\n";
    }

    static String proposals(Random r, int i) {
        StringBuilder b = new StringBuilder("代表委员建言人工智能与新质生产力(" + i + ")\n\n");
        for (int k = 0; k < 3; k++)
            b.append("全国政协委员、").append(company(r, i)).append("董事长").append(person(r)).append("建议,在").append(sectors(r))
                    .append("加快推广人工智能应用。").append(body(r, 2)).append("\n\n");
        b.append("全国人大代表").append(person(r)).append("提出,到").append(2027 + r.nextInt(4)).append("年建成")
                .append(10 + r.nextInt(40)).append("个行业数据空间。").append(body(r, 1)).append("\n");
        return b.toString();
    }

    static String opEd(Random r, int i) {
        return "以人工智能培育新质生产力的几点思考(" + i + ")\n\n"
                + person(r) + "\n\n"
                + "人机协同是提升劳动者技能的关键路径。" + body(r, 3) + "\n\n"
                + "对企业而言,数据要素化是重塑竞争优势的基本路径。" + pick(r, KNOWN) + "的实践表明," + body(r, 2) + "\n\n"
                + "从产业看," + sectors(r) + "正在加快智能化改造。" + body(r, 3) + "\n";
    }

    private static String pick(Random r, String[] from) { return from[r.nextInt(from.length)]; }
}
