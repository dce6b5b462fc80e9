using System.Globalization;
using ParkMetrics.Data.Entities;

namespace ParkMetrics.Web.Features.Export;

/// <summary>
/// The dashboard's words (Resources/SharedResource*.resx) in an export's language, whatever the request's culture:
/// period kinds, qualifiers, categories and source kinds as readable labels, and the workbook's notes.
/// </summary>
public sealed class ExportWords
{
    private readonly CultureInfo culture;
    private readonly Dictionary<PeriodKind, string> kinds;
    private readonly Dictionary<Qualifier, string> qualifiers;

    public ExportWords(CultureInfo culture)
    {
        this.culture = culture;
        kinds = Enum.GetValues<PeriodKind>().ToDictionary(k => k, k => this["PeriodKind_" + k]);
        qualifiers = Enum.GetValues<Qualifier>().ToDictionary(q => q, q => this["Qualifier_" + q]);
    }

    public string this[string key] => Localization.Words.Get(key, culture);

    public string Kind(PeriodKind kind) => kinds[kind];

    public string Qualifier(Qualifier qualifier) => qualifiers[qualifier];

    public string Category(string category) => this["Category_" + category];

    public string SourceKind(SourceKind kind) => this["SourceKind_" + kind];
}
