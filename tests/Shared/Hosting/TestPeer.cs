using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace ParkMetrics.Testing;

/// <summary>
/// The test server has no TCP peer: a request's <c>X-Test-Peer</c> header gives the address it came from, as a
/// connection would, ahead of everything in the app (forwarded headers, rate limiting).
/// </summary>
public sealed class TestPeer : IStartupFilter
{
    public const string Header = "X-Test-Peer";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            if (context.Request.Headers[Header] is [{ } peer]) context.Connection.RemoteIpAddress = IPAddress.Parse(peer);
            return nextMiddleware(context);
        });
        next(app);
    };
}
