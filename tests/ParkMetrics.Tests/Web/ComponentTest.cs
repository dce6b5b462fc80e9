using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ParkMetrics.Data;
using ParkMetrics.Data.Editing;
using ParkMetrics.Data.Writing;
using ParkMetrics.Web.Features.Figures;

namespace ParkMetrics.Tests.Web;

/// <summary>
/// A bUnit context with what the app's components inject: the localizer over Resources/SharedResource*.resx, the
/// per-circuit <see cref="ProvenanceService"/> (reading source texts from <see cref="SourceTexts"/>), and JS interop in loose mode (Chart.js and focus calls answer nothing).
/// </summary>
public abstract class ComponentTest : BunitContext
{
    protected ComponentTest()
    {
        Services.AddLocalization(o => o.ResourcesPath = "Resources");
        Services.AddScoped(_ => new ProvenanceService((id, _) => Task.FromResult(SourceTexts.GetValueOrDefault(id))));
        // The provenance dialog injects the editor for the history of signed-in analysts; no test signs in, so it never connects.
        Services.AddDbContextFactory<ParkMetricsDbContext>(o => o.UseNpgsql("Host=127.0.0.1;Port=1;Database=unused"));
        Services.AddSingleton<FigureWriter>();
        Services.AddSingleton<FigureEditor>();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    protected ProvenanceService Provenance => Services.GetRequiredService<ProvenanceService>();

    /// <summary>The full texts the dialog finds for sources, by source id; a source not here has no known text.</summary>
    protected Dictionary<int, string> SourceTexts { get; } = [];
}
