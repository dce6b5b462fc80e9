using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ParkMetrics.Data;
using ParkMetrics.Data.Checks;
using ParkMetrics.Data.Editing;
using ParkMetrics.Data.Writing;
using ParkMetrics.Web.Features.Figures;

namespace ParkMetrics.Tests.Web;

/// <summary>
/// A bUnit context with what the app's components inject: the localizer over Resources/SharedResource*.resx, the
/// per-request <see cref="DialogIds"/>, and JS interop in strict mode: the read pages' components call no script.
/// </summary>
public abstract class ComponentTest : BunitContext
{
    protected ComponentTest()
    {
        Services.AddLocalization(o => o.ResourcesPath = "Resources");
        Services.AddScoped<DialogIds>();
        // The provenance dialog injects the editor for the history of signed-in analysts; no test signs in, so it never connects.
        Services.AddDbContextFactory<ParkMetricsDbContext>(o => o.UseNpgsql("Host=127.0.0.1;Port=1;Database=unused"));
        Services.AddSingleton<FigureWriter>();
        Services.AddSingleton<FigureEditor>();
        JSInterop.Mode = JSRuntimeMode.Strict;
    }

    /// <summary>The full texts the page cascades to its figures' dialogs, by source id; a source not here has no known text.</summary>
    protected Dictionary<int, string> SourceTexts { get; } = [];

    /// <summary>The findings each figure takes part in, by figure id, as the page's checks would give them.</summary>
    protected Dictionary<long, IReadOnlyList<Finding>> Findings { get; } = [];

    /// <summary>Renders a component as a page does: inside the cascading <see cref="FigureContext"/> of its figures.</summary>
    protected IRenderedComponent<TComponent> RenderWithContext<TComponent>(Action<ComponentParameterCollectionBuilder<TComponent>> parameters)
        where TComponent : Microsoft.AspNetCore.Components.IComponent =>
        Render<CascadingValue<FigureContext>>(p => p.Add(c => c.Value, new FigureContext(SourceTexts, Findings)).Add(c => c.IsFixed, true)
            .AddChildContent<TComponent>(parameters)).FindComponent<TComponent>();
}
