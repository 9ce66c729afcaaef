using Dateline.Store.Annotations;
using Dateline.Store.Tests.Support;

namespace Dateline.Store.Tests.Contract;

/// <summary>Accounts, comments, corrections and listings: the server's part of the contract.</summary>
public abstract partial class StoreContractTests
{
    private IAnnotationStore Annotations() => (IAnnotationStore)Open();

    [SkippableFact]
    public void An_account_is_found_by_name_and_by_key_hash_and_saved_again_replaces_it()
    {
        var store = Annotations();
        Assert.Equal(0, store.UserCount());
        store.SaveUser(new UserRecord("ilse", "reader", "hash-1", "key-1", "2026-03-01T10:00:00Z"));
        store.SaveUser(new UserRecord("ilse", "analyst", "hash-2", "key-2", "2026-03-02T10:00:00Z"));
        Assert.Equal(1, store.UserCount());
        var user = store.FindUser("ilse")!;
        Assert.Equal(("analyst", "hash-2", "2026-03-01T10:00:00Z"), (user.Role, user.PasswordHash, user.Created));
        Assert.Equal("ilse", store.FindUserByApiKey("key-2")?.Name);
        Assert.Null(store.FindUserByApiKey("key-1"));
        Assert.Null(store.FindUser("Ilse"));
    }

    [SkippableFact]
    public void Comments_and_corrections_come_back_per_article_oldest_first_with_their_ids()
    {
        var store = Annotations();
        var first = store.AddComment(new CommentRecord(0, "d-a", null, "ilse", "2026-03-01T10:00:00Z", "First **note**"));
        var second = store.AddComment(new CommentRecord(0, "d-a", "V1", "tomas", "2026-03-01T11:00:00Z", "On the event"));
        store.AddComment(new CommentRecord(0, "d-b", null, "ilse", "2026-03-01T12:00:00Z", "Elsewhere"));
        Assert.True(second.Id > first.Id);
        Assert.Equal([first, second], store.Comments("d-a"));

        var correction = store.AddCorrection(new CorrectionRecord(0, "d-a", CorrectionKinds.EventReject, "V1", null, "not an event", "tomas", "2026-03-02T09:00:00Z"));
        store.AddCorrection(new CorrectionRecord(0, "d-b", CorrectionKinds.Event, "V2", "{\"code\":\"111\"}", "criticism", "ilse", "2026-03-02T10:00:00Z"));
        Assert.Equal([correction], store.Corrections("d-a"));
        Assert.Equal(["d-a", "d-b"], store.AllCorrections().Select(c => c.ArticleId));
        Assert.Empty(store.Corrections("d-c"));
    }

    [SkippableFact]
    public void Stories_and_the_latest_articles_list_newest_first_in_pages()
    {
        var store = Open();
        store.Write([Corpus.Harbor(), Corpus.Border(), Corpus.Flood()]);
        var annotations = (IAnnotationStore)store;

        var latest = annotations.Latest(DayRange.All, 10, 0);
        Assert.Equal(["2026-03-07", "2026-03-06", "2026-03-03"], latest.Select(a => a.Published![..10]));
        Assert.Equal(latest.Skip(1).Select(a => a.Id), annotations.Latest(DayRange.All, 10, 1).Select(a => a.Id));
        Assert.Equal([latest[1].Id], annotations.Latest(new DayRange(new DateOnly(2026, 3, 4), new DateOnly(2026, 3, 6)), 10, 0).Select(a => a.Id));

        var stories = annotations.Stories(10, 0);
        Assert.Equal(store.Stats().Articles, stories.Sum(s => s.Articles));
        Assert.Equal(stories.OrderByDescending(s => s.LastPublished, StringComparer.Ordinal).Select(s => s.StoryId), stories.Select(s => s.StoryId));
        Assert.Equal(stories.Skip(1).Select(s => s.StoryId), annotations.Stories(10, 1).Select(s => s.StoryId));
    }
}
