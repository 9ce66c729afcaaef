using System.Collections.Immutable;

namespace Dateline.Model;

// The layers of CONTRACT.md beyond text structure. Each is an immutable record holding offsets
// into Document.Text; the JSON writer renders them under the contract's field names.

/// <summary>Where an article came from.</summary>
/// <param name="Kind">file, url, feed, warc, stdin, api or jsonl.</param>
/// <param name="Uri">Path or URL as given, or null.</param>
/// <param name="Outlet">The publishing site (e.g. <c>example.com</c>), or null.</param>
public sealed record SourceInfo(string Kind, string? Uri, string? Outlet)
{
    /// <summary>Text read from standard input.</summary>
    public static SourceInfo Stdin { get; } = new("stdin", null, null);
}

/// <summary>Something dropped from the input on the way to the article body, and why.</summary>
public sealed record Removal(string Text, string Reason);

/// <summary>A span together with its text, as the contract prints cues and triggers.</summary>
public readonly record struct Anchor(int Start, int End, string Text);

/// <summary>One mention of an entity.</summary>
/// <param name="Kind">name, nominal or pronoun.</param>
public sealed record Mention(int Start, int End, string Text, string Kind)
{
    /// <summary>
    /// For a name, the noun phrase it heads: the name with its determiner, possessor, role and
    /// descriptor words, bracketed abbreviation and describing apposition ("Canada's
    /// Royal Canadian Navy (RCN)", "truck maker Volvo"); null for other kinds and for a name
    /// that only modifies another noun ("U.S." in "U.S. automaker GM"). Library API only: the
    /// JSON contract's mention keeps its name extent.
    /// </summary>
    public TextSpan? Phrase { get; init; }
}

/// <summary>Coordinates and type of a geocoded place.</summary>
public sealed record GeoPoint(string? Country, double Lat, double Lon, string Feature, long? GeonamesId);

/// <summary>One referent of the article: a person, organization, place, group or event.</summary>
public sealed record Entity(
    string Id,
    string Type,
    string Name,
    ImmutableArray<string> Titles,
    string? Actor,
    string? Country,
    GeoPoint? Geo,
    ImmutableArray<Mention> Mentions);

/// <summary>A quotation and who said it.</summary>
/// <param name="Kind">direct, partial, indirect or scare.</param>
public sealed record Quote(
    string Id,
    string Kind,
    int Start,
    int End,
    string Text,
    string? Speaker,
    string? SpeakerName,
    Anchor? Cue,
    double Confidence)
{
    /// <summary>
    /// The quoted stretches that make up the utterance, without quote marks: one for a simple
    /// quote, several when a cue splits it ("“…,” he said, “…”") or it runs over paragraphs.
    /// <see cref="Start"/> and <see cref="End"/> span them all.
    /// </summary>
    public ImmutableArray<TextSpan> Parts { get; init; } = [];
}

/// <summary>A TIMEX3 temporal expression, normalized.</summary>
/// <param name="Type">DATE, TIME, DURATION or SET.</param>
/// <param name="Value">The TIMEX3 value, e.g. <c>2025-05-15</c> or <c>P30D</c>.</param>
/// <param name="Anchor">published, previous-timex or none.</param>
public sealed record Timex(string Id, int Start, int End, string Text, string Type, string Value, string Anchor)
{
    /// <summary>TIMEX3 mod (START, MID, END, APPROX, …), or null.</summary>
    public string? Mod { get; init; }
}

/// <summary>A CAMEO-coded event with its evidence.</summary>
public sealed record Event(
    string Id,
    string Code,
    string BaseCode,
    string RootCode,
    string Label,
    int QuadClass,
    double Goldstein,
    string? Source,
    string? Target,
    string? SourceActor,
    string? TargetActor,
    string? Date,
    string? DateFrom,
    string? Location,
    string Modality,
    Anchor Trigger,
    int Sentence,
    string? Quote)
{
    /// <summary>How many times the article tells this event (same code, actors and date); the trigger is the first telling's.</summary>
    public int Mentions { get; init; } = 1;
}

/// <summary>A quantity with its unit and what it measures.</summary>
public sealed record Figure(int Start, int End, string Text, double Value, string? Unit, bool Approximate, string? Measures);
