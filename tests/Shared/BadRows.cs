using System.Globalization;
using ParkMetrics.Data.Catalog;

namespace ParkMetrics.Testing;

/// <summary>The one error a broken seed must report, with its reason in both languages.</summary>
internal sealed record ExpectedError(string File, int Line, string Field, string Zh, string En)
{
    public string Reason(CultureInfo culture) => culture.TwoLetterISOLanguageName is "zh" or "iv" ? Zh : En;

    public string Format(CultureInfo culture) => $"{File}:{Line}: {Field}: {Reason(culture)}";
}

/// <summary>
/// Ways to break a copy of the real seed, one problem each. Observation rows are built from a real park-level row of
/// <c>observations.csv</c> with one field changed, so they track the seed as it grows.
/// </summary>
internal static class BadRows
{
    public const string Observations = "observations.csv";

    private const string PeriodKinds = "year, ytd_month, half_year, quarter, plan_cumulative, plan_to_date, annual_average, point, target";

    private static readonly Dictionary<string, Func<SeedFolder, ExpectedError>> Cases = new(StringComparer.Ordinal)
    {
        ["unknown_park"] = f => AppendObservation(f, t => t.With("park", "atlantis"),
            "park", Unknown("园区", "park", "atlantis", Codes(f, "parks.csv"))),
        ["unknown_indicator"] = f => AppendObservation(f, t => t.With("indicator", "industrial_ouput"),
            "indicator", Unknown("指标", "indicator", "industrial_ouput", Codes(f, "indicators.csv"))),
        ["unknown_unit"] = f => AppendObservation(f, t => t.With("unit", "光年"),
            "unit", Unknown("单位", "unit", "光年", Codes(f, "units.csv", withAliases: true))),
        ["unit_of_wrong_dimension"] = f =>
        {
            var template = Template(f);
            var canonical = CanonicalUnit(f, template["indicator"]);
            var dimensions = UnitDimensions(f);
            var wrong = dimensions.First(u => u.Value != dimensions[canonical]).Key;
            return AppendObservation(f, t => t.With("unit", wrong), "unit",
                $"单位“{wrong}”不能换算为指标 {template["indicator"]} 的单位“{canonical}”",
                $"unit '{wrong}' does not convert to {template["indicator"]}'s unit '{canonical}'");
        },
        ["unknown_source"] = f => AppendObservation(f, t => t.With("source", "no-such-article"),
            "source", Unknown("来源", "source", "no-such-article", Codes(f, "sources.csv"))),
        ["unknown_subject_enterprise"] = f => AppendObservation(f, t => t.With("subject", "不存在的企业"),
            "subject", Unknown("企业", "enterprise", "不存在的企业", Codes(f, "enterprises.csv", key: "name"))),
        ["enterprise_in_another_park"] = f =>
        {
            var template = Template(f);
            var enterprise = f.Read("enterprises.csv").Records.First(e => e["park"] != template["park"]);
            return AppendObservation(f, t => t.With("subject", enterprise["name"]), "park",
                $"企业“{enterprise["name"]}”属于园区 {enterprise["park"]}",
                $"enterprise '{enterprise["name"]}' belongs to park {enterprise["park"]}");
        },
        ["bad_date"] = f => AppendObservation(f, t => t.With("period_start", "2023-02-30"),
            "period_start", "“2023-02-30”不是 YYYY-MM-DD 格式的日期", "'2023-02-30' is not a date in YYYY-MM-DD form"),
        ["period_not_fitting_kind"] = f => AppendObservation(f,
            t => t.With("period_kind", "year").With("period_start", "2023-01-01").With("period_end", "2023-06-30"),
            "period_kind", "起止日期不符合期间类型 year", "dates do not fit period kind year"),
        ["start_after_end"] = f => AppendObservation(f,
            t => t.With("period_kind", "point").With("period_start", "2023-02-01").With("period_end", "2023-01-31"),
            "period_end", "开始日期晚于结束日期", "start is after end"),
        ["unknown_period_kind"] = f => AppendObservation(f, t => t.With("period_kind", "week"),
            "period_kind", $"“week”不是允许的值（{PeriodKinds.Replace(", ", "、", StringComparison.Ordinal)}）",
            $"'week' is not one of {PeriodKinds}"),
        ["value_not_a_number"] = f =>
        {
            // A number with the character printed after it ("33家"): still a substring of the quote, so only the value is wrong.
            var template = Template(f);
            var text = NumberWithFollowingCharacter(template);
            return AppendObservation(f, t => t.With("value", text), "value", $"“{text}”不是数字", $"'{text}' is not a number");
        },
        ["value_beyond_stored_range"] = f =>
        {
            // numeric(28,10) keeps 18 digits before the point, whatever the unit converts to.
            const string text = "9999999999999999999999999";
            return AppendObservation(f, t => t.With("value", text).With("quote", $"产值{text}{t["unit"]}"), "value",
                $"数值“{text}”超出可精确保存的范围（整数部分最多 18 位，换算后小数最多 10 位）",
                $"value '{text}' cannot be stored exactly (at most 18 digits before and 10 after the point once converted)");
        },
        ["duplicate_natural_key"] = f =>
        {
            var template = Template(f);
            return AppendObservation(f, t => t, "indicator", $"与第 {template.Line} 行重复", $"duplicates line {template.Line}");
        },
        ["quote_without_value"] = f =>
        {
            var template = Template(f);
            return AppendObservation(f, t => t.With("quote", "引文里没有数字"), "quote",
                $"引文不含数值“{template["value"]}”", $"quote does not contain the value '{template["value"]}'");
        },
        ["quote_over_80_characters"] = f => AppendObservation(f, t => t.With("quote", t["value"] + new string('长', 80)),
            "quote", "引文超过 80 个字符", "quote is longer than 80 characters"),
        ["wrong_header"] = f =>
        {
            var header = f.Read(Observations).Header.Select(c => c == "quote" ? "citation" : c).ToList();
            f.ReplaceHeader(Observations, header);
            const string expected = "park,subject,indicator,period_kind,period_start,period_end,value,unit,qualifier,source,quote";
            return new ExpectedError(Observations, 1, "-", $"表头应为 {expected}", $"header must be {expected}");
        },
        ["enterprise_of_unknown_park"] = f =>
        {
            var (header, _) = f.Read("enterprises.csv");
            var row = new CsvRecord(0, header, header.Select(_ => "").ToArray()).With("name", "测试企业").With("park", "atlantis");
            var (zh, en) = Unknown("园区", "park", "atlantis", Codes(f, "parks.csv"));
            return new ExpectedError("enterprises.csv", f.Append("enterprises.csv", row), "park", zh, en);
        },
        ["indicator_of_unknown_unit"] = f =>
        {
            var first = f.Read("indicators.csv").Records.First(i => i["base"].Length == 0);
            var row = first.With("code", "test_indicator").With("unit", "光年");
            var (zh, en) = Unknown("单位", "unit", "光年", Codes(f, "units.csv"));
            return new ExpectedError("indicators.csv", f.Append("indicators.csv", row), "unit", zh, en);
        },
        ["duplicate_park_code"] = f =>
        {
            var park = f.Read("parks.csv").Records[^1];
            return new ExpectedError("parks.csv", f.Append("parks.csv", park), "code", $"与第 {park.Line} 行重复", $"duplicates line {park.Line}");
        },
    };

    public static IEnumerable<string> Names => Cases.Keys;

    /// <summary>Breaks <paramref name="folder"/> in the way named <paramref name="name"/> and returns the error it must cause.</summary>
    public static ExpectedError Apply(string name, SeedFolder folder) => Cases[name](folder);

    /// <summary>
    /// The first park-level observation whose quote prints its value followed by a non-digit, which every case can
    /// vary in one field without creating a second problem.
    /// </summary>
    public static CsvRecord Template(SeedFolder folder) =>
        folder.Read(Observations).Records.FirstOrDefault(r => r["subject"].Length == 0 && NumberWithFollowingCharacterOrNull(r) is not null)
        ?? throw new InvalidOperationException("observations.csv has no park-level row to build bad rows from.");

    private static ExpectedError AppendObservation(SeedFolder folder, Func<CsvRecord, CsvRecord> change, string field, (string Zh, string En) reason) =>
        AppendObservation(folder, change, field, reason.Zh, reason.En);

    /// <summary>
    /// An unknown code's message, naming the three valid codes nearest to it. Which codes are nearest is
    /// <see cref="NearestCodes"/>'s to decide (tested on its own); these cases check that each message names them.
    /// </summary>
    private static (string Zh, string En) Unknown(string zhWhat, string what, string code, IEnumerable<string> valid)
    {
        var nearest = NearestCodes.Find(code, valid);
        Assert.Equal(NearestCodes.DefaultCount, nearest.Count);
        return ($"未知的{zhWhat}“{code}”（最接近：{string.Join("、", nearest)}）", $"unknown {what} '{code}' (nearest: {string.Join(", ", nearest)})");
    }

    /// <summary>The codes a seed file defines (and, for units, the aliases uploads may use instead).</summary>
    private static IEnumerable<string> Codes(SeedFolder folder, string file, string key = "code", bool withAliases = false) =>
        folder.Read(file).Records.SelectMany(r => withAliases
            ? [r[key], .. r["aliases"].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)]
            : new[] { r[key] });

    private static ExpectedError AppendObservation(SeedFolder folder, Func<CsvRecord, CsvRecord> change, string field, string zh, string en)
    {
        var line = folder.Append(Observations, change(Template(folder)));
        return new ExpectedError(Observations, line, field, zh, en);
    }

    private static string NumberWithFollowingCharacter(CsvRecord r) => NumberWithFollowingCharacterOrNull(r)!;

    private static string? NumberWithFollowingCharacterOrNull(CsvRecord r)
    {
        var (value, quote) = (r["value"], r["quote"]);
        var at = quote.IndexOf(value, StringComparison.Ordinal);
        if (at < 0 || at + value.Length >= quote.Length) return null;
        var next = quote[at + value.Length];
        return char.IsAsciiDigit(next) || next is '.' or ',' or ' ' ? null : value + next;
    }

    private static string CanonicalUnit(SeedFolder folder, string indicator) =>
        folder.Read("indicators.csv").Records.Single(i => i["code"] == indicator)["unit"];

    private static Dictionary<string, string> UnitDimensions(SeedFolder folder) =>
        folder.Read("units.csv").Records.ToDictionary(u => u["code"], u => u["dimension"]);
}
