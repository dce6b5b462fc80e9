using System.Globalization;

namespace ParkMetrics.Data.Seeding;

/// <summary>A problem in one field of one line of a seed file, reported as <c>file:line: field: reason</c>.</summary>
public sealed record SeedError(string File, int Line, string Field, string Reason)
{
    public override string ToString() => $"{File}:{Line}: {Field}: {Reason}";
}

/// <summary>
/// The errors of one file or set of files in the order found: the first <see cref="Limit"/>, then one saying where
/// checking stopped. Readers stop once <see cref="Full"/>, so a million bad rows cost no more than the first thousand.
/// </summary>
public sealed class SeedErrors : IReadOnlyList<SeedError>
{
    public const int Limit = 1000;

    private readonly List<SeedError> errors = [];
    private bool stopped;

    public bool Full => errors.Count >= Limit;
    public int Count => errors.Count;
    public SeedError this[int index] => errors[index];

    public void Add(SeedError error)
    {
        if (!Full) errors.Add(error);
    }

    public void AddRange(IEnumerable<SeedError> more)
    {
        foreach (var error in more) Add(error);
    }

    /// <summary>Says that checking stopped at <paramref name="line"/> of <paramref name="file"/>, <paramref name="left"/> rows after it unchecked.</summary>
    public void Stop(string file, int line, int left)
    {
        if (stopped) return;
        stopped = true;
        errors.Add(new SeedError(file, line, "-", Reason.TooManyErrors(Limit, left)));
    }

    public IEnumerator<SeedError> GetEnumerator() => errors.GetEnumerator();
    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}

public sealed class SeedValidationException(IReadOnlyList<SeedError> errors)
    : Exception(string.Join(Environment.NewLine, errors))
{
    public IReadOnlyList<SeedError> Errors { get; } = errors;
}

/// <summary>Reasons in the reader's language: Chinese unless the UI culture is another language.</summary>
internal static class Reason
{
    private static bool Chinese => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName is "zh" or "iv";

    private static string Say(string zh, string en) => Chinese ? zh : en;

    public static string MissingFile => Say("缺少文件", "file is missing");
    public static string Header(string expected) => Say($"表头应为 {expected}", $"header must be {expected}");
    public static string ExtraFields(int found, int expected) =>
        Say($"该行有 {found} 个字段，应为 {expected} 个（含逗号的字段须用双引号括起）", $"the row has {found} fields, not {expected} (a field holding a comma must be in double quotes)");
    public static string TooManyErrors(int limit, int left) =>
        Say($"错误已达 {limit} 个，在此停止检查，其后还有 {left} 行未检查", $"{limit} errors found: checking stopped here, {left} more rows not checked");
    public static string TooLong(string zhField, string enField, int max, int length) =>
        Say($"{zhField}最多 {max} 个字符（现有 {length} 个）", $"the {enField} may be at most {max} characters long (it has {length})");
    public static string KeyHeldByDeleted(string source, decimal value, string unit) =>
        Say($"来源 {source} 已有该数据的一条已删除记录（{value:0.##########}{unit}）：请在“已删除数据”中恢复它，或选择其他来源",
            $"source {source} already holds this figure, deleted ({value:0.##########} {unit}): restore it under Deleted figures, or choose another source");
    public static string RestoreReasonRequired => Say("恢复数据需要填写原因", "restoring a figure needs a reason");
    public static string AlreadyRestored => Say("该数据已被他人恢复，列表已刷新", "someone else has restored this figure meanwhile; the list has been refreshed");
    public static string FigureGone => Say("该数据已不存在，列表已刷新", "this figure no longer exists; the list has been refreshed");
    public static string NotUtf8 =>
        Say("文件以 UTF-8 标记开头，但此行含有不是 UTF-8 的字节：请以 UTF-8 重新保存", "the file starts with a UTF-8 byte order mark, but this line holds bytes that are not UTF-8: save it again as UTF-8");
    public static string Required => Say("不能为空", "is required");
    public static string ControlCharacter => Say("含有控制字符", "contains a control character");
    public static string NotNumber(string v) => Say($"“{v}”不是数字", $"'{v}' is not a number");
    public static string NotDate(string v) => Say($"“{v}”不是 YYYY-MM-DD 格式的日期", $"'{v}' is not a date in YYYY-MM-DD form");
    public static string OneOf(string v, IEnumerable<string> allowed) =>
        Say($"“{v}”不是允许的值（{string.Join("、", allowed)}）", $"'{v}' is not one of {string.Join(", ", allowed)}");
    /// <param name="nearest">The valid codes closest to <paramref name="v"/>, named so that a typo is easy to correct.</param>
    public static string Unknown(string what, string v, IReadOnlyList<string> nearest) => nearest.Count == 0
        ? Say($"未知的{ZhName(what)}“{v}”", $"unknown {what} '{v}'")
        : Say($"未知的{ZhName(what)}“{v}”（最接近：{string.Join("、", nearest)}）", $"unknown {what} '{v}' (nearest: {string.Join(", ", nearest)})");
    public static string Duplicate(int firstLine) => Say($"与第 {firstLine} 行重复", $"duplicates line {firstLine}");
    public static string UnitDimension(string unit, string indicator, string canonical) =>
        Say($"单位“{unit}”不能换算为指标 {indicator} 的单位“{canonical}”", $"unit '{unit}' does not convert to {indicator}'s unit '{canonical}'");
    public static string EnterprisePark(string enterprise, string park) =>
        Say($"企业“{enterprise}”属于园区 {park}", $"enterprise '{enterprise}' belongs to park {park}");
    public static string PeriodShape(string kind) => Say($"起止日期不符合期间类型 {kind}", $"dates do not fit period kind {kind}");
    public static string PeriodOrder => Say("开始日期晚于结束日期", "start is after end");
    public static string QuoteTooLong(int max) => Say($"引文超过 {max} 个字符", $"quote is longer than {max} characters");
    public static string QuoteLacksValue(string v) => Say($"引文不含数值“{v}”", $"quote does not contain the value '{v}'");
    public static string QuoteNotInArticle(string file) => Say($"引文不在文章 {file} 中", $"quote is not in article {file}");
    public static string ArticleMissing(string file) => Say($"找不到文章 {file}", $"article {file} not found");
    public static string OutOfRange(string v) =>
        Say($"数值“{v}”超出可精确保存的范围（整数部分最多 18 位，换算后小数最多 10 位）", $"value '{v}' cannot be stored exactly (at most 18 digits before and 10 after the point once converted)");
    public static string QuoteNotInSource(string source) =>
        Say($"引文不在来源 {source} 的原文中", $"quote does not stand verbatim in the text of source {source}");
    public static string QuoteRequiredBySource(string source) =>
        Say($"来源 {source} 有原文，须填写原文中的引文", $"source {source} has a text: a quote from it is required");
    public static string SourceRetired(string source) => Say($"来源 {source} 已停用，不能再添加数据", $"source {source} is retired and takes no new figures");
    public static string MeasureMismatch(string v, string indicator, string measure) =>
        Say($"“{v}”与指标 {indicator} 的度量“{measure}”不符", $"'{v}' is not indicator {indicator}'s measure '{measure}'");
    public static string OfIndicator(Entities.Indicator i, string reason) => Say($"{i.NameZh}：{reason}", $"{i.NameEn}: {reason}");
    public static string NotForKind(string kind) => Say($"关系类型 {kind} 不用此列，应留空", $"must be empty for a {kind} relationship");
    public static string SameIndicator => Say("不能与指标本身相同", "must not be the indicator itself");
    public static string TooLong(int max) => Say($"超过 {max} 个字符", $"is longer than {max} characters");
    public static string Cycle => Say("上级关系构成循环", "parent chain forms a cycle");

    private static string ZhName(string what) => what switch
    {
        "park" => "园区",
        "indicator" => "指标",
        "unit" => "单位",
        "source" => "来源",
        "enterprise" => "企业",
        "dimension" => "量纲",
        _ => what,
    };
}
