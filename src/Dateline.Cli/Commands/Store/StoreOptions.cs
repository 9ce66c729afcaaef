using System.CommandLine;
using Dateline.Store;

namespace Dateline.Cli.Commands.Store;

/// <summary>The options every store command shares: where the store is, and how results are printed.</summary>
internal static class StoreOptions
{
    /// <summary>Exit code when the store itself fails (corrupt, locked, full disk, server gone).</summary>
    public const int StoreErrorExit = 3;

    public static Option<string?> Db() => new("--db")
    {
        Description = $"The store: an SQLite file path, or postgres://user@host/db, or an Npgsql connection string (default: ${StoreLocation.EnvironmentVariable}, else {StoreLocation.DefaultPath}).",
    };

    public static Option<bool> Json() => new("--json") { Description = "Write JSON (one object per line)." };

    public static Option<bool> Csv() => new("--csv") { Description = "Write CSV with a header row." };

    public static Option<int> Limit(int defaultValue) => new("--limit") { Description = "At most this many rows.", DefaultValueFactory = _ => defaultValue };

    public static Option<string?> From() => new("--from") { Description = "First day (ISO 8601, inclusive)." };

    public static Option<string?> To() => new("--to") { Description = "Last day (ISO 8601, inclusive)." };

    /// <summary>
    /// Opens the store, or prints why not and returns null. Queries pass <paramref name="mustExist"/>
    /// so that a mistyped path is an error, not a new empty store.
    /// </summary>
    public static IArticleStore? Open(string? location, bool mustExist = false)
    {
        var resolved = StoreLocation.Resolve(location);
        if (mustExist && !StoreLocation.IsPostgres(resolved) && !File.Exists(resolved))
        {
            Console.Error.WriteLine($"dateline: no store at {resolved} (ingest some articles first, or give --db)");
            return null;
        }

        try
        {
            return StoreLocation.Open(location);
        }
        catch (StoreException ex)
        {
            Console.Error.WriteLine($"dateline: {ex.Message}");
            return null;
        }
    }

    /// <summary>Parses --from/--to; prints the problem and returns null when a day is not ISO 8601.</summary>
    public static DayRange? Days(string? from, string? to)
    {
        DateOnly? Parse(string? value, string option)
        {
            if (value is null)
            {
                return null;
            }

            if (DateOnly.TryParseExact(value, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day))
            {
                return day;
            }

            throw new FormatException($"{option} '{value}' is not an ISO 8601 day (use 2025-05-13)");
        }

        try
        {
            return new DayRange(Parse(from, "--from"), Parse(to, "--to"));
        }
        catch (FormatException ex)
        {
            Console.Error.WriteLine($"dateline: {ex.Message}");
            return null;
        }
    }
}
