using System.Globalization;
using Dateline.Store;

namespace Dateline.Cli.Commands.Store;

/// <summary>Loads the feed entries a store has seen before an ingest, and saves those taken after it.</summary>
internal static class FeedMemory
{
    /// <summary>The entries seen of every URL argument (a page's URL simply has none), or null after a store error.</summary>
    public static FeedSeen? Load(IArticleStore store, IEnumerable<string> arguments)
    {
        var seen = new FeedSeen();
        if (store is not IFeedMemory memory)
        {
            return seen;
        }

        try
        {
            foreach (var url in arguments.Where(WebSources.IsUrl))
            {
                seen.Load(url, memory.SeenFeedItems(url));
            }

            return seen;
        }
        catch (StoreException ex)
        {
            Console.Error.WriteLine($"dateline: {ex.Message}");
            return null;
        }
    }

    /// <summary>Remembers the entries taken in this run; 0, or the store error exit code.</summary>
    public static int Save(IArticleStore store, FeedSeen seen)
    {
        if (store is not IFeedMemory memory)
        {
            return 0;
        }

        try
        {
            var now = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
            foreach (var (feed, items) in seen.Taken())
            {
                memory.MarkFeedItemsSeen(feed, items, now);
            }

            return 0;
        }
        catch (StoreException ex)
        {
            Console.Error.WriteLine($"dateline: {ex.Message}");
            return StoreOptions.StoreErrorExit;
        }
    }
}
