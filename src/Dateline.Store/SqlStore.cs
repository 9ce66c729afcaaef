using System.Data.Common;
using System.Text.Json;
using Dateline.Json;
using Dateline.Model;
using Dateline.Store.Linking;

namespace Dateline.Store;

/// <summary>A versioned schema change, applied once, in order, in its own transaction.</summary>
/// <param name="Backfill">After the SQL, compute the new derived columns (identities) for the articles already stored.</param>
internal sealed record Migration(int Version, string Name, string Sql, bool Backfill = false);

/// <summary>
/// The store over ADO.NET, shared by SQLite and PostgreSQL: the SQL both understand (upserts with
/// <c>ON CONFLICT</c>, <c>RETURNING</c>, named parameters) lives here; each database supplies its
/// schema, its full-text search and how its errors read.
/// </summary>
public abstract partial class SqlStore : IArticleStore
{
    private const string SummaryColumns = "a.id, a.title, a.outlet, a.source_uri, a.published, a.language, a.word_count, a.original_id, a.story_id";

    private const string EventColumns =
        "e.article_id, e.event_id, e.group_id, e.code, e.root_code, e.label, e.quad_class, e.goldstein, e.source_actor, e.source_name, "
        + "e.target_actor, e.target_name, e.date, e.day, e.modality, e.trigger_text, a.published, a.outlet, a.title";

    private const string MentionColumns =
        "e.group_id, e.article_id, e.event_id, e.code, e.base_code, e.root_code, e.quad_class, e.goldstein, e.source_actor, e.source_name, e.source_country, "
        + "e.target_actor, e.target_name, e.target_country, e.day, e.location_name, e.location_country, e.lat, e.lon, e.feature, e.geonames_id, "
        + "e.sentence, e.source_offset, e.target_offset, e.trigger_start, e.modality, a.published, a.outlet, a.source_uri, a.text_length";

    private DbConnection connection;

    private readonly IdentityResolver.Cache identityCache = new();

    private protected SqlStore(DbConnection connection)
    {
        this.connection = connection;
    }

    /// <inheritdoc />
    public abstract string Kind { get; }

    /// <inheritdoc />
    public abstract string Description { get; }

    /// <inheritdoc />
    public int SchemaVersion { get; private set; }

    /// <summary>The open connection.</summary>
    private protected DbConnection Connection => connection;

    private protected abstract IReadOnlyList<Migration> Migrations { get; }

    /// <summary>Inserts an article unless its id is stored; returns its new sequence number, or null for a duplicate.</summary>
    private protected abstract string InsertArticleSql { get; }

    /// <summary>SQL run after an article is inserted to index its text, or null when the insert did it.</summary>
    private protected abstract string? InsertFullTextSql { get; }

    /// <summary>
    /// A subquery (one column) listing the strings of the parameter <c>@keys</c>, whose value is
    /// <see cref="KeyList"/>: how each database takes a list in one parameter.
    /// </summary>
    private protected abstract string KeyListSql { get; }

    /// <summary>The value of a <see cref="KeyListSql"/> parameter.</summary>
    private protected abstract object KeyList(IReadOnlyList<string> keys);

    /// <summary>Runs before migrations inside their transaction, so that two processes opening one store migrate once.</summary>
    private protected virtual void LockForMigration(DbTransaction transaction)
    {
    }

    /// <summary>
    /// The search statement: text condition and ranking are the database's own. It may leave out
    /// <paramref name="filters"/> (on <c>a.published_day</c> and <c>a.outlet_key</c>) when its
    /// <see cref="SearchExpression"/> applies them inside the full-text index.
    /// </summary>
    private protected abstract string SearchSql(string filters);

    /// <summary>The search expression for the database's full-text syntax, or null when nothing can match.</summary>
    private protected abstract string? SearchExpression(SearchQuery query);

    /// <summary>A plain-words <see cref="StoreException"/> for a database error.</summary>
    private protected abstract StoreException Translate(DbException exception, string doing);

    /// <summary>Opens a new connection after a transient failure.</summary>
    private protected abstract DbConnection Reconnect();

    /// <summary>Applies the migrations this store lacks; called once on open.</summary>
    private protected void Migrate()
    {
        Guard("open the store", () =>
        {
            using (var create = new Statement(connection, null, "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL)"))
            {
                create.Execute();
            }

            var latest = Migrations[^1].Version;
            using var transaction = connection.BeginTransaction();
            LockForMigration(transaction);

            // Versions are numbered by feature and may have gaps (1, 3 before 2 exists): a store
            // is brought up to date by applying every known version it has not recorded, not
            // only those above its highest one, so a migration released later with a lower
            // number still runs.
            var applied = new HashSet<int>();
            using (var read = new Statement(connection, transaction, "SELECT version FROM schema_migrations"))
            using (var reader = read.Reader())
            {
                while (reader.Read())
                {
                    applied.Add(reader.Int(0));
                }
            }

            var current = applied.Count == 0 ? 0 : applied.Max();
            if (current > latest)
            {
                throw new StoreException($"{Description} has schema version {current}, newer than this Dateline knows ({latest}): update Dateline");
            }

            foreach (var migration in Migrations)
            {
                if (applied.Contains(migration.Version))
                {
                    continue;
                }

                using (var apply = new Statement(connection, transaction, migration.Sql))
                {
                    apply.Execute();
                }

                if (migration.Backfill)
                {
                    BackfillIdentities(transaction);
                }

                using var record = new Statement(connection, transaction, "INSERT INTO schema_migrations (version, name) VALUES (@version, @name)");
                record.Set("version", migration.Version).Set("name", migration.Name).Execute();
            }

            transaction.Commit();
            SchemaVersion = latest;
        });
    }

    /// <summary>
    /// Gives the entities, events and quotes stored before identities existed (schema version 1)
    /// their identities, article by article in storage order, as ingest would have.
    /// </summary>
    private void BackfillIdentities(DbTransaction transaction)
    {
        var articles = new List<(string Id, string Story, string? Day)>();
        using (var list = new Statement(connection, transaction, "SELECT id, story_id, published_day FROM articles ORDER BY seq"))
        {
            using var reader = list.Reader();
            while (reader.Read())
            {
                articles.Add((reader.GetString(0), reader.GetString(1), reader.Text(2)));
            }
        }

        using var resolver = new IdentityResolver(connection, transaction);
        using var entities = new Statement(connection, transaction, "SELECT entity_id, type, name, actor FROM entities WHERE article_id = @article ORDER BY entity_id");
        using var speakers = new Statement(connection, transaction,
            "SELECT DISTINCT q.speaker_name FROM quotes q WHERE q.article_id = @article AND q.speaker_name IS NOT NULL "
            + "AND NOT EXISTS (SELECT 1 FROM entities n WHERE n.article_id = q.article_id AND n.entity_id = q.speaker_entity) ORDER BY 1");
        using var setEntity = new Statement(connection, transaction, "UPDATE entities SET identity = @identity WHERE article_id = @article AND entity_id = @entity");
        using var setSource = new Statement(connection, transaction, "UPDATE events SET source_identity = @identity WHERE article_id = @article AND source_name = @name");
        using var setTarget = new Statement(connection, transaction, "UPDATE events SET target_identity = @identity WHERE article_id = @article AND target_name = @name");
        using var setSpeaker = new Statement(connection, transaction, "UPDATE quotes SET speaker_identity = @identity WHERE article_id = @article AND speaker_entity = @entity");
        using var setSpeakerName = new Statement(connection, transaction,
            "UPDATE quotes SET speaker_identity = @identity WHERE article_id = @article AND speaker_identity IS NULL AND speaker_name = @name");
        foreach (var (id, story, day) in articles)
        {
            var rows = new List<(string Entity, string Name)>();
            var names = new List<NameToResolve>();
            using (var reader = entities.Set("article", id).Reader())
            {
                while (reader.Read())
                {
                    rows.Add((reader.GetString(0), reader.GetString(2)));
                    names.Add(new NameToResolve(reader.GetString(2), reader.GetString(1) == "PERSON", reader.Text(3)));
                }
            }

            var entityCount = names.Count;
            using (var reader = speakers.Set("article", id).Reader())
            {
                while (reader.Read())
                {
                    names.Add(new NameToResolve(reader.GetString(0), true, null));
                }
            }

            var resolved = resolver.Resolve(names, story, day);
            for (var i = 0; i < names.Count; i++)
            {
                if (resolved[i] is not { } identity)
                {
                    continue;
                }

                if (i < entityCount)
                {
                    setEntity.Set("identity", identity).Set("article", id).Set("entity", rows[i].Entity).Execute();
                    setSource.Set("identity", identity).Set("article", id).Set("name", rows[i].Name).Execute();
                    setTarget.Set("identity", identity).Set("article", id).Set("name", rows[i].Name).Execute();
                    setSpeaker.Set("identity", identity).Set("article", id).Set("entity", rows[i].Entity).Execute();
                }
                else
                {
                    setSpeakerName.Set("identity", identity).Set("article", id).Set("name", names[i].Name).Execute();
                }
            }
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<WriteOutcome> Write(IReadOnlyList<Document> documents, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documents);

        // A batch is idempotent (ids already stored are skipped), so a batch that failed on a
        // transient error (a server restart, a dropped connection) is safely written again.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return Guard("write articles", () => WriteOnce(documents, cancellationToken));
            }
            catch (StoreException ex) when (ex.Transient && attempt < 4)
            {
                Thread.Sleep(TimeSpan.FromMilliseconds(250 * attempt * attempt));
                TryReconnect();
            }
        }
    }

    private void TryReconnect()
    {
        try
        {
            var fresh = Reconnect();
            connection.Dispose();
            connection = fresh;
        }
        catch (DbException)
        {
            // Still down: the next attempt fails and reports it.
        }
    }

    private List<WriteOutcome> WriteOnce(IReadOnlyList<Document> documents, CancellationToken cancellationToken)
    {
        if (connection.State != System.Data.ConnectionState.Open)
        {
            // A server that dropped the connection since the last batch: reconnect first.
            throw new StoreException($"lost the connection to {Description}") { Transient = true };
        }

        try
        {
            var outcomes = new List<WriteOutcome>(documents.Count);
            using var transaction = connection.BeginTransaction();
            using var writer = new BatchWriter(this, transaction);
            foreach (var document in documents)
            {
                cancellationToken.ThrowIfCancellationRequested();
                outcomes.Add(writer.Write(document));
            }

            writer.Flush();
            transaction.Commit();
            return outcomes;
        }
        catch
        {
            // The batch's identities were rolled back with it: forget them.
            identityCache.Clear();
            throw;
        }
    }

    /// <inheritdoc />
    public IReadOnlySet<string> StoredIds(CancellationToken cancellationToken = default) => Guard("read article ids", () =>
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        using var statement = new Statement(connection, null, "SELECT id FROM articles");
        using var reader = statement.Reader();
        while (reader.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            ids.Add(reader.GetString(0));
        }

        return ids;
    });

    /// <inheritdoc />
    public string? GetJson(string id) => Guard("read an article", () =>
    {
        using var statement = new Statement(connection, null, "SELECT json FROM articles WHERE id = @id");
        return statement.Set("id", id).Scalar() as string;
    });

    /// <inheritdoc />
    public ArticleSummary? GetArticle(string id) => Guard("read an article", () =>
    {
        using var statement = new Statement(connection, null, $"SELECT {SummaryColumns} FROM articles a WHERE a.id = @id");
        using var reader = statement.Set("id", id).Reader();
        return reader.Read() ? ReadSummary(reader, 0) : null;
    });

    /// <inheritdoc />
    public IReadOnlyList<SearchHit> Search(SearchQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var expression = SearchExpression(query);
        if (expression is null)
        {
            return [];
        }

        return Guard("search", () =>
        {
            var filters = DayFilter("a.published_day", query.Days);
            if (query.Outlet is not null)
            {
                filters += " AND a.outlet_key = @outlet";
            }

            using var statement = new Statement(connection, null, SearchSql(filters));
            statement.Set("query", expression).Set("limit", query.Limit);
            SetDays(statement, query.Days);
            if (query.Outlet is not null)
            {
                statement.Offer("outlet", Keys.Name(query.Outlet));
            }

            var hits = new List<SearchHit>();
            using var reader = statement.Reader();
            while (reader.Read())
            {
                cancellationToken.ThrowIfCancellationRequested();
                var summary = ReadSummary(reader, 0);
                hits.Add(new SearchHit(summary, Snippet(reader.GetString(9), query.Text)));
            }

            return hits;
        });
    }

    /// <inheritdoc />
    public IReadOnlyList<EventRow> Events(EventQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        return Guard("query events", () =>
        {
            // The actor filter that drives the query is split into its alternatives (code or
            // name, source or target side); each alternative walks its (actor, day) index in day
            // order and stops after @limit rows, and the union of those few rows is sorted. One
            // OR across them all would collect and sort every event of a busy actor instead.
            var branches = new List<string>();
            var where = new List<string>();
            void Actor(string? value, string side, string parameter)
            {
                if (value is null)
                {
                    return;
                }

                var filter = Filter(parameter, value);
                if (branches.Count == 0)
                {
                    branches.AddRange(ActorAlternatives(filter, "e." + side));
                }
                else
                {
                    where.Add(ActorCondition(filter, "e." + side));
                }
            }

            Actor(query.Actor, "source", "actor");
            Actor(query.Target, "target", "target");
            if (query.EitherSide is not null)
            {
                var either = Filter("either", query.EitherSide);
                if (branches.Count == 0)
                {
                    branches.AddRange(ActorAlternatives(either, "e.source"));
                    branches.AddRange(ActorAlternatives(either, "e.target"));
                }
                else
                {
                    where.Add($"({ActorCondition(either, "e.source")} OR {ActorCondition(either, "e.target")})");
                }
            }

            if (query.Code is not null)
            {
                where.Add("e.code LIKE @code ESCAPE '\\'");
            }

            if (query.Story is not null)
            {
                where.Add("e.article_id IN (SELECT s2.id FROM articles s2 WHERE s2.story_id = COALESCE((SELECT s.story_id FROM articles s WHERE s.id = @story), @story))");
            }

            var filters = string.Concat(where.Select(w => " AND " + w)) + DayFilter("e.day", query.Days);
            string sql;
            if (branches.Count == 0)
            {
                sql = $"SELECT {EventColumns} FROM events e JOIN articles a ON a.id = e.article_id WHERE 1 = 1{filters} ORDER BY e.day, e.seq LIMIT @limit";
            }
            else
            {
                var union = string.Join(" UNION ", branches.Select((b, i) => $"SELECT b{i}.seq FROM (SELECT e.seq FROM events e WHERE {b}{filters} ORDER BY e.day, e.seq LIMIT @limit) b{i}"));
                sql = $"SELECT {EventColumns} FROM events e JOIN articles a ON a.id = e.article_id WHERE e.seq IN ({union}) ORDER BY e.day, e.seq LIMIT @limit";
            }

            using var statement = new Statement(connection, null, sql);
            statement.Set("limit", query.Limit);
            SetActor(statement, "actor", query.Actor);
            SetActor(statement, "target", query.Target);
            SetActor(statement, "either", query.EitherSide);
            if (query.Code is not null)
            {
                statement.Set("code", query.Code.Replace("%", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal) + "%");
            }

            if (query.Story is not null)
            {
                statement.Set("story", query.Story);
            }

            SetDays(statement, query.Days);
            var rows = new List<EventRow>();
            using var reader = statement.Reader();
            while (reader.Read())
            {
                cancellationToken.ThrowIfCancellationRequested();
                rows.Add(new EventRow(
                    reader.GetString(0), reader.GetString(1), reader.Long(2) ?? 0, reader.GetString(3), reader.GetString(4), reader.GetString(5),
                    reader.Int(6), reader.Double(7) ?? 0, reader.Text(8), reader.Text(9), reader.Text(10), reader.Text(11), reader.Text(12),
                    reader.Text(13), reader.GetString(14), reader.GetString(15), reader.Text(16), reader.Text(17), reader.Text(18)));
            }

            return rows;
        });
    }

    /// <inheritdoc />
    public IReadOnlyList<NetworkEdge> Network(NetworkQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        return Guard("query the network", () =>
        {
            // An actor without a code is named by its resolved identity, so "Zelensky" and
            // "Volodymyr Zelenskyy" are one node.
            const string Source = "COALESCE(e.source_actor, sr.name, e.source_name)";
            const string Target = "COALESCE(e.target_actor, tr.name, e.target_name)";
            var sql = $"SELECT {Source} AS s, {Target} AS t, COUNT(*), COUNT(DISTINCT e.article_id), AVG(e.goldstein) "
                + "FROM events e LEFT JOIN identities si ON si.id = e.source_identity LEFT JOIN identities sr ON sr.id = COALESCE(si.resolved, si.id) "
                + "LEFT JOIN identities ti ON ti.id = e.target_identity LEFT JOIN identities tr ON tr.id = COALESCE(ti.resolved, ti.id) "
                + "WHERE COALESCE(e.source_actor, e.source_name) IS NOT NULL AND COALESCE(e.target_actor, e.target_name) IS NOT NULL"
                + DayFilter("e.day", query.Days)
                + $" GROUP BY {Source}, {Target} ORDER BY 3 DESC, 1, 2 LIMIT @limit";
            using var statement = new Statement(connection, null, sql);
            statement.Set("limit", query.Limit);
            SetDays(statement, query.Days);
            var edges = new List<NetworkEdge>();
            using var reader = statement.Reader();
            while (reader.Read())
            {
                cancellationToken.ThrowIfCancellationRequested();
                edges.Add(new NetworkEdge(reader.GetString(0), reader.GetString(1), reader.Int(2), reader.Int(3), Math.Round(reader.Double(4) ?? 0, 3)));
            }

            return edges;
        });
    }

    /// <inheritdoc />
    public IReadOnlyList<QuoteRow> Quotes(QuoteQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        return Guard("query quotes", () =>
        {
            // As for events: each alternative of the speaker filter walks its (speaker, published)
            // index newest first and stops after @limit quotes; only the union is sorted.
            // (A join with the union, not "IN (union)": SQLite 3.4x scanned every quote for that.)
            var from = "quotes q";
            if (query.Speaker is not null)
            {
                var branches = ActorAlternatives(Filter("speaker", query.Speaker), "q.speaker")
                    .Select((b, i) => $"SELECT b{i}.article_id, b{i}.quote_id FROM (SELECT q.article_id, q.quote_id FROM quotes q WHERE {b} ORDER BY q.published DESC LIMIT @limit) b{i}");
                from = $"({string.Join(" UNION ", branches)}) k JOIN quotes q ON q.article_id = k.article_id AND q.quote_id = k.quote_id";
            }

            var sql = "SELECT q.article_id, q.quote_id, q.kind, q.text, q.speaker_name, q.speaker_actor, a.published, a.outlet, a.title "
                + $"FROM {from} JOIN articles a ON a.id = q.article_id"
                + " ORDER BY q.published DESC, a.seq, q.start_offset LIMIT @limit";
            using var statement = new Statement(connection, null, sql);
            statement.Set("limit", query.Limit);
            SetActor(statement, "speaker", query.Speaker);
            var rows = new List<QuoteRow>();
            using var reader = statement.Reader();
            while (reader.Read())
            {
                cancellationToken.ThrowIfCancellationRequested();
                rows.Add(new QuoteRow(
                    reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.Text(4), reader.Text(5),
                    reader.Text(6), reader.Text(7), reader.Text(8)));
            }

            return rows;
        });
    }

    /// <inheritdoc />
    public IEnumerable<string> ExportDocuments(CancellationToken cancellationToken = default)
    {
        using var statement = new Statement(connection, null, "SELECT json FROM articles ORDER BY seq");
        using var reader = Guard("export articles", statement.Reader);
        while (Guard("export articles", reader.Read))
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return reader.GetString(0);
        }
    }

    /// <inheritdoc />
    public IEnumerable<EventGroup> ExportEventGroups(CancellationToken cancellationToken = default)
    {
        var sql = $"SELECT s.num_mentions, s.num_sources, s.num_articles, s.first_seen, {MentionColumns} FROM "
            + "(SELECT e2.group_id, MIN(e2.seq) AS first_seq, COUNT(*) AS num_mentions, COUNT(DISTINCT COALESCE(a2.outlet, a2.source_uri, a2.id)) AS num_sources, "
            + "COUNT(DISTINCT e2.article_id) AS num_articles, MIN(a2.published) AS first_seen "
            + "FROM events e2 JOIN articles a2 ON a2.id = e2.article_id GROUP BY e2.group_id) s "
            + "JOIN events e ON e.seq = s.first_seq JOIN articles a ON a.id = e.article_id ORDER BY s.group_id";
        using var statement = new Statement(connection, null, sql);
        using var reader = Guard("export events", statement.Reader);
        while (Guard("export events", reader.Read))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var first = ReadMention(reader, 4);
            yield return new EventGroup(first.GroupId, first, reader.Int(0), reader.Int(1), reader.Int(2), reader.Text(3));
        }
    }

    /// <inheritdoc />
    public IEnumerable<EventMention> ExportMentions(CancellationToken cancellationToken = default)
    {
        using var statement = new Statement(connection, null, $"SELECT {MentionColumns} FROM events e JOIN articles a ON a.id = e.article_id ORDER BY e.seq");
        using var reader = Guard("export mentions", statement.Reader);
        while (Guard("export mentions", reader.Read))
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return ReadMention(reader, 0);
        }
    }

    /// <inheritdoc />
    public StoreStats Stats() => Guard("count rows", () =>
    {
        long Count(string sql)
        {
            using var statement = new Statement(connection, null, sql);
            return Convert.ToInt64(statement.Scalar(), System.Globalization.CultureInfo.InvariantCulture);
        }

        return new StoreStats(
            Count("SELECT COUNT(*) FROM articles"),
            Count("SELECT COUNT(*) FROM articles WHERE original_id IS NOT NULL"),
            Count("SELECT COUNT(*) FROM entities"),
            Count("SELECT COUNT(*) FROM quotes"),
            Count("SELECT COUNT(*) FROM timexes"),
            Count("SELECT COUNT(*) FROM events"),
            Count("SELECT COUNT(*) FROM event_groups"));
    });

    /// <inheritdoc />
    public void Dispose()
    {
        connection.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Runs a database action, turning database errors into plain <see cref="StoreException"/>s.</summary>
    private protected T Guard<T>(string doing, Func<T> action)
    {
        try
        {
            return action();
        }
        catch (DbException ex)
        {
            throw Translate(ex, doing);
        }
    }

    private void Guard(string doing, Action action) => Guard(doing, () =>
    {
        action();
        return 0;
    });

    /// <summary>
    /// How an actor filter ("RUSGOV", "Zelensky", "Volodymyr Zelenskyy") is matched: a CAMEO code
    /// exactly, and a name by the identities it names (<see cref="IdentityIds"/>); a text that names
    /// no stored identity ("zelen") is matched as a part of any stored name instead.
    /// </summary>
    private sealed record ActorFilter(string Parameter, IReadOnlyList<long> Identities);

    private ActorFilter Filter(string parameter, string value) => new(parameter, IdentityIds(value));

    /// <summary>
    /// The stored identities a name stands for, with the provisional ones merged into them. A name
    /// with a given name finds the people of that surname with a compatible given name ("John
    /// Smith" is not "Jane Smith"); a bare surname finds every identity of that surname; a name
    /// that is not a person's finds the identity of that exact (folded) name.
    /// </summary>
    private List<long> IdentityIds(string value)
    {
        var person = NameKey.Parse(value, person: true);
        var plain = NameKey.Parse(value, person: false);
        if (person is null || plain is null)
        {
            return [];
        }

        var roots = new SortedSet<long>();
        using (var statement = new Statement(connection, null, "SELECT id, kind, surname, given, resolved FROM identities WHERE surname = @surname OR surname = @full"))
        {
            using var reader = statement.Set("surname", person.Surname).Set("full", plain.Full).Reader();
            while (reader.Read())
            {
                var id = reader.Long(0) ?? 0;
                var root = reader.Long(4) ?? id;
                var kind = reader.GetString(1);
                var surname = reader.GetString(2);
                if (kind == "name")
                {
                    if (surname == plain.Full)
                    {
                        roots.Add(root);
                    }
                }
                else if (surname == person.Surname && (person.Given is null || (kind == "person" && NameKey.Compatible(person.Given, reader.Text(3)))))
                {
                    roots.Add(root);
                }
            }
        }

        if (roots.Count == 0)
        {
            return [];
        }

        var ids = new SortedSet<long>(roots);
        using (var members = new Statement(connection, null, $"SELECT id FROM identities WHERE resolved IN ({string.Join(", ", roots)})"))
        {
            using var reader = members.Reader();
            while (reader.Read())
            {
                ids.Add(reader.Long(0) ?? 0);
            }
        }

        return [.. ids];
    }

    private static string ActorCondition(ActorFilter filter, string side) => "(" + string.Join(" OR ", ActorAlternatives(filter, side)) + ")";

    /// <summary>
    /// The alternatives of an actor filter on one side (<c>source</c>, <c>target</c>, <c>speaker</c>):
    /// each walks its own index, so a timeline unions a few short ordered walks.
    /// </summary>
    private static string[] ActorAlternatives(ActorFilter filter, string side)
    {
        var p = filter.Parameter;
        var code = $"{side}_actor = @{p}_code";
        if (filter.Identities.Count == 0)
        {
            return [code, $"{side}_key IN (SELECT n.key FROM actor_names n WHERE n.key LIKE @{p}_name ESCAPE '\\')"];
        }

        return filter.Identities.Count <= 8
            ? [code, .. filter.Identities.Select(id => $"{side}_identity = {id.ToString(System.Globalization.CultureInfo.InvariantCulture)}")]
            : [code, $"{side}_identity IN ({string.Join(", ", filter.Identities)})"];
    }

    private static void SetActor(Statement statement, string parameter, string? value)
    {
        if (value is null)
        {
            return;
        }

        statement.Set(parameter + "_code", value.Trim().ToUpperInvariant());
        statement.Offer(parameter + "_name", Keys.Contains(value));
    }

    private static string DayFilter(string column, DayRange days) =>
        (days.From is null ? "" : $" AND {column} >= @from_day") + (days.To is null ? "" : $" AND ({column} || '~') < @to_day_after");

    private static void SetDays(Statement statement, DayRange days)
    {
        if (days.From is { } from)
        {
            statement.Offer("from_day", Keys.Day(from));
        }

        if (days.To is { } to)
        {
            // Days may carry a time ("2025-05-13T09:30") or be a month ("2025-06"): with '~' (above
            // every digit and dash) appended, a month sorts after each of its days and stays out
            // of a range that ends inside it.
            statement.Offer("to_day_after", Keys.Day(to.AddDays(1)));
        }
    }

    private static ArticleSummary ReadSummary(DbDataReader reader, int at) => new(
        reader.GetString(at), reader.Text(at + 1), reader.Text(at + 2), reader.Text(at + 3), reader.Text(at + 4), reader.Text(at + 5),
        reader.Int(at + 6), reader.Text(at + 7), reader.GetString(at + 8));

    private static EventMention ReadMention(DbDataReader r, int at) => new()
    {
        GroupId = r.Long(at) ?? 0,
        ArticleId = r.GetString(at + 1),
        EventId = r.GetString(at + 2),
        Code = r.GetString(at + 3),
        BaseCode = r.GetString(at + 4),
        RootCode = r.GetString(at + 5),
        QuadClass = r.Int(at + 6),
        Goldstein = r.Double(at + 7) ?? 0,
        SourceActor = r.Text(at + 8),
        SourceName = r.Text(at + 9),
        SourceCountry = r.Text(at + 10),
        TargetActor = r.Text(at + 11),
        TargetName = r.Text(at + 12),
        TargetCountry = r.Text(at + 13),
        Day = r.Text(at + 14),
        LocationName = r.Text(at + 15),
        LocationCountry = r.Text(at + 16),
        Lat = r.Double(at + 17),
        Lon = r.Double(at + 18),
        LocationFeature = r.Text(at + 19),
        GeonamesId = r.Long(at + 20),
        Sentence = r.Int(at + 21),
        SourceOffset = r.Int(at + 22),
        TargetOffset = r.Int(at + 23),
        TriggerOffset = r.Int(at + 24),
        Modality = r.GetString(at + 25),
        Published = r.Text(at + 26),
        Outlet = r.Text(at + 27),
        Uri = r.Text(at + 28),
        TextLength = r.Int(at + 29),
    };

    /// <summary>About 160 characters of the text around the first word of the query found in it.</summary>
    internal static string Snippet(string json, string query)
    {
        using var document = JsonDocument.Parse(json);
        var text = document.RootElement.GetProperty("text").GetString() ?? "";
        var at = -1;
        foreach (var word in query.Split([' ', '"', '\'', ',', '.', '-', ':', ';', '(', ')'], StringSplitOptions.RemoveEmptyEntries))
        {
            // The index stems ("accords" finds "accord"); look for the word, then for its stem.
            at = text.IndexOf(word, StringComparison.OrdinalIgnoreCase);
            foreach (var suffix in (ReadOnlySpan<string>)["s", "es", "ed", "ing"])
            {
                if (at < 0 && word.Length > suffix.Length + 3 && word.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
                {
                    at = text.IndexOf(word[..^suffix.Length], StringComparison.OrdinalIgnoreCase);
                }
            }

            if (at >= 0)
            {
                break;
            }
        }

        var start = Math.Max(0, at - 60);
        while (start > 0 && !char.IsWhiteSpace(text[start - 1]))
        {
            start--;
        }

        var end = Math.Min(text.Length, start + 160);
        var snippet = text[start..end].ReplaceLineEndings(" ").Replace("  ", " ", StringComparison.Ordinal).Trim();
        return (start > 0 ? "…" : "") + snippet + (end < text.Length ? "…" : "");
    }

    /// <summary>The prepared statements of one write transaction.</summary>
    private sealed class BatchWriter : IDisposable
    {
        private readonly SqlStore store;
        private readonly Statement insertArticle;
        private readonly Statement? insertFullText;
        private readonly Statement findBand;
        private readonly Statement insertBand;
        private readonly Statement linkCopy;
        private readonly Statement setStory;
        private readonly Statement storyByEvent;
        private readonly Statement storyByEntities;
        private readonly Statement insertEntity;
        private readonly Statement insertName;
        private readonly Statement insertQuote;
        private readonly Statement insertTimex;
        private readonly Statement upsertGroup;
        private readonly WriteQueue queue;
        private readonly Statement insertEvent;
        private readonly IdentityResolver identities;

        public BatchWriter(SqlStore store, DbTransaction transaction)
        {
            this.store = store;
            var c = store.connection;
            insertArticle = new Statement(c, transaction, store.InsertArticleSql);
            insertFullText = store.InsertFullTextSql is { } fts ? new Statement(c, transaction, fts) : null;
            // One statement for all bands each way: one round trip, not ten, to a server.
            findBand = new Statement(c, transaction,
                "SELECT a.seq, a.id, a.minhash, a.original_id, a.story_id FROM articles a WHERE a.seq IN ("
                + string.Join(" UNION ALL ", Enumerable.Range(0, MinHash.Bands).Select(band =>
                    $"SELECT c{band}.article_seq FROM (SELECT b.article_seq FROM minhash_bands b WHERE b.band = {band} AND b.value = @value{band} AND b.article_seq <> @seq ORDER BY b.article_seq LIMIT 32) c{band}"))
                + ") ORDER BY a.seq");
            insertBand = new Statement(c, transaction,
                "INSERT INTO minhash_bands (band, value, article_seq) VALUES "
                + string.Join(", ", Enumerable.Range(0, MinHash.Bands).Select(band => $"({band}, @value{band}, @seq)"))
                + " ON CONFLICT DO NOTHING");
            linkCopy = new Statement(c, transaction, "UPDATE articles SET original_id = @original, story_id = @story WHERE seq = @seq");
            setStory = new Statement(c, transaction, "UPDATE articles SET story_id = @story WHERE seq = @seq");
            storyByEvent = new Statement(c, transaction, "SELECT a.story_id FROM events e JOIN articles a ON a.id = e.article_id WHERE e.group_id = @group AND e.article_id <> @id ORDER BY e.seq LIMIT 1");
            storyByEntities = new Statement(c, transaction,
                "SELECT a.story_id, COUNT(DISTINCT n.name_key) AS shared FROM entities n JOIN articles a ON a.id = n.article_id "
                + $"WHERE n.name_key IN ({store.KeyListSql}) "
                + "AND n.published_day >= @from_day AND n.published_day <= @to_day AND n.article_id <> @id "
                + "GROUP BY a.story_id ORDER BY 2 DESC, 1 LIMIT 1");
            insertEntity = new Statement(c, transaction,
                "INSERT INTO entities (article_id, entity_id, type, name, name_key, published_day, actor, country, mentions, geo_country, lat, lon, feature, geonames_id, identity) "
                + "VALUES (@article, @entity, @type, @name, @name_key, @published_day, @actor, @country, @mentions, @geo_country, @lat, @lon, @feature, @geonames_id, @identity)");
            insertName = new Statement(c, transaction, "INSERT INTO actor_names (key, name, actor) VALUES (@key, @name, @actor) ON CONFLICT DO NOTHING");
            insertQuote = new Statement(c, transaction,
                "INSERT INTO quotes (article_id, quote_id, kind, start_offset, end_offset, text, speaker_entity, speaker_name, speaker_key, speaker_actor, cue, confidence, speaker_identity, published) "
                + "VALUES (@article, @quote, @kind, @start, @end, @text, @speaker_entity, @speaker_name, @speaker_key, @speaker_actor, @cue, @confidence, @speaker_identity, @published)");
            insertTimex = new Statement(c, transaction,
                "INSERT INTO timexes (article_id, timex_id, type, value, text, start_offset, end_offset, anchor, mod) "
                + "VALUES (@article, @timex, @type, @value, @text, @start, @end, @anchor, @mod)");
            // One statement that creates or finds the group: one round trip per event, not two.
            upsertGroup = new Statement(c, transaction, "INSERT INTO event_groups (key) VALUES (@key) ON CONFLICT (key) DO UPDATE SET key = excluded.key RETURNING id");
            queue = new WriteQueue(c, transaction);
            insertEvent = new Statement(c, transaction,
                "INSERT INTO events (article_id, event_id, group_id, code, base_code, root_code, label, quad_class, goldstein, "
                + "source_actor, source_name, source_key, source_country, target_actor, target_name, target_key, target_country, "
                + "date, day, date_from, location_name, location_country, lat, lon, feature, geonames_id, modality, "
                + "trigger_start, trigger_end, trigger_text, sentence, quote_id, source_offset, target_offset, source_identity, target_identity) VALUES ("
                + "@article, @event, @group, @code, @base_code, @root_code, @label, @quad_class, @goldstein, "
                + "@source_actor, @source_name, @source_key, @source_country, @target_actor, @target_name, @target_key, @target_country, "
                + "@date, @day, @date_from, @location_name, @location_country, @lat, @lon, @feature, @geonames_id, @modality, "
                + "@trigger_start, @trigger_end, @trigger_text, @sentence, @quote_id, @source_offset, @target_offset, @source_identity, @target_identity)");
            identities = new IdentityResolver(c, transaction, queue.Flush, store.identityCache);
        }

        public WriteOutcome Write(Document d)
        {
            var signature = MinHash.Compute(d.Text);
            var day = Keys.Day(d);
            var json = DocumentJson.ToJson(d);
            var outletKey = d.Source.Outlet is { } o ? Keys.Name(o) : null;
            var seqValue = insertArticle
                .Set("id", d.Id).Set("source_kind", d.Source.Kind).Set("source_uri", d.Source.Uri)
                .Set("outlet", d.Source.Outlet).Set("outlet_key", outletKey)
                .Set("title", d.Title).Set("published", d.Published?.ToString()).Set("published_day", day)
                .Set("language", d.Language).Set("word_count", d.WordCount).Set("text_length", d.Text.Length)
                .Set("minhash", signature)
                .Set("story_id", d.Id).Set("json", json).Offer("text", d.Text)
                .Scalar();
            if (seqValue is null)
            {
                return new WriteOutcome(d.Id, WriteStatus.Duplicate, null);
            }

            var seq = Convert.ToInt64(seqValue, System.Globalization.CultureInfo.InvariantCulture);
            if (insertFullText is not null)
            {
                queue.Add(insertFullText.Set("seq", seq).Set("title", d.Title ?? "").Set("text", d.Text).Offer("meta", Keys.SearchMeta(day, outletKey)));
            }

            string? original = null;
            string? story = null;
            if (signature is not null)
            {
                (original, story) = FindOriginal(seq, signature);
                queue.Add(SetBands(insertBand, signature, seq));
            }

            if (original is not null)
            {
                queue.Add(linkCopy.Set("original", original).Set("story", story).Set("seq", seq));
            }

            var entities = new Dictionary<string, Entity>(StringComparer.Ordinal);
            foreach (var e in d.Entities)
            {
                entities[e.Id] = e;
            }

            // Event groups and the story come first: a bare surname is resolved within its story.
            var groups = new long[d.Events.Length];
            string? eventStory = null;
            for (var i = 0; i < d.Events.Length; i++)
            {
                var v = d.Events[i];
                var source = v.Source is { } s && entities.TryGetValue(s, out var se) ? se : null;
                var target = v.Target is { } t && entities.TryGetValue(t, out var te) ? te : null;
                var eventDay = Keys.EventDay(v.Date, day);
                var groupKey = string.Join('|', eventDay ?? "", v.SourceActor ?? (source is null ? null : Keys.Name(source.Name)) ?? "", v.TargetActor ?? (target is null ? null : Keys.Name(target.Name)) ?? "", v.Code);
                groups[i] = Convert.ToInt64(upsertGroup.Set("key", groupKey).Scalar(), System.Globalization.CultureInfo.InvariantCulture);
                if (original is null && eventStory is null)
                {
                    queue.Flush();
                    eventStory = storyByEvent.Set("group", groups[i]).Set("id", d.Id).Scalar() as string;
                }
            }

            if (original is null)
            {
                story = eventStory ?? StoryBySharedEntities(d, day);
                if (story is not null)
                {
                    queue.Add(setStory.Set("story", story).Set("seq", seq));
                }
            }

            // One identity per entity, then one per quote speaker that is not an entity.
            var names = new List<NameToResolve>(d.Entities.Length + d.Quotes.Length);
            names.AddRange(d.Entities.Select(e => new NameToResolve(e.Name, e.Type == "PERSON", e.Actor)));
            foreach (var q in d.Quotes)
            {
                if (q.SpeakerName is { } speakerName && (q.Speaker is null || !entities.ContainsKey(q.Speaker)))
                {
                    names.Add(new NameToResolve(speakerName, true, null));
                }
            }

            var resolved = identities.Resolve(names, story ?? d.Id, day);
            var identityOf = new Dictionary<string, long?>(StringComparer.Ordinal);
            for (var i = 0; i < d.Entities.Length; i++)
            {
                var e = d.Entities[i];
                identityOf[e.Id] = resolved[i];
                var key = Keys.Name(e.Name);
                queue.Add(insertEntity.Set("article", d.Id).Set("entity", e.Id).Set("type", e.Type).Set("name", e.Name).Set("name_key", key).Set("published_day", day)
                    .Set("actor", e.Actor).Set("country", e.Country).Set("mentions", e.Mentions.Length)
                    .Set("geo_country", e.Geo?.Country).Set("lat", e.Geo?.Lat).Set("lon", e.Geo?.Lon)
                    .Set("feature", e.Geo?.Feature).Set("geonames_id", e.Geo?.GeonamesId).Set("identity", resolved[i]));
                queue.Add(insertName.Set("key", key).Set("name", e.Name).Set("actor", e.Actor));
            }

            var speakerAt = d.Entities.Length;
            foreach (var q in d.Quotes)
            {
                var speaker = q.Speaker is { } sid && entities.TryGetValue(sid, out var se) ? se : null;
                var name = speaker?.Name ?? q.SpeakerName;
                var key = name is null ? null : Keys.Name(name);
                long? identity = speaker is not null ? identityOf[speaker.Id] : q.SpeakerName is not null ? resolved[speakerAt++] : null;
                if (key is not null && speaker is null)
                {
                    queue.Add(insertName.Set("key", key).Set("name", name).Set("actor", null));
                }

                queue.Add(insertQuote.Set("article", d.Id).Set("quote", q.Id).Set("kind", q.Kind).Set("start", q.Start).Set("end", q.End).Set("text", q.Text)
                    .Set("speaker_entity", q.Speaker).Set("speaker_name", name).Set("speaker_key", key).Set("speaker_actor", speaker?.Actor)
                    .Set("cue", q.Cue?.Text).Set("confidence", q.Confidence).Set("speaker_identity", identity).Set("published", d.Published?.ToString()));
            }

            foreach (var t in d.Timexes)
            {
                queue.Add(insertTimex.Set("article", d.Id).Set("timex", t.Id).Set("type", t.Type).Set("value", t.Value).Set("text", t.Text)
                    .Set("start", t.Start).Set("end", t.End).Set("anchor", t.Anchor).Set("mod", t.Mod));
            }

            for (var i = 0; i < d.Events.Length; i++)
            {
                var v = d.Events[i];
                var source = v.Source is { } s && entities.TryGetValue(s, out var se) ? se : null;
                var target = v.Target is { } t && entities.TryGetValue(t, out var te) ? te : null;
                var place = v.Location is { } l && entities.TryGetValue(l, out var le) ? le : null;
                var sentence = v.Sentence >= 0 && v.Sentence < d.Sentences.Length ? d.Sentences[v.Sentence] : new TextSpan(0, d.Text.Length);
                queue.Add(insertEvent.Set("article", d.Id).Set("event", v.Id).Set("group", groups[i]).Set("code", v.Code).Set("base_code", v.BaseCode)
                    .Set("root_code", v.RootCode).Set("label", v.Label).Set("quad_class", v.QuadClass).Set("goldstein", v.Goldstein)
                    .Set("source_actor", v.SourceActor).Set("source_name", source?.Name).Set("source_key", source is null ? null : Keys.Name(source.Name)).Set("source_country", source?.Country)
                    .Set("target_actor", v.TargetActor).Set("target_name", target?.Name).Set("target_key", target is null ? null : Keys.Name(target.Name)).Set("target_country", target?.Country)
                    .Set("date", v.Date).Set("day", Keys.EventDay(v.Date, day)).Set("date_from", v.DateFrom)
                    .Set("location_name", place?.Name).Set("location_country", place?.Geo?.Country ?? place?.Country)
                    .Set("lat", place?.Geo?.Lat).Set("lon", place?.Geo?.Lon).Set("feature", place?.Geo?.Feature).Set("geonames_id", place?.Geo?.GeonamesId)
                    .Set("modality", v.Modality).Set("trigger_start", v.Trigger.Start).Set("trigger_end", v.Trigger.End).Set("trigger_text", v.Trigger.Text)
                    .Set("sentence", v.Sentence).Set("quote_id", v.Quote)
                    .Set("source_offset", MentionIn(source, sentence)).Set("target_offset", MentionIn(target, sentence))
                    .Set("source_identity", source is null ? null : identityOf[source.Id]).Set("target_identity", target is null ? null : identityOf[target.Id]));
            }

            return new WriteOutcome(d.Id, WriteStatus.Stored, original);
        }

        // Articles about one happening share its people and organizations within a few days.
        private string? StoryBySharedEntities(Document d, string? day)
        {
            if (day is null || d.Entities.IsEmpty || !DateOnly.TryParse(day, System.Globalization.CultureInfo.InvariantCulture, out var date))
            {
                return null;
            }

            var keys = d.Entities.Where(e => e.Type is "PERSON" or "ORG" or "EVENT").Select(e => Keys.Name(e.Name)).Distinct(StringComparer.Ordinal).ToList();
            if (keys.Count == 0)
            {
                return null;
            }

            queue.Flush();
            using var reader = storyByEntities.Set("keys", store.KeyList(keys)).Set("id", d.Id).Set("from_day", Keys.Day(date.AddDays(-3))).Set("to_day", Keys.Day(date.AddDays(3))).Reader();
            return reader.Read() && reader.Int(1) >= 2 ? reader.GetString(0) : null;
        }

        /// <remarks>
        /// Each band looks at its 32 oldest sharers only: a band value shared by hundreds of
        /// articles comes from stock phrases, not from copying, and scanning them all would make
        /// every write slower as the store grows. A real copy shares most bands, rare ones included.
        /// </remarks>
        private (string? Original, string? Story) FindOriginal(long seq, byte[] signature)
        {
            // Candidates come oldest first: the first similar one is the original (a copy of a
            // copy links to the first original through its own link).
            queue.Flush();
            using var reader = SetBands(findBand, signature, seq).Reader();
            while (reader.Read())
            {
                if (!reader.IsDBNull(2) && MinHash.Similarity((byte[])reader.GetValue(2), signature) >= MinHash.CopyThreshold)
                {
                    return (reader.Text(3) ?? reader.GetString(1), reader.GetString(4));
                }
            }

            return (null, null);
        }

        private static Statement SetBands(Statement statement, byte[] signature, long seq)
        {
            statement.Set("seq", seq);
            for (var band = 0; band < MinHash.Bands; band++)
            {
                statement.Set("value" + band.ToString(System.Globalization.CultureInfo.InvariantCulture), MinHash.BandKey(signature, band));
            }

            return statement;
        }

        private static int MentionIn(Entity? entity, TextSpan sentence)
        {
            if (entity is null)
            {
                return -1;
            }

            foreach (var m in entity.Mentions)
            {
                if (m.Start >= sentence.Start && m.End <= sentence.End)
                {
                    return m.Start;
                }
            }

            return entity.Mentions.IsEmpty ? -1 : entity.Mentions[0].Start;
        }

        /// <summary>Sends the writes still queued; called before the transaction commits.</summary>
        public void Flush() => queue.Flush();

        public void Dispose()
        {
            insertArticle.Dispose();
            insertFullText?.Dispose();
            findBand.Dispose();
            insertBand.Dispose();
            linkCopy.Dispose();
            setStory.Dispose();
            storyByEvent.Dispose();
            storyByEntities.Dispose();
            insertEntity.Dispose();
            insertName.Dispose();
            insertQuote.Dispose();
            insertTimex.Dispose();
            upsertGroup.Dispose();
            queue.Dispose();
            insertEvent.Dispose();
            identities.Dispose();
        }
    }
}
