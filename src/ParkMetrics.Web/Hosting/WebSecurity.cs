using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using NetEscapades.AspNetCore.SecurityHeaders;

namespace ParkMetrics.Web.Hosting;

/// <summary>
/// What a deployment behind a TLS proxy needs, and the headers every response carries: the client's address and
/// scheme from the proxy's <c>X-Forwarded-For</c>/<c>X-Forwarded-Proto</c> (trusted only from the loopback and the
/// configured <c>ForwardedHeaders:KnownProxies</c>/<c>KnownNetworks</c>), and outside Development HTTPS redirection,
/// HSTS and cookies that are always <c>Secure</c>.
/// </summary>
public static class WebSecurity
{
    public static WebApplicationBuilder AddParkMetricsWebSecurity(this WebApplicationBuilder builder)
    {
        var proxies = builder.Configuration.GetSection("ForwardedHeaders:KnownProxies").Get<string[]>() ?? [];
        var networks = builder.Configuration.GetSection("ForwardedHeaders:KnownNetworks").Get<string[]>() ?? [];
        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in proxies) o.KnownProxies.Add(IPAddress.Parse(proxy));
            foreach (var network in networks) o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        });
        if (!builder.Environment.IsDevelopment())
        {
            // Every cookie (sign-in, antiforgery, language) is Secure, whatever scheme the request came in on.
            builder.Services.Configure<CookiePolicyOptions>(o => o.Secure = CookieSecurePolicy.Always);
            builder.Services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        }
        builder.Services.AddSecurityHeaderPolicies().SetDefaultPolicy(policy => policy
            .AddContentTypeOptionsNoSniff()
            .AddFrameOptionsDeny()
            .AddReferrerPolicyStrictOriginWhenCrossOrigin()
            .AddContentSecurityPolicy(csp =>
            {
                csp.AddDefaultSrc().Self();
                csp.AddBaseUri().Self();
                csp.AddObjectSrc().None();
                csp.AddFrameAncestors().None();
                csp.AddFormAction().Self();
                // Scripts are files of this site; the one inline script, Blazor's import map on pages not kept in the output cache, carries the response's nonce.
                csp.AddScriptSrc().Self().WithNonce();
                // Style attributes in markup and Bootstrap's inline SVGs (data: URLs); styles cannot run code.
                csp.AddStyleSrc().Self().UnsafeInline();
                csp.AddImgSrc().Self().Data();
                csp.AddFontSrc().Self();
                // The circuit's WebSocket is same-origin, which 'self' covers.
                csp.AddConnectSrc().Self();
            }));
        return builder;
    }

    /// <summary>First in the pipeline, so that everything after sees the client's scheme and address.</summary>
    public static WebApplication UseParkMetricsWebSecurity(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseSecurityHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
            // /health stays on plain HTTP for probes inside the host or cluster; the port comes from HTTPS_PORT.
            app.UseWhen(ctx => !ctx.Request.Path.StartsWithSegments("/health"), branch => branch.UseHttpsRedirection());
        }
        app.UseCookiePolicy();
        return app;
    }

    /// <summary>The nonce of this response's Content-Security-Policy, for an inline script the page must render.</summary>
    public static string ScriptNonce(this HttpContext context) => context.GetNonce();
}
