using Dateline.Extraction;
using Dateline.Store.Postgres;
using Dateline.Store.Tests.Contract;
using Dateline.Store.Tests.Support;
using Dateline.Tests.Support;
using Npgsql;

namespace Dateline.Store.Tests.Cli;

/// <summary>
/// <c>dateline ingest</c> into PostgreSQL killed with SIGKILL at random points, ten times, then run
/// to the end: one copy of every article, no partial rows. Runs when DATELINE_TEST_POSTGRES is set.
/// </summary>
public sealed class PostgresIngestKillTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("dateline-pgkill-").FullName;
    private readonly string database = "dateline_kill_" + Guid.NewGuid().ToString("N")[..12];
    private string? admin;

    private string Db => new NpgsqlConnectionStringBuilder(admin!) { Database = database, Pooling = false }.ConnectionString;

    public void Dispose()
    {
        Directory.Delete(folder, recursive: true);
        if (admin is not null)
        {
            NpgsqlConnection.ClearAllPools();
            Execute(admin, $"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
        }
    }

    [SkippableFact]
    public void Killing_ingest_into_postgres_ten_times_and_running_it_again_stores_every_article_exactly_once()
    {
        var server = Environment.GetEnvironmentVariable(PostgresContractTests.Variable);
        Skip.If(string.IsNullOrWhiteSpace(server), $"{PostgresContractTests.Variable} is not set: no PostgreSQL server to test against (run .ci/postgres.sh)");
        admin = PostgresStore.ToConnectionString(server!);
        Execute(admin, $"CREATE DATABASE {database}");

        var input = Path.Combine(folder, "in");
        Directory.CreateDirectory(input);
        for (var i = 0; i < 400; i++)
        {
            File.WriteAllText(Path.Combine(input, $"a{i:D4}.txt"),
                $"The harbour board of district {i} approved a new pier on Monday, its chair Mara Linde said. "
                + $"\"We will start building in spring,\" Linde told the council, adding that {i * 7 % 500 + 20} workers would be hired. "
                + $"Fishing crews in district {i} welcomed the decision after a vote of {i % 9 + 3} to 2.");
        }

        var expected = Directory.EnumerateFiles(input)
            .Select(f => ArticleReader.Default.Read(File.ReadAllBytes(f), new Model.SourceInfo("file", f, null)).Value!.Id)
            .ToHashSet(StringComparer.Ordinal);
        var interrupted = IngestKiller.KillTenTimes(input, Db, batchSize: 5, seed: 20261125, expected.Count, Count, AssertWholeArticlesOnly);

        Assert.True(interrupted >= 3, $"only {interrupted} of 10 kills interrupted the ingest");
        var last = CliRunner.Run(null, "ingest", input, "--db", Db);
        Assert.Equal(0, last.ExitCode);
        Assert.Equal(expected.Count, AssertWholeArticlesOnly());
        using var store = PostgresStore.Open(Db);
        Assert.Equal(expected.Order(StringComparer.Ordinal), store.StoredIds().Order(StringComparer.Ordinal));
    }

    private long Count()
    {
        try
        {
            return Scalar("SELECT COUNT(*) FROM articles");
        }
        catch (PostgresException)
        {
            return 0; // the schema is not created yet
        }
    }

    private long AssertWholeArticlesOnly()
    {
        if (Scalar("SELECT COUNT(*) FROM information_schema.tables WHERE table_name = 'articles'") == 0)
        {
            return 0;
        }

        var articles = Scalar("SELECT COUNT(*) FROM articles");
        Assert.Equal(articles, Scalar("SELECT COUNT(DISTINCT id) FROM articles"));
        foreach (var table in new[] { "entities", "quotes", "timexes", "events" })
        {
            Assert.Equal(0, Scalar($"SELECT COUNT(*) FROM {table} WHERE article_id NOT IN (SELECT id FROM articles)"));
            Assert.Equal(0, Scalar($"SELECT COUNT(*) FROM articles a WHERE json_array_length(a.json::json -> '{table}') <> (SELECT COUNT(*) FROM {table} t WHERE t.article_id = a.id)"));
        }

        Assert.Equal(0, Scalar("SELECT COUNT(*) FROM minhash_bands WHERE article_seq NOT IN (SELECT seq FROM articles)"));
        return articles;
    }

    private long Scalar(string sql)
    {
        using var connection = new NpgsqlConnection(Db);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static void Execute(string connectionString, string sql)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
