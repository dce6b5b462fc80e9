using System.Data.Common;
using System.Globalization;
using System.Net.Sockets;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Localization;
using Serilog;

namespace ParkMetrics.Web.Hosting;

public static class ServiceDefaults
{
    public static readonly CultureInfo[] Cultures = [new("zh-CN"), new("en")];

    public static WebApplicationBuilder AddParkMetricsDefaults(this WebApplicationBuilder builder)
    {
        builder.Services.AddSerilog((services, log) => log
            .ReadFrom.Configuration(builder.Configuration)
            .ReadFrom.Services(services)
            .Enrich.FromLogContext());
        builder.Services.AddLocalization(o => o.ResourcesPath = "Resources");
        builder.Services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture(Cultures[0]);
            options.SupportedCultures = options.SupportedUICultures = Cultures;
            options.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()];
        });
        builder.Services.AddProblemDetails();
        builder.AddParkMetricsWebSecurity();
        // Chinese text goes out as characters, not as &#x...; entities: pages stay readable and a third smaller.
        builder.Services.AddSingleton(HtmlEncoder.Create(UnicodeRanges.All));
        return builder;
    }

    public static WebApplication UseParkMetricsDefaults(this WebApplication app)
    {
        app.UseParkMetricsWebSecurity();
        if (!app.Environment.IsDevelopment())
        {
            // The API answers with ProblemDetails, pages with the error page; a database that is down is a 503.
            app.UseWhen(IsApi, branch => branch.UseExceptionHandler(new ExceptionHandlerOptions { StatusCodeSelector = StatusCodeOf }));
            app.UseWhen(ctx => !IsApi(ctx), branch => branch.UseExceptionHandler(new ExceptionHandlerOptions
            {
                ExceptionHandlingPath = "/error",
                CreateScopeForErrors = true,
                StatusCodeSelector = StatusCodeOf,
            }));
        }
        // Pages get a page for 403, 404 and the rest; the API keeps its own bodies (ProblemDetails or none).
        app.UseWhen(ctx => !IsApi(ctx),
            branch => branch.UseStatusCodePagesWithReExecute("/status/{0}", createScopeForStatusCodePages: true));
        app.UseParkMetricsRequestChecks();
        // Routing after the status code pages, so that a re-executed request finds the status page's endpoint.
        app.UseRouting();
        app.UseSerilogRequestLogging(o => o.EnrichDiagnosticContext = (diag, _) => diag.Set("Culture", CultureInfo.CurrentUICulture.Name));
        app.UseRequestLocalization();
        // After routing (the sign-in page and the exports name their policies) and localization (a 429 speaks the user's
        // language): the rate limiter, and the guard on exports whose clients stop reading.
        app.UseParkMetricsExportLimits();
        app.UseAuthentication();
        app.UseAuthorization();
        // After authorization: a site that requires a sign-in to view serves no cached page to anyone signed out.
        app.UseParkMetricsPageCache();
        app.UseAntiforgery();
        return app;
    }

    private static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api");

    private static int StatusCodeOf(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
            if (e is DbException or SocketException) return StatusCodes.Status503ServiceUnavailable;
        return StatusCodes.Status500InternalServerError;
    }

    /// <summary>Anonymous and terse: 200 "Healthy" when the database answers, 503 "Unhealthy" when it does not.</summary>
    public static WebApplication MapParkMetricsHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health", new HealthCheckOptions { AllowCachingResponses = false });
        return app;
    }
}
