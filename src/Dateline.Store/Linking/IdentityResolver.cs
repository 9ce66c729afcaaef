using System.Data.Common;

namespace Dateline.Store.Linking;

/// <summary>What an entity is resolved from: its name, whether it is a person, its actor code.</summary>
internal readonly record struct NameToResolve(string Name, bool Person, string? Actor);

/// <summary>
/// Gives every named entity a stored identity, shared across articles, inside one write
/// transaction: "Zelensky", "Zelenskyy", "Volodymyr Zelensky" and "President Zelensky" get one.
/// </summary>
/// <remarks>
/// <para>A full name (given name and surname) joins the person with the same surname key and a
/// compatible given name (equal, or an initial of it: <see cref="NameKey.Compatible"/>); "John
/// Smith" and "Jane Smith" stay two people.</para>
/// <para>A bare surname joins a full name only when that is unambiguous: a full name with that
/// surname in the same article; else the only person of that surname in the store; else the one
/// among several with the same actor code; else the one among them named in the same story
/// within a week.
/// Otherwise it gets an "ambiguous" identity of its own, which only a query for the bare surname
/// finds. A bare surname seen before any full name gets a provisional identity that the first
/// full name with that surname absorbs.</para>
/// <para>Anything that is not a person (places, organizations) is one identity per folded name.</para>
/// Identities are kept in the table <c>identities</c>: <c>kind</c> is person, bare, ambiguous or
/// name; <c>resolved</c> is null for an identity that stands for itself and points to the person a
/// provisional bare identity was merged into.
/// </remarks>
internal sealed class IdentityResolver : IDisposable
{
    private const string Person = "person";
    private const string Bare = "bare";
    private const string Ambiguous = "ambiguous";
    private const string Other = "name";

    private readonly Statement bySurname;
    private readonly Statement insert;
    private readonly Statement merge;
    private readonly DbConnection connection;
    private readonly DbTransaction transaction;
    private readonly Cache cache;

    private readonly Action flush;

    /// <param name="flush">Sends queued writes, before a read of what they write (the entities of a story).</param>
    /// <param name="cache">Identities already read or written by this store, kept across batches; a new one when null.</param>
    public IdentityResolver(DbConnection connection, DbTransaction transaction, Action? flush = null, Cache? cache = null)
    {
        this.cache = cache ?? new Cache();
        this.flush = flush ?? (() => { });
        bySurname = new Statement(connection, transaction, "SELECT id, kind, given, actor FROM identities WHERE surname = @surname ORDER BY id");
        // Creates the identity or, when another writer created it meanwhile, finds it: one statement.
        insert = new Statement(connection, transaction,
            "INSERT INTO identities (key, kind, surname, given, actor, name) VALUES (@key, @kind, @surname, @given, @actor, @name) "
            + "ON CONFLICT (key) DO UPDATE SET key = excluded.key RETURNING id");
        merge = new Statement(connection, transaction, "UPDATE identities SET resolved = @root WHERE surname = @surname AND kind = 'bare' AND resolved IS NULL");
        this.connection = connection;
        this.transaction = transaction;
    }

    /// <summary>
    /// The identity of each name of one article (null for a name without letters), in order.
    /// <paramref name="story"/> is the article's story and <paramref name="day"/> its publication
    /// day, for bare surnames that only the story (within a week either side) disambiguates.
    /// </summary>
    public long?[] Resolve(IReadOnlyList<NameToResolve> names, string? story, string? day)
    {
        var keys = names.Select(n => NameKey.Parse(n.Name, n.Person)).ToArray();
        var ids = new long?[names.Count];

        // Full names first, so that a bare surname can join a full name of its own article.
        for (var i = 0; i < names.Count; i++)
        {
            if (keys[i] is { } key && (!names[i].Person || key.Given is not null))
            {
                ids[i] = names[i].Person ? ResolvePerson(key, names[i]) : ResolveOther(key, names[i]);
            }
        }

        for (var i = 0; i < names.Count; i++)
        {
            if (keys[i] is { } key && names[i].Person && key.Given is null)
            {
                var local = Enumerable.Range(0, names.Count)
                    .Where(j => ids[j] is not null && names[j].Person && keys[j] is { Given: not null } k && k.Surname == key.Surname)
                    .Select(j => ids[j]!.Value)
                    .Distinct()
                    .ToList();
                ids[i] = local.Count == 1 ? local[0] : ResolveSurname(key, names[i], story, day);
            }
        }

        return ids;
    }

    private long ResolvePerson(NameKey key, NameToResolve name)
    {
        var rows = Rows(key.Surname);
        var people = rows.Where(r => r.Kind == Person).ToList();
        var exact = people.FirstOrDefault(r => r.Given == key.Given);
        if (exact is not null)
        {
            return exact.Id;
        }

        var compatible = people.Where(r => NameKey.Compatible(r.Given, key.Given)).ToList();
        if (compatible.Count == 1)
        {
            return compatible[0].Id;
        }

        var id = Create($"p:{key.Given} {key.Surname}", Person, key.Surname, key.Given, name);
        if (people.Count == 0)
        {
            // The first person of this surname absorbs the bare mentions seen before any full name.
            merge.Set("root", id).Set("surname", key.Surname).Execute();
        }

        return id;
    }

    private long ResolveSurname(NameKey key, NameToResolve name, string? story, string? day)
    {
        var rows = Rows(key.Surname);
        var people = rows.Where(r => r.Kind == Person).ToList();
        if (people.Count == 0)
        {
            return Create("b:" + key.Surname, Bare, key.Surname, null, name);
        }

        if (people.Count == 1)
        {
            return people[0].Id;
        }

        if (name.Actor is not null)
        {
            var same = people.Where(r => r.Actor == name.Actor).ToList();
            if (same.Count == 1)
            {
                return same[0].Id;
            }
        }

        if (story is not null && day is not null)
        {
            var named = new List<long>();
            flush();
            using (var inStory = new Statement(connection, transaction, InStorySql(people.Select(p => p.Id))))
            {
                using var reader = inStory.Set("story", story).Set("from_day", Shift(day, -StoryDays)).Set("to_day", Shift(day, StoryDays)).Reader();
                while (reader.Read())
                {
                    named.Add(reader.Long(0) ?? 0);
                }
            }

            if (named.Count == 1)
            {
                return named[0];
            }
        }

        return Create("a:" + key.Surname, Ambiguous, key.Surname, null, name);
    }

    /// <summary>How many days either side of an article its story is searched for the people a bare surname may name.</summary>
    private const int StoryDays = 7;

    /// <summary>
    /// Which of the candidate people are named in the story within the window: walks each
    /// candidate's (identity, day) index over those days, not every article of a long story.
    /// </summary>
    private static string InStorySql(IEnumerable<long> candidates) =>
        "SELECT DISTINCT n.identity FROM entities n JOIN articles a ON a.id = n.article_id "
        + $"WHERE n.identity IN ({string.Join(", ", candidates.Select(c => c.ToString(System.Globalization.CultureInfo.InvariantCulture)))}) "
        + "AND n.published_day >= @from_day AND n.published_day <= @to_day AND a.story_id = @story";

    private static string Shift(string day, int days) =>
        DateOnly.TryParseExact(day, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date)
            ? Keys.Day(date.AddDays(days))
            : day;

    private long ResolveOther(NameKey key, NameToResolve name) =>
        Rows(key.Full).FirstOrDefault(r => r.Kind == Other)?.Id ?? Create("n:" + key.Full, Other, key.Full, null, name);

    private long Create(string key, string kind, string surname, string? given, NameToResolve name)
    {
        var id = Convert.ToInt64(
            insert.Set("key", key).Set("kind", kind).Set("surname", surname).Set("given", given).Set("actor", name.Actor).Set("name", name.Name).Scalar(),
            System.Globalization.CultureInfo.InvariantCulture);
        var rows = Rows(surname);
        if (!rows.Exists(r => r.Id == id))
        {
            rows.Add(new Row(id, kind, given, name.Actor));
        }

        return id;
    }

    private List<Row> Rows(string surname)
    {
        if (cache.Surnames.TryGetValue(surname, out var rows))
        {
            return rows;
        }

        rows = [];
        using (var reader = bySurname.Set("surname", surname).Reader())
        {
            while (reader.Read())
            {
                rows.Add(new Row(reader.Long(0) ?? 0, reader.GetString(1), reader.Text(2), reader.Text(3)));
            }
        }

        if (cache.Surnames.Count >= Cache.MaxSurnames)
        {
            cache.Clear();
        }

        cache.Surnames[surname] = rows;
        return rows;
    }

    public void Dispose()
    {
        bySurname.Dispose();
        insert.Dispose();
        merge.Dispose();
    }

    internal sealed record Row(long Id, string Kind, string? Given, string? Actor);

    /// <summary>
    /// The identities of each surname a store has read or written, kept from one batch to the next
    /// so that a surname is looked up once, not once per batch (a look-up per name cost the Reuters
    /// ingest a sixth of its speed). The store clears it when a batch fails (its identities were
    /// rolled back). Identities another process creates meanwhile are not seen until it is cleared,
    /// which may leave a bare surname ambiguous that a fresh look-up would resolve.
    /// </summary>
    internal sealed class Cache
    {
        /// <summary>Beyond this many surnames the cache starts again, to bound its memory.</summary>
        public const int MaxSurnames = 200_000;

        public Dictionary<string, List<Row>> Surnames { get; } = new(StringComparer.Ordinal);

        public void Clear() => Surnames.Clear();
    }
}
