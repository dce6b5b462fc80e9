namespace ParkMetrics.IntegrationTests.Infrastructure;

/// <summary>Base of test classes that use a <see cref="MigratedDatabase"/>: each test starts from the freshly migrated state.</summary>
public abstract class DatabaseTest(MigratedDatabase database) : IAsyncLifetime
{
    protected MigratedDatabase Database { get; } = database;

    public virtual async ValueTask InitializeAsync() => await Database.ResetAsync();

    public virtual ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }
}
