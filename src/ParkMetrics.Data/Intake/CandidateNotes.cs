using System.Globalization;

namespace ParkMetrics.Data.Intake;

/// <summary>What a candidate's notes say, in the reader's language (Chinese unless the UI culture is another language).</summary>
public static class CandidateNotes
{
    private static bool Chinese => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName is "zh" or "iv";

    private static string Say(string zh, string en) => Chinese ? zh : en;

    public static string Describe(CandidateNote note, Candidate c) => note switch
    {
        CandidateNote.PeriodNotStated => Say("文中未写明期间，请选择", "the text states no period: choose one"),
        CandidateNote.PointAtReportDate => Say("文中未写明时点，按报道日期计，请核对", "the text states no date: read as of the report's date, please check"),
        CandidateNote.YearFromReportDate => Say($"文中未写明年份，按报道日期取 {c.PeriodStart?.Year ?? c.PeriodEnd?.Year} 年，请核对",
            $"the text never states the year: {c.PeriodStart?.Year ?? c.PeriodEnd?.Year} taken from the report's date, please check"),
        CandidateNote.ReportDateUnknown => Say("报道日期未知，“今年”“目前”无法确定日期：请填写发布日期或选择期间",
            "the report's date is unknown, so 今年/目前 cannot be dated: give the publication date or choose the period"),
        CandidateNote.SubjectFromReport => Say("附近未点名园区或企业，取本报道的主要园区，请核对", "no park or enterprise is named nearby: the report's main park was taken, please check"),
        CandidateNote.SubjectNotStated => Say("报道未点名目录中的园区或企业，请选择", "the report names no park or enterprise of the catalog: choose one"),
        CandidateNote.NewIndicator => Say($"没有合适的指标，建议新建“{c.IndicatorName}”", $"no indicator fits: a new one, '{c.IndicatorName}', is proposed"),
        CandidateNote.NewUnit => Say($"单位“{c.Unit}”不在目录中，请先新建该单位", $"the unit '{c.Unit}' is not in the catalog: add it first"),
        CandidateNote.RespectivelyUnpaired => Say("“分别”后的数值无法与前文的对象或年份一一对应，请核对", "the numbers after 分别 could not be paired with the subjects or years before it: please check"),
        CandidateNote.PeriodNotSupported => Say("该期间（规划期以外的跨年合计）没有对应的期间类型，请选择", "the period (a multi-year total outside a plan) has no period kind: choose one"),
        CandidateNote.NegativeFromWording => Say("按“下降/减少”记为负值", "recorded as negative because the text says it fell"),
        CandidateNote.QualifierAlsoPrinted => Say("既是预计数又带有“约/超”等修饰，记为预计，原词见引文", "both a forecast and qualified (约/超 …): kept as a forecast, the word is in the quote"),
        _ => note.ToString(),
    };
}
