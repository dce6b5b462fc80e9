using Microsoft.AspNetCore.WebUtilities;
using ParkMetrics.Data.Checks;
using ParkMetrics.Data.Entities;

namespace ParkMetrics.Web.Features.Checks;

/// <summary>Where a figure's mark leads: the finding on /checks, among the park's findings of its rule, on the page that holds it.</summary>
public static class FindingLink
{
    public static string To(Finding finding, string parkCode) =>
        QueryHelpers.AddQueryString("checks", new Dictionary<string, string?>
        {
            ["park"] = parkCode,
            ["rule"] = EnumCode.Of(finding.Rule),
            ["finding"] = finding.Key,
        }) + "#finding-" + finding.Key;
}
