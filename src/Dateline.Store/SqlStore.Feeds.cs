namespace Dateline.Store;

/// <summary>The feed memory (<see cref="IFeedMemory"/>) over the <c>feed_items</c> table, in SQL both databases run.</summary>
public abstract partial class SqlStore : IFeedMemory
{
    /// <inheritdoc />
    public IReadOnlySet<string> SeenFeedItems(string feed) => Guard("read the items seen of a feed", () =>
    {
        ArgumentNullException.ThrowIfNull(feed);
        var items = new HashSet<string>(StringComparer.Ordinal);
        using var statement = new Statement(Connection, null, "SELECT item FROM feed_items WHERE feed = @feed");
        using var reader = statement.Set("feed", feed).Reader();
        while (reader.Read())
        {
            items.Add(reader.GetString(0));
        }

        return items;
    });

    /// <inheritdoc />
    public void MarkFeedItemsSeen(string feed, IReadOnlyCollection<string> items, string seen) => Guard("remember the items seen of a feed", () =>
    {
        ArgumentNullException.ThrowIfNull(feed);
        ArgumentNullException.ThrowIfNull(items);
        using var transaction = Connection.BeginTransaction();
        using (var insert = new Statement(Connection, transaction, "INSERT INTO feed_items (feed, item, seen) VALUES (@feed, @item, @seen) ON CONFLICT (feed, item) DO NOTHING"))
        {
            insert.Set("feed", feed).Set("seen", seen);
            foreach (var item in items)
            {
                insert.Set("item", item).Execute();
            }
        }

        transaction.Commit();
        return 0;
    });
}
