using System.Collections.Concurrent;
using Dateline.Store;
using Dateline.Store.Annotations;

namespace Dateline.Server.Hosting;

/// <summary>
/// Open stores for concurrent requests. A store is used by one thread at a time (its contract),
/// so each request rents one, and returns it for the next: opening costs a connection and a
/// schema check, too much to pay per request.
/// </summary>
public sealed class StorePool : IDisposable
{
    private readonly string location;
    private readonly ConcurrentBag<SqlStore> idle = [];
    private int disposed;

    /// <summary>Opens the first store now, so that a bad <c>--db</c> fails at start, not on the first request.</summary>
    /// <exception cref="StoreException">The store cannot be opened.</exception>
    public StorePool(string? location)
    {
        this.location = StoreLocation.Resolve(location);
        var first = OpenOne();
        Description = first.Description;
        Kind = first.Kind;
        idle.Add(first);
    }

    /// <summary>Where the store is, for messages.</summary>
    public string Description { get; }

    /// <summary>"sqlite" or "postgres".</summary>
    public string Kind { get; }

    /// <summary>Rents a store for the caller's use; dispose the lease to give it back.</summary>
    public Lease Rent() => new(this, idle.TryTake(out var store) ? store : OpenOne());

    /// <summary>Runs <paramref name="action"/> on a rented store.</summary>
    public T Use<T>(Func<SqlStore, T> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        using var lease = Rent();
        return action(lease.Store);
    }

    /// <summary>The current corrections of the whole store.</summary>
    public CorrectionSet Corrections() => Use(s => new CorrectionSet(s.AllCorrections()));

    private SqlStore OpenOne() => (SqlStore)StoreLocation.Open(location);

    private void Return(SqlStore store)
    {
        // Keep a few idle connections; more would only hold file handles or server slots.
        if (Volatile.Read(ref disposed) == 0 && idle.Count < 16)
        {
            idle.Add(store);
        }
        else
        {
            store.Dispose();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 0)
        {
            while (idle.TryTake(out var store))
            {
                store.Dispose();
            }
        }
    }

    /// <summary>A rented store, returned to the pool on dispose.</summary>
    public readonly struct Lease(StorePool pool, SqlStore store) : IDisposable
    {
        /// <summary>The rented store.</summary>
        public SqlStore Store => store;

        /// <inheritdoc />
        public void Dispose() => pool.Return(store);
    }
}
