namespace Dateline.Store;

/// <summary>
/// What a store remembers of feeds: the items (by id or link) already taken from each, so that
/// fetching a feed again fetches only its new items. Kept in the store (the <c>feed_items</c>
/// table) so that it travels with the articles it led to and is shared by every ingest into them.
/// </summary>
public interface IFeedMemory
{
    /// <summary>The items of <paramref name="feed"/> already taken.</summary>
    IReadOnlySet<string> SeenFeedItems(string feed);

    /// <summary>Remembers <paramref name="items"/> of <paramref name="feed"/> as taken, on <paramref name="seen"/> (ISO 8601); idempotent.</summary>
    void MarkFeedItemsSeen(string feed, IReadOnlyCollection<string> items, string seen);
}
