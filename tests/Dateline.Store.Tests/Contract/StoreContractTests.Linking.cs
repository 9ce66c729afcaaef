using Dateline.Model;
using Dateline.Store.Tests.Support;

namespace Dateline.Store.Tests.Contract;

/// <summary>
/// Entity resolution across articles, on a corpus with planted spellings of one person and
/// planted traps (two people sharing a surname); search filters across a year end.
/// </summary>
public abstract partial class StoreContractTests
{
    private static readonly string[] Vocabulary =
    [
        "river", "market", "bridge", "council", "harvest", "tunnel", "ferry", "garrison", "orchard", "quarry", "lantern", "archive",
        "customs", "pipeline", "granary", "lighthouse", "railway", "vineyard", "foundry", "observatory", "canal", "stadium", "monastery",
    ];

    private static int written;

    /// <summary>
    /// An article in which <paramref name="source"/> does something to <paramref name="target"/>
    /// (a PERSON entity each, with the given actor codes) and <paramref name="source"/> is quoted.
    /// </summary>
    private static Document Meeting(string source, string? sourceActor, string target, string? targetActor, string published, string outlet = "wire.example", params string[] alsoNamed)
    {
        var n = Interlocked.Increment(ref written);
        var others = alsoNamed.Length == 0 ? "" : " Also present: " + string.Join(", ", alsoNamed) + ".";
        // A sentence of its own in every article, so that no two are near-copies of each other
        // (a copy would join its original's story, which is another way to resolve a surname).
        string Word(int k) => Vocabulary[(n * (k + 3) + k * k) % Vocabulary.Length];
        var own = $"Earlier the {Word(1)} {Word(2)} near {Word(3)} had {Word(4)} the {Word(5)} and {Word(6)} {Word(7)} over {Word(8)} {Word(9)} {Word(10)}.";
        var text = $"{source} met {target} on Tuesday to discuss the grain corridor.{others} {own} "
            + $"\"We made progress on the corridor,\" {source} told reporters after the talks.";
        var d = Corpus.Analyzed(text, outlet, published, title: $"Talks {n}", uri: $"https://{outlet}/{n}");
        var quote = "We made progress on the corridor,";
        var q = Corpus.Anchor(text, quote);
        var entities = new List<Entity>
        {
            Corpus.Person("E1", source, sourceActor!, "XXX", text, source) with { Actor = sourceActor, Country = null },
            Corpus.Person("E2", target, targetActor!, "XXX", text, target) with { Actor = targetActor, Country = null },
        };
        for (var i = 0; i < alsoNamed.Length; i++)
        {
            entities.Add(Corpus.Person("E" + (i + 3).ToString(System.Globalization.CultureInfo.InvariantCulture), alsoNamed[i], null!, "XXX", text, alsoNamed[i]) with { Actor = null, Country = null });
        }

        return d with
        {
            Entities = [.. entities],
            Quotes = [new Quote("Q1", "direct", q.Start, q.End, quote, "E1", source, Corpus.Anchor(text, "told"), 0.9)],
            Events = [Corpus.Event("V1", "036", 4.0, 1, "E1", sourceActor, "E2", targetActor, null, "met", text)],
        };
    }

    private static string[] Articles(IEnumerable<EventRow> rows) => [.. rows.Select(r => r.ArticleId).Order(StringComparer.Ordinal)];

    private static string[] Ids(params Document[] documents) => [.. documents.Select(d => d.Id).Order(StringComparer.Ordinal)];

    [SkippableFact]
    public void Spellings_titles_and_full_names_of_one_person_are_one_actor()
    {
        var store = Open();
        var full = Meeting("Volodymyr Zelensky", null, "Ilse Varga", null, "2026-04-01");
        var doubled = Meeting("Zelenskyy", null, "Tomas Brell", null, "2026-04-02");
        var titled = Meeting("President Zelensky", null, "Ilse Varga", null, "2026-04-03");
        var variant = Meeting("Volodymyr Zelenskiy", null, "Ana Lisk", null, "2026-04-04");
        var putin = Meeting("Vladimir Putin", null, "Zelenskyy", null, "2026-04-05");
        var bare = Meeting("Putin", null, "Tomas Brell", null, "2026-04-06");
        store.Write([full, doubled, titled]);
        store.Write([variant, putin, bare]);

        var zelensky = Ids(full, doubled, titled, variant, putin);
        Assert.Equal(zelensky, Articles(store.Events(new EventQuery { EitherSide = "Zelensky" })));
        Assert.Equal(zelensky, Articles(store.Events(new EventQuery { EitherSide = "Volodymyr Zelenskyy" })));
        Assert.Equal(zelensky, Articles(store.Events(new EventQuery { EitherSide = "president zelenskiy" })));
        Assert.Equal(Ids(putin), Articles(store.Events(new EventQuery { Actor = "Putin", Target = "Volodymyr Zelensky" })));
        Assert.Equal(Ids(putin, bare), Articles(store.Events(new EventQuery { Actor = "Vladimir Putin" })));
        Assert.Equal(4, store.Quotes(new QuoteQuery("Zelenskyy")).Count);

        // One node for all the spellings: the first full name seen names it.
        var edges = store.Network(new NetworkQuery());
        Assert.Contains(new NetworkEdge("Volodymyr Zelensky", "Ilse Varga", 2, 2, 4.0), edges);
        Assert.Contains(new NetworkEdge("Vladimir Putin", "Volodymyr Zelensky", 1, 1, 4.0), edges);
        Assert.DoesNotContain(edges, e => e.Source is "Zelenskyy" or "President Zelensky" or "Putin");
    }

    [SkippableFact]
    public void People_sharing_a_surname_stay_apart_and_a_bare_surname_joins_one_only_when_the_context_says_which()
    {
        var store = Open();
        var john = Meeting("John Smith", "GBRGOV", "Ilse Varga", null, "2026-05-01");
        var jane = Meeting("Jane Smith", "USAGOV", "Tomas Brell", null, "2026-05-01");
        var unclear = Meeting("Smith", null, "Ana Lisk", null, "2026-05-02");
        var byCode = Meeting("Smith", "GBRGOV", "Ana Lisk", null, "2026-05-03");
        var sameArticle = Meeting("Smith", null, "Ilse Varga", null, "2026-05-04", alsoNamed: "Jane Smith");
        store.Write([john, jane]);
        store.Write([unclear, byCode, sameArticle]);

        Assert.Equal(Ids(john, byCode), Articles(store.Events(new EventQuery { EitherSide = "John Smith" })));
        Assert.Equal(Ids(jane, sameArticle), Articles(store.Events(new EventQuery { EitherSide = "Jane Smith" })));
        Assert.Equal(Ids(john, jane, unclear, byCode, sameArticle), Articles(store.Events(new EventQuery { EitherSide = "Smith" })));
        Assert.Equal(2, store.Quotes(new QuoteQuery("Jane Smith")).Count);
        Assert.Empty(store.Events(new EventQuery { EitherSide = "Joan Smith" }));
    }

    [SkippableFact]
    public void A_bare_surname_joins_the_person_its_story_names()
    {
        var store = Open();
        var jane = Meeting("Jane Smith", null, "Ana Lisk", null, "2026-05-01");
        var john = Meeting("John Smith", null, "Ilse Varga", null, "2026-05-02", alsoNamed: "Tomas Brell");
        // Shares Ilse Varga and Tomas Brell with John Smith's article two days before: one story.
        var follow = Meeting("Smith", null, "Ilse Varga", null, "2026-05-04", outlet: "other.example", alsoNamed: "Tomas Brell");
        // The same words a month later share no story, and two people are called Smith.
        var late = Meeting("Smith", null, "Ilse Varga", null, "2026-06-10", outlet: "third.example", alsoNamed: "Tomas Brell");
        store.Write([jane, john]);
        store.Write([follow]);
        store.Write([late]);
        Assert.Equal(store.GetArticle(john.Id)!.StoryId, store.GetArticle(follow.Id)!.StoryId);
        Assert.Equal(Ids(john, follow), Articles(store.Events(new EventQuery { EitherSide = "John Smith" })));
        Assert.Equal(Ids(jane), Articles(store.Events(new EventQuery { EitherSide = "Jane Smith" })));
        Assert.Equal(4, store.Events(new EventQuery { EitherSide = "Smith" }).Count);
    }

    [SkippableFact]
    public void A_bare_surname_seen_before_the_full_name_joins_the_first_person_with_that_surname()
    {
        var store = Open();
        var early = Meeting("Orlan", null, "Ilse Varga", null, "2026-06-01");
        var later = Meeting("Piet Orlan", null, "Tomas Brell", null, "2026-06-02");
        store.Write([early]);
        store.Write([later]);
        Assert.Equal(Ids(early, later), Articles(store.Events(new EventQuery { EitherSide = "Piet Orlan" })));

        // A second Orlan after that makes a new bare "Orlan" ambiguous: it joins neither.
        var other = Meeting("Mara Orlan", null, "Ana Lisk", null, "2026-06-03");
        var ambiguous = Meeting("Orlan", null, "Ana Lisk", null, "2026-06-04", outlet: "other.example");
        store.Write([other]);
        store.Write([ambiguous]);
        Assert.Null(store.GetArticle(ambiguous.Id)!.OriginalId);
        Assert.NotEqual(store.GetArticle(other.Id)!.StoryId, store.GetArticle(ambiguous.Id)!.StoryId);
        Assert.Equal(Ids(early, later), Articles(store.Events(new EventQuery { EitherSide = "Piet Orlan" })));
        Assert.Equal(Ids(other), Articles(store.Events(new EventQuery { EitherSide = "Mara Orlan" })));
        Assert.Equal(4, store.Events(new EventQuery { EitherSide = "Orlan" }).Count);
    }

    [SkippableFact]
    public void People_of_a_batch_that_was_rolled_back_do_not_make_a_later_surname_ambiguous()
    {
        var store = Open();
        var john = Meeting("John Smith", null, "Ilse Varga", null, "2026-05-01");
        store.Write([john]);
        using var cancel = new CancellationTokenSource();
        var failed = new CancellingList([Meeting("Jane Smith", null, "Tomas Brell", null, "2026-05-02"), Meeting("Ana Lisk", null, "Tomas Brell", null, "2026-05-02")], cancel);
        Assert.ThrowsAny<OperationCanceledException>(() => store.Write(failed, cancel.Token));
        var bare = Meeting("Smith", null, "Ana Lisk", null, "2026-05-20", outlet: "other.example");
        store.Write([bare]);
        Assert.Equal(Ids(john, bare), Articles(store.Events(new EventQuery { EitherSide = "John Smith" })));
        Assert.Empty(store.Events(new EventQuery { EitherSide = "Jane Smith" }));
    }

    [SkippableFact]
    public void A_part_of_a_name_that_names_no_one_still_finds_the_names_containing_it()
    {
        var store = Open();
        var full = Meeting("Volodymyr Zelensky", null, "Ilse Varga", null, "2026-04-01");
        store.Write([full]);
        Assert.Equal(Ids(full), Articles(store.Events(new EventQuery { EitherSide = "zelen" })));
        Assert.Equal(Ids(full), Articles(store.Events(new EventQuery { Target = "Varga" })));
    }

    [SkippableFact]
    public void Day_and_outlet_filters_of_a_search_keep_exactly_the_articles_of_those_days_and_that_outlet()
    {
        var store = Open();
        var documents = new List<Document>();
        var start = new DateOnly(2025, 12, 28);
        for (var i = 0; i < 12; i++)
        {
            var day = start.AddDays(i * 3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            documents.Add(Corpus.Analyzed($"The ferry timetable for route {i} changed again this week, the operator said.", i % 2 == 0 ? "even.example" : "Odd News", day));
        }

        var undated = new Document("The ferry timetable for the island route has no date at all.", new SourceInfo("jsonl", "https://even.example/undated", "even.example"));
        documents.Add(Pipeline.Default.Analyze(undated));
        store.Write(documents);

        int[] Routes(SearchQuery query) =>
            [.. store.Search(query with { Limit = 50 }).Select(h => h.Article.Title is null ? int.Parse(h.Snippet.Split(' ')[5], System.Globalization.CultureInfo.InvariantCulture) : -1).Order()];

        // Days 2025-12-28 + 3i: the range crosses a year end and takes whole and partial months.
        Assert.Equal([1, 2, 3, 4], Routes(new SearchQuery("ferry") { Days = new(new DateOnly(2025, 12, 31), new DateOnly(2026, 1, 9)) }));
        Assert.Equal([10, 11], Routes(new SearchQuery("ferry") { Days = new(new DateOnly(2026, 1, 27), null) }));
        Assert.Equal([0], Routes(new SearchQuery("ferry") { Days = new(null, new DateOnly(2025, 12, 30)) }));
        Assert.Equal(Enumerable.Range(0, 12).ToArray(), Routes(new SearchQuery("ferry") { Days = new(new DateOnly(2020, 1, 1), new DateOnly(2030, 1, 1)) }));
        Assert.Empty(Routes(new SearchQuery("ferry") { Days = new(new DateOnly(2030, 1, 1), null) }));
        Assert.Equal([1, 3, 5, 7, 9, 11], Routes(new SearchQuery("ferry") { Outlet = "odd news" }));
        Assert.Equal([2, 4], Routes(new SearchQuery("ferry") { Outlet = "EVEN.example", Days = new(new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 9)) }));
        Assert.Equal(13, store.Search(new SearchQuery("ferry") { Limit = 50 }).Count);
        Assert.Empty(store.Search(new SearchQuery("ferry") { Outlet = "nobody.example" }));
    }
}
