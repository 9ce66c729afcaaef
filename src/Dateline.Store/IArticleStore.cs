using Dateline.Model;

namespace Dateline.Store;

/// <summary>
/// Where analysed articles are kept, linked and queried: one contract, with an embedded SQLite
/// implementation (<see cref="Sqlite.SqliteStore"/>) and a shared PostgreSQL one
/// (<see cref="Postgres.PostgresStore"/>). The same contract test suite runs against both.
/// </summary>
/// <remarks>
/// This is an interface because there really are two stores a user chooses between at run time
/// (<see cref="StoreLocation"/>). A store is used by one thread at a time: ingest analyses on many
/// threads and hands batches to one writer. Every failure of the database itself (corrupt file,
/// full disk, lost server) surfaces as a <see cref="StoreException"/> with a plain message.
/// </remarks>
public interface IArticleStore : IDisposable
{
    /// <summary>"sqlite" or "postgres", for messages.</summary>
    string Kind { get; }

    /// <summary>Where the store is, for messages (a file path, or a server and database without password).</summary>
    string Description { get; }

    /// <summary>The schema version after migrations were applied on open.</summary>
    int SchemaVersion { get; }

    /// <summary>
    /// Stores a batch of analysed documents in one transaction: either every new document of the
    /// batch is stored with all its rows, or (on any failure) none is. A document whose id (the
    /// hash of its normalized text) is already stored is reported as a duplicate and left as it is.
    /// </summary>
    IReadOnlyList<WriteOutcome> Write(IReadOnlyList<Document> documents, CancellationToken cancellationToken = default);

    /// <summary>The ids of every stored article, so a resumed ingest can skip what is done before analysing it.</summary>
    IReadOnlySet<string> StoredIds(CancellationToken cancellationToken = default);

    /// <summary>The stored contract JSON of an article, or null when no article has that id.</summary>
    string? GetJson(string id);

    /// <summary>The queryable columns of an article, or null when no article has that id.</summary>
    ArticleSummary? GetArticle(string id);

    /// <summary>Full-text search with filters, best matches first.</summary>
    IReadOnlyList<SearchHit> Search(SearchQuery query, CancellationToken cancellationToken = default);

    /// <summary>Events matching the filters, in order of their own dates (then publication).</summary>
    IReadOnlyList<EventRow> Events(EventQuery query, CancellationToken cancellationToken = default);

    /// <summary>Actor pairs with the number of events between them and their mean Goldstein score.</summary>
    IReadOnlyList<NetworkEdge> Network(NetworkQuery query, CancellationToken cancellationToken = default);

    /// <summary>Quotes whose speaker matches, newest articles first.</summary>
    IReadOnlyList<QuoteRow> Quotes(QuoteQuery query, CancellationToken cancellationToken = default);

    /// <summary>Every stored article's JSON in storage order, streamed (constant memory).</summary>
    IEnumerable<string> ExportDocuments(CancellationToken cancellationToken = default);

    /// <summary>Deduplicated events (one per GDELT event), streamed in id order.</summary>
    IEnumerable<EventGroup> ExportEventGroups(CancellationToken cancellationToken = default);

    /// <summary>Every event mention (one per event found in an article), streamed in storage order.</summary>
    IEnumerable<EventMention> ExportMentions(CancellationToken cancellationToken = default);

    /// <summary>Row counts, for summaries and benchmarks.</summary>
    StoreStats Stats();
}
