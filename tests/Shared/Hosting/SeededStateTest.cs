namespace ParkMetrics.Testing;

/// <summary>Base of test classes whose tests write through a shared <see cref="TestApp"/>: each test starts from its seeded state.</summary>
public abstract class SeededStateTest(TestApp app) : IAsyncLifetime
{
    public virtual async ValueTask InitializeAsync() => await app.ResetAsync();

    public virtual ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }
}
