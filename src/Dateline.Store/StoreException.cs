namespace Dateline.Store;

/// <summary>
/// The database failed (not the input): a corrupt or foreign file, a full disk, a lost or refusing
/// server, a schema written by a newer Dateline. The message says which, in plain words; the
/// transaction in progress was rolled back, so nothing is half-written.
/// </summary>
public sealed class StoreException : Exception
{
    /// <summary>Creates the exception.</summary>
    public StoreException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }

    /// <summary>Creates the exception.</summary>
    public StoreException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public StoreException(string message)
        : base(message)
    {
    }

    /// <summary>True when trying again later may succeed (a busy file, a server that went away).</summary>
    public bool Transient { get; init; }
}
