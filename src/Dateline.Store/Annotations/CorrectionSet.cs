using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dateline.Events;

namespace Dateline.Store.Annotations;

/// <summary>The kinds of correction, and what each one's target and value hold.</summary>
public static class CorrectionKinds
{
    /// <summary>A quote's speaker: target the quote id; value <c>{"entity": "E2"|null, "name": "…", "actor": …}</c>.</summary>
    public const string QuoteSpeaker = "quote-speaker";

    /// <summary>An event's code, actors or date: target the event id; value <c>{"code", "sourceActor", "targetActor", "date"}</c>, each optional.</summary>
    public const string Event = "event";

    /// <summary>An event that did not happen as coded: target the event id; no value.</summary>
    public const string EventReject = "event-reject";

    /// <summary>Two entities that are one: target the entity merged away; value <c>{"into": "E1", "intoName", "intoActor", "fromName"}</c>.</summary>
    public const string EntityMerge = "entity-merge";

    /// <summary>Every kind.</summary>
    public static IReadOnlyList<string> All { get; } = [QuoteSpeaker, Event, EventReject, EntityMerge];
}

/// <summary>
/// Corrections applied to what the store returns: the stored analysis is never changed, so the
/// original stays readable and re-analysis keeps every correction (they are keyed by article and
/// element id, and an article's id is the hash of its text). When one element is corrected
/// twice, the later correction wins.
/// </summary>
public sealed class CorrectionSet
{
    private static readonly JsonSerializerOptions Compact = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly FrozenDictionary<string, CorrectionRecord[]> byArticle;

    /// <summary>Groups <paramref name="corrections"/> by article, in the order given (oldest first).</summary>
    public CorrectionSet(IEnumerable<CorrectionRecord> corrections)
    {
        ArgumentNullException.ThrowIfNull(corrections);
        byArticle = corrections.GroupBy(c => c.ArticleId, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
    }

    /// <summary>No corrections.</summary>
    public static CorrectionSet Empty { get; } = new([]);

    /// <summary>True when nothing is corrected.</summary>
    public bool IsEmpty => byArticle.Count == 0;

    /// <summary>The corrections of one article, oldest first.</summary>
    public IReadOnlyList<CorrectionRecord> For(string articleId) => byArticle.TryGetValue(articleId, out var list) ? list : [];

    /// <summary>
    /// The article's contract JSON with its corrections applied and listed under
    /// <c>corrections</c> (a field added to the contract); the input unchanged when it has none.
    /// </summary>
    public string Apply(string json, string articleId)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (!byArticle.TryGetValue(articleId, out var corrections))
        {
            return json;
        }

        var root = JsonNode.Parse(json)!.AsObject();
        var entities = root["entities"]!.AsArray();
        var quotes = root["quotes"]!.AsArray();
        var events = root["events"]!.AsArray();
        foreach (var c in corrections)
        {
            var value = ParseValue(c.Value);
            switch (c.Kind)
            {
                case CorrectionKinds.QuoteSpeaker when FindById(quotes, c.Target) is { } quote:
                    var entity = Str(value, "entity");
                    quote["speaker"] = entity is not null && FindById(entities, entity) is not null ? entity : null;
                    quote["speakerName"] = Str(value, "name");
                    break;
                case CorrectionKinds.Event when FindById(events, c.Target) is { } ev:
                    ApplyEvent(ev, value);
                    break;
                case CorrectionKinds.EventReject when FindById(events, c.Target) is { } ev:
                    events.Remove(ev);
                    break;
                case CorrectionKinds.EntityMerge when FindById(entities, c.Target) is { } from && Str(value, "into") is { } into && into != c.Target && FindById(entities, into) is { } kept:
                    Merge(root, entities, from, kept, c.Target, into);
                    break;
                default:
                    // The element is gone (merged or rejected by an earlier correction) or the
                    // kind is unknown to this version: the correction stays listed, unapplied.
                    break;
            }
        }

        var list = new JsonArray();
        foreach (var c in corrections)
        {
            list.Add(new JsonObject
            {
                ["id"] = c.Id,
                ["kind"] = c.Kind,
                ["target"] = c.Target,
                ["value"] = ParseValue(c.Value)?.DeepClone(),
                ["reason"] = c.Reason,
                ["author"] = c.Author,
                ["created"] = c.Created,
            });
        }

        root["corrections"] = list;
        return root.ToJsonString(Compact);
    }

    /// <summary>An event row as corrected, or null when an analyst rejected the event.</summary>
    public EventRow? Apply(EventRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (!byArticle.TryGetValue(row.ArticleId, out var corrections))
        {
            return row;
        }

        foreach (var c in corrections)
        {
            var value = ParseValue(c.Value);
            switch (c.Kind)
            {
                case CorrectionKinds.EventReject when c.Target == row.EventId:
                    return null;
                case CorrectionKinds.Event when c.Target == row.EventId:
                    var code = Str(value, "code") is { } newCode ? Codebook.Default.Find(newCode) : null;
                    row = row with
                    {
                        Code = code?.Code ?? row.Code,
                        RootCode = code?.Root ?? row.RootCode,
                        Label = code?.Label ?? row.Label,
                        QuadClass = code?.QuadClass ?? row.QuadClass,
                        Goldstein = code?.Goldstein ?? row.Goldstein,
                        SourceActor = Has(value, "sourceActor") ? Str(value, "sourceActor") : row.SourceActor,
                        TargetActor = Has(value, "targetActor") ? Str(value, "targetActor") : row.TargetActor,
                        Date = Has(value, "date") ? Str(value, "date") : row.Date,
                        Day = Has(value, "date") ? Keys.EventDay(Str(value, "date"), row.Published is { Length: >= 10 } p ? p[..10] : null) : row.Day,
                    };
                    break;
                case CorrectionKinds.EntityMerge when Str(value, "fromName") is { } fromName:
                    var intoName = Str(value, "intoName");
                    var intoActor = Str(value, "intoActor");
                    if (row.SourceName == fromName)
                    {
                        row = row with { SourceName = intoName, SourceActor = row.SourceActor ?? intoActor };
                    }

                    if (row.TargetName == fromName)
                    {
                        row = row with { TargetName = intoName, TargetActor = row.TargetActor ?? intoActor };
                    }

                    break;
                default:
                    break;
            }
        }

        return row;
    }

    /// <summary>A GDELT mention as corrected, or null when an analyst rejected the event.</summary>
    public EventMention? Apply(EventMention mention)
    {
        ArgumentNullException.ThrowIfNull(mention);
        if (!byArticle.ContainsKey(mention.ArticleId))
        {
            return mention;
        }

        var row = new EventRow(mention.ArticleId, mention.EventId, mention.GroupId, mention.Code, mention.RootCode, "", mention.QuadClass, mention.Goldstein,
            mention.SourceActor, mention.SourceName, mention.TargetActor, mention.TargetName, null, mention.Day, mention.Modality, "", mention.Published, mention.Outlet, null);
        if (Apply(row) is not { } corrected)
        {
            return null;
        }

        return mention with
        {
            Code = corrected.Code,
            BaseCode = corrected.Code.Length >= 3 ? corrected.Code[..3] : corrected.Code,
            RootCode = corrected.RootCode,
            QuadClass = corrected.QuadClass,
            Goldstein = corrected.Goldstein,
            SourceActor = corrected.SourceActor,
            SourceName = corrected.SourceName,
            TargetActor = corrected.TargetActor,
            TargetName = corrected.TargetName,
            Day = corrected.Day,
        };
    }

    /// <summary>A quote row as corrected.</summary>
    public QuoteRow Apply(QuoteRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (!byArticle.TryGetValue(row.ArticleId, out var corrections))
        {
            return row;
        }

        foreach (var c in corrections)
        {
            var value = ParseValue(c.Value);
            if (c.Kind == CorrectionKinds.QuoteSpeaker && c.Target == row.QuoteId)
            {
                row = row with { Speaker = Str(value, "name"), SpeakerActor = Str(value, "actor") };
            }
            else if (c.Kind == CorrectionKinds.EntityMerge && Str(value, "fromName") is { } fromName && row.Speaker == fromName)
            {
                row = row with { Speaker = Str(value, "intoName"), SpeakerActor = row.SpeakerActor ?? Str(value, "intoActor") };
            }
        }

        return row;
    }

    private static void ApplyEvent(JsonNode ev, JsonObject? value)
    {
        if (Str(value, "code") is { } newCode && Codebook.Default.Find(newCode) is { } code)
        {
            ev["code"] = code.Code;
            ev["baseCode"] = code.Base;
            ev["rootCode"] = code.Root;
            ev["label"] = code.Label;
            ev["quadClass"] = code.QuadClass;
            ev["goldstein"] = code.Goldstein;
        }

        foreach (var field in (ReadOnlySpan<string>)["sourceActor", "targetActor"])
        {
            if (Has(value, field))
            {
                ev[field] = Str(value, field);
            }
        }

        if (Has(value, "date"))
        {
            ev["date"] = Str(value, "date");
            ev["dateFrom"] = "correction";
        }
    }

    private static void Merge(JsonObject root, JsonArray entities, JsonNode from, JsonNode kept, string fromId, string intoId)
    {
        // The kept entity takes the other's mentions (in text order) and, where it has none, its actor and country.
        var mentions = kept["mentions"]!.AsArray().Concat(from["mentions"]!.AsArray())
            .Select(m => m!.DeepClone()).OrderBy(m => (int)m["start"]!).ToList();
        var merged = new JsonArray();
        foreach (var m in mentions)
        {
            merged.Add(m);
        }

        kept["mentions"] = merged;
        kept["actor"] ??= from["actor"]?.DeepClone();
        kept["country"] ??= from["country"]?.DeepClone();
        entities.Remove(from);
        foreach (var quote in root["quotes"]!.AsArray())
        {
            if ((string?)quote!["speaker"] == fromId)
            {
                quote["speaker"] = intoId;
                quote["speakerName"] = kept["name"]?.DeepClone();
            }
        }

        foreach (var ev in root["events"]!.AsArray())
        {
            foreach (var (field, actor) in (ReadOnlySpan<(string, string)>)[("source", "sourceActor"), ("target", "targetActor"), ("location", "")])
            {
                if ((string?)ev![field] == fromId)
                {
                    ev[field] = intoId;
                    if (actor.Length > 0)
                    {
                        ev[actor] ??= kept["actor"]?.DeepClone();
                    }
                }
            }
        }
    }

    private static JsonNode? FindById(JsonArray array, string id) => array.FirstOrDefault(n => (string?)n?["id"] == id);

    private static JsonObject? ParseValue(string? value)
    {
        if (value is null)
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(value) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static bool Has(JsonObject? value, string field) => value is not null && value.ContainsKey(field);

    private static string? Str(JsonObject? value, string field) =>
        value?[field] is JsonValue v && v.TryGetValue<string>(out var s) && s.Length > 0 ? s : null;
}
