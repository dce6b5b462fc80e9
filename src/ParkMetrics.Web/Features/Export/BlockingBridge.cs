using System.Buffers;

namespace ParkMetrics.Web.Features.Export;

/// <summary>
/// For a synchronous writer on a thread of its own (MiniExcel's): rows read from an async query one by one, and a
/// stream whose writes wait for the async writes to the response. Blocking is fine there, and only there: the thread
/// is no pool thread that requests wait for.
/// </summary>
public static class BlockingBridge
{
    public static IEnumerable<T> Enumerate<T>(IAsyncEnumerable<T> source, CancellationToken ct)
    {
        var rows = source.GetAsyncEnumerator(ct);
        try
        {
            while (Wait(rows.MoveNextAsync())) yield return rows.Current;
        }
        finally
        {
            var disposed = rows.DisposeAsync();
            if (!disposed.IsCompletedSuccessfully) disposed.AsTask().GetAwaiter().GetResult();
        }
    }

    private static bool Wait(ValueTask<bool> next) => next.IsCompletedSuccessfully ? next.Result : next.AsTask().GetAwaiter().GetResult();

    /// <summary>A write-only stream over <paramref name="inner"/> (the response body, which refuses synchronous writes).</summary>
    public static Stream Writes(Stream inner, CancellationToken ct) => new WaitingStream(inner, ct);

    private sealed class WaitingStream(Stream inner, CancellationToken ct) : Stream
    {
        private long written;

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => written; set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count)
        {
            inner.WriteAsync(buffer.AsMemory(offset, count), ct).AsTask().GetAwaiter().GetResult(); // the buffer is not touched until this returns
            written += count;
        }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            var copy = ArrayPool<byte>.Shared.Rent(buffer.Length);
            try
            {
                buffer.CopyTo(copy);
                Write(copy, 0, buffer.Length);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(copy);
            }
        }

        public override void Flush() => inner.FlushAsync(ct).GetAwaiter().GetResult();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
