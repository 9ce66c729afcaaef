using Dateline.Store.Postgres;
using Dateline.Store.Sqlite;

namespace Dateline.Store;

/// <summary>
/// Chooses and opens a store from what the user gave with <c>--db</c>: nothing (the default file
/// under the user's data folder), a file path (SQLite), or a <c>postgres://</c> URL or Npgsql
/// connection string (PostgreSQL).
/// </summary>
public static class StoreLocation
{
    /// <summary>The environment variable that names the store when <c>--db</c> is not given.</summary>
    public const string EnvironmentVariable = "DATELINE_DB";

    /// <summary>The default SQLite file: <c>dateline/dateline.db</c> under the user's local data folder (~/.local/share on Linux).</summary>
    public static string DefaultPath
    {
        get
        {
            var data = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
            if (data.Length == 0)
            {
                data = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share");
            }

            return Path.Combine(data, "dateline", "dateline.db");
        }
    }

    /// <summary>True when <paramref name="location"/> names a PostgreSQL server rather than a file.</summary>
    public static bool IsPostgres(string location)
    {
        ArgumentNullException.ThrowIfNull(location);
        return location.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
            || location.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
            || (location.Contains('=', StringComparison.Ordinal) && location.Contains("host", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Opens the store named by <paramref name="location"/>, else by DATELINE_DB, else the default file.</summary>
    /// <exception cref="StoreException">The store cannot be opened; the message says why.</exception>
    public static IArticleStore Open(string? location)
    {
        location = Resolve(location);
        return IsPostgres(location) ? PostgresStore.Open(location) : SqliteStore.Open(location);
    }

    /// <summary>The store <paramref name="location"/> names: itself, else DATELINE_DB, else the default file.</summary>
    public static string Resolve(string? location)
    {
        location ??= Environment.GetEnvironmentVariable(EnvironmentVariable);
        return string.IsNullOrWhiteSpace(location) ? DefaultPath : location;
    }
}
