using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authorization;
using ParkMetrics.Web.Hosting;
using Scalar.AspNetCore;

namespace ParkMetrics.Web.Features.ApiReference;

/// <summary>
/// The public API's contract: an OpenAPI document at <c>/openapi/v1.json</c> (every public endpoint, each parameter with
/// its meaning, allowed values and an example) and a reference page at <c>/api</c> that reads it. Admin endpoints are
/// left out: they need a session.
/// </summary>
public static class ApiReferenceEndpoints
{
    public const string DocumentUrl = "/openapi/v1.json";

    public static WebApplicationBuilder AddParkMetricsApiReference(this WebApplicationBuilder builder)
    {
        // The document describes the JSON as the API writes it: numbers as numbers (the web defaults would also read them from strings).
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.NumberHandling = JsonNumberHandling.Strict);
        builder.Services.AddOpenApi(options =>
        {
            options.ShouldInclude = api => !api.ActionDescriptor.EndpointMetadata.OfType<IAuthorizeData>().Any();
            options.AddDocumentTransformer<ApiDocumentTransformer>();
            options.AddOperationTransformer<ParameterTransformer>();
            options.AddOperationTransformer<ResponseTransformer>();
        });
        return builder;
    }

    public static WebApplication MapApiReference(this WebApplication app)
    {
        app.MapOpenApi();
        // The page's inline start-up script carries this response's Content-Security-Policy nonce.
        app.MapScalarApiReference("/api", (options, http) => options
            .WithNonce(http.ScriptNonce())
            .WithTitle("ParkMetrics API")
            .DisableDefaultFonts()   // served from a CDN; the page uses the system's fonts instead
            .DisableTelemetry()
            .HideDeveloperTools()
            .DisableAgent()
            .DisableMcp());
        return app;
    }
}
