using System.Text.Json;

namespace Dateline.Server.Rendering;

/// <summary>An entity as the article view lists it.</summary>
public sealed record EntityView(string Id, string Type, string Name, string? Actor, string? Country, IReadOnlyList<string> Titles, IReadOnlyList<SpanView> Mentions);

/// <summary>A stretch of the text: offsets into it, and the words.</summary>
public sealed record SpanView(int Start, int End, string Text, string Kind);

/// <summary>A quote as the article view shows it.</summary>
public sealed record QuoteView(string Id, string Kind, int Start, int End, string Text, string? Speaker, string? SpeakerName, string? Cue);

/// <summary>A TIMEX3 expression as the article view shows it.</summary>
public sealed record TimexView(string Id, int Start, int End, string Text, string Type, string Value);

/// <summary>An event as the article view shows it.</summary>
public sealed record EventView(
    string Id, string Code, string Label, int QuadClass, double Goldstein, string? Source, string? Target, string? SourceActor, string? TargetActor,
    string? Date, string Modality, SpanView Trigger, int Sentence, string? Quote);

/// <summary>A correction as the article view lists it.</summary>
public sealed record CorrectionView(long Id, string Kind, string Target, string? Value, string Reason, string Author, string Created)
{
    /// <summary>What the correction did, in words: "speaker of Q3 → Friedrich Merz".</summary>
    public string Summary
    {
        get
        {
            using var value = JsonDocument.Parse(Value ?? "{}");
            string? Field(string name) => value.RootElement.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            return Kind switch
            {
                "quote-speaker" => $"speaker of {Target} → {Field("name") ?? "unknown"}",
                "event-reject" => $"event {Target} rejected",
                "entity-merge" => $"{Field("fromName") ?? Target} merged into {Field("intoName") ?? Field("into")}",
                "event" => $"event {Target}: " + string.Join(", ", value.RootElement.EnumerateObject().Select(p => $"{p.Name} → {p.Value}")),
                _ => $"{Kind} of {Target}",
            };
        }
    }
}

/// <summary>
/// An article's contract JSON (corrections applied) read for the page: layers as small records,
/// and the names the page needs (entity by id). Reading the JSON back keeps the page in step
/// with the API: both show exactly what the contract says.
/// </summary>
public sealed class ArticleView
{
    private ArticleView(string id, string text)
    {
        Id = id;
        Text = text;
    }

    /// <summary>The article's id.</summary>
    public string Id { get; }

    /// <summary>The clean article text the offsets point into.</summary>
    public string Text { get; }

    /// <summary>The headline, or null.</summary>
    public string? Title { get; private init; }

    /// <summary>
    /// The headline to show: the title, else a short first paragraph that reads as a headline
    /// (plain-text articles often open with one), else null.
    /// </summary>
    public string? DisplayTitle
    {
        get
        {
            if (Title is not null || Paragraphs.Count < 2)
            {
                return Title;
            }

            var (start, end) = Paragraphs[0];
            var first = Text[start..end].Trim();
            return first.Length is > 0 and <= 140 && !first.EndsWith('.') && !first.Contains('\n', StringComparison.Ordinal) ? first : null;
        }
    }

    /// <summary>ISO publication date, or null.</summary>
    public string? Published { get; private init; }

    /// <summary>Where the publication date came from.</summary>
    public string? PublishedFrom { get; private init; }

    /// <summary>The outlet, or null.</summary>
    public string? Outlet { get; private init; }

    /// <summary>The URL or path, or null.</summary>
    public string? Uri { get; private init; }

    /// <summary>Paragraph spans.</summary>
    public IReadOnlyList<(int Start, int End)> Paragraphs { get; private init; } = [];

    /// <summary>Sentence spans.</summary>
    public IReadOnlyList<(int Start, int End)> Sentences { get; private init; } = [];

    /// <summary>Entities in the contract's order.</summary>
    public IReadOnlyList<EntityView> Entities { get; private init; } = [];

    /// <summary>Quotes in text order.</summary>
    public IReadOnlyList<QuoteView> Quotes { get; private init; } = [];

    /// <summary>Dates and times in text order.</summary>
    public IReadOnlyList<TimexView> Timexes { get; private init; } = [];

    /// <summary>Events in text order.</summary>
    public IReadOnlyList<EventView> Events { get; private init; } = [];

    /// <summary>Analysts' corrections, oldest first.</summary>
    public IReadOnlyList<CorrectionView> Corrections { get; private init; } = [];

    /// <summary>The entity with this id, or null.</summary>
    public EntityView? Entity(string? id) => id is null ? null : Entities.FirstOrDefault(e => e.Id == id);

    /// <summary>A display name for an event's side: the entity's name and actor code, or the actor code alone.</summary>
    public string Side(string? entityId, string? actor)
    {
        var entity = Entity(entityId);
        return (entity?.Name, actor) switch
        {
            ({ } name, { } code) => $"{name} ({code})",
            ({ } name, null) => name,
            (null, { } code) => code,
            _ => "—",
        };
    }

    /// <summary>Reads the contract JSON.</summary>
    public static ArticleView Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var text = root.GetProperty("text").GetString() ?? "";
        return new ArticleView(root.GetProperty("id").GetString() ?? "", text)
        {
            Title = Str(root, "title"),
            Published = Str(root, "published"),
            PublishedFrom = Str(root, "publishedFrom"),
            Outlet = root.TryGetProperty("source", out var source) ? Str(source, "outlet") : null,
            Uri = root.TryGetProperty("source", out var s2) ? Str(s2, "uri") : null,
            Paragraphs = Pairs(root, "paragraphs"),
            Sentences = Pairs(root, "sentences"),
            Entities = root.GetProperty("entities").EnumerateArray().Select(e => new EntityView(
                Str(e, "id")!, Str(e, "type") ?? "", Str(e, "name") ?? "", Str(e, "actor"), Str(e, "country"),
                e.TryGetProperty("titles", out var titles) ? titles.EnumerateArray().Select(t => t.GetString() ?? "").ToList() : [],
                e.GetProperty("mentions").EnumerateArray().Select(m => new SpanView(m.GetProperty("start").GetInt32(), m.GetProperty("end").GetInt32(), Str(m, "text") ?? "", Str(m, "kind") ?? "")).ToList())).ToList(),
            Quotes = root.GetProperty("quotes").EnumerateArray().Select(q => new QuoteView(
                Str(q, "id")!, Str(q, "kind") ?? "", q.GetProperty("start").GetInt32(), q.GetProperty("end").GetInt32(), Str(q, "text") ?? "",
                Str(q, "speaker"), Str(q, "speakerName"), q.TryGetProperty("cue", out var cue) && cue.ValueKind == JsonValueKind.Object ? Str(cue, "text") : null)).ToList(),
            Timexes = root.GetProperty("timexes").EnumerateArray().Select(t => new TimexView(
                Str(t, "id")!, t.GetProperty("start").GetInt32(), t.GetProperty("end").GetInt32(), Str(t, "text") ?? "", Str(t, "type") ?? "", Str(t, "value") ?? "")).ToList(),
            Events = root.GetProperty("events").EnumerateArray().Select(v => new EventView(
                Str(v, "id")!, Str(v, "code") ?? "", Str(v, "label") ?? "", v.TryGetProperty("quadClass", out var qc) ? qc.GetInt32() : 0,
                v.TryGetProperty("goldstein", out var g) && g.ValueKind == JsonValueKind.Number ? g.GetDouble() : 0,
                Str(v, "source"), Str(v, "target"), Str(v, "sourceActor"), Str(v, "targetActor"), Str(v, "date"), Str(v, "modality") ?? "",
                v.TryGetProperty("trigger", out var tr) && tr.ValueKind == JsonValueKind.Object
                    ? new SpanView(tr.GetProperty("start").GetInt32(), tr.GetProperty("end").GetInt32(), Str(tr, "text") ?? "", "trigger")
                    : new SpanView(0, 0, "", "trigger"),
                v.TryGetProperty("sentence", out var sn) && sn.ValueKind == JsonValueKind.Number ? sn.GetInt32() : -1, Str(v, "quote"))).ToList(),
            Corrections = root.TryGetProperty("corrections", out var corrections)
                ? corrections.EnumerateArray().Select(c => new CorrectionView(
                    c.GetProperty("id").GetInt64(), Str(c, "kind") ?? "", Str(c, "target") ?? "",
                    c.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.Object ? value.GetRawText() : null,
                    Str(c, "reason") ?? "", Str(c, "author") ?? "", Str(c, "created") ?? "")).ToList()
                : [],
        };
    }

    private static List<(int, int)> Pairs(JsonElement root, string name) =>
        root.TryGetProperty(name, out var array) ? array.EnumerateArray().Select(p => (p[0].GetInt32(), p[1].GetInt32())).ToList() : [];

    private static string? Str(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
