using System.Globalization;
using ParkMetrics.Data.Entities;

namespace ParkMetrics.Data.Editing;

/// <summary>The checks on a figure typed by hand, with reasons in the reader's language.</summary>
public static partial class EntryValidation
{
    /// <summary>A change larger than this against the previous year needs a confirmation and a reason.</summary>
    public const decimal LargeChange = 0.5m;

    private static bool Chinese => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName is "zh" or "iv";

    private static string Say(string zh, string en) => Chinese ? zh : en;

    /// <summary>
    /// Reads a number as people type it: 1,234.5 and full-width digits are fine; nothing else is. A comma only
    /// separates thousands: "1,5" (a decimal comma elsewhere) is refused rather than read as 15.
    /// </summary>
    public static bool TryParse(string? text, out decimal value)
    {
        value = 0;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var normalized = new string([.. text.Trim().Select(c => c is >= '０' and <= '９' ? (char)('0' + (c - '０')) : c is '．' ? '.' : c is '－' ? '-' : c is '，' ? ',' : c)]);
        if (normalized.Contains(',', StringComparison.Ordinal) && !ThousandsGrouping().IsMatch(normalized)) return false;
        return decimal.TryParse(normalized.Replace(",", "", StringComparison.Ordinal), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
            CultureInfo.InvariantCulture, out value);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$")]
    private static partial System.Text.RegularExpressions.Regex ThousandsGrouping();

    /// <summary>Null when the value is acceptable for the measure, else why not.</summary>
    public static string? Check(decimal value, MeasureKind measure) => measure switch
    {
        MeasureKind.Share or MeasureKind.Rate when value is < 0 or > 100 => Say("占比和比率应在 0 到 100 之间", "shares and rates must be between 0 and 100"),
        MeasureKind.Count when value < 0 || value != Math.Truncate(value) => Say("个数应为非负整数", "counts must be whole and not negative"),
        MeasureKind.GrowthRate when value is < -100 or > 1000 => Say("增速应在 -100% 到 1000% 之间", "growth rates must be between -100% and 1000%"),
        MeasureKind.Level or MeasureKind.Capacity or MeasureKind.Intensity or MeasureKind.Duration or MeasureKind.Multiple when value < 0 =>
            Say("该指标不能为负数", "this indicator cannot be negative"),
        _ => Math.Abs(value) > Seeding.UnitConversion.MaxStored || value != Math.Round(value, 10)
            ? Say("数值超出可保存的范围", "the value is out of range") : null,
    };

    public static string NotANumber => Say("请输入数字", "enter a number");
    public static string ReasonRequired => Say("变动超过 50%，请确认并填写原因", "a change of more than 50% needs a confirmation and a reason");
    public static string QuoteRequired => Say("该来源有原文，请填写数据所在的原文语句", "this source has a text: quote the passage the figure comes from");
    public static string DeleteReasonRequired => Say("删除数据需要填写原因", "deleting a figure needs a reason");

    /// <summary>Whether going from <paramref name="previous"/> to <paramref name="value"/> is a change of more than half.</summary>
    public static bool IsLargeChange(decimal? previous, decimal value, MeasureKind measure) =>
        previous is { } p && p != 0 && measure is MeasureKind.Level or MeasureKind.Count or MeasureKind.Capacity or MeasureKind.Intensity
        && Math.Abs(value - p) / Math.Abs(p) > LargeChange;
}
