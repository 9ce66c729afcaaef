namespace Dateline.Time;

/// <summary>The calendar grain a date expression names.</summary>
internal enum Grain : byte
{
    /// <summary>A calendar day: 2025-05-13.</summary>
    Day,
    /// <summary>An ISO week: 2025-W20.</summary>
    Week,
    /// <summary>The weekend of an ISO week: 2025-W19-WE.</summary>
    Weekend,
    /// <summary>A month: 2025-05.</summary>
    Month,
    /// <summary>A quarter: 2025-Q2.</summary>
    Quarter,
    /// <summary>A half year: 2025-H1.</summary>
    Half,
    /// <summary>A season: 2025-SU.</summary>
    Season,
    /// <summary>A year: 2025.</summary>
    Year,
    /// <summary>A decade: 202.</summary>
    Decade,
    /// <summary>A century: 20.</summary>
    Century,
}

/// <summary>What a date expression's value is computed from.</summary>
internal enum Base : byte
{
    /// <summary>The expression names its year itself ("May 2022").</summary>
    Absolute,
    /// <summary>The publication date ("yesterday", "last week", "Thursday").</summary>
    Published,
    /// <summary>The date of the previous expression ("two days later").</summary>
    Previous,
}

/// <summary>
/// A date or time expression as the grammar read it, before normalization: the fields it
/// states, what it is relative to, and how far it shifts.
/// </summary>
/// <remarks>
/// Zero means "not stated" for the calendar fields. Normalization fills what is missing from the
/// anchor (the publication date or the previous expression), so parsing never needs the anchor.
/// </remarks>
internal readonly record struct DateSpec
{
    public Grain Grain { get; init; }

    public Base Base { get; init; }

    /// <summary>Stated year, or 0.</summary>
    public int Year { get; init; }

    /// <summary>Stated month 1–12, or 0.</summary>
    public int Month { get; init; }

    /// <summary>Stated day of month, or 0.</summary>
    public int Day { get; init; }

    /// <summary>ISO weekday 1–7, or 0.</summary>
    public int Weekday { get; init; }

    /// <summary>Quarter 1–4 (or -1 for "the last quarter"), half 1–2, or 0.</summary>
    public int Part { get; init; }

    /// <summary>Season code, or null.</summary>
    public string? Season { get; init; }

    /// <summary>Decade (3 digits: 199) or century (2 digits: 19) when the grain says so.</summary>
    public int Era { get; init; }

    /// <summary>Shift in units of <see cref="ShiftGrain"/> from the anchor: -1 for "last week".</summary>
    public int Shift { get; init; }

    /// <summary>The unit of <see cref="Shift"/>.</summary>
    public Grain ShiftGrain { get; init; }

    /// <summary>
    /// Direction to take when the expression names a day or month without saying which one
    /// ("Thursday", "in May"): -1 back, 1 ahead, 0 from the tense of the sentence.
    /// </summary>
    public int Direction { get; init; }

    /// <summary>True when a day or month without year must be placed by the tense (a bare weekday or month).</summary>
    public bool ByTense { get; init; }

    /// <summary>
    /// True when the value takes the grain of the expression it is anchored to: "the same period
    /// last year" after "in the third quarter" is a quarter.
    /// </summary>
    public bool PreviousGrain { get; init; }

    /// <summary>Hour 0–23, or -1.</summary>
    public int Hour { get; init; } = -1;

    /// <summary>Minute 0–59, or -1.</summary>
    public int Minute { get; init; } = -1;

    /// <summary>Part of day (MO, AF, EV, NI), or null.</summary>
    public string? PartOfDay { get; init; }

    /// <summary>Time zone suffix as written in the value ("Z"), or null.</summary>
    public string? Zone { get; init; }

    public DateSpec()
    {
    }

    /// <summary>True when the value is a time of day (TIMEX3 type TIME).</summary>
    public bool IsTime => Hour >= 0 || PartOfDay is not null;
}
