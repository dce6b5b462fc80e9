using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Primitives;

namespace ParkMetrics.Data.Queries;

/// <summary>
/// Read results kept for a minute, so that a dashboard read by many officials at once does not repeat the same queries.
/// The figure writer calls <see cref="Invalidate"/> after each commit, as does anything that writes parks, enterprises or
/// sources; a change made by another process (the importer) shows within the minute. Every invalidation is passed on
/// to the <see cref="IDataChangeListener"/>s (the web app's output cache).
/// </summary>
public sealed class QueryCache(IMemoryCache cache, IEnumerable<IDataChangeListener>? listeners = null) : IDisposable
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);
    private readonly IDataChangeListener[] listeners = [.. listeners ?? []];
    private CancellationTokenSource generation = new();

    /// <summary>Forgets every cached read and tells the listeners (without waiting for them).</summary>
    public void Invalidate() => _ = InvalidateAsync(CancellationToken.None);

    /// <summary>Forgets every cached read, then tells the listeners and waits for them.</summary>
    public async Task InvalidateAsync(CancellationToken ct = default)
    {
        // Not disposed: a reader may still be taking its token.
        Interlocked.Exchange(ref generation, new CancellationTokenSource()).Cancel();
        foreach (var listener in listeners) await listener.DataChangedAsync(ct);
    }

    /// <summary>
    /// The cached result, or one load shared by every caller that asks while it runs (fifty officials opening the
    /// overview at once cause one query, not fifty). A failed load is not kept. <paramref name="lifetime"/> (default
    /// <see cref="Lifetime"/>) bounds how long it is kept when nothing is written.
    /// </summary>
    public async Task<T> GetAsync<T>(string key, Func<Task<T>> load, TimeSpan? lifetime = null)
    {
        var lazy = cache.GetOrCreate(key, entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = lifetime ?? Lifetime;
            entry.AddExpirationToken(new CancellationChangeToken(generation.Token));
            return new Lazy<Task<T>>(load, LazyThreadSafetyMode.ExecutionAndPublication);
        })!;
        try
        {
            return await lazy.Value;
        }
        catch
        {
            cache.Remove(key);
            throw;
        }
    }

    public void Dispose() => generation.Dispose();
}
