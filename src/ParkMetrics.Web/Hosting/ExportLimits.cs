using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.RateLimiting;

namespace ParkMetrics.Web.Hosting;

/// <summary>
/// How many exports may run at once and how long one may wait on a client that stopped reading (<c>Export:*</c>).
/// Each export holds a pooled connection and a snapshot until its client has read the last byte, so a few slow clients
/// must not take the connections that pages and saves need.
/// </summary>
public sealed class ExportLimitOptions
{
    /// <summary>Exports running at once; one more is answered 429 at once (well below the pool's 100 connections).</summary>
    public int MaxConcurrent { get; set; } = 8;

    /// <summary>
    /// The longest one write to the client may wait before the export is abandoned and its connection closed. Generous:
    /// the kernel wakes a blocked writer only once a third of the socket's send buffer (up to 4 MB) has drained, which
    /// takes half a minute at 40 KB/s; two minutes let a reader as slow as 10 KB/s finish.
    /// </summary>
    public TimeSpan StallTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>What a refused client is told to wait, in seconds (<c>Retry-After</c>).</summary>
    public int RetryAfterSeconds { get; set; } = 10;
}

public static class ExportLimits
{
    /// <summary>The rate-limiter policy the export endpoints require.</summary>
    public const string Policy = "exports";

    public static WebApplicationBuilder AddParkMetricsExportLimits(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<ExportLimitOptions>(builder.Configuration.GetSection("Export"));
        builder.Services.AddRateLimiter(o => o.AddPolicy<string, ExportConcurrencyPolicy>(Policy));
        return builder;
    }

    /// <summary>The rate limiter, and the stall guard on the responses of endpoints that require <see cref="Policy"/>; after routing.</summary>
    public static WebApplication UseParkMetricsExportLimits(this WebApplication app)
    {
        app.UseRateLimiter();
        app.Use((context, next) =>
        {
            if (context.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName == Policy)
            {
                var timeout = context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<ExportLimitOptions>>().Value.StallTimeout;
                var body = context.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
                context.Features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(new StallGuardStream(body.Stream, timeout, context.Abort), body));
            }
            return next(context);
        });
        return app;
    }

    /// <summary>One shared concurrency limit for every export, with no queue: beyond it, 429 and when to try again.</summary>
    private sealed class ExportConcurrencyPolicy(Microsoft.Extensions.Options.IOptions<ExportLimitOptions> options) : IRateLimiterPolicy<string>
    {
        public RateLimitPartition<string> GetPartition(HttpContext httpContext) =>
            RateLimitPartition.GetConcurrencyLimiter(Policy, _ => new ConcurrencyLimiterOptions { PermitLimit = options.Value.MaxConcurrent, QueueLimit = 0 });

        public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => async (rejected, ct) =>
        {
            var response = rejected.HttpContext.Response;
            response.StatusCode = StatusCodes.Status429TooManyRequests;
            response.Headers.RetryAfter = options.Value.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            var zh = Features.Figures.FigureText.IsChinese(CultureInfo.CurrentUICulture);
            await TypedResults.Problem(zh
                ? $"同时进行的导出已达 {options.Value.MaxConcurrent} 个上限，请 {options.Value.RetryAfterSeconds} 秒后重试。"
                : $"{options.Value.MaxConcurrent} exports are already running; try again in {options.Value.RetryAfterSeconds} seconds.",
                statusCode: StatusCodes.Status429TooManyRequests).ExecuteAsync(rejected.HttpContext);
        };
    }

    /// <summary>
    /// The response body of an export: a write or flush that waits longer than the stall timeout on a client that stopped
    /// reading aborts the request, which cancels its query and gives back its connection and its place.
    /// </summary>
    private sealed class StallGuardStream(Stream inner, TimeSpan timeout, Action abort) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            using var stall = Guard(cancellationToken);
            try
            {
                await inner.WriteAsync(buffer, stall.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                abort();
                throw;
            }
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override async Task FlushAsync(CancellationToken cancellationToken)
        {
            using var stall = Guard(cancellationToken);
            try
            {
                await inner.FlushAsync(stall.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                abort();
                throw;
            }
        }

        private CancellationTokenSource Guard(CancellationToken cancellationToken)
        {
            var stall = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            stall.CancelAfter(timeout);
            return stall;
        }

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException("Exports write asynchronously.");
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
