using System.Data.Common;
using System.Text;
using Microsoft.Data.Sqlite;

namespace Dateline.Store.Sqlite;

/// <summary>
/// The embedded store: one SQLite file in WAL mode (readers never block the writer), full text in
/// FTS5 with Porter stemming, schema migrations applied on open.
/// </summary>
/// <remarks>
/// Each batch is one <c>BEGIN IMMEDIATE</c> transaction, so a process killed at any point leaves
/// the file with whole batches only, and two ingest processes on one file take turns (each waits
/// up to 30 s for the other's transaction) instead of failing. <c>synchronous=NORMAL</c> keeps
/// every committed batch through a process crash; only a power loss may lose the last ones.
/// </remarks>
public sealed class SqliteStore : SqlStore
{
    private readonly string path;
    private readonly TimeSpan busyTimeout;

    private SqliteStore(SqliteConnection connection, string path, TimeSpan busyTimeout)
        : base(connection)
    {
        this.path = path;
        this.busyTimeout = busyTimeout;
    }

    /// <inheritdoc />
    public override string Kind => "sqlite";

    /// <inheritdoc />
    public override string Description => path;

    /// <summary>Opens (creating if needed) the store at <paramref name="path"/> and brings its schema up to date.</summary>
    /// <exception cref="StoreException">The file is not a Dateline store, is corrupt, or cannot be opened.</exception>
    public static SqliteStore Open(string path) => Open(path, TimeSpan.FromSeconds(30));

    /// <summary>Opens the store, waiting at most <paramref name="busyTimeout"/> for another process's transaction.</summary>
    internal static SqliteStore Open(string path, TimeSpan busyTimeout)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            throw new StoreException($"{full} is a directory; --db wants a file path");
        }

        try
        {
            if (Path.GetDirectoryName(full) is { Length: > 0 } folder)
            {
                Directory.CreateDirectory(folder);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new StoreException($"cannot create the folder for {full}: {ex.Message}", ex);
        }

        var connection = Connect(full, busyTimeout);
        var store = new SqliteStore(connection, full, busyTimeout);
        try
        {
            store.Guard("open the store", () =>
            {
                connection.Open();
                using var pragmas = connection.CreateCommand();
                // A 64 MiB page cache keeps the random-key indexes (ids, bands) in memory as the store grows.
                pragmas.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = OFF; PRAGMA cache_size = -65536; PRAGMA busy_timeout = "
                    + ((long)busyTimeout.TotalMilliseconds).ToString(System.Globalization.CultureInfo.InvariantCulture) + ";";
                pragmas.ExecuteNonQuery();
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

    private static SqliteConnection Connect(string full, TimeSpan busyTimeout) => new(new SqliteConnectionStringBuilder
    {
        DataSource = full,
        Mode = SqliteOpenMode.ReadWriteCreate,
        Cache = SqliteCacheMode.Private,
        Pooling = false,
        DefaultTimeout = Math.Max(1, (int)Math.Ceiling(busyTimeout.TotalSeconds)),
    }.ToString());

    private protected override IReadOnlyList<Migration> Migrations => SqliteSchema.Migrations;

    private protected override string InsertArticleSql =>
        "INSERT INTO articles (id, source_kind, source_uri, outlet, outlet_key, title, published, published_day, language, word_count, text_length, minhash, story_id, json) "
        + "VALUES (@id, @source_kind, @source_uri, @outlet, @outlet_key, @title, @published, @published_day, @language, @word_count, @text_length, @minhash, @story_id, @json) "
        + "ON CONFLICT (id) DO NOTHING RETURNING seq";

    private protected override string? InsertFullTextSql => "INSERT INTO articles_fts (rowid, title, body, meta) VALUES (@seq, @title, @text, @meta)";

    private protected override string KeyListSql => "SELECT value FROM json_each(@keys)";

    private protected override object KeyList(IReadOnlyList<string> keys) => System.Text.Json.JsonSerializer.Serialize(keys);

    /// <summary>
    /// The newest matches ranked for relevance (see <see cref="SearchCandidates"/>); the meta
    /// column (days, outlet) does not count in the rank.
    /// </summary>
    /// <remarks>
    /// The SQL filters are left out: <see cref="SearchExpression"/> puts the day range and the
    /// outlet into the match as meta words, which select exactly the same articles. Joining the
    /// articles table to check them cost a page read per candidate (about 10 ms for 2,000), and
    /// with the join the planner could drive the query from the outlet index and run the whole
    /// match once per row (430 ms).
    /// </remarks>
    private protected override string SearchSql(string filters) =>
        "SELECT a.id, a.title, a.outlet, a.source_uri, a.published, a.language, a.word_count, a.original_id, a.story_id, a.json FROM "
        + "(SELECT f.rowid AS seq, bm25(articles_fts, 1.0, 1.0, 0.0) AS rank FROM articles_fts f WHERE articles_fts MATCH @query"
        + $" ORDER BY f.rowid DESC LIMIT {SearchCandidates}) m JOIN articles a ON a.seq = m.seq ORDER BY m.rank, a.seq LIMIT @limit";

    /// <summary>
    /// Search ranks (BM25) the newest this-many matching articles. Ranking every match of a common
    /// word ("talks" in half of 100,000 articles) took 230 ms; ranking the newest 2,000 takes 10 ms,
    /// and for news the newest matches are the ones wanted. A rarer word is ranked in full.
    /// </summary>
    internal const int SearchCandidates = 2000;

    private static readonly Lazy<System.Collections.Frozen.FrozenSet<string>> EnglishStopwords = new(() =>
    {
        using var stream = typeof(SqliteStore).Assembly.GetManifestResourceStream("Dateline.Store.Data.search-stopwords.txt")
            ?? throw new InvalidOperationException("the embedded search-stopwords.txt is missing (a build problem)");
        using var reader = new StreamReader(stream);
        var words = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && line[0] != '#')
            {
                words.Add(line.Trim());
            }
        }

        return System.Collections.Frozen.FrozenSet.ToFrozenSet(words, StringComparer.Ordinal);
    });

    /// <summary>
    /// Every word of the query as a quoted FTS5 term, all required, in the title and body columns,
    /// so user text never reaches FTS5's syntax; English function words ("in", "the") are dropped
    /// unless nothing else is left.
    /// </summary>
    /// <remarks>
    /// A day range or an outlet becomes a condition on the index's meta column (words such as
    /// <c>m202405</c>, <c>d20240517</c>, see <see cref="Keys.SearchMeta"/>), so FTS5 intersects
    /// the word's list of articles with the few articles of those days instead of the query
    /// checking the day of every article that has the word: a common word in a 30-day window took
    /// 130 ms (p95) that way on 100,000 articles. The meta words select exactly the articles of
    /// those days and that outlet (a day's words are its year, month and day; an outlet's word is
    /// the hex of its key), so no SQL filter is needed after them.
    /// </remarks>
    private protected override string? SearchExpression(SearchQuery query)
    {
        var words = Words(query.Text).ToList();
        var content = words.Where(w => !EnglishStopwords.Value.Contains(w.ToLowerInvariant())).ToList();
        var builder = new StringBuilder();
        foreach (var word in content.Count > 0 ? content : words)
        {
            builder.Append(builder.Length > 0 ? " \"" : "\"").Append(word).Append('"');
        }

        if (builder.Length == 0)
        {
            return null;
        }

        // The words are not limited to the title and body columns ({title body} : …), which costs
        // a position check per match: the meta words (y2024, m202405, d20240517, o + hex digits)
        // are never a word of a query, and the meta column has no weight in the rank.
        if (query.Days.From is not null || query.Days.To is not null)
        {
            // An open end is closed at the first or last day stored; an article without a
            // publication day has no day words and stays out, as the SQL filter would keep it out.
            var (first, last) = StoredDays();
            if (first is null || last is null)
            {
                return null;
            }

            var from = query.Days.From is { } f && f > first.Value ? f : first.Value;
            var to = query.Days.To is { } t && t < last.Value ? t : last.Value;
            if (from > to)
            {
                return null;
            }

            builder.Append(" AND meta : (").AppendJoin(" OR ", Keys.DayWords(from, to)).Append(')');
        }

        if (query.Outlet is not null)
        {
            builder.Append(" AND meta : \"o").Append(Keys.OutletWord(Keys.Name(query.Outlet))).Append('"');
        }

        return builder.ToString();
    }

    /// <summary>The first and last publication days stored (an index look-up each), to close an open day range.</summary>
    private (DateOnly? First, DateOnly? Last) StoredDays() => Guard("search", () =>
    {
        using var command = Connection.CreateCommand();
        // Two subqueries: SQLite answers a lone MIN or MAX from the index end, both at once by a scan.
        command.CommandText = "SELECT (SELECT MIN(published_day) FROM articles), (SELECT MAX(published_day) FROM articles)";
        using var reader = command.ExecuteReader();
        static DateOnly? Parse(object value) =>
            value is string text && DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day) ? day : null;
        return reader.Read() ? (Parse(reader.GetValue(0)), Parse(reader.GetValue(1))) : (null, null);
    });

    private static IEnumerable<string> Words(string text)
    {
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && !char.IsLetterOrDigit(text[i]))
            {
                i++;
            }

            var start = i;
            while (i < text.Length && char.IsLetterOrDigit(text[i]))
            {
                i++;
            }

            if (i > start)
            {
                yield return text[start..i];
            }
        }
    }

    private protected override DbConnection Reconnect()
    {
        var connection = Connect(path, busyTimeout);
        connection.Open();
        using var pragmas = connection.CreateCommand();
        pragmas.CommandText = "PRAGMA busy_timeout = " + ((long)busyTimeout.TotalMilliseconds).ToString(System.Globalization.CultureInfo.InvariantCulture) + ";";
        pragmas.ExecuteNonQuery();
        return connection;
    }

    private protected override StoreException Translate(DbException exception, string doing)
    {
        var code = exception is SqliteException s ? s.SqliteErrorCode : 0;
        return code switch
        {
            26 => new StoreException($"cannot {doing}: {path} is not a Dateline store (not an SQLite database, or its header is damaged)", exception),
            11 => new StoreException($"cannot {doing}: {path} is corrupt ({exception.Message}); restore a backup or start a new store", exception),
            13 => new StoreException($"cannot {doing}: the disk holding {path} is full; the batch in progress was rolled back, nothing is half-written", exception),
            5 or 6 => new StoreException($"cannot {doing}: {path} is locked by another process for over {busyTimeout.TotalSeconds.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture)} s", exception) { Transient = true },
            8 => new StoreException($"cannot {doing}: {path} is read-only", exception),
            14 => new StoreException($"cannot {doing}: cannot open {path} ({exception.Message})", exception),
            10 => new StoreException($"cannot {doing}: disk I/O error on {path} ({exception.Message})", exception),
            _ => new StoreException($"cannot {doing} in {path}: {exception.Message}", exception),
        };
    }
}
