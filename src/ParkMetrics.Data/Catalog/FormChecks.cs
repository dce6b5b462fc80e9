using System.Globalization;
using System.Text.RegularExpressions;
using static ParkMetrics.Data.Catalog.Bilingual;

namespace ParkMetrics.Data.Catalog;

/// <summary>
/// Checks a form's fields against what the columns can hold (lengths from Configurations/*.cs, no control characters,
/// which PostgreSQL refuses or a page cannot show), collecting every problem before anything is written.
/// </summary>
internal sealed partial class FormChecks
{
    private readonly List<FieldError> errors = [];

    public IReadOnlyList<FieldError> Errors => errors;

    public bool Failed => errors.Count > 0;

    public void Fail(FormField field, string zh, string en) => errors.Add(new FieldError(field.Name, Say(zh, en)));

    public void Fail(FormField field, (string Zh, string En) message) => Fail(field, message.Zh, message.En);

    /// <summary>The trimmed value, which must be given.</summary>
    public string Required(FormField field, string? value, int maxLength)
    {
        var text = Optional(field, value, maxLength);
        if (text is null) Fail(field, $"请填写“{field.Zh}”。", $"{field.En} is required.");
        return text ?? "";
    }

    /// <summary>The trimmed value, or null when blank.</summary>
    public string? Optional(FormField field, string? value, int maxLength)
    {
        var text = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        if (text is not null) CheckLine(field, text, maxLength);
        return text;
    }

    /// <summary>A long text kept exactly as given (line breaks and all); null when blank.</summary>
    public string? Text(FormField field, string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        CheckLength(field, value, maxLength);
        if (value.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')) || HasLoneSurrogate(value))
            Fail(field, $"“{field.Zh}”含有无法保存的控制字符或乱码。", $"{field.En} contains control characters or broken characters that cannot be stored.");
        return value;
    }

    /// <summary>
    /// A code in lower-case letters, digits, '_' and '-', as uploads type it; null when blank (to be generated).
    /// </summary>
    public string? Code(FormField field, string? value, int maxLength)
    {
        var code = Optional(field, value, maxLength);
        if (code is not null && !CodePattern().IsMatch(code))
            Fail(field, $"“{field.Zh}”只能由小写字母、数字、“_”和“-”组成，并以字母或数字开头（如 new_park）。",
                $"{field.En} may hold only lower-case letters, digits, '_' and '-', starting with a letter or digit (like new_park).");
        return code;
    }

    /// <summary>A code that must be given (a unit's dimension).</summary>
    public string RequiredCode(FormField field, string? value, int maxLength)
    {
        var code = Code(field, value, maxLength);
        if (code is null) Fail(field, $"请填写“{field.Zh}”。", $"{field.En} is required.");
        return code ?? "";
    }

    /// <summary>Other names, trimmed, blank ones and repeats dropped, each within <paramref name="maxLength"/>.</summary>
    public List<string> List(FormField field, IEnumerable<string>? values, int maxLength, int maxCount = 50)
    {
        var list = (values ?? []).Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim()).Distinct(StringComparer.Ordinal).ToList();
        if (list.Count > maxCount) Fail(field, $"“{field.Zh}”最多 {maxCount} 个。", $"{field.En}: at most {maxCount}.");
        foreach (var item in list) CheckLine(field, item, maxLength, item);
        return list;
    }

    /// <summary>An http or https address, or null when blank.</summary>
    public string? Url(FormField field, string? value, int maxLength)
    {
        var url = Optional(field, value, maxLength);
        if (url is not null && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
            Fail(field, $"“{field.Zh}”应为以 http:// 或 https:// 开头的完整网址。", $"{field.En} must be a full address starting with http:// or https://.");
        return url;
    }

    /// <summary>A date between 1949 and the end of next year (a report's date, never far in the future).</summary>
    public void Date(FormField field, DateOnly? date)
    {
        if (date is not { } d) return;
        var latest = new DateOnly(DateTime.UtcNow.Year + 1, 12, 31);
        if (d.Year < 1949 || d > latest)
            Fail(field, $"“{field.Zh}”应在 1949-01-01 至 {latest:yyyy-MM-dd} 之间。", $"{field.En} must be between 1949-01-01 and {latest:yyyy-MM-dd}.");
    }

    private void CheckLine(FormField field, string text, int maxLength, string? item = null)
    {
        CheckLength(field, text, maxLength, item);
        if (text.Any(char.IsControl) || HasLoneSurrogate(text))
            Fail(field, $"“{field.Zh}”含有控制字符（如换行）或乱码。", $"{field.En} contains a control character (such as a line break) or broken characters.");
    }

    private void CheckLength(FormField field, string text, int maxLength, string? item = null)
    {
        if (text.Length <= maxLength) return;
        var count = text.Length.ToString("N0", CultureInfo.InvariantCulture);
        var max = maxLength.ToString("N0", CultureInfo.InvariantCulture);
        var start = item?[..Math.Min(item.Length, 20)];
        if (item is null) Fail(field, $"“{field.Zh}”最多 {max} 个字符（现有 {count} 个）。", $"{field.En} may be at most {max} characters long (it has {count}).");
        else Fail(field, $"“{field.Zh}”中的“{start}…”超过 {max} 个字符。", $"{field.En}: '{start}…' is longer than {max} characters.");
    }

    private static bool HasLoneSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i++;
            else if (char.IsSurrogate(text[i])) return true;
        }
        return false;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]*$")]
    private static partial Regex CodePattern();
}
