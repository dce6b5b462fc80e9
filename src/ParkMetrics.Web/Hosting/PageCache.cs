using System.Globalization;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Net.Http.Headers;
using ParkMetrics.Data.Queries;

namespace ParkMetrics.Web.Hosting;

/// <summary>
/// Anonymous read pages and small JSON answers come from ASP.NET Core's output cache, one entry per path, query and
/// language, all tagged <see cref="Tag"/>. Every committed write (the one writer of figures, the catalog editors, a
/// seed or an import in this process) evicts the tag through <see cref="IDataChangeListener"/>; a write by another
/// process (the console importer, another instance) is noticed by <see cref="DataVersionWatcher"/> within
/// <see cref="DataVersionWatcher.Interval"/>. Signed-in users, admin pages, exports and anything that sets a cookie
/// are never cached. With several instances the store can be Redis (docs/scaling.md).
/// </summary>
public static class PageCache
{
    public const string Tag = "figures";

    /// <summary>How long an entry lives if nothing evicts it first.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    /// <summary>JSON pages of at most this many rows are cached; larger ones (up to 10 000 rows) are streamed each time.</summary>
    public const int MaxCachedJsonRows = 1000;

    private static readonly string[] ReadPrefixes = ["/parks", "/indicators", "/compare", "/plans", "/sources", "/figures", "/checks"];

    public static WebApplicationBuilder AddParkMetricsPageCache(this WebApplicationBuilder builder)
    {
        builder.Services.AddOutputCache(o =>
        {
            o.AddBasePolicy(new ReadPolicy());
            o.DefaultExpirationTimeSpan = Lifetime;
            // Pages are a few hundred KB at most; the largest JSON page of 1000 rows about 1 MB.
            o.MaximumBodySize = 8 * 1024 * 1024;
        });
        // Cached pages are compressed once, when they are cached (see UseParkMetricsPageCache): a page of a park holds
        // every quote of its figures and shrinks to a fifth. Only what is cached is compressed, never a signed-in page.
        builder.Services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.Providers.Add<Microsoft.AspNetCore.ResponseCompression.BrotliCompressionProvider>();
            o.Providers.Add<Microsoft.AspNetCore.ResponseCompression.GzipCompressionProvider>();
        });
        builder.Services.Configure<Microsoft.AspNetCore.ResponseCompression.BrotliCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Optimal);
        builder.Services.Configure<Microsoft.AspNetCore.ResponseCompression.GzipCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Optimal);
        builder.Services.AddSingleton<IDataChangeListener, OutputCacheEviction>();
        DecorateAntiforgery(builder.Services);
        builder.Services.AddHostedService<DataVersionWatcher>();
        return builder;
    }

    /// <summary>
    /// Blazor asks for an antiforgery token on every page of an app that has interactive pages, though a read page posts
    /// nothing; storing it would set a cookie (and no-store), and a response that sets a cookie is never cached. For an
    /// anonymous read page the token is made but not stored: a form on it could not post, and none does.
    /// </summary>
    private static void DecorateAntiforgery(IServiceCollection services)
    {
        services.AddAntiforgery();
        var descriptor = services.Last(d => d.ServiceType == typeof(Microsoft.AspNetCore.Antiforgery.IAntiforgery));
        services.Remove(descriptor);
        services.AddSingleton<Microsoft.AspNetCore.Antiforgery.IAntiforgery>(sp => new ReadPageAntiforgery(
            (Microsoft.AspNetCore.Antiforgery.IAntiforgery)ActivatorUtilities.CreateInstance(sp, descriptor.ImplementationType!)));
    }

    private sealed class ReadPageAntiforgery(Microsoft.AspNetCore.Antiforgery.IAntiforgery inner) : Microsoft.AspNetCore.Antiforgery.IAntiforgery
    {
        public Microsoft.AspNetCore.Antiforgery.AntiforgeryTokenSet GetAndStoreTokens(HttpContext httpContext) =>
            IsCacheable(httpContext) ? inner.GetTokens(httpContext) : inner.GetAndStoreTokens(httpContext);

        public Microsoft.AspNetCore.Antiforgery.AntiforgeryTokenSet GetTokens(HttpContext httpContext) => inner.GetTokens(httpContext);

        public Task<bool> IsRequestValidAsync(HttpContext httpContext) => inner.IsRequestValidAsync(httpContext);

        public Task ValidateRequestAsync(HttpContext httpContext) => inner.ValidateRequestAsync(httpContext);

        public void SetCookieTokenAndHeader(HttpContext httpContext) => inner.SetCookieTokenAndHeader(httpContext);
    }

    /// <summary>The output cache, and inside it the compression of what it caches (so each entry is compressed once).</summary>
    public static WebApplication UseParkMetricsPageCache(this WebApplication app)
    {
        app.UseWhen(IsCacheable, branch => branch.Use(KeepEnhancedNavigationAllowed).Use(PacedResponseBody.UseAsync));
        app.UseOutputCache();
        app.UseWhen(IsCacheable, branch => branch.UseResponseCompression());
        return app;
    }

    /// <summary>
    /// A page replayed from the output cache says "blazor-enhanced-nav: Allow" (the store keeps header values as the
    /// known header names they spell), which Blazor compares with "allow" and answers with a full page load instead of
    /// an enhanced navigation. Spelled back as Blazor wrote it.
    /// </summary>
    private static Task KeepEnhancedNavigationAllowed(HttpContext context, RequestDelegate next)
    {
        context.Response.OnStarting(() =>
        {
            if (context.Response.Headers.TryGetValue(EnhancedNavigationHeader, out var value) && value == "Allow")
                context.Response.Headers[EnhancedNavigationHeader] = "allow";
            return Task.CompletedTask;
        });
        return next(context);
    }

    private const string EnhancedNavigationHeader = "blazor-enhanced-nav";

    /// <summary>An anonymous GET of a read page or a small JSON answer: what the output cache keeps.</summary>
    public static bool IsCacheable(HttpContext http)
    {
        var request = http.Request;
        return (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            && http.User.Identity?.IsAuthenticated != true
            && !request.Headers.ContainsKey(HeaderNames.Authorization)
            && (IsReadPage(request.Path) || IsSmallJson(request));
    }

    /// <summary>A read page: the overview and every page under the read sections, never /admin, /account or /api/admin.</summary>
    public static bool IsReadPage(PathString path) =>
        path == "/" || ReadPrefixes.Any(p => path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase));

    /// <summary>A small JSON answer: a page of the JSON export of at most <see cref="MaxCachedJsonRows"/> rows, or the OpenAPI document.</summary>
    public static bool IsSmallJson(HttpRequest request)
    {
        if (request.Path.Equals("/openapi/v1.json", StringComparison.OrdinalIgnoreCase)) return true;
        if (!request.Path.Equals("/api/observations", StringComparison.OrdinalIgnoreCase)) return false;
        var limit = request.Query["limit"];
        return limit.Count == 0 || (limit.Count == 1 && int.TryParse(limit[0], CultureInfo.InvariantCulture, out var n) && n is > 0 and <= MaxCachedJsonRows);
    }

    private sealed class ReadPolicy : IOutputCachePolicy
    {
        public async ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            var cacheable = IsCacheable(context.HttpContext);
            context.EnableOutputCaching = cacheable;
            context.AllowCacheLookup = cacheable;
            context.AllowCacheStorage = cacheable;
            context.AllowLocking = true;
            if (!cacheable) return;
            context.CacheVaryByRules.QueryKeys = "*";
            context.CacheVaryByRules.HeaderNames = HeaderNames.AcceptEncoding;
            // The language comes from the culture cookie or ?culture=, already applied by the localization middleware.
            context.CacheVaryByRules.VaryByValues["culture"] = CultureInfo.CurrentUICulture.Name;
            context.Tags.Add(Tag);
            context.ResponseExpirationTimeSpan = Lifetime;
            // The API promises new validators (ETag) after any change, made by any process: a JSON answer is cached
            // per data version, which the endpoint reads anyway (one cheap query) for its ETag.
            if (IsSmallJson(context.HttpContext.Request) && context.HttpContext.Request.Path.StartsWithSegments("/api"))
            {
                var version = await context.HttpContext.RequestServices.GetRequiredService<FigureQueries>().VersionAsync(cancellation);
                context.CacheVaryByRules.VaryByValues["data"] = version.ToString();
            }
        }

        public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

        public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            var response = context.HttpContext.Response;
            // A 404, a redirect or a response that sets any other cookie (sign-in, language) is for one reader only.
            if (response.StatusCode != StatusCodes.Status200OK || response.Headers.ContainsKey(HeaderNames.SetCookie))
                context.AllowCacheStorage = false;
            return ValueTask.CompletedTask;
        }
    }
}

/// <summary>Evicts every cached page and JSON answer once data has changed: the reader sees the new figure at once.</summary>
internal sealed partial class OutputCacheEviction(IOutputCacheStore store, ILogger<OutputCacheEviction> logger) : IDataChangeListener
{
    public async ValueTask DataChangedAsync(CancellationToken ct)
    {
        try
        {
            await store.EvictByTagAsync(PageCache.Tag, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A store that cannot be reached (Redis down) must not fail a write that has committed; its entries expire.
            LogEvictionFailed(e);
        }
    }

    [LoggerMessage(LogLevel.Warning, "Could not evict the cached pages after a change")]
    private partial void LogEvictionFailed(Exception e);
}

/// <summary>
/// Reads the data's version every <see cref="Interval"/> and, when it moved without this process knowing (the console
/// importer, another instance), forgets the cached reads and pages.
/// </summary>
internal sealed partial class DataVersionWatcher(IServiceProvider services, QueryCache cache, DatabaseConnection connection, ILogger<DataVersionWatcher> logger)
    : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        DataVersion? seen = null;
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            if (connection.Value is null) continue; // the embedded server is still starting
            try
            {
                // Resolved only now: the context options need the connection string, known once the database has started.
                var version = await services.GetRequiredService<FigureQueries>().VersionAsync(stoppingToken);
                if (seen is not null && version != seen) await cache.InvalidateAsync(stoppingToken);
                seen = version;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogVersionFailed(e);
            }
        }
    }

    [LoggerMessage(LogLevel.Debug, "Could not read the data version")]
    private partial void LogVersionFailed(Exception e);
}
