using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Primitives;

namespace ParkMetrics.Data.Queries;

/// <summary>
/// Read results kept for a minute, so that a dashboard read by many officials at once does not repeat the same queries.
/// The figure writer calls <see cref="Invalidate"/> after each commit, as does anything that writes parks, enterprises or
/// sources; a change made by another process (the importer) shows within the minute.
/// </summary>
public sealed class QueryCache(IMemoryCache cache) : IDisposable
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);
    private CancellationTokenSource generation = new();

    public void Invalidate()
    {
        // Not disposed: a reader may still be taking its token.
        Interlocked.Exchange(ref generation, new CancellationTokenSource()).Cancel();
    }

    /// <summary>
    /// The cached result, or one load shared by every caller that asks while it runs (fifty officials opening the
    /// overview at once cause one query, not fifty). A failed load is not kept.
    /// </summary>
    public async Task<T> GetAsync<T>(string key, Func<Task<T>> load)
    {
        var lazy = cache.GetOrCreate(key, entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = Lifetime;
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
