using System.Data.Common;
using Npgsql;

namespace Dateline.Store.Postgres;

/// <summary>
/// The shared store: PostgreSQL through Npgsql, full text in a <c>tsvector</c> column with a GIN
/// index, the same schema and queries as SQLite where the two agree.
/// </summary>
/// <remarks>
/// A server that goes away mid-ingest fails the batch in progress (rolled back by the server);
/// <see cref="SqlStore.Write"/> reconnects and writes the batch again, up to three times, before it
/// reports a clear error. Migrations take an advisory lock so that two processes opening one
/// database apply them once.
/// </remarks>
public sealed class PostgresStore : SqlStore
{
    private readonly string connectionString;
    private readonly string description;

    private PostgresStore(NpgsqlConnection connection, string connectionString, string description)
        : base(connection)
    {
        this.connectionString = connectionString;
        this.description = description;
    }

    /// <inheritdoc />
    public override string Kind => "postgres";

    /// <inheritdoc />
    public override string Description => description;

    /// <summary>Connects with an Npgsql connection string or a <c>postgres://</c> URL and brings the schema up to date.</summary>
    /// <exception cref="StoreException">The server cannot be reached or refuses the login.</exception>
    public static PostgresStore Open(string connection)
    {
        ArgumentException.ThrowIfNullOrEmpty(connection);
        var builder = new NpgsqlConnectionStringBuilder(ToConnectionString(connection));
        var description = $"postgres://{builder.Host}:{builder.Port}/{builder.Database}";
        var npgsql = new NpgsqlConnection(builder.ConnectionString);
        var store = new PostgresStore(npgsql, builder.ConnectionString, description);
        try
        {
            store.Guard("connect", () =>
            {
                npgsql.Open();
                return 0;
            });
            store.Migrate();
            return store;
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }

    /// <summary>Turns <c>postgres://user:password@host:port/database?sslmode=disable</c> into an Npgsql connection string.</summary>
    internal static string ToConnectionString(string value)
    {
        if (!value.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) && !value.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
        {
            return value;
        }

        var uri = new Uri(value);
        var builder = new NpgsqlConnectionStringBuilder { Host = uri.Host };
        if (uri.Port > 0)
        {
            builder.Port = uri.Port;
        }

        var database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        if (database.Length > 0)
        {
            builder.Database = database;
        }

        if (uri.UserInfo.Length > 0)
        {
            var colon = uri.UserInfo.IndexOf(':', StringComparison.Ordinal);
            builder.Username = Uri.UnescapeDataString(colon < 0 ? uri.UserInfo : uri.UserInfo[..colon]);
            if (colon >= 0)
            {
                builder.Password = Uri.UnescapeDataString(uri.UserInfo[(colon + 1)..]);
            }
        }

        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0)
            {
                builder[Uri.UnescapeDataString(pair[..eq])] = Uri.UnescapeDataString(pair[(eq + 1)..]);
            }
        }

        return builder.ConnectionString;
    }

    private protected override IReadOnlyList<Migration> Migrations => PostgresSchema.Migrations;

    private protected override string InsertArticleSql =>
        "INSERT INTO articles (id, source_kind, source_uri, outlet, outlet_key, title, published, published_day, language, word_count, text_length, minhash, story_id, json, tsv) "
        + "VALUES (@id, @source_kind, @source_uri, @outlet, @outlet_key, @title, @published, @published_day, @language, @word_count, @text_length, @minhash, @story_id, @json, "
        + "setweight(to_tsvector('english', coalesce(@title::text, '')), 'A') || to_tsvector('english', @text::text)) "
        + "ON CONFLICT (id) DO NOTHING RETURNING seq";

    private protected override string? InsertFullTextSql => null;

    private protected override void LockForMigration(DbTransaction transaction)
    {
        using var command = Connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT pg_advisory_xact_lock(7268430851)";
        command.ExecuteNonQuery();
    }

    private protected override string SearchSql(string filters) =>
        "SELECT a.id, a.title, a.outlet, a.source_uri, a.published, a.language, a.word_count, a.original_id, a.story_id, a.json "
        + "FROM articles a WHERE a.tsv @@ plainto_tsquery('english', @query)" + filters
        + " ORDER BY ts_rank(a.tsv, plainto_tsquery('english', @query)) DESC, a.seq LIMIT @limit";

    private protected override string? SearchExpression(SearchQuery query) =>
        query.Text.Any(char.IsLetterOrDigit) ? query.Text : null;

    private protected override string KeyListSql => "SELECT unnest(CAST(@keys AS text[]))";

    private protected override object KeyList(IReadOnlyList<string> keys) => keys.ToArray();

    private protected override DbConnection Reconnect()
    {
        var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        return connection;
    }

    private protected override StoreException Translate(DbException exception, string doing)
    {
        var transient = exception.IsTransient || exception is NpgsqlException { InnerException: IOException or System.Net.Sockets.SocketException };
        var detail = exception is PostgresException pg ? $"{pg.SqlState}: {pg.MessageText}" : exception.Message;
        return new StoreException($"cannot {doing} on {description}: {detail}", exception) { Transient = transient };
    }
}
