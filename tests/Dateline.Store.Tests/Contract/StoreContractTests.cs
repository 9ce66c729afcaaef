using System.Text.Json;
using Dateline.Json;
using Dateline.Model;
using Dateline.Store.Tests.Support;

namespace Dateline.Store.Tests.Contract;

/// <summary>
/// What every store must do, run against each implementation (SQLite always, PostgreSQL when
/// DATELINE_TEST_POSTGRES names a server).
/// </summary>
public abstract partial class StoreContractTests : IDisposable
{
    private readonly List<IArticleStore> opened = [];

    /// <summary>A new, empty store; skips the test when the implementation is not available here.</summary>
    protected abstract IArticleStore CreateEmpty();

    /// <summary>The same store opened again (a second process, or a restart).</summary>
    protected abstract IArticleStore Reopen();

    protected IArticleStore Open()
    {
        var store = CreateEmpty();
        opened.Add(store);
        return store;
    }

    protected IArticleStore OpenAgain()
    {
        var store = Reopen();
        opened.Add(store);
        return store;
    }

    public virtual void Dispose()
    {
        foreach (var store in opened)
        {
            store.Dispose();
        }

        GC.SuppressFinalize(this);
    }

    private IArticleStore Loaded()
    {
        var store = Open();
        store.Write([Corpus.Harbor(), Corpus.Border(), Corpus.Flood()]);
        return store;
    }

    [SkippableFact]
    public void A_new_store_has_the_latest_schema_and_no_articles()
    {
        var store = Open();
        Assert.Equal(3, store.SchemaVersion);
        Assert.Equal(new StoreStats(0, 0, 0, 0, 0, 0, 0), store.Stats());
    }

    [SkippableFact]
    public void An_article_is_stored_once_and_written_again_is_a_duplicate()
    {
        var store = Open();
        var first = store.Write([Corpus.Harbor(), Corpus.Flood()]);
        Assert.All(first, o => Assert.Equal(WriteStatus.Stored, o.Status));
        var again = store.Write([Corpus.Harbor(outlet: "other.example"), Corpus.Border()]);
        Assert.Equal(WriteStatus.Duplicate, again[0].Status);
        Assert.Equal(WriteStatus.Stored, again[1].Status);
        var stats = store.Stats();
        Assert.Equal(3, stats.Articles);
        Assert.Equal(5, stats.Entities);
        Assert.Equal(2, stats.Quotes);
        Assert.Equal(1, stats.Timexes);
        Assert.Equal(4, stats.Events);
        Assert.Equal("harbor-times.example", store.GetArticle(Corpus.Harbor().Id)!.Outlet);
    }

    [SkippableFact]
    public void The_stored_json_is_the_contract_json_and_the_columns_match_it()
    {
        var store = Open();
        var harbor = Corpus.Harbor();
        store.Write([harbor]);
        Assert.Equal(DocumentJson.ToJson(harbor), store.GetJson(harbor.Id));
        var summary = store.GetArticle(harbor.Id)!;
        Assert.Equal(new ArticleSummary(harbor.Id, "Harbor accord signed", "harbor-times.example", "https://harbor-times.example/story", "2026-03-03", "en", harbor.WordCount, null, harbor.Id), summary);
        Assert.Null(store.GetJson("d-0000000000000000"));
        Assert.Null(store.GetArticle("d-0000000000000000"));
        Assert.Contains(harbor.Id, store.StoredIds());
    }

    [SkippableFact]
    public void A_batch_that_fails_midway_leaves_nothing_behind()
    {
        var store = Open();
        using var cancel = new CancellationTokenSource();
        var batch = new CancellingList([Corpus.Harbor(), Corpus.Border()], cancel);
        Assert.ThrowsAny<OperationCanceledException>(() => store.Write(batch, cancel.Token));
        Assert.Equal(new StoreStats(0, 0, 0, 0, 0, 0, 0), store.Stats());
        store.Write([Corpus.Harbor()]);
        Assert.Equal(1, store.Stats().Articles);
    }

    [SkippableFact]
    public void Reopening_applies_no_migration_twice_and_keeps_the_articles()
    {
        var store = Open();
        store.Write([Corpus.Harbor()]);
        var again = OpenAgain();
        Assert.Equal(3, again.SchemaVersion);
        Assert.Equal(1, again.Stats().Articles);
    }

    [SkippableFact]
    public void Search_finds_stemmed_words_best_first_and_filters_by_day_and_outlet()
    {
        var store = Loaded();
        var hits = store.Search(new SearchQuery("accords"));
        Assert.Equal(new[] { Corpus.Harbor().Id, Corpus.Border().Id }.Order(StringComparer.Ordinal), hits.Select(h => h.Article.Id).Order(StringComparer.Ordinal));
        Assert.All(hits, h => Assert.Contains("accord", h.Snippet, StringComparison.OrdinalIgnoreCase));
        Assert.Single(store.Search(new SearchQuery("harbor accord")));
        Assert.Equal(Corpus.Border().Id, Assert.Single(store.Search(new SearchQuery("accord") { Days = new(new DateOnly(2026, 3, 4), null) })).Article.Id);
        Assert.Equal(Corpus.Harbor().Id, Assert.Single(store.Search(new SearchQuery("accord") { Days = new(null, new DateOnly(2026, 3, 3)) })).Article.Id);
        Assert.Equal(Corpus.Border().Id, Assert.Single(store.Search(new SearchQuery("accord") { Outlet = "Ostrel-Daily.example" })).Article.Id);
        Assert.Empty(store.Search(new SearchQuery("volcano")));
        Assert.Empty(store.Search(new SearchQuery("\"*:)( OR")));
        Assert.Equal(Corpus.Flood().Id, Assert.Single(store.Search(new SearchQuery("Floods in Corvin"))).Article.Id);
    }

    [SkippableFact]
    public void Events_filter_by_actor_code_or_name_target_code_prefix_and_days()
    {
        var store = Loaded();
        Assert.Equal(["V1"], store.Events(new EventQuery { Actor = "MRVGOV" }).Select(e => e.EventId));
        Assert.Equal(3, store.Events(new EventQuery { Actor = "brell" }).Count);
        Assert.Equal(2, store.Events(new EventQuery { Actor = "Tomas Brell", Target = "MRV" }).Count);
        Assert.Equal(["0311"], store.Events(new EventQuery { Code = "03" }).Select(e => e.Code));
        Assert.Equal(2, store.Events(new EventQuery { Code = "1" }).Count);
        var march5 = Assert.Single(store.Events(new EventQuery { Days = new(new DateOnly(2026, 3, 5), new DateOnly(2026, 3, 5)) }));
        Assert.Equal("112", march5.Code);
        Assert.Equal("Tomas Brell", march5.SourceName);
        Assert.Equal("Marvania", march5.TargetName);
        Assert.Equal("ostrel-daily.example", march5.Outlet);
        Assert.Empty(store.Events(new EventQuery { Actor = "Ana Lisk" }));
    }

    [SkippableFact]
    public void A_timeline_orders_events_by_their_own_dates_not_by_publication()
    {
        var store = Loaded();
        var timeline = store.Events(new EventQuery { EitherSide = "Varga" });
        // Signed on 2 March (published 3 March), promised for April: the April promise comes last
        // although it was published first, after the 5-6 March border events.
        Assert.Equal(["057", "0311"], timeline.Select(e => e.Code));
        var all = store.Events(new EventQuery { EitherSide = "OSTGOV" });
        Assert.Equal(["2026-03-02", "2026-03-05", "2026-03-06", "2026-04"], all.Select(e => e.Day));
        Assert.Equal("2026-04", all[^1].Date);
        Assert.Null(all[2].Date);
    }

    [SkippableFact]
    public void The_network_counts_actor_pairs_with_their_mean_goldstein()
    {
        var store = Loaded();
        var edges = store.Network(new NetworkQuery());
        Assert.Contains(new NetworkEdge("OSTGOV", "MRV", 2, 1, -3.5), edges);
        Assert.Contains(new NetworkEdge("MRVGOV", "OSTGOV", 1, 1, 8.0), edges);
        Assert.Equal(3, edges.Count);
        Assert.Equal(2, store.Network(new NetworkQuery { Days = new(new DateOnly(2026, 3, 5), null) }).Count);
    }

    [SkippableFact]
    public void Quotes_are_found_by_speaker_name_or_actor()
    {
        var store = Loaded();
        var varga = Assert.Single(store.Quotes(new QuoteQuery("varga")));
        Assert.Equal("Ilse Varga", varga.Speaker);
        Assert.Equal("MRVGOV", varga.SpeakerActor);
        Assert.StartsWith("We have waited", varga.Text, StringComparison.Ordinal);
        Assert.Single(store.Quotes(new QuoteQuery("OSTGOV")));
        Assert.Equal(2, store.Quotes(new QuoteQuery(null)).Count);
    }

    [SkippableFact]
    public void A_republished_copy_is_stored_and_linked_to_its_original()
    {
        var store = Loaded();
        var copy = Corpus.HarborCopy();
        Assert.NotEqual(Corpus.Harbor().Id, copy.Id);
        var outcome = Assert.Single(store.Write([copy]));
        Assert.Equal(WriteStatus.Stored, outcome.Status);
        Assert.Equal(Corpus.Harbor().Id, outcome.CopyOf);
        var stored = store.GetArticle(copy.Id)!;
        Assert.Equal(Corpus.Harbor().Id, stored.OriginalId);
        Assert.Equal(1, store.Stats().Copies);
        Assert.Null(store.GetArticle(Corpus.Border().Id)!.OriginalId);
    }

    [SkippableFact]
    public void One_event_reported_by_several_articles_is_one_group_with_gdelt_counts()
    {
        var store = Loaded();
        // A second outlet reports the signing: same day, actors and code.
        var second = Corpus.Analyzed(Corpus.CoastText, "coast-news.example", "2026-03-04");
        var signed = Corpus.Anchor(second.Text, "signed");
        second = second with
        {
            Entities =
            [
                Corpus.Person("E1", "Ilse Varga", "MRVGOV", "MRV", second.Text, "foreign ministers"),
                Corpus.Person("E2", "Tomas Brell", "OSTGOV", "OST", second.Text, "governments"),
            ],
            Events = [Corpus.Event("V1", "057", 8.0, 1, "E1", "MRVGOV", "E2", "OSTGOV", "2026-03-02", "signed", second.Text)],
        };
        store.Write([second]);
        var groups = store.ExportEventGroups().ToList();
        Assert.Equal(4, groups.Count);
        var signing = Assert.Single(groups, g => g.First.Code == "057");
        Assert.Equal((2, 2, 2), (signing.NumMentions, signing.NumSources, signing.NumArticles));
        Assert.Equal("2026-03-03", signing.FirstSeen);
        Assert.Equal(Corpus.Harbor().Id, signing.First.ArticleId);
        Assert.Equal("Port Lumen", signing.First.LocationName);
        Assert.Equal(44.5, signing.First.Lat);
        Assert.Equal(5, store.ExportMentions().Count());

        // Sharing an event puts the new article in the harbor story.
        Assert.Equal(Corpus.Harbor().Id, store.GetArticle(second.Id)!.StoryId);
        var story = store.Events(new EventQuery { Story = Corpus.Harbor().Id });
        Assert.Equal(3, story.Count);
        Assert.All(story, e => Assert.Contains(e.ArticleId, new[] { Corpus.Harbor().Id, second.Id }));
    }

    [SkippableFact]
    public void Articles_sharing_people_within_days_form_one_story()
    {
        var store = Open();
        var harbor = Corpus.Harbor();
        var follow = Corpus.Analyzed(Corpus.VisitText, "corvin-post.example", "2026-03-05");
        follow = follow with
        {
            Entities =
            [
                Corpus.Person("E1", "Ilse Varga", "MRVGOV", "MRV", follow.Text, "Ilse Varga"),
                Corpus.Person("E2", "Tomas Brell", "OSTGOV", "OST", follow.Text, "Tomas Brell"),
            ],
        };
        var late = Corpus.Analyzed(Corpus.SummitText, "corvin-post.example", "2026-05-01");
        late = late with
        {
            Entities =
            [
                Corpus.Person("E1", "Ilse Varga", "MRVGOV", "MRV", late.Text, "Ilse Varga"),
                Corpus.Person("E2", "Tomas Brell", "OSTGOV", "OST", late.Text, "Tomas Brell"),
            ],
        };
        store.Write([harbor]);
        store.Write([follow, late]);
        Assert.Equal(harbor.Id, store.GetArticle(follow.Id)!.StoryId);
        Assert.Equal(late.Id, store.GetArticle(late.Id)!.StoryId);
    }

    [SkippableFact]
    public void Export_streams_every_document_in_storage_order()
    {
        var store = Loaded();
        var exported = store.ExportDocuments().ToList();
        Assert.Equal([Corpus.Harbor().Id, Corpus.Border().Id, Corpus.Flood().Id], exported.Select(j => JsonDocument.Parse(j).RootElement.GetProperty("id").GetString()));
    }

    /// <summary>Cancels its token once the first document has been handed out: a failure in the middle of a batch.</summary>
    private sealed class CancellingList(IReadOnlyList<Document> items, CancellationTokenSource cancel) : IReadOnlyList<Document>
    {
        public Document this[int index] => items[index];

        public int Count => items.Count;

        public IEnumerator<Document> GetEnumerator()
        {
            yield return items[0];
            cancel.Cancel();
            for (var i = 1; i < items.Count; i++)
            {
                yield return items[i];
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
