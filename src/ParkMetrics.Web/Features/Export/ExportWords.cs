using System.Globalization;
using Microsoft.Extensions.Localization;
using ParkMetrics.Data.Entities;

namespace ParkMetrics.Web.Features.Export;

/// <summary>
/// The dashboard's words (Resources/SharedResource*.resx) in an export's language, whatever the request's culture:
/// period kinds, qualifiers, categories and source kinds as readable labels, and the workbook's notes.
/// </summary>
public sealed class ExportWords
{
    private readonly IStringLocalizer localizer;
    private readonly CultureInfo culture;
    private readonly Dictionary<PeriodKind, string> kinds;
    private readonly Dictionary<Qualifier, string> qualifiers;

    public ExportWords(IStringLocalizer<SharedResource> localizer, CultureInfo culture)
    {
        (this.localizer, this.culture) = (localizer, culture);
        kinds = Enum.GetValues<PeriodKind>().ToDictionary(k => k, k => this["PeriodKind_" + k]);
        qualifiers = Enum.GetValues<Qualifier>().ToDictionary(q => q, q => this["Qualifier_" + q]);
    }

    public string this[string key]
    {
        get
        {
            var previous = CultureInfo.CurrentUICulture;
            CultureInfo.CurrentUICulture = culture; // the localizer reads the UI culture
            try
            {
                return localizer[key];
            }
            finally
            {
                CultureInfo.CurrentUICulture = previous;
            }
        }
    }

    public string Kind(PeriodKind kind) => kinds[kind];

    public string Qualifier(Qualifier qualifier) => qualifiers[qualifier];

    public string Category(string category) => this["Category_" + category];

    public string SourceKind(SourceKind kind) => this["SourceKind_" + kind];
}
