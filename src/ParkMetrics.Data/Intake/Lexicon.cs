namespace ParkMetrics.Data.Intake;

/// <summary>
/// The words of Chinese economic reporting the intake reads figures by, in simplified characters (the reading of a
/// traditional text is simplified first). Each list says what the words mean, not where a report used them.
/// </summary>
internal static class Lexicon
{
    /// <summary>Just before a number: the figure is approximate (约3亿元, 近624亿元, 将近, 接近, 大约).</summary>
    public static readonly string[] ApproxBefore = ["将近", "接近", "大约", "大概", "约", "近"];

    /// <summary>Just after the unit: approximate (300亿元左右).</summary>
    public static readonly string[] ApproxAfter = ["左右"];

    /// <summary>Just before a number: a lower bound (超1500亿元, 超过, 逾, 突破100吉瓦, 不少于, 高于).</summary>
    public static readonly string[] OverBefore = ["超过", "超出", "不少于", "不低于", "高于", "多于", "突破", "超", "逾"];

    /// <summary>Between the number and the unit (6000余人, 100多家), or after the unit (30%以上).</summary>
    public static readonly string[] OverInfix = ["余", "多"];
    public static readonly string[] OverAfter = ["以上", "有余", "多"];

    /// <summary>An upper bound (不足5%, 不到, 低于, 少于; 10%以下, 以内).</summary>
    public static readonly string[] UnderBefore = ["不足", "不到", "低于", "少于", "未满", "不超过"];
    public static readonly string[] UnderAfter = ["以下", "以内"];

    /// <summary>Earlier in the sentence: what follows is a forecast (预计完成60亿元, 有望, 将达到).</summary>
    public static readonly string[] Forecast = ["预计", "预期", "预估", "有望", "可望", "将达到", "将达", "将突破", "将超过"];

    /// <summary>A goal: the period becomes a target (力争到2025年, 确保, 目标, 计划到).</summary>
    public static readonly string[] TargetBefore = ["力争", "确保", "目标是", "目标为", "目标：", "计划到", "规划到", "要达到", "奋斗目标是", "预期目标是"];

    /// <summary>Before 目标: progress against a goal (完成年度目标任务78.6%), not a goal.</summary>
    public static readonly string[] TargetProgress = ["完成", "超进度", "超额完成", "超"];

    /// <summary>After the number in its clause: 形成年产值500亿元的宏伟目标.</summary>
    public static readonly string[] TargetAfter = ["目标", "任务"];

    /// <summary>An average per year over several years (年均增长5%).</summary>
    public static readonly string[] Average = ["年均", "年平均", "平均每年", "每年平均"];

    /// <summary>A fall: a growth rate printed after these is negative (下降3.2%).</summary>
    public static readonly string[] Fall = ["同比下降", "同比减少", "下降", "减少", "回落", "降低", "下滑", "负增长"];

    /// <summary>Just before a % figure: a growth rate.</summary>
    public static readonly string[] Growth =
        ["同比增长", "同比增加", "同比提高", "增长", "增速", "增幅", "增加", "上涨", "提高", "提升", "拉动", "同比", "下降", "减少", "回落", "降低", "下滑", "负增长"];

    /// <summary>Just before a % figure: a share of a whole (占…比重, 占比, 份额, 贡献了).</summary>
    public static readonly string[] Share = ["比重", "占比", "份额", "占", "贡献了", "贡献", "比例"];

    /// <summary>The clause says how many exist (a stock), rather than how many were added over the period.</summary>
    public static readonly string[] Stock =
        ["拥有", "现有", "共有", "已有", "存量", "余额", "保有", "总数", "总量达", "累计达", "集聚", "聚集", "入驻", "在建", "在库", "户籍", "常住"];

    /// <summary>Verbs of doing or adding over a period: the figure they govern is a flow (新增企业5家, 兑现退税1.83亿元).</summary>
    public static readonly string[] Flow =
        ["新增", "新建", "新认定", "新培育", "新引进", "新开工", "新签约", "新登记", "引进", "落地", "签约", "入规", "实施", "开工", "建成", "投产",
         "完成", "实现", "办理", "举办", "组织", "开展", "帮助", "兑现", "发放", "收集", "解决", "申报", "争取", "获批", "获评", "认定", "培育",
         "招引", "招商", "谋划", "对接", "受理", "减免", "吸纳", "带动", "投入", "收储", "盘活", "销售", "出口", "进口", "缴纳", "上缴",
         "创建", "开发", "改造", "建设"];

    /// <summary>Nouns of what happens over a period: a level named by them is a flow (产值, 产量, 投资, 收入).</summary>
    public static readonly string[] FlowNouns = ["产值", "产量", "投资", "收入", "营收", "税收", "利润", "销售额", "出口额", "进出口", "增加值", "发电量", "产生量"];

    /// <summary>After the number in its clause: the number is what a project, line or plant will make (2000吨电子级多晶硅项目).</summary>
    public static readonly string[] Plant = ["项目", "生产线", "产线", "基地", "工厂", "装置", "机组"];

    /// <summary>约 ends these words without meaning "about" (签约, 节约); 近 likewise (最近, 附近).</summary>
    public static readonly string[] NotApprox = ["签约", "节约", "制约", "预约", "合约", "契约", "条约", "公约", "邀约", "违约", "履约", "特约", "集约", "最近", "附近", "临近", "靠近", "就近"];

    /// <summary>Per-mu and per-head figures: 亩均产值198万元 is in 万元/亩.</summary>
    public static readonly (string Word, string Per)[] PerUnit = [("亩均", "亩"), ("每亩", "亩"), ("人均", "人"), ("户均", "户")];

    /// <summary>Before a number: the number is the size of a national list or batch (全国首批10家), not the park's figure.</summary>
    public static readonly string[] ListSizeBefore = ["首批", "全国首批", "全省首批", "第一批"];

    /// <summary>After 以上/以下: the figure is a threshold naming a class (产值50亿元以上企业3家), not a figure.</summary>
    public static readonly string[] ThresholdAfter = ["企业", "项目", "的", "工业", "规模", "重点", "大项目", "产业", "园区"];

    /// <summary>Capacity words: the figure is what a plant can produce, not what it produced.</summary>
    public static readonly string[] Capacity = ["产能", "生产能力", "装机", "规模", "年产", "年处理", "设计能力", "处理能力"];

    /// <summary>Verbs and fillers between an indicator's name and its number (完成规上产值338亿元 → 规上产值).</summary>
    public static readonly string[] LinkingWords =
        ["累计完成", "累计实现", "累计达到", "累计达", "分别为", "分别达", "达到了", "实现了", "完成了", "增加至", "增长至", "增加到", "增长到",
         "提高到", "提高至", "提升至", "提升到", "下降至", "下降到", "降至", "增至", "达到", "达", "为", "是", "完成", "实现", "共计", "合计",
         "共", "累计", "有", "录得", "约", "近", "将近", "接近", "超过", "超", "逾", "突破", "预计", "可实现", "可", "了", "的", "均", "由",
         "从", "保持在", "保持", "稳定在", "在", "至", "到"];

    /// <summary>Words that open a clause without naming anything (其中, 同时, 全年).</summary>
    public static readonly string[] Openers =
        ["其中", "同时", "此外", "另外", "另", "全年", "当年", "今年", "目前", "当前", "截至目前", "以来", "期间", "时期", "五年来", "共", "累计", "先后", "并", "及", "和",
         "总计", "累计完成", "累计实现", "实现了", "完成了", "实现", "完成", "全面完成"];

    /// <summary>After a unit: the number is a grade or a specification (万吨级, 千亿级), not a figure.</summary>
    public static readonly string[] SpecificationAfter = ["级", "型", "代", "号", "期", "线"];

    /// <summary>Right after a number: a date, a time, an age or a rank, never a figure.</summary>
    public static readonly string[] NotAFigureAfter = ["年", "月", "日", "号", "时", "点", "分", "秒", "岁", "届", "周年", "期", "版", "楼", "层", "路", "代", "名次"];

    /// <summary>Before a distance unit, or after it: 距…, 约400米外.</summary>
    public static readonly string[] DistanceBefore = ["距", "离", "相距", "距离", "半径", "向东", "向西", "向南", "向北"];
    public static readonly string[] DistanceAfter = ["外", "处", "远", "之外", "以外"];

    /// <summary>Before a mention of a park: the park is what a figure is compared with or a share of, not its subject.</summary>
    public static readonly string[] ReferenceBefore = ["占", "较", "比", "相比", "对", "向", "为", "全"];

    /// <summary>A generic name for the park the report is about (园区, 该园区, 全区).</summary>
    public static readonly string[] GenericPark = ["该园区", "全园区", "园区", "全区", "本园区"];

    /// <summary>Legal and place words an enterprise's short name drops (青海丽豪清能股份有限公司 → 丽豪清能).</summary>
    public static readonly string[] CompanySuffixes = ["股份有限公司", "有限责任公司", "集团有限公司", "有限公司", "集团", "公司"];
    public static readonly string[] CompanyPrefixes = ["青海省", "青海", "西宁市", "西宁"];

    /// <summary>Shortened names in reporting, expanded before indicator names are compared (规上 → 规模以上).</summary>
    public static readonly (string Short, string Long)[] Abbreviations =
    [
        ("规上", "规模以上"), ("限上", "限额以上"), ("固投", "固定资产投资"), ("社零", "社会消费品零售总额"), ("外贸", "进出口"),
        ("营收", "营业收入"), ("主营收入", "主营业务收入"), ("增加值增速", "增加值增长"), ("批零", "批发零售"), ("非工", "非工业"),
        ("固废", "固体废物"), ("高企", "高新技术企业"), ("规下", "规模以下"),
    ];

    /// <summary>A news item starts here (本报讯, 本报记者 …): what came before was another item on the page.</summary>
    public static readonly string[] NewsItemMarkers = ["本报讯", "本报记者", "本报实习记者", "特约记者", "通讯员", "新华社", "记者 ", "记者"];

    /// <summary>Multipliers printed between a number and its unit (1.2万亿元, 11.2万吨).</summary>
    public static readonly string[] Multipliers = ["万亿", "千万", "百万", "十万", "万", "亿", "千", "百"];
}
