using System.Collections.Concurrent;
using Serilog.Core;
using Serilog.Events;

namespace ParkMetrics.Testing;

/// <summary>The app's log events, rendered, for tests that check what an operator is told.</summary>
public sealed class LogSink : ILogEventSink
{
    private readonly ConcurrentQueue<(LogEventLevel Level, string Message)> events = new();

    public IReadOnlyList<(LogEventLevel Level, string Message)> Events => [.. events];

    public void Emit(LogEvent logEvent) => events.Enqueue((logEvent.Level, logEvent.RenderMessage()));
}
