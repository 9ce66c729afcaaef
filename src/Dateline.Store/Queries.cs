namespace Dateline.Store;

/// <summary>What a write did with one document.</summary>
public enum WriteStatus
{
    /// <summary>Stored now, with all its rows.</summary>
    Stored,
    /// <summary>An article with the same id (same normalized text) was already stored; nothing changed.</summary>
    Duplicate,
}

/// <summary>The outcome of writing one document.</summary>
/// <param name="CopyOf">For a stored article that is a near-duplicate (republished copy), the id of the original.</param>
public sealed record WriteOutcome(string Id, WriteStatus Status, string? CopyOf);

/// <summary>An inclusive range of calendar days; either end may be open.</summary>
public readonly record struct DayRange(DateOnly? From, DateOnly? To)
{
    /// <summary>No bounds.</summary>
    public static DayRange All => default;
}

/// <summary>The queryable columns of a stored article.</summary>
/// <param name="Id">The content hash of the normalized text (<see cref="Dateline.Model.Document.Id"/>): the key that makes ingest idempotent.</param>
/// <param name="OriginalId">Null for an original; for a republished copy, the original's id.</param>
/// <param name="StoryId">The story the article belongs to (the id of its first article).</param>
public sealed record ArticleSummary(
    string Id,
    string? Title,
    string? Outlet,
    string? Uri,
    string? Published,
    string? Language,
    int WordCount,
    string? OriginalId,
    string StoryId);

/// <summary>A full-text search.</summary>
public sealed record SearchQuery(string Text)
{
    /// <summary>Publication days to keep.</summary>
    public DayRange Days { get; init; }

    /// <summary>Keep only this outlet (exact, case-insensitive).</summary>
    public string? Outlet { get; init; }

    /// <summary>At most this many hits.</summary>
    public int Limit { get; init; } = 20;
}

/// <summary>One search result.</summary>
/// <param name="Snippet">A short passage around the first matching word.</param>
public sealed record SearchHit(ArticleSummary Article, string Snippet);

/// <summary>
/// An event query. Actor filters match a CAMEO actor code exactly (<c>RUSGOV</c>) or any part of
/// an actor's name, case-insensitively ("putin"); a code filter matches by prefix (<c>03</c> is
/// every "express intent to cooperate" event).
/// </summary>
public sealed record EventQuery
{
    /// <summary>The source actor.</summary>
    public string? Actor { get; init; }

    /// <summary>The target actor.</summary>
    public string? Target { get; init; }

    /// <summary>Either side: what a timeline of one actor asks for.</summary>
    public string? EitherSide { get; init; }

    /// <summary>CAMEO code prefix.</summary>
    public string? Code { get; init; }

    /// <summary>The events' own days (publication day when the event has no date).</summary>
    public DayRange Days { get; init; }

    /// <summary>Only events of articles in this story.</summary>
    public string? Story { get; init; }

    /// <summary>At most this many events.</summary>
    public int Limit { get; init; } = 1000;
}

/// <summary>One event as found in one article, with its actors' names and its article.</summary>
/// <param name="Day">The day it is ordered and filtered by: its own date, or its article's publication day.</param>
/// <param name="GroupId">The deduplicated event it is a mention of (GDELT's GLOBALEVENTID).</param>
public sealed record EventRow(
    string ArticleId,
    string EventId,
    long GroupId,
    string Code,
    string RootCode,
    string Label,
    int QuadClass,
    double Goldstein,
    string? SourceActor,
    string? SourceName,
    string? TargetActor,
    string? TargetName,
    string? Date,
    string? Day,
    string Modality,
    string Trigger,
    string? Published,
    string? Outlet,
    string? Title);

/// <summary>A network query: events on these days.</summary>
public sealed record NetworkQuery
{
    /// <summary>The events' own days.</summary>
    public DayRange Days { get; init; }

    /// <summary>At most this many pairs, the busiest first.</summary>
    public int Limit { get; init; } = 100;
}

/// <summary>Events from one actor to another.</summary>
/// <param name="Source">Actor code, or the actor's name when it has no code.</param>
public sealed record NetworkEdge(string Source, string Target, int Events, int Articles, double MeanGoldstein);

/// <summary>A quote query: speaker code or any part of the speaker's name.</summary>
public sealed record QuoteQuery(string? Speaker)
{
    /// <summary>At most this many quotes.</summary>
    public int Limit { get; init; } = 100;
}

/// <summary>One quote with its speaker and article.</summary>
public sealed record QuoteRow(
    string ArticleId,
    string QuoteId,
    string Kind,
    string Text,
    string? Speaker,
    string? SpeakerActor,
    string? Published,
    string? Outlet,
    string? Title);

/// <summary>Row counts of a store.</summary>
/// <param name="Copies">Articles linked to an original as near-duplicates.</param>
/// <param name="EventGroups">Deduplicated events.</param>
public sealed record StoreStats(long Articles, long Copies, long Entities, long Quotes, long Timexes, long Events, long EventGroups);

/// <summary>
/// One deduplicated event: the first mention's columns plus GDELT's counts over all its mentions.
/// </summary>
/// <param name="NumMentions">Mentions in all articles (copies included, as in GDELT).</param>
/// <param name="NumSources">Distinct outlets that mentioned it.</param>
/// <param name="NumArticles">Distinct articles that mentioned it.</param>
/// <param name="FirstSeen">Earliest publication (ISO) among its articles, or null.</param>
public sealed record EventGroup(
    long Id,
    EventMention First,
    int NumMentions,
    int NumSources,
    int NumArticles,
    string? FirstSeen);

/// <summary>One event found in one article, with what the GDELT tables need.</summary>
public sealed record EventMention
{
    /// <summary>The deduplicated event this is a mention of.</summary>
    public required long GroupId { get; init; }
    /// <summary>The article it was found in.</summary>
    public required string ArticleId { get; init; }
    /// <summary>The event's id within its article (V1, V2, …).</summary>
    public required string EventId { get; init; }
    /// <summary>Full CAMEO event code.</summary>
    public required string Code { get; init; }
    /// <summary>Three-digit CAMEO code.</summary>
    public required string BaseCode { get; init; }
    /// <summary>Two-digit CAMEO root.</summary>
    public required string RootCode { get; init; }
    /// <summary>1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.</summary>
    public required int QuadClass { get; init; }
    /// <summary>Goldstein scale, -10 to +10.</summary>
    public required double Goldstein { get; init; }
    /// <summary>CAMEO code of the source actor, or null.</summary>
    public string? SourceActor { get; init; }
    /// <summary>Name of the source entity, or null.</summary>
    public string? SourceName { get; init; }
    /// <summary>ISO 3166-1 alpha-3 country of the source, or null.</summary>
    public string? SourceCountry { get; init; }
    /// <summary>CAMEO code of the target actor, or null.</summary>
    public string? TargetActor { get; init; }
    /// <summary>Name of the target entity, or null.</summary>
    public string? TargetName { get; init; }
    /// <summary>ISO 3166-1 alpha-3 country of the target, or null.</summary>
    public string? TargetCountry { get; init; }
    /// <summary>The event's own day (or its article's publication day), ISO, or null.</summary>
    public string? Day { get; init; }
    /// <summary>Name of the place it happened, or null.</summary>
    public string? LocationName { get; init; }
    /// <summary>Country of the place, ISO 3166-1 alpha-3, or null.</summary>
    public string? LocationCountry { get; init; }
    /// <summary>Latitude of the place, or null.</summary>
    public double? Lat { get; init; }
    /// <summary>Longitude of the place, or null.</summary>
    public double? Lon { get; init; }
    /// <summary>Feature type of the place (city, country, …), or null.</summary>
    public string? LocationFeature { get; init; }
    /// <summary>GeoNames id of the place, or null.</summary>
    public long? GeonamesId { get; init; }
    /// <summary>Index of the sentence that states it.</summary>
    public required int Sentence { get; init; }
    /// <summary>Offset of the source actor's mention in that sentence, or -1.</summary>
    public required int SourceOffset { get; init; }
    /// <summary>Offset of the target actor's mention in that sentence, or -1.</summary>
    public required int TargetOffset { get; init; }
    /// <summary>Offset of the trigger word.</summary>
    public required int TriggerOffset { get; init; }
    /// <summary>asserted, negated, planned, hypothetical or reported.</summary>
    public required string Modality { get; init; }
    /// <summary>The article's publication date, ISO, or null.</summary>
    public string? Published { get; init; }
    /// <summary>The article's outlet, or null.</summary>
    public string? Outlet { get; init; }
    /// <summary>The article's URL or path, or null.</summary>
    public string? Uri { get; init; }
    /// <summary>Length of the article's text in characters.</summary>
    public required int TextLength { get; init; }
}
