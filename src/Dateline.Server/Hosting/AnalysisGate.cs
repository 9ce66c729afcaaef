namespace Dateline.Server.Hosting;

/// <summary>
/// Lets as many analyses run at once as there are cores; the rest wait their turn without holding
/// a thread. Analysis is synchronous CPU work: 32 at once on 2 cores only thrash the caches, grow
/// the thread pool and keep 32 articles' allocations alive, where queued requests cost nothing.
/// </summary>
public sealed class AnalysisGate : IDisposable
{
    private readonly SemaphoreSlim slots = new(Environment.ProcessorCount, Environment.ProcessorCount);

    /// <summary>Runs <paramref name="work"/> when a core is free.</summary>
    public async Task<T> RunAsync<T>(Func<T> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return work();
        }
        finally
        {
            slots.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose() => slots.Dispose();
}
