using Dateline.Tests.Support;
using System.Diagnostics;
using Dateline.Extraction;
using Dateline.Store.Sqlite;
using Dateline.Store.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Dateline.Store.Tests.Cli;

/// <summary><c>dateline ingest</c> as a user runs it: sources of every kind, bad input, re-runs and kill -9.</summary>
public sealed class IngestCommandTests : IDisposable
{
    private static readonly string[] Places = ["Sella", "Corvin", "Velm", "Port Lumen", "Ardo", "Miret", "Tolva", "Brisk"];
    private static readonly string[] Deeds = ["opened a new rail depot", "closed the ferry terminal", "raised the bridge toll", "hired extra nurses", "cancelled the spring fair", "repaired the grain silos"];

    private readonly string folder = Directory.CreateTempSubdirectory("dateline-ingest-").FullName;

    private string Db => Path.Combine(folder, "store.db");

    public void Dispose() => Directory.Delete(folder, recursive: true);

    /// <summary>A distinct article of our own: a few sentences from a small grammar and a number.</summary>
    private static string Article(int n) =>
        $"The council of {Places[n % Places.Length]} {Deeds[n % Deeds.Length]} on Monday, officials said, in decision number {n}. "
        + $"Residents of {Places[(n / 8) % Places.Length]} were told that the plan would cost {n * 37 % 900 + 100} thousand crowns. "
        + $"A spokesman said a vote on the {Deeds[(n / 6) % Deeds.Length]} question is expected within {n % 11 + 2} weeks.";

    private string WriteCorpus(int articles)
    {
        var input = Path.Combine(folder, "in");
        Directory.CreateDirectory(Path.Combine(input, "sub"));
        for (var i = 0; i < articles; i++)
        {
            File.WriteAllText(Path.Combine(input, i % 2 == 0 ? "sub" : "", $"a{i:D4}.txt"), Article(i));
        }

        File.WriteAllText(Path.Combine(input, "copy-of-a0001.txt"), Article(1));
        File.WriteAllBytes(Path.Combine(input, "broken.txt"), [0x89, (byte)'P', (byte)'N', (byte)'G', 0, 0]);
        return input;
    }

    private static HashSet<string> ExpectedIds(string input) =>
        Directory.EnumerateFiles(input, "*.txt", SearchOption.AllDirectories)
            .Select(f => ArticleReader.Default.Read(File.ReadAllBytes(f), new Model.SourceInfo("file", f, null)).Value?.Id)
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);

    [Fact]
    public void A_directory_is_ingested_with_a_summary_of_stored_duplicates_and_failures()
    {
        var input = WriteCorpus(12);
        var run = CliRunner.Run(null, "ingest", input, "--db", Db);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("12 stored", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("1 duplicates", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("1 failed", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("broken.txt: the input is binary", run.Stdout, StringComparison.Ordinal);

        var again = CliRunner.Run(null, "ingest", input, "--db", Db);
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("0 stored", again.Stdout, StringComparison.Ordinal);
        Assert.Contains("13 duplicates", again.Stdout, StringComparison.Ordinal);
        using var store = SqliteStore.Open(Db);
        Assert.Equal(12, store.Stats().Articles);
    }

    [Fact]
    public void Json_lines_and_globs_are_sources_and_each_bad_line_is_reported_alone()
    {
        var jsonl = Path.Combine(folder, "batch.jsonl");
        File.WriteAllLines(jsonl,
        [
            """{"text": "Rescuers reached the stranded climbers on Friday after a long night on the ridge.", "url": "https://www.mountain-news.example/a", "published": "2026-02-06", "title": "Climbers rescued"}""",
            """{"html": "<html><body><p>The museum reopened its west wing.</p><p>Visitors queued for an hour.</p></body></html>", "url": "https://arts.example/b"}""",
            "{not json",
            """{"title": "nothing else"}""",
            """{"text": "Some news.", "published": "06/02/2026"}""",
        ]);
        File.WriteAllText(Path.Combine(folder, "one.txt"), Article(3));
        var run = CliRunner.Run(null, "ingest", jsonl, Path.Combine(folder, "*.txt"), "--db", Db);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("3 stored", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("3 failed", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("batch.jsonl:3: not valid JSON", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("batch.jsonl:4: the line has neither", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("batch.jsonl:5: \"published\" is not an ISO 8601 date", run.Stdout, StringComparison.Ordinal);

        using var store = SqliteStore.Open(Db);
        var climbers = Assert.Single(store.Search(new SearchQuery("climbers"))).Article;
        Assert.Equal(("Climbers rescued", "mountain-news.example", "2026-02-06"), (climbers.Title, climbers.Outlet, climbers.Published));
        Assert.Single(store.Search(new SearchQuery("museum wing")));
    }

    [Fact]
    public void A_file_that_is_not_a_store_is_a_clear_error()
    {
        File.WriteAllText(Db, "this is a text file, not a database, and it is long enough to have a header of sorts.");
        File.WriteAllText(Path.Combine(folder, "one.txt"), Article(1));
        var run = CliRunner.Run(null, "ingest", Path.Combine(folder, "one.txt"), "--db", Db);
        Assert.Equal(3, run.ExitCode);
        Assert.Contains("is not a Dateline store", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Killing_ingest_ten_times_and_running_it_again_stores_every_article_exactly_once()
    {
        var input = WriteCorpus(1500);
        var expected = ExpectedIds(input);
        var interrupted = IngestKiller.KillTenTimes(input, Db, batchSize: 7, seed: 20260305, expected.Count, Count, AssertWholeBatchesOnly);

        // The kills must have landed in the middle of the work, or this test proves nothing.
        Assert.True(interrupted >= 3, $"only {interrupted} of 10 kills interrupted the ingest");

        var last = CliRunner.Run(null, "ingest", input, "--db", Db);
        Assert.Equal(0, last.ExitCode);
        Assert.Equal(expected.Count, AssertWholeBatchesOnly());
        using var store = SqliteStore.Open(Db);
        Assert.Equal(expected.Order(StringComparer.Ordinal), store.StoredIds().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Two_ingest_processes_on_one_file_store_every_article_once()
    {
        var input = WriteCorpus(120);
        var expected = ExpectedIds(input);
        using var first = Process.Start(CliRunner.StartInfo("ingest", input, "--db", Db, "--batch-size", "5", "--quiet"))!;
        using var second = Process.Start(CliRunner.StartInfo("ingest", input, "--db", Db, "--batch-size", "5", "--quiet"))!;
        foreach (var process in new[] { first, second })
        {
            process.StandardInput.Close();
            _ = process.StandardError.ReadToEndAsync();
        }

        var outputs = new[] { first.StandardOutput.ReadToEndAsync(), second.StandardOutput.ReadToEndAsync() };
        first.WaitForExit();
        second.WaitForExit();
        Assert.Equal((0, 0), (first.ExitCode, second.ExitCode));
        Assert.Equal(expected.Count, AssertWholeBatchesOnly());
        using var store = SqliteStore.Open(Db);
        Assert.Equal(expected.Order(StringComparer.Ordinal), store.StoredIds().Order(StringComparer.Ordinal));

        // Between them the two runs stored each article once and found the rest already stored.
        var stored = outputs.Sum(o => int.Parse(System.Text.RegularExpressions.Regex.Match(o.Result, @"(\d+) stored").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(expected.Count, stored);
    }

    /// <summary>The number of stored articles, read while a writer may be busy (WAL lets readers in).</summary>
    private long Count()
    {
        if (!File.Exists(Db))
        {
            return 0;
        }

        try
        {
            using var connection = new SqliteConnection($"Data Source={Db};Mode=ReadOnly;Pooling=False");
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM articles";
            return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (SqliteException)
        {
            return 0; // not created yet
        }
    }

    /// <summary>Checks that every stored article has all its rows and nothing else is there; returns the number of articles.</summary>
    private long AssertWholeBatchesOnly()
    {
        if (!File.Exists(Db))
        {
            return 0;
        }

        using var connection = new SqliteConnection($"Data Source={Db};Pooling=False");
        connection.Open();
        long Scalar(string sql)
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }

        if (Scalar("SELECT COUNT(*) FROM sqlite_master WHERE name = 'articles'") == 0)
        {
            return 0;
        }

        var articles = Scalar("SELECT COUNT(*) FROM articles");
        Assert.Equal(articles, Scalar("SELECT COUNT(DISTINCT id) FROM articles"));
        Assert.Equal(articles, Scalar("SELECT COUNT(*) FROM articles_fts"));
        Assert.Equal(Scalar("SELECT COUNT(*) FROM articles WHERE minhash IS NOT NULL") * Dateline.Store.Linking.MinHash.Bands, Scalar("SELECT COUNT(*) FROM minhash_bands"));
        Assert.Equal(0, Scalar("SELECT COUNT(*) FROM minhash_bands WHERE article_seq NOT IN (SELECT seq FROM articles)"));
        Assert.Equal(0, Scalar("SELECT COUNT(*) FROM articles WHERE json NOT LIKE '{\"schema\":\"dateline.document/1\",\"id\":\"' || id || '\"%'"));
        foreach (var (table, layer) in new[] { ("entities", "entities"), ("quotes", "quotes"), ("timexes", "timexes"), ("events", "events") })
        {
            // Every row belongs to a stored article, and every article has all the rows of its JSON.
            Assert.Equal(0, Scalar($"SELECT COUNT(*) FROM {table} WHERE article_id NOT IN (SELECT id FROM articles)"));
            Assert.Equal(0, Scalar($"SELECT COUNT(*) FROM articles a WHERE json_array_length(a.json, '$.{layer}') <> (SELECT COUNT(*) FROM {table} t WHERE t.article_id = a.id)"));
        }

        Assert.Equal(0, Scalar("SELECT COUNT(*) FROM entities WHERE identity IS NOT NULL AND identity NOT IN (SELECT id FROM identities)"));
        Assert.Equal(0, Scalar("SELECT COUNT(*) FROM events WHERE group_id NOT IN (SELECT id FROM event_groups)"));
        using var check = connection.CreateCommand();
        check.CommandText = "PRAGMA integrity_check";
        Assert.Equal("ok", check.ExecuteScalar());
        return articles;
    }
}
