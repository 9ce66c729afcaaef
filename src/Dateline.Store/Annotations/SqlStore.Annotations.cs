using System.Data.Common;
using Dateline.Store.Annotations;

namespace Dateline.Store;

/// <summary>Accounts, comments, corrections and listings for the server, in the SQL both databases share.</summary>
public abstract partial class SqlStore : IAnnotationStore
{
    private const string UserColumns = "name, role, password_hash, api_key_hash, created";
    private const string CommentColumns = "id, article_id, event_id, author, created, markdown";
    private const string CorrectionColumns = "id, article_id, kind, target, value, reason, author, created";

    /// <inheritdoc />
    public void SaveUser(UserRecord user)
    {
        ArgumentNullException.ThrowIfNull(user);
        Guard("save an account", () =>
        {
            using var statement = new Statement(Connection, null,
                $"INSERT INTO users ({UserColumns}) VALUES (@name, @role, @password_hash, @api_key_hash, @created) "
                + "ON CONFLICT (name) DO UPDATE SET role = excluded.role, password_hash = excluded.password_hash, api_key_hash = excluded.api_key_hash");
            return statement.Set("name", user.Name).Set("role", user.Role).Set("password_hash", user.PasswordHash)
                .Set("api_key_hash", user.ApiKeyHash).Set("created", user.Created).Execute();
        });
    }

    /// <inheritdoc />
    public UserRecord? FindUser(string name) => FindUserBy("name", name);

    /// <inheritdoc />
    public UserRecord? FindUserByApiKey(string apiKeyHash) => FindUserBy("api_key_hash", apiKeyHash);

    private UserRecord? FindUserBy(string column, string value) => Guard("read an account", () =>
    {
        using var statement = new Statement(Connection, null, $"SELECT {UserColumns} FROM users WHERE {column} = @value");
        using var reader = statement.Set("value", value).Reader();
        return reader.Read() ? new UserRecord(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.Text(3), reader.GetString(4)) : null;
    });

    /// <inheritdoc />
    public int UserCount() => Guard("count accounts", () =>
    {
        using var statement = new Statement(Connection, null, "SELECT COUNT(*) FROM users");
        return Convert.ToInt32(statement.Scalar(), System.Globalization.CultureInfo.InvariantCulture);
    });

    /// <inheritdoc />
    public CommentRecord AddComment(CommentRecord comment)
    {
        ArgumentNullException.ThrowIfNull(comment);
        return Guard("store a comment", () =>
        {
            using var statement = new Statement(Connection, null,
                "INSERT INTO comments (article_id, event_id, author, created, markdown) VALUES (@article, @event, @author, @created, @markdown) RETURNING id");
            var id = statement.Set("article", comment.ArticleId).Set("event", comment.EventId).Set("author", comment.Author)
                .Set("created", comment.Created).Set("markdown", comment.Markdown).Scalar();
            return comment with { Id = Convert.ToInt64(id, System.Globalization.CultureInfo.InvariantCulture) };
        });
    }

    /// <inheritdoc />
    public IReadOnlyList<CommentRecord> Comments(string articleId) => Guard("read comments", () =>
    {
        using var statement = new Statement(Connection, null, $"SELECT {CommentColumns} FROM comments WHERE article_id = @article ORDER BY id");
        using var reader = statement.Set("article", articleId).Reader();
        var comments = new List<CommentRecord>();
        while (reader.Read())
        {
            comments.Add(new CommentRecord(reader.Long(0) ?? 0, reader.GetString(1), reader.Text(2), reader.GetString(3), reader.GetString(4), reader.GetString(5)));
        }

        return comments;
    });

    /// <inheritdoc />
    public CorrectionRecord AddCorrection(CorrectionRecord correction)
    {
        ArgumentNullException.ThrowIfNull(correction);
        return Guard("store a correction", () =>
        {
            using var statement = new Statement(Connection, null,
                "INSERT INTO corrections (article_id, kind, target, value, reason, author, created) VALUES (@article, @kind, @target, @value, @reason, @author, @created) RETURNING id");
            var id = statement.Set("article", correction.ArticleId).Set("kind", correction.Kind).Set("target", correction.Target).Set("value", correction.Value)
                .Set("reason", correction.Reason).Set("author", correction.Author).Set("created", correction.Created).Scalar();
            return correction with { Id = Convert.ToInt64(id, System.Globalization.CultureInfo.InvariantCulture) };
        });
    }

    /// <inheritdoc />
    public IReadOnlyList<CorrectionRecord> Corrections(string articleId) => ReadCorrections("WHERE article_id = @article", articleId);

    /// <inheritdoc />
    public IReadOnlyList<CorrectionRecord> AllCorrections() => ReadCorrections("", null);

    private List<CorrectionRecord> ReadCorrections(string where, string? articleId) => Guard("read corrections", () =>
    {
        using var statement = new Statement(Connection, null, $"SELECT {CorrectionColumns} FROM corrections {where} ORDER BY id");
        statement.Offer("article", articleId);
        using var reader = statement.Reader();
        var corrections = new List<CorrectionRecord>();
        while (reader.Read())
        {
            corrections.Add(new CorrectionRecord(
                reader.Long(0) ?? 0, reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.Text(4), reader.GetString(5), reader.GetString(6), reader.GetString(7)));
        }

        return corrections;
    });

    /// <inheritdoc />
    public IReadOnlyList<StoryRow> Stories(int limit, int offset) => Guard("list stories", () =>
    {
        using var statement = new Statement(Connection, null,
            "SELECT s.story_id, f.title, s.articles, s.first_day, s.last_day FROM "
            + "(SELECT a.story_id, COUNT(*) AS articles, MIN(a.published_day) AS first_day, MAX(a.published_day) AS last_day FROM articles a GROUP BY a.story_id) s "
            + "LEFT JOIN articles f ON f.id = s.story_id ORDER BY COALESCE(s.last_day, '') DESC, s.story_id LIMIT @limit OFFSET @offset");
        using var reader = statement.Set("limit", limit).Set("offset", offset).Reader();
        var stories = new List<StoryRow>();
        while (reader.Read())
        {
            stories.Add(new StoryRow(reader.GetString(0), reader.Text(1), reader.Int(2), reader.Text(3), reader.Text(4)));
        }

        return stories;
    });

    /// <inheritdoc />
    public IReadOnlyList<ArticleSummary> Latest(DayRange days, int limit, int offset) => Guard("list articles", () =>
    {
        using var statement = new Statement(Connection, null,
            $"SELECT {SummaryColumns} FROM articles a WHERE 1 = 1{DayFilter("a.published_day", days)} "
            + "ORDER BY COALESCE(a.published_day, '') DESC, a.seq DESC LIMIT @limit OFFSET @offset");
        statement.Set("limit", limit).Set("offset", offset);
        SetDays(statement, days);
        using var reader = statement.Reader();
        var articles = new List<ArticleSummary>();
        while (reader.Read())
        {
            articles.Add(ReadSummary(reader, 0));
        }

        return articles;
    });
}
