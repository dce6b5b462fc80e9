using System.IO.Pipelines;
using Microsoft.AspNetCore.Http.Features;

namespace ParkMetrics.Web.Hosting;

/// <summary>
/// A cached page is written from the output cache in one piece, and Kestrel copies a write whole into its buffers
/// before it waits for the client: 200 readers of a 430 KB page held 200 copies of it. Through this body, a large
/// write goes out in pieces of <see cref="Piece"/> bytes, each waiting while Kestrel's buffer is full, so a reader holds
/// at most about one buffer (64 KB) however large the page.
/// </summary>
public sealed class PacedResponseBody(IHttpResponseBodyFeature inner) : IHttpResponseBodyFeature
{
    public const int Piece = 16 * 1024;

    private PacedWriter? writer;

    public Stream Stream => inner.Stream;

    public PipeWriter Writer => writer ??= new PacedWriter(inner.Writer);

    public void DisableBuffering() => inner.DisableBuffering();

    public Task StartAsync(CancellationToken cancellationToken = default) => inner.StartAsync(cancellationToken);

    public Task SendFileAsync(string path, long offset, long? count, CancellationToken cancellationToken = default) =>
        inner.SendFileAsync(path, offset, count, cancellationToken);

    public Task CompleteAsync() => inner.CompleteAsync();

    /// <summary>Wraps the response body of <paramref name="context"/>; before the output cache.</summary>
    public static Task UseAsync(HttpContext context, RequestDelegate next)
    {
        context.Features.Set<IHttpResponseBodyFeature>(new PacedResponseBody(context.Features.GetRequiredFeature<IHttpResponseBodyFeature>()));
        return next(context);
    }

    private sealed class PacedWriter(PipeWriter inner) : PipeWriter
    {
        public override async ValueTask<FlushResult> WriteAsync(ReadOnlyMemory<byte> source, CancellationToken cancellationToken = default)
        {
            while (source.Length > Piece)
            {
                var result = await inner.WriteAsync(source[..Piece], cancellationToken);
                if (result.IsCanceled || result.IsCompleted) return result;
                source = source[Piece..];
            }
            return await inner.WriteAsync(source, cancellationToken);
        }

        public override void Advance(int bytes) => inner.Advance(bytes);

        public override Memory<byte> GetMemory(int sizeHint = 0) => inner.GetMemory(sizeHint);

        public override Span<byte> GetSpan(int sizeHint = 0) => inner.GetSpan(sizeHint);

        public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default) => inner.FlushAsync(cancellationToken);

        public override void CancelPendingFlush() => inner.CancelPendingFlush();

        public override void Complete(Exception? exception = null) => inner.Complete(exception);

        public override ValueTask CompleteAsync(Exception? exception = null) => inner.CompleteAsync(exception);

        public override bool CanGetUnflushedBytes => inner.CanGetUnflushedBytes;

        public override long UnflushedBytes => inner.UnflushedBytes;
    }
}
