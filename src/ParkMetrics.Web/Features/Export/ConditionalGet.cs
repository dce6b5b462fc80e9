using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Net.Http.Headers;
using ParkMetrics.Data.Queries;

namespace ParkMetrics.Web.Features.Export;

/// <summary>
/// Validators for the exports: an <c>ETag</c> from the data's version (<see cref="DataVersion"/>), the request's path and
/// query and the app's build, and a <c>Last-Modified</c> from the latest audited change, so that a client that sends
/// either back gets <c>304 Not Modified</c> while nothing it asked for has changed. The tag is weak: the same data in
/// the same shape, whose bytes may differ (a workbook records when it was exported).
/// </summary>
public static class ConditionalGet
{
    private static readonly string Build = typeof(ConditionalGet).Assembly.ManifestModule.ModuleVersionId.ToString("N");

    public static EntityTagHeaderValue ETagOf(DataVersion version, HttpRequest request)
    {
        var text = string.Join('|', Build, request.Path.Value, request.QueryString.Value,
            version.Observations, version.Audits, version.RecentAudits, version.Catalog.ToString(CultureInfo.InvariantCulture));
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text));
        return new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(hash.AsSpan(0, 16))}\"", isWeak: true);
    }

    /// <summary>
    /// Sets the response's validators, and tells whether the client's copy is current: by <c>If-None-Match</c> where it
    /// sends one (weak comparison), else by <c>If-Modified-Since</c>.
    /// </summary>
    public static bool IsNotModified(HttpContext http, DataVersion version)
    {
        var etag = ETagOf(version, http.Request);
        var response = http.Response.GetTypedHeaders();
        response.ETag = etag;
        response.CacheControl = new CacheControlHeaderValue { NoCache = true }; // keep it, but ask each time
        var changed = version.ChangedAt is { } at ? new DateTimeOffset(at.UtcTicks - at.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero) : (DateTimeOffset?)null;
        if (changed is not null) response.LastModified = changed;

        var request = http.Request.GetTypedHeaders();
        if (request.IfNoneMatch is { Count: > 0 } tags)
            return tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(etag, useStrongComparison: false));
        return request.IfModifiedSince is { } since && changed is { } last && last <= since;
    }
}
