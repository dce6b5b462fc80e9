using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using ParkMetrics.Data.Entities;
using ParkMetrics.Data.Queries;

namespace ParkMetrics.Web.Features.Export;

/// <summary>
/// The JSON API's page cursors: the place of the last row (long) or series (wide) of a page in the export's order,
/// base64url-encoded so that clients pass it back as it is and do not build their own. A page starts after its cursor,
/// so rows written meanwhile before it do not shift the pages that follow.
/// </summary>
public static class ExportCursor
{
    private const char Long = 'l', Wide = 'w';

    public static string Of(ExportPosition p) => Encode(
        [Long.ToString(), Text(p.ParkId), p.EnterpriseId is { } e ? Text(e) : "", Text(p.IndicatorId), EnumCode.Of(p.Kind), Iso(p.Start), Iso(p.End), Text(p.SourceId)]);

    public static string Of(SeriesPosition p) => Encode(
        [Wide.ToString(), Text(p.ParkId), p.EnterpriseId is { } e ? Text(e) : "", Text(p.IndicatorId), EnumCode.Of(p.Kind)]);

    public static bool TryReadLong(string cursor, [NotNullWhen(true)] out ExportPosition? position)
    {
        position = null;
        if (Decode(cursor, Long, 8) is not { } f
            || !Int(f[1], out var park) || !NullableInt(f[2], out var enterprise) || !Int(f[3], out var indicator)
            || !EnumCode.TryParse<PeriodKind>(f[4], out var kind) || !Date(f[5], out var start) || !Date(f[6], out var end) || !Int(f[7], out var source))
            return false;
        position = new ExportPosition(park, enterprise, indicator, kind, start, end, source);
        return true;
    }

    public static bool TryReadWide(string cursor, [NotNullWhen(true)] out SeriesPosition? position)
    {
        position = null;
        if (Decode(cursor, Wide, 5) is not { } f
            || !Int(f[1], out var park) || !NullableInt(f[2], out var enterprise) || !Int(f[3], out var indicator) || !EnumCode.TryParse<PeriodKind>(f[4], out var kind))
            return false;
        position = new SeriesPosition(park, enterprise, indicator, kind);
        return true;
    }

    private static string Encode(string[] fields) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(string.Join('|', fields)));

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string[]? Decode(string cursor, char layout, int fields)
    {
        if (cursor.Length > 200 || !Base64Url.IsValid(cursor)) return null;
        string text;
        try
        {
            text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
        }
        catch (FormatException)
        {
            return null;
        }
        var parts = text.Split('|');
        return parts.Length == fields && parts[0] == layout.ToString() ? parts : null;
    }

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static bool Int(string s, out int value) => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out value);

    private static bool NullableInt(string s, out int? value)
    {
        value = null;
        if (s.Length == 0) return true;
        if (!Int(s, out var v)) return false;
        value = v;
        return true;
    }

    private static bool Date(string s, out DateOnly value) => DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
}
