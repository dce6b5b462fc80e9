using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace ParkMetrics.Web.Hosting;

/// <summary>The <c>Auth:SignInLimit</c> section: sign-in attempts one client address may make per window.</summary>
public sealed class SignInLimitOptions
{
    public int PermitLimit { get; set; } = 10;
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>
/// Sign-in attempts (the form's POSTs, and those of the change-password form, which also try a password) limited per client address, beside Identity's lockout per account: one address
/// cannot try passwords against many accounts, nor keep locking one. Beyond the limit: 429 with <c>Retry-After</c> and
/// a page in the user's language. IPv6 clients are counted by their /64, which one household or host usually holds.
/// </summary>
internal sealed class SignInRateLimit(IOptions<AccountOptions> options) : IRateLimiterPolicy<string>
{
    public const string PolicyName = "sign-in";

    public static string ClientKey(IPAddress? address)
    {
        if (address is null) return "ip:unknown";
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily != AddressFamily.InterNetworkV6) return "ip:" + address;
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return "ip:" + new IPAddress(bytes) + "/64";
    }

    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        if (!HttpMethods.IsPost(httpContext.Request.Method)) return RateLimitPartition.GetNoLimiter("read");
        var limit = options.Value.SignInLimit;
        return RateLimitPartition.GetFixedWindowLimiter(ClientKey(httpContext.Connection.RemoteIpAddress), _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limit.PermitLimit,
            Window = limit.Window,
            QueueLimit = 0,
        });
    }

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => RejectAsync;

    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken ct)
    {
        var http = context.HttpContext;
        var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? (int)Math.Ceiling(retryAfter.TotalSeconds) : 60;
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var l = http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        var minutes = Math.Max(1, (seconds + 59) / 60);
        var encode = http.RequestServices.GetRequiredService<System.Text.Encodings.Web.HtmlEncoder>();
        // A page of its own: the status-code page would be re-run as the same POST, which a form page refuses.
        http.Response.ContentType = "text/html; charset=utf-8";
        await http.Response.WriteAsync($"""
            <!DOCTYPE html>
            <html lang="{System.Globalization.CultureInfo.CurrentUICulture.Name}">
            <head><meta charset="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1.0" />
            <title>{encode.Encode(l["SignInTooMany"])} · {encode.Encode(l["AppName"])}</title>
            <link rel="stylesheet" href="/lib/bootstrap.min.css" /></head>
            <body><main class="container py-4">
            <h1 class="h3" data-testid="status-title">{encode.Encode(l["SignInTooMany"])}</h1>
            <p>{encode.Encode(l["SignInTooManyText", minutes])}</p>
            <a class="btn btn-primary" href="/account/login">{encode.Encode(l["SignIn"])}</a>
            </main></body></html>
            """, ct);
    }
}
