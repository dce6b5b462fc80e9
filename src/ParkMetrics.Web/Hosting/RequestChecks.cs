using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace ParkMetrics.Web.Hosting;

/// <summary>
/// A malformed path (a control character such as %01) is a 400 and an over-long query of a page a 414, answered with the
/// friendly status page in the reader's language (pages) or a ProblemDetails body (the API, which checks its own
/// parameters and so takes long queries as they come),
/// never Kestrel's bare answer. Kestrel accepts request lines up to <see cref="MaxRequestLine"/> so that such requests
/// reach the app; longer ones it refuses itself.
/// </summary>
public static class RequestChecks
{
    /// <summary>The longest query a page or the API reads; a real one (a compare URL, an export's filters) is a few hundred characters.</summary>
    public const int MaxQueryLength = 4096;

    /// <summary>What Kestrel lets through to the app (its default is 8 KB).</summary>
    public const int MaxRequestLine = 64 * 1024;

    public static WebApplicationBuilder AddParkMetricsRequestChecks(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<KestrelServerOptions>(o =>
        {
            o.Limits.MaxRequestLineSize = MaxRequestLine;
            o.Limits.MaxRequestHeadersTotalSize = Math.Max(o.Limits.MaxRequestHeadersTotalSize, MaxRequestLine + 32 * 1024);
        });
        return builder;
    }

    /// <summary>Answers malformed and over-long requests; placed inside the status code pages, which render the friendly page.</summary>
    public static WebApplication UseParkMetricsRequestChecks(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            // The status page's own re-executed request carries the original query: let it render.
            if (context.Features.Get<IStatusCodeReExecuteFeature>() is null && StatusOf(context.Request) is { } status)
            {
                context.Response.StatusCode = status;
                if (context.Request.Path.StartsWithSegments("/api"))
                    await Results.Problem(statusCode: status, title: status == StatusCodes.Status414UriTooLong ? "URI too long" : "Bad request").ExecuteAsync(context);
                return;
            }
            await next(context);
        });
        return app;
    }

    public static int? StatusOf(HttpRequest request)
    {
        // The API checks every parameter itself and answers a 400 naming it; a page reads a few short parameters.
        if (request.QueryString.Value is { Length: > MaxQueryLength } && !request.Path.StartsWithSegments("/api")) return StatusCodes.Status414UriTooLong;
        var path = request.Path.Value ?? "";
        foreach (var c in path)
            if (char.IsControl(c) || c == '\uFFFD') return StatusCodes.Status400BadRequest;
        return null;
    }
}
