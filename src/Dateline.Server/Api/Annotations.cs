using System.Text.Json;
using System.Text.Json.Nodes;
using Dateline.Events;
using Dateline.Server.Hosting;
using Dateline.Store.Annotations;

namespace Dateline.Server.Api;

/// <summary>What an analyst asks to correct, before it is checked.</summary>
/// <param name="Kind">One of <see cref="CorrectionKinds.All"/>.</param>
/// <param name="Target">The quote, event or entity id corrected.</param>
/// <param name="Entity">For quote-speaker, the new speaker's entity id; for entity-merge, the entity kept.</param>
/// <param name="Name">For quote-speaker, a speaker who is not an entity of the article.</param>
public sealed record CorrectionRequest(
    string Kind,
    string Target,
    string Reason,
    string? Entity = null,
    string? Name = null,
    string? Code = null,
    string? SourceActor = null,
    string? TargetActor = null,
    string? Date = null);

/// <summary>A comment as posted.</summary>
public sealed record CommentRequest(string Markdown, string? EventId = null);

/// <summary>
/// Comments and corrections, checked against the article they are about: the API and the pages
/// both go through here, so the rules are one.
/// </summary>
public sealed class Annotations(StorePool stores, TimeProvider clock)
{
    /// <summary>The longest comment accepted.</summary>
    public const int MaxCommentLength = 10_000;

    /// <summary>Stores a comment, or says why not.</summary>
    public (CommentRecord? Comment, string? Error) Comment(string articleId, string author, CommentRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.Markdown))
        {
            return (null, "the comment is empty");
        }

        if (request.Markdown.Length > MaxCommentLength)
        {
            return (null, $"the comment is over {MaxCommentLength:N0} characters");
        }

        using var lease = stores.Rent();
        var json = lease.Store.GetJson(articleId);
        if (json is null)
        {
            return (null, "no such article");
        }

        var eventId = string.IsNullOrWhiteSpace(request.EventId) ? null : request.EventId;
        if (eventId is not null && Find(JsonNode.Parse(json)!, "events", eventId) is null)
        {
            return (null, $"the article has no event {eventId}");
        }

        return (lease.Store.AddComment(new CommentRecord(0, articleId, eventId, author, Now(), request.Markdown.Trim())), null);
    }

    /// <summary>Stores a correction after checking that its target exists and its value makes sense, or says why not.</summary>
    public (CorrectionRecord? Correction, string? Error) Correct(string articleId, string author, CorrectionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.Reason))
        {
            return (null, "a correction needs a reason");
        }

        using var lease = stores.Rent();
        var json = lease.Store.GetJson(articleId);
        if (json is null)
        {
            return (null, "no such article");
        }

        // Check against the article as already corrected: an entity merged away is no longer a target.
        var corrected = JsonNode.Parse(new CorrectionSet(lease.Store.Corrections(articleId)).Apply(json, articleId))!;
        var (value, error) = request.Kind switch
        {
            CorrectionKinds.QuoteSpeaker => QuoteSpeaker(corrected, request),
            CorrectionKinds.Event => EventChange(corrected, request),
            CorrectionKinds.EventReject => Find(corrected, "events", request.Target) is null ? (null, $"the article has no event {request.Target}") : ((JsonObject?)null, (string?)null),
            CorrectionKinds.EntityMerge => Merge(corrected, request),
            _ => (null, $"unknown correction kind '{request.Kind}' ({string.Join(", ", CorrectionKinds.All)})"),
        };
        if (error is not null)
        {
            return (null, error);
        }

        var record = new CorrectionRecord(0, articleId, request.Kind, request.Target, value?.ToJsonString(), request.Reason.Trim(), author, Now());
        return (lease.Store.AddCorrection(record), null);
    }

    private static (JsonObject?, string?) QuoteSpeaker(JsonNode article, CorrectionRequest request)
    {
        if (Find(article, "quotes", request.Target) is null)
        {
            return (null, $"the article has no quote {request.Target}");
        }

        if (!string.IsNullOrWhiteSpace(request.Entity))
        {
            return Find(article, "entities", request.Entity) is { } entity
                ? (new JsonObject { ["entity"] = request.Entity, ["name"] = (string?)entity["name"], ["actor"] = (string?)entity["actor"] }, null)
                : (null, $"the article has no entity {request.Entity}");
        }

        return string.IsNullOrWhiteSpace(request.Name)
            ? (null, "name the new speaker: an entity of the article, or a name")
            : (new JsonObject { ["entity"] = null, ["name"] = request.Name.Trim(), ["actor"] = null }, null);
    }

    private static (JsonObject?, string?) EventChange(JsonNode article, CorrectionRequest request)
    {
        if (Find(article, "events", request.Target) is null)
        {
            return (null, $"the article has no event {request.Target}");
        }

        var value = new JsonObject();
        if (!string.IsNullOrWhiteSpace(request.Code))
        {
            if (Codebook.Default.Find(request.Code.Trim()) is null)
            {
                return (null, $"'{request.Code}' is not a CAMEO event code");
            }

            value["code"] = request.Code.Trim();
        }

        foreach (var (field, given) in (ReadOnlySpan<(string, string?)>)[("sourceActor", request.SourceActor), ("targetActor", request.TargetActor)])
        {
            if (!string.IsNullOrWhiteSpace(given))
            {
                var actor = given.Trim().ToUpperInvariant();
                if (actor.Length is < 3 or > 15 || !actor.All(char.IsAsciiLetterOrDigit))
                {
                    return (null, $"'{given}' is not a CAMEO actor code (letters and digits, like RUSGOV)");
                }

                value[field] = actor;
            }
        }

        if (!string.IsNullOrWhiteSpace(request.Date))
        {
            if (!IsTimexDate(request.Date.Trim()))
            {
                return (null, $"'{request.Date}' is not a date (use 2025-05-13, 2025-05 or 2025)");
            }

            value["date"] = request.Date.Trim();
        }

        return value.Count == 0 ? (null, "change the code, an actor or the date (or reject the event)") : (value, null);
    }

    private static (JsonObject?, string?) Merge(JsonNode article, CorrectionRequest request)
    {
        if (Find(article, "entities", request.Target) is not { } from)
        {
            return (null, $"the article has no entity {request.Target}");
        }

        if (string.IsNullOrWhiteSpace(request.Entity) || request.Entity == request.Target || Find(article, "entities", request.Entity) is not { } into)
        {
            return (null, "name another entity of the article to merge into");
        }

        return (new JsonObject { ["into"] = request.Entity, ["intoName"] = (string?)into["name"], ["intoActor"] = (string?)into["actor"], ["fromName"] = (string?)from["name"] }, null);
    }

    private static bool IsTimexDate(string value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _)
        || (value.Length == 7 && DateOnly.TryParseExact(value + "-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _))
        || (value.Length == 4 && value.All(char.IsAsciiDigit));

    private static JsonNode? Find(JsonNode article, string layer, string id) =>
        article[layer]!.AsArray().FirstOrDefault(n => (string?)n?["id"] == id);

    private string Now() => clock.GetUtcNow().ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
}
