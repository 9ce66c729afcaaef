using Dateline.Store.Sqlite;
using Dateline.Store.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Dateline.Store.Tests.Sqlite;

/// <summary>What only the embedded store faces: foreign and damaged files, newer schemas, two writers on one file.</summary>
public sealed class SqliteStoreTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("dateline-sqlite-").FullName;

    private string Db => Path.Combine(folder, "store.db");

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void A_file_that_is_not_a_database_is_refused_with_a_plain_message()
    {
        File.WriteAllText(Db, new string('x', 4096));
        var error = Assert.Throws<StoreException>(() => SqliteStore.Open(Db));
        Assert.Contains("is not a Dateline store", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_damaged_database_is_refused_not_silently_used()
    {
        using (var store = SqliteStore.Open(Db))
        {
            store.Write([Corpus.Harbor(), Corpus.Border(), Corpus.Flood()]);
        }

        // Overwrite the middle of the file (the table pages) with garbage, keeping the header.
        var bytes = File.ReadAllBytes(Db);
        for (var i = 4096; i < bytes.Length; i++)
        {
            bytes[i] = 0xA5;
        }

        File.WriteAllBytes(Db, bytes);
        var error = Assert.Throws<StoreException>(() =>
        {
            using var store = SqliteStore.Open(Db);
            store.Stats();
        });
        Assert.Contains(Db, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_store_written_by_a_newer_dateline_is_refused()
    {
        using (SqliteStore.Open(Db))
        {
        }

        using (var connection = new SqliteConnection($"Data Source={Db};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO schema_migrations (version, name) VALUES (99, 'from the future')";
            command.ExecuteNonQuery();
        }

        var error = Assert.Throws<StoreException>(() => SqliteStore.Open(Db));
        Assert.Contains("newer than this Dateline knows", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_version_1_store_migrates_forward_with_searchable_days_and_resolved_identities()
    {
        var harbor = Corpus.Harbor();
        var border = Corpus.Border();
        using (var store = SqliteStore.Open(Db))
        {
            store.Write([harbor, border, Corpus.Flood()]);
        }

        // Take the file back to what schema version 1 wrote: no identities, no meta column.
        Execute("""
            DROP INDEX events_source_identity; DROP INDEX events_target_identity; DROP INDEX quotes_speaker_identity;
            DROP INDEX quotes_speaker; DROP INDEX quotes_actor; DROP INDEX entities_identity;
            ALTER TABLE entities DROP COLUMN identity; ALTER TABLE events DROP COLUMN source_identity;
            ALTER TABLE events DROP COLUMN target_identity; ALTER TABLE quotes DROP COLUMN speaker_identity;
            ALTER TABLE quotes DROP COLUMN published;
            CREATE INDEX quotes_speaker ON quotes (speaker_key); CREATE INDEX quotes_actor ON quotes (speaker_actor);
            DROP TABLE identities;
            DROP TABLE articles_fts;
            CREATE VIRTUAL TABLE articles_fts USING fts5 (title, body, content = '', tokenize = 'porter unicode61 remove_diacritics 2');
            DELETE FROM schema_migrations WHERE version = 2;
            """);

        using var migrated = SqliteStore.Open(Db);
        Assert.Equal(4, migrated.SchemaVersion);
        Assert.Equal(border.Id, Assert.Single(migrated.Search(new SearchQuery("accord") { Days = new(new DateOnly(2026, 3, 4), new DateOnly(2026, 3, 9)) })).Article.Id);
        Assert.Equal(border.Id, Assert.Single(migrated.Search(new SearchQuery("accord") { Outlet = "ostrel-daily.example" })).Article.Id);
        Assert.Equal(3, migrated.Events(new EventQuery { Actor = "Tomas Brell" }).Count);
        Assert.Equal(3, migrated.Events(new EventQuery { Actor = "Minister Brell" }).Count);
        Assert.Equal("2026-03-03", Assert.Single(migrated.Quotes(new QuoteQuery("Ilse Varga"))).Published);
        Assert.Equal([border.Id, harbor.Id], migrated.Quotes(new QuoteQuery(null)).Select(q => q.ArticleId));
    }

    private void Execute(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={Db};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    [Fact]
    public void A_file_locked_by_another_process_too_long_is_a_clear_error_and_nothing_is_half_written()
    {
        using var store = SqliteStore.Open(Db, TimeSpan.FromMilliseconds(100));
        store.Write([Corpus.Flood()]);
        using (var other = new SqliteConnection($"Data Source={Db};Pooling=False"))
        {
            other.Open();
            using var hold = other.CreateCommand();
            hold.CommandText = "BEGIN EXCLUSIVE";
            hold.ExecuteNonQuery();
            var error = Assert.Throws<StoreException>(() => store.Write([Corpus.Harbor(), Corpus.Border()]));
            Assert.Contains("is locked by another process for over 0.1 s", error.Message, StringComparison.Ordinal);
            Assert.True(error.Transient);
        }

        Assert.Equal(1, store.Stats().Articles);
        Assert.Equal([WriteStatus.Stored, WriteStatus.Stored], store.Write([Corpus.Harbor(), Corpus.Border()]).Select(o => o.Status));
        Assert.Equal(3, store.Stats().Articles);
    }

    [Fact]
    public void Two_writers_on_one_file_take_turns_and_lose_nothing()
    {
        using var first = SqliteStore.Open(Db);
        using var second = SqliteStore.Open(Db);
        var a = Enumerable.Range(0, 40).Select(i => Corpus.Analyzed($"{Corpus.FloodText} Update {i} from the first desk.", "a.example", "2026-03-07")).ToList();
        var b = Enumerable.Range(0, 40).Select(i => Corpus.Analyzed($"{Corpus.BorderText} Update {i} from the second desk.", "b.example", "2026-03-07")).ToList();
        var shared = Corpus.Harbor();
        Parallel.Invoke(
            () =>
            {
                foreach (var chunk in a.Append(shared).Chunk(5))
                {
                    first.Write(chunk);
                }
            },
            () =>
            {
                foreach (var chunk in b.Prepend(shared).Chunk(5))
                {
                    second.Write(chunk);
                }
            });
        Assert.Equal(81, first.Stats().Articles);
    }

    [Fact]
    public void Opening_creates_the_folder_and_uses_wal()
    {
        var nested = Path.Combine(folder, "deep", "er", "store.db");
        using (SqliteStore.Open(nested))
        {
        }

        using var connection = new SqliteConnection($"Data Source={nested};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", command.ExecuteScalar());
    }

    [Fact]
    public void The_default_store_lives_under_the_users_data_folder()
    {
        Assert.EndsWith(Path.Combine("dateline", "dateline.db"), StoreLocation.DefaultPath, StringComparison.Ordinal);
        Assert.True(StoreLocation.IsPostgres("postgres://u@localhost/db"));
        Assert.True(StoreLocation.IsPostgres("Host=127.0.0.1;Database=x"));
        Assert.False(StoreLocation.IsPostgres("/var/data/news.db"));
        Assert.Equal("Host=db.example;Port=5433;Database=news;Username=ana;Password=s3:cret;SSL Mode=Disable",
            Postgres.PostgresStore.ToConnectionString("postgres://ana:s3%3Acret@db.example:5433/news?sslmode=disable"));
    }
}
