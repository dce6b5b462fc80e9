using System.IO.Pipelines;
using Microsoft.AspNetCore.Http.Features;
using ParkMetrics.Web.Hosting;

namespace ParkMetrics.Tests.Hosting;

public sealed class PacedResponseBodyTests
{
    private const int PauseAt = 64 * 1024;

    [Fact]
    public async Task LargeWrite_ToAReaderThatDoesNotRead_HoldsAboutOneBufferNotTheWholePage()
    {
        var pipe = new Pipe(new PipeOptions(pauseWriterThreshold: PauseAt, resumeWriterThreshold: PauseAt / 2, useSynchronizationContext: false));
        var body = new PacedResponseBody(new PipeBody(pipe.Writer));
        var page = Page(430 * 1024);

        var writing = body.Writer.WriteAsync(page, TestContext.Current.CancellationToken).AsTask();
        await Task.Delay(100, TestContext.Current.CancellationToken);

        Assert.False(writing.IsCompleted);
        var held = await pipe.Reader.ReadAsync(TestContext.Current.CancellationToken);
        Assert.InRange(held.Buffer.Length, 1, PauseAt + PacedResponseBody.Piece);
        pipe.Reader.AdvanceTo(held.Buffer.Start, held.Buffer.End);

        Assert.Equal(page, await ReadAllAsync(pipe, writing));
    }

    [Fact]
    public async Task SmallWrite_GoesThroughWhole()
    {
        var pipe = new Pipe();
        var body = new PacedResponseBody(new PipeBody(pipe.Writer));
        var page = Page(PacedResponseBody.Piece - 1);

        await body.Writer.WriteAsync(page, TestContext.Current.CancellationToken);

        Assert.Equal(page, await ReadAllAsync(pipe, Task.CompletedTask));
    }

    private static byte[] Page(int length) => [.. Enumerable.Range(0, length).Select(i => (byte)(i * 7))];

    private static async Task<byte[]> ReadAllAsync(Pipe pipe, Task writing)
    {
        var completing = writing.ContinueWith(_ => pipe.Writer.Complete(), TaskScheduler.Default);
        var read = new MemoryStream();
        while (true)
        {
            var result = await pipe.Reader.ReadAsync(TestContext.Current.CancellationToken);
            foreach (var segment in result.Buffer) read.Write(segment.Span);
            pipe.Reader.AdvanceTo(result.Buffer.End);
            if (result.IsCompleted) break;
        }
        await completing;
        return read.ToArray();
    }

    private sealed class PipeBody(PipeWriter writer) : IHttpResponseBodyFeature
    {
        public Stream Stream => writer.AsStream();
        public PipeWriter Writer => writer;
        public void DisableBuffering() { }
        public Task StartAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;
        public Task SendFileAsync(string path, long offset, long? count, CancellationToken cancellationToken = default) => throw new NotSupportedException();
        public Task CompleteAsync() => writer.CompleteAsync().AsTask();
    }
}
