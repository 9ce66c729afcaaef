namespace Dateline.Store.Annotations;

/// <summary>
/// What people add to the analysed articles, kept beside them and never written into them:
/// accounts, comment threads and corrections. Both stores implement it (<see cref="SqlStore"/>),
/// so the server works on SQLite and PostgreSQL alike without a second data layer.
/// </summary>
/// <remarks>
/// Kept apart from <see cref="IArticleStore"/> because only the server needs it; the analysis
/// rows stay exactly as ingest wrote them, and corrections are applied when results are read
/// (<see cref="CorrectionSet"/>), so re-analysing an article never loses them.
/// </remarks>
public interface IAnnotationStore
{
    /// <summary>Adds an account, or replaces the role, password and key of one with the same name.</summary>
    void SaveUser(UserRecord user);

    /// <summary>The account with this name (exact), or null.</summary>
    UserRecord? FindUser(string name);

    /// <summary>The account whose API key hashes to <paramref name="apiKeyHash"/>, or null.</summary>
    UserRecord? FindUserByApiKey(string apiKeyHash);

    /// <summary>How many accounts exist (a new server with none creates its first admin).</summary>
    int UserCount();

    /// <summary>Stores a comment and returns it with its id.</summary>
    CommentRecord AddComment(CommentRecord comment);

    /// <summary>The comments on an article and its events, oldest first.</summary>
    IReadOnlyList<CommentRecord> Comments(string articleId);

    /// <summary>Stores a correction and returns it with its id.</summary>
    CorrectionRecord AddCorrection(CorrectionRecord correction);

    /// <summary>The corrections of one article, oldest first.</summary>
    IReadOnlyList<CorrectionRecord> Corrections(string articleId);

    /// <summary>Every correction in the store, oldest first (for exports and event lists).</summary>
    IReadOnlyList<CorrectionRecord> AllCorrections();

    /// <summary>Stories (articles linked by shared events and people), the latest first.</summary>
    IReadOnlyList<StoryRow> Stories(int limit, int offset);

    /// <summary>Articles by publication day, newest first, with the day filter: a listing without search words.</summary>
    IReadOnlyList<ArticleSummary> Latest(DayRange days, int limit, int offset);
}

/// <summary>An account.</summary>
/// <param name="Role">reader, analyst or admin.</param>
/// <param name="PasswordHash">ASP.NET Core Identity's PBKDF2 hash (never the password).</param>
/// <param name="ApiKeyHash">SHA-256 of the API key, hex, or null when the account has none.</param>
/// <param name="Created">ISO 8601 instant.</param>
public sealed record UserRecord(string Name, string Role, string PasswordHash, string? ApiKeyHash, string Created);

/// <summary>A comment on an article, or on one of its events when <paramref name="EventId"/> is set.</summary>
/// <param name="Markdown">What the author wrote; rendered (and sanitized) only when shown.</param>
public sealed record CommentRecord(long Id, string ArticleId, string? EventId, string Author, string Created, string Markdown);

/// <summary>
/// One analyst's correction of one extraction. <see cref="CorrectionKinds"/> lists the kinds and
/// what <paramref name="Target"/> and <paramref name="Value"/> hold for each.
/// </summary>
public sealed record CorrectionRecord(long Id, string ArticleId, string Kind, string Target, string? Value, string Reason, string Author, string Created);

/// <summary>A story: articles about one happening, named by its first article.</summary>
public sealed record StoryRow(string StoryId, string? Title, int Articles, string? FirstPublished, string? LastPublished);
