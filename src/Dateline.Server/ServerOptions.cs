namespace Dateline.Server;

/// <summary>How a server runs: its store, its address and who may read.</summary>
public sealed record ServerOptions
{
    /// <summary>The store (an SQLite path or a PostgreSQL URL), as <c>--db</c> takes it; null for the default.</summary>
    public string? Db { get; init; }

    /// <summary>The addresses Kestrel listens on; port 0 picks a free port (tests).</summary>
    public string Urls { get; init; } = "http://127.0.0.1:5080";

    /// <summary>Anonymous visitors may read and use <c>POST /api/analyze</c> (never write).</summary>
    public bool PublicRead { get; init; }

    /// <summary>
    /// Requests per minute one client (address) may make to the API. Zero turns the limit off,
    /// for a load test on loopback, where every client shares one address.
    /// </summary>
    public int RateLimitPerMinute { get; init; } = 600;

    /// <summary>The largest request body accepted: an article at the analysis limit, with its JSON wrapping.</summary>
    public long MaxRequestBytes { get; init; } = 6_000_000;

    /// <summary>Write one structured log line per request (off in tests and benchmarks).</summary>
    public bool RequestLogs { get; init; } = true;

    /// <summary>The clock for comment and correction times; the system clock unless a test gives one.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;
}
