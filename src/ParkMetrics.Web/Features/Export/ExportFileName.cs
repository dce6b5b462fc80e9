using System.Globalization;
using System.Text;
using Microsoft.Net.Http.Headers;
using ParkMetrics.Data.Entities;
using ParkMetrics.Data.Queries;

namespace ParkMetrics.Web.Features.Export;

/// <summary>
/// The name an export is saved under says what it holds: the parks, indicators, categories, subjects, period kinds,
/// years and sources it was filtered to, and the wide layout (<c>西宁经济技术开发区-经济产出-园区本级-指标.xlsx</c>),
/// in the request's language, with an ASCII name of codes for clients that do not read RFC 5987.
/// </summary>
public static class ExportFileName
{
    private const int MaxLength = 120;

    /// <summary><c>attachment</c> with the name as RFC 5987 <c>filename*</c> and the ASCII one as <c>filename</c>.</summary>
    public static string ContentDisposition(ExportRequest request, ExportWords words, string extension)
    {
        var header = new ContentDispositionHeaderValue("attachment");
        header.SetHttpFileName(Named(request, words) + "." + extension);
        header.FileName = Ascii(request) + "." + extension; // SetHttpFileName leaves underscores for every Chinese character here
        return header.ToString();
    }

    public static string Named(ExportRequest request, ExportWords words)
    {
        var zh = request.IsChinese;
        var (s, f) = (request.Selection, request.Filter);
        var parts = new List<string>();
        string List(IEnumerable<string> items) => string.Join(zh ? "、" : ", ", items);
        if (s.Parks.Count > 0) parts.Add(s.Parks.Count <= 3 ? List(s.Parks.Select(p => zh ? p.NameZh : p.NameEn)) : zh ? $"{s.Parks.Count}个园区" : $"{s.Parks.Count} parks");
        if (s.Indicators.Count > 0)
            parts.Add(s.Indicators.Count <= 2 ? List(s.Indicators.Select(i => zh ? i.NameZh : i.NameEn)) : zh ? $"{s.Indicators.Count}项指标" : $"{s.Indicators.Count} indicators");
        if (s.Categories.Count > 0) parts.Add(List(s.Categories.Select(words.Category)));
        if (f.Subject != ExportSubject.All) parts.Add(words[f.Subject == ExportSubject.Park ? "ExportParksOwn" : "Enterprises"]);
        if (f.PeriodKinds is { Count: > 0 } kinds) parts.Add(kinds.Count <= 3 ? List(kinds.Select(words.Kind)) : zh ? $"{kinds.Count}类期间" : $"{kinds.Count} period kinds");
        if (Years(f.FromYear, f.ToYear, zh) is { } years) parts.Add(years);
        if (s.Sources.Count > 0) parts.Add(s.Sources.Count == 1 ? Shortened(s.Sources[0].Title, 40) : zh ? $"{s.Sources.Count}个来源" : $"{s.Sources.Count} sources");
        if (s.Indicators.Count == 0) parts.Add(parts.Count == 0 ? (zh ? "园区指标" : "park-indicators") : zh ? "指标" : "indicators");
        if (request.Format == ExportFormat.WideForm) parts.Add(zh ? "宽表" : "wide");
        return Shortened(Safe(string.Join('-', parts)), MaxLength);
    }

    private static string? Years(int? from, int? to, bool zh) => (from, to) switch
    {
        ({ } a, { } b) when a == b => zh ? $"{a}年" : $"{a}",
        ({ } a, { } b) => zh ? $"{a}—{b}年" : $"{a}-{b}",
        ({ } a, null) => zh ? $"{a}年起" : $"from {a}",
        (null, { } b) => zh ? $"至{b}年" : $"to {b}",
        _ => null,
    };

    private static string Ascii(ExportRequest request)
    {
        var (s, f) = (request.Selection, request.Filter);
        var parts = new List<string> { "observations" };
        if (s.Parks.Count is > 0 and <= 3) parts.AddRange(s.Parks.Select(p => p.Code));
        if (s.Indicators.Count is > 0 and <= 2) parts.AddRange(s.Indicators.Select(i => i.Code));
        parts.AddRange(s.Categories);
        if (f.Subject != ExportSubject.All) parts.Add(f.Subject == ExportSubject.Park ? "park" : "enterprise");
        if (f.PeriodKinds is { Count: > 0 and <= 3 } kinds) parts.AddRange(kinds.Select(k => EnumCode.Of(k)));
        if (f.FromYear is { } from) parts.Add("from-" + from.ToString(CultureInfo.InvariantCulture));
        if (f.ToYear is { } to) parts.Add("to-" + to.ToString(CultureInfo.InvariantCulture));
        if (s.Sources.Count == 1) parts.Add("source-" + s.Sources[0].Id.ToString(CultureInfo.InvariantCulture));
        if (request.Format == ExportFormat.WideForm) parts.Add("wide");
        return Shortened(AsciiOnly(string.Join('-', parts)), MaxLength);
    }

    private static string AsciiOnly(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text) sb.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_');
        return sb.ToString();
    }

    /// <summary>Without the characters Windows, macOS or Linux refuse in a file name.</summary>
    private static string Safe(string name)
    {
        var sb = new StringBuilder(name.Length);
        foreach (var c in name) sb.Append(char.IsControl(c) || c is '\\' or '/' or ':' or '*' or '?' or '"' or '<' or '>' or '|' ? '_' : c);
        return sb.ToString().Trim(' ', '.');
    }

    private static string Shortened(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";
}
