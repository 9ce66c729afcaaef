using Dateline.Tests.Support;
using System.Text.Json;
using Dateline.Store.Sqlite;
using Dateline.Store.Tests.Support;

namespace Dateline.Store.Tests.Cli;

/// <summary>The query and export commands on a store written from the hand-made corpus.</summary>
public sealed class QueryCommandTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("dateline-query-").FullName;

    public QueryCommandTests()
    {
        using var store = SqliteStore.Open(Db);
        store.Write([Corpus.Harbor(), Corpus.Border(), Corpus.Flood(), Corpus.HarborCopy()]);
    }

    private string Db => Path.Combine(folder, "store.db");

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static JsonElement[] JsonLines(string stdout) =>
        [.. stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement)];

    [Fact]
    public void Search_prints_json_lines_with_ids_titles_and_snippets()
    {
        var run = CliRunner.Run(null, "search", "flooded bridges", "--db", Db, "--json");
        Assert.Equal(0, run.ExitCode);
        var hit = Assert.Single(JsonLines(run.Stdout));
        Assert.Equal(Corpus.Flood().Id, hit.GetProperty("id").GetString());
        Assert.Equal("Corvin floods", hit.GetProperty("title").GetString());
        Assert.Contains("flooded", hit.GetProperty("snippet").GetString(), StringComparison.Ordinal);

        var copies = JsonLines(CliRunner.Run(null, "search", "harbor accord", "--db", Db, "--json").Stdout);
        Assert.Equal(2, copies.Length);
        Assert.Contains(copies, c => c.GetProperty("copyOf").GetString() == Corpus.Harbor().Id);
    }

    [Fact]
    public void Events_filter_and_print_csv_with_a_header()
    {
        var run = CliRunner.Run(null, "events", "--actor", "brell", "--code", "1", "--db", Db, "--csv");
        Assert.Equal(0, run.ExitCode);
        var lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("day,code,label,source,", lines[0], StringComparison.Ordinal);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("2026-03-05,112,", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void A_timeline_of_an_actor_is_in_event_date_order_and_needs_one_subject()
    {
        var run = CliRunner.Run(null, "timeline", "--actor", "OSTGOV", "--db", Db, "--json");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["2026-03-02", "2026-03-05", "2026-03-06", "2026-04"], JsonLines(run.Stdout).Select(e => e.GetProperty("day").GetString()));
        var story = JsonLines(CliRunner.Run(null, "timeline", "--story", Corpus.HarborCopy().Id, "--db", Db, "--json").Stdout);
        Assert.Equal(["057", "0311"], story.Select(e => e.GetProperty("code").GetString()));

        var neither = CliRunner.Run(null, "timeline", "--db", Db);
        Assert.Equal(2, neither.ExitCode);
        Assert.Contains("exactly one of --actor and --story", neither.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void The_network_and_quotes_print_json_lines()
    {
        var edges = JsonLines(CliRunner.Run(null, "network", "--db", Db, "--json", "--from", "2026-03-01", "--to", "2026-03-31").Stdout);
        Assert.Equal(2, edges.Length);
        var busiest = edges[0];
        Assert.Equal(("OSTGOV", "MRV", 2, -3.5), (busiest.GetProperty("source").GetString(), busiest.GetProperty("target").GetString(), busiest.GetProperty("events").GetInt32(), busiest.GetProperty("meanGoldstein").GetDouble()));
        var quote = Assert.Single(JsonLines(CliRunner.Run(null, "quotes", "--speaker", "Varga", "--db", Db, "--json").Stdout));
        Assert.Equal("Ilse Varga", quote.GetProperty("speaker").GetString());
    }

    [Fact]
    public void Show_prints_the_stored_contract_json_and_says_when_an_id_is_unknown()
    {
        var run = CliRunner.Run(null, "show", Corpus.Border().Id, "--db", Db, "--json");
        Assert.Equal(0, run.ExitCode);
        var root = JsonDocument.Parse(run.Stdout).RootElement;
        Assert.Equal(Corpus.Border().Id, root.GetProperty("id").GetString());
        Assert.Equal(2, root.GetProperty("events").GetArrayLength());
        var missing = CliRunner.Run(null, "show", "d-ffffffffffffffff", "--db", Db);
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("no article with id d-ffffffffffffffff", missing.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_query_on_a_store_that_does_not_exist_says_so_and_creates_nothing()
    {
        var missing = Path.Combine(folder, "typo.db");
        var run = CliRunner.Run(null, "search", "harbor", "--db", missing);
        Assert.Equal(3, run.ExitCode);
        Assert.Contains($"no store at {missing}", run.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(missing));
    }

    [Fact]
    public void Bad_days_are_an_input_error()
    {
        var run = CliRunner.Run(null, "events", "--from", "5 March", "--db", Db);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--from '5 March' is not an ISO 8601 day", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Export_writes_gdelt_tables_with_61_and_16_columns()
    {
        var events = CliRunner.Run(null, "export", "--format", "gdelt-events", "--db", Db);
        Assert.Equal(0, events.ExitCode);
        var rows = events.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, rows.Length);
        Assert.All(rows, r => Assert.Equal(61, r.Split('\t').Length));
        var signing = rows.Select(r => r.Split('\t')).Single(c => c[26] == "057");
        Assert.Equal(("20260302", "MRVGOV", "ILSE VARGA", "MRV", "GOV", "OSTGOV"), (signing[1], signing[5], signing[6], signing[7], signing[12], signing[15]));
        Assert.Equal(("1", "8.0", "1", "1", "1"), (signing[29], signing[30], signing[31], signing[32], signing[33]));
        Assert.Equal(("4", "Port Lumen", "44.5", "12.25"), (signing[51], signing[52], signing[56], signing[57]));
        Assert.Equal(("20260303000000", "https://harbor-times.example/story"), (signing[59], signing[60]));

        var mentions = CliRunner.Run(null, "export", "--format", "gdelt-mentions", "--db", Db).Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, mentions.Length);
        Assert.All(mentions, r => Assert.Equal(16, r.Split('\t').Length));

        var json = CliRunner.Run(null, "export", "--format", "json", "--db", Db).Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, json.Length);
        var csv = CliRunner.Run(null, "export", "--format", "csv", "--db", Db).Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(5, csv.Length);

        var bad = CliRunner.Run(null, "export", "--format", "xml", "--db", Db);
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("unknown export format 'xml'", bad.Stderr, StringComparison.Ordinal);
    }
}
