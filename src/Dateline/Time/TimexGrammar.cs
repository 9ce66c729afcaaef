using System.Globalization;

namespace Dateline.Time;

/// <summary>One expression the grammar found: its tokens, type, and either a fixed value or a date to resolve.</summary>
/// <param name="Start">Index of the first token.</param>
/// <param name="End">One past the last token.</param>
/// <param name="Type">DATE, TIME, DURATION or SET.</param>
/// <param name="Value">The TIMEX3 value when it needs no anchor (durations, sets, references), else null.</param>
/// <param name="Spec">The date to resolve when <paramref name="Value"/> is null.</param>
/// <param name="Mod">TIMEX3 mod, or null.</param>
internal readonly record struct TimexMatch(int Start, int End, string Type, string? Value, DateSpec Spec, string? Mod);

/// <summary>
/// The English temporal grammar: at a token, finds the longest time expression starting there.
/// Vocabulary comes from <see cref="TimeLexicon"/>; this class holds only the shapes of
/// expressions ("Month Day, Year", "N units ago", "the past N units", "every Monday", …).
/// </summary>
/// <remarks>
/// Extents follow TimeML: determiners and modifiers that belong to the expression are in it ("the
/// past three years", "early 2022", "about two weeks"), prepositions are not ("on Tuesday" is
/// "Tuesday"). Recursive descent over a handful of tokens, no regex, no allocation except for the
/// value strings of what it finds.
/// </remarks>
internal sealed class TimexGrammar(TimeLexicon lexicon)
{
    /// <summary>The grammar over the shipped vocabulary.</summary>
    public static TimexGrammar Default { get; } = new(TimeLexicon.Default);

    public TimeLexicon Lexicon => lexicon;

    /// <summary>
    /// The longest expression starting at token <paramref name="i"/>, and for a day range
    /// ("May 12-15") the expression of its second day.
    /// </summary>
    public bool TryMatch(in TokenCursor c, int i, out TimexMatch match, out TimexMatch? second)
    {
        match = default;
        second = null;
        var w = c.Word(i);
        if (w.IsEmpty || !(char.IsAsciiDigit(w[0]) || (w.Length > 1 && char.IsAsciiDigit(w[1])) || c.Lex(i) is { CanStart: true } || StartsCompound(w)))
        {
            return false;
        }

        var found = false;
        if (Set(c, i, out var m))
        {
            Take(ref match, ref found, m);
        }

        if (Date(c, i, out m))
        {
            Take(ref match, ref found, m);
        }

        if (Duration(c, i, out m))
        {
            Take(ref match, ref found, m);
        }

        if (Phrase(c, i, out m))
        {
            Take(ref match, ref found, m);
        }
        else if (c.IsAny(i, "earlier", "later") && Phrase(c, i + 1, out m) && m.Value is null && m.Spec.Grain == Grain.Day)
        {
            // "earlier today", "later tonight".
            Take(ref match, ref found, m with { Start = i });
        }

        if (found && match.Value is null && match.Spec is { Month: > 0, Day: > 0 } spec)
        {
            second = RangeEnd(c, match.End, spec);
        }
        else if (found && match.Value is null && match.Spec is { Weekday: > 0, Day: 0 } && (c.IsDash(match.End) || c.IsAny(match.End, "to", "through") || c.Is(match.End, "until"))
            && c.Lex(match.End + 1) is { Weekday: > 0, PluralWeekday: false } last && c.IsCapitalized(match.End + 1))
        {
            // "from Monday to Wednesday": the second day comes after the first.
            second = new TimexMatch(match.End + 1, match.End + 2, "DATE", null, new DateSpec { Grain = Grain.Day, Base = Base.Previous, Weekday = last.Weekday, Direction = 1 }, null);
        }
        else if (!found && DayNumber(c, i) is > 0 and var day && (c.IsDash(i + 1) || c.IsAny(i + 1, "and", "to")) && DayNumber(c, i + 2) > day
            && TryMatch(c, i + 2, out var rest, out _) && rest.Value is null && rest.Spec is { Month: > 0, Day: > 0 } restSpec)
        {
            // "10 and 11 March 2024", "12-15 May": the first day takes the month and year of the last.
            match = new TimexMatch(i, i + 1, "DATE", null, restSpec with { Day = day }, null);
            second = rest;
            found = true;
        }

        return found;
    }

    /// <summary>"five-year", "mid-May", "third-quarter": a hyphenated token whose first part is time vocabulary.</summary>
    private bool StartsCompound(ReadOnlySpan<char> w)
    {
        var dash = w.IndexOf('-');
        return dash > 0 && lexicon.Find(w[..dash]) is not null;
    }

    private static void Take(ref TimexMatch best, ref bool found, in TimexMatch candidate)
    {
        if (!found || candidate.End > best.End)
        {
            best = candidate;
            found = true;
        }
    }

    // ---- dates and times --------------------------------------------------------------------

    private bool Date(in TokenCursor c, int i, out TimexMatch match)
    {
        match = default;
        var j = i;
        string? mod = null;

        // "the end of", "the beginning of", "end of", "the middle of".
        var k = c.Is(j, "the") ? j + 1 : j;
        if (c.Lex(k) is { Mod: { } m1 } && c.Is(k + 1, "of") && !c.IsAny(k, "early", "late"))
        {
            mod = m1;
            j = k + 2;
        }
        else if (c.Lex(j) is { Mod: { } m2 } && (c.IsAny(j, "early", "late") || c.Is(j, "mid")))
        {
            // "early May", "mid 2022", "late Tuesday".
            mod = m2;
            j++;
        }
        else if (c.IsAny(j, "earlier", "later") && c.IsAny(j + 1, "this", "that"))
        {
            // "earlier this year": the period itself.
            j++;
        }
        else if (HyphenMod(c, j, out var hyphenMod, out var hyphenSpec))
        {
            // "mid-May", "mid-2022", "late-March".
            match = new TimexMatch(i, j + 1, "DATE", null, hyphenSpec, hyphenMod);
            return true;
        }

        if (!Core(c, j, mod is not null, out var end, out var spec))
        {
            return false;
        }

        // A time of day on a date: "Tuesday morning", "yesterday afternoon", "3 p.m. Tuesday".
        if (spec.Hour < 0 && spec.PartOfDay is null && spec.Grain == Grain.Day && c.Lex(end) is { PartOfDay: { } part } && !c.Word(end).EndsWith("s"))
        {
            spec = spec with { PartOfDay = part };
            end++;
        }

        match = new TimexMatch(i, end, spec.IsTime ? "TIME" : "DATE", null, spec, mod);
        return true;
    }

    private bool HyphenMod(in TokenCursor c, int j, out string? mod, out DateSpec spec)
    {
        mod = null;
        spec = default;
        var w = c.Word(j);
        var dash = w.IndexOf('-');
        if (dash <= 0 || dash == w.Length - 1)
        {
            return false;
        }

        var head = lexicon.Find(w[..dash]);
        if (head?.Mod is not { } m || !(w[..dash].Equals("mid", StringComparison.OrdinalIgnoreCase) || w[..dash].Equals("early", StringComparison.OrdinalIgnoreCase)
            || w[..dash].Equals("late", StringComparison.OrdinalIgnoreCase) || w[..dash].Equals("end", StringComparison.OrdinalIgnoreCase) || w[..dash].Equals("start", StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        var rest = w[(dash + 1)..];
        if (lexicon.Find(rest) is { Month: > 0 } month)
        {
            mod = m;
            spec = new DateSpec { Grain = Grain.Month, Base = Base.Published, Month = month.Month, ByTense = true };
            if (Year(c, j + 1) is > 0 and var y)
            {
                spec = spec with { Base = Base.Absolute, Year = y };
            }

            return true;
        }

        var year = TokenCursor.Digits(rest);
        if (year is >= 1000 and <= 2199)
        {
            mod = m;
            spec = new DateSpec { Grain = Grain.Year, Base = Base.Absolute, Year = year };
            return true;
        }

        if (rest.EndsWith("s") && TokenCursor.Digits(rest[..^1]) is >= 1000 and <= 2199 and var decade && decade % 10 == 0)
        {
            mod = m;
            spec = new DateSpec { Grain = Grain.Decade, Base = Base.Absolute, Era = decade / 10 };
            return true;
        }

        return false;
    }

    /// <summary>A date or time without leading modifiers.</summary>
    private bool Core(in TokenCursor c, int i, bool afterMod, out int end, out DateSpec spec)
    {
        end = i;
        spec = default;
        if (!c.Has(i))
        {
            return false;
        }

        if (Time(c, i, out end, out spec))
        {
            return true;
        }

        var lex = c.Lex(i);
        if (lex is { Weekday: > 0, PluralWeekday: false } && c.IsCapitalized(i))
        {
            return Weekday(c, i, out end, out spec);
        }

        if (lex is { Month: > 0 } && MonthDate(c, i, afterMod, out end, out spec))
        {
            return true;
        }

        if (c.Is(i, "the"))
        {
            return TheDate(c, i + 1, afterMod, out end, out spec);
        }

        if (lex?.Shift is { } shift && ShiftedDate(c, i, shift, afterMod, out end, out spec))
        {
            return true;
        }

        if (c.IsAny(i, "that", "the") && c.Lex(i + 1) is { Unit: { } u } && !c.Lex(i + 1)!.PluralUnit && GrainOf(u) is { } g)
        {
            spec = new DateSpec { Grain = g, Base = Base.Previous };
            end = i + 2;
            return true;
        }

        if (c.Is(i, "fiscal") || (c.Is(i, "FY") && c.Has(i + 1)))
        {
            var j = c.Is(i + 1, "year") ? i + 2 : i + 1;
            if (Year(c, j) is > 0 and var fy)
            {
                spec = new DateSpec { Grain = Grain.Year, Base = Base.Absolute, Year = fy };
                end = j + 1;
                return true;
            }

            if (c.Lex(j) is { Ordinal: >= 1 and <= 4 } && c.Is(j + 1, "quarter"))
            {
                return Quarter(c, j, out end, out spec);
            }

            return false;
        }

        if (NumericDate(c, i, out end, out spec))
        {
            return true;
        }

        if (Year(c, i) is > 0 and var year)
        {
            spec = new DateSpec { Grain = Grain.Year, Base = Base.Absolute, Year = year };
            end = i + 1;
            return true;
        }

        if (Decade(c.Word(i)) is > 0 and var decade)
        {
            spec = new DateSpec { Grain = Grain.Decade, Base = Base.Absolute, Era = decade };
            end = i + 1;
            return true;
        }

        // "13 May 2025", "the 13th of May".
        if (DayNumber(c, i) is > 0 and var day)
        {
            var j = c.Is(i + 1, "of") ? i + 2 : i + 1;
            if (c.Lex(j) is { Month: > 0 } m && c.IsCapitalized(j))
            {
                spec = new DateSpec { Grain = Grain.Day, Base = Base.Published, Month = m.Month, Day = day, ByTense = true };
                end = j + 1;
                if (YearAfter(c, end, out var y, out var after))
                {
                    spec = spec with { Base = Base.Absolute, Year = y, ByTense = false };
                    end = after;
                }

                return Valid(spec);
            }
        }

        if (lex is { Season: { } season } && (afterMod || Year(c, i + 1) > 0 || c.IsCapitalized(i) || IsSeasonContext(c, i - 1)))
        {
            return Season(c, i, season, out end, out spec);
        }

        if (lex is { Ordinal: not 0 } && c.Lex(i + 1) is { Unit: "Q" } && c.Is(i + 1, "quarter"))
        {
            return Quarter(c, i, out end, out spec);
        }

        if (HyphenQuarter(c.Word(i)) is > 0 and var hq)
        {
            // "third-quarter profit".
            spec = new DateSpec { Grain = Grain.Quarter, Base = Base.Published, Part = hq, ByTense = true };
            end = i + 1;
            return true;
        }

        if (QuarterToken(c.Word(i)) is > 0 and var qn)
        {
            spec = new DateSpec { Grain = Grain.Quarter, Base = Base.Published, Part = qn, ByTense = true };
            end = i + 1;
            if (Year(c, end) is > 0 and var qy)
            {
                spec = spec with { Base = Base.Absolute, Year = qy, ByTense = false };
                end++;
            }

            return true;
        }

        // "two years ago", "a week ago", "three days later".
        if (Count(c, i, out var n, out var afterCount) && c.Lex(afterCount) is { Unit: { } unit } && GrainOf(unit) is { } grain)
        {
            var next = afterCount + 1;
            if (c.Is(next, "ago") && n < 0)
            {
                // "many years ago", "a few weeks ago": some time back.
                spec = default;
                end = next + 1;
                return false;
            }

            if (c.Is(next, "ago"))
            {
                // "a week ago" names a day; "two years ago" a year; "a decade ago" a year too.
                var named = grain switch { Grain.Week => Grain.Day, Grain.Decade or Grain.Century => Grain.Year, _ => grain };
                spec = new DateSpec { Grain = named, Base = Base.Published, Shift = -(int)n, ShiftGrain = grain };
                end = next + 1;
                return n >= 1 && n == Math.Floor(n);
            }

            if (c.IsAny(next, "later", "earlier") && n >= 1 && n == Math.Floor(n))
            {
                spec = new DateSpec { Grain = grain == Grain.Week ? Grain.Day : grain, Base = Base.Previous, Shift = c.Is(next, "later") ? (int)n : -(int)n, ShiftGrain = grain };
                end = next + 1;
                return true;
            }
        }

        if (afterMod && lex is { Unit: { } u2 } && GrainOf(u2) is { } g2 && !lex.PluralUnit)
        {
            // "the end of the year" reaches here as "year" after "the".
            spec = new DateSpec { Grain = g2, Base = Base.Published };
            end = i + 1;
            return true;
        }

        return false;
    }

    /// <summary>The end of "last year", "a year ago", "a year earlier", "the previous year" at <paramref name="i"/>; 0 when none.</summary>
    private static int YearBack(in TokenCursor c, int i)
    {
        if (c.Is(i, "last") && c.Is(i + 1, "year"))
        {
            return i + 2;
        }

        if (c.Is(i, "a") && c.Is(i + 1, "year") && (c.IsAny(i + 2, "ago", "earlier") || c.Is(i + 2, "before")))
        {
            return i + 3;
        }

        return c.Is(i, "the") && c.IsAny(i + 1, "previous", "prior") && c.Is(i + 2, "year") ? i + 3 : 0;
    }

    private static bool IsSeasonContext(in TokenCursor c, int i) =>
        c.IsAny(i, "in", "the") || c.IsAny(i, "this", "last") || c.IsAny(i, "next", "since") || c.IsAny(i, "until", "by") || c.IsAny(i, "during", "coming") || c.Is(i, "past");

    private static bool TheDate(in TokenCursor c, int i, bool afterMod, out int end, out DateSpec spec)
    {
        end = i;
        spec = default;
        var lex = c.Lex(i);
        if (lex is { Unit: "WE" } && !lex.PluralUnit)
        {
            spec = new DateSpec { Grain = Grain.Weekend, Base = Base.Published, ByTense = true };
            end = i + 1;
            return true;
        }

        if (Decade(c.Word(i)) is > 0 and var decade)
        {
            spec = new DateSpec { Grain = Grain.Decade, Base = Base.Absolute, Era = decade };
            end = i + 1;
            return true;
        }

        if (TwoDigitDecade(c.Word(i)) is > 0 and var d2)
        {
            spec = new DateSpec { Grain = Grain.Decade, Base = Base.Absolute, Era = d2 };
            end = i + 1;
            return true;
        }

        if (lex is { Ordinal: > 0 } && c.Is(i + 1, "century"))
        {
            spec = new DateSpec { Grain = Grain.Century, Base = Base.Absolute, Era = lex.Ordinal - 1 };
            end = i + 2;
            return true;
        }

        if (lex is { Ordinal: not 0 } && c.Is(i + 1, "quarter"))
        {
            return Quarter(c, i, out end, out spec);
        }

        if (lex is { Ordinal: 1 or 2 } && c.Is(i + 1, "half") && (c.Is(i + 2, "of") || c.IsAny(i + 2, "this", "last")))
        {
            var part = lex.Ordinal;
            spec = new DateSpec { Grain = Grain.Half, Base = Base.Published, Part = part };
            end = i + 2;
            if (c.Is(end, "of") && Year(c, end + 1) is > 0 and var hy)
            {
                spec = spec with { Base = Base.Absolute, Year = hy };
                end += 2;
                return true;
            }

            if (c.Is(end, "of") && c.Is(end + 1, "the") && c.Is(end + 2, "year"))
            {
                end += 3;
                return true;
            }

            if (c.Is(end, "of"))
            {
                end++;
            }

            if (c.Lex(end)?.Shift is { } hs && c.Is(end + 1, "year"))
            {
                spec = spec with { Shift = hs == 0 ? 0 : Math.Sign(hs), ShiftGrain = Grain.Year };
                end += 2;
                return true;
            }

            return false;
        }

        if (lex is { Season: { } season })
        {
            return Season(c, i, season, out end, out spec);
        }

        if (lex?.Shift is { } shift && c.Lex(i + 1) is { Unit: { } unit } next && !next.PluralUnit && GrainOf(unit) is { } grain)
        {
            // "the next day", "the following week", "the previous year": from the last date told.
            var word = c.Word(i);
            if (shift != 0 && (word.Equals("next", StringComparison.OrdinalIgnoreCase) || word.Equals("following", StringComparison.OrdinalIgnoreCase) || word.Equals("previous", StringComparison.OrdinalIgnoreCase) || word.Equals("preceding", StringComparison.OrdinalIgnoreCase)))
            {
                spec = new DateSpec { Grain = grain, Base = Base.Previous, Shift = shift, ShiftGrain = grain };
                end = i + 2;
                return grain != Grain.Weekend;
            }

            if (word.Equals("last", StringComparison.OrdinalIgnoreCase) && grain is Grain.Quarter or Grain.Month or Grain.Year)
            {
                spec = new DateSpec { Grain = grain, Base = Base.Published, Shift = -1, ShiftGrain = grain };
                end = i + 2;
                return true;
            }
        }

        if (c.Is(i, "same") && (c.Lex(i + 1) is { Unit: not null, PluralUnit: false } || c.IsAny(i + 1, "period", "time")) && YearBack(c, c.Is(i + 2, "of") ? i + 3 : i + 2) is > 0 and var back)
        {
            // "the same period last year", "the same month a year earlier": the previous
            // expression's period one year back.
            var unitGrain = c.Lex(i + 1)?.Unit is { } pu && GrainOf(pu) is { } pg ? pg : Grain.Year;
            spec = new DateSpec { Grain = unitGrain, Base = Base.Previous, Shift = -1, ShiftGrain = Grain.Year, PreviousGrain = unitGrain == Grain.Year };
            end = back;
            return true;
        }

        if (c.Is(i, "same") && c.Lex(i + 1) is { Unit: { } su } && GrainOf(su) is { } sg)
        {
            spec = new DateSpec { Grain = sg, Base = Base.Previous };
            end = i + 2;
            return true;
        }

        if (lex is { Unit: { } u } && !lex.PluralUnit && GrainOf(u) is { } g)
        {
            if (g == Grain.Day && c.IsAny(i + 1, "before", "after") && (!c.Has(i + 2) || c.Kind(i + 2) == Model.TokenKind.Punctuation))
            {
                spec = new DateSpec { Grain = Grain.Day, Base = Base.Previous, Shift = c.Is(i + 1, "before") ? -1 : 1, ShiftGrain = Grain.Day };
                end = i + 2;
                return true;
            }

            if (afterMod)
            {
                spec = new DateSpec { Grain = g, Base = Base.Published };
                end = i + 1;
                return true;
            }
        }

        // "the 13th of May", "the first of June".
        if (lex is { Ordinal: > 0 and <= 31 } && c.Is(i + 1, "of") && c.Lex(i + 2) is { Month: > 0 } m && c.IsCapitalized(i + 2))
        {
            spec = new DateSpec { Grain = Grain.Day, Base = Base.Published, Month = m.Month, Day = lex.Ordinal, ByTense = true };
            end = i + 3;
            if (YearAfter(c, end, out var y, out var after))
            {
                spec = spec with { Base = Base.Absolute, Year = y, ByTense = false };
                end = after;
            }

            return Valid(spec);
        }

        return false;
    }

    private static bool ShiftedDate(in TokenCursor c, int i, int shift, bool afterMod, out int end, out DateSpec spec)
    {
        end = i;
        spec = default;
        var next = c.Lex(i + 1);
        if (next is null)
        {
            return false;
        }

        var word = c.Word(i);
        if (shift == 0 && c.Is(i + 1, "past") && c.Lex(i + 2) is { Unit: { } pastUnit, PluralUnit: false } && GrainOf(pastUnit) is { } pastGrain && pastGrain != Grain.Day)
        {
            // "this past week", "this past weekend".
            spec = pastGrain == Grain.Weekend
                ? new DateSpec { Grain = Grain.Weekend, Base = Base.Published, Shift = -1, ShiftGrain = Grain.Week }
                : new DateSpec { Grain = pastGrain, Base = Base.Published, Shift = -1, ShiftGrain = pastGrain };
            end = i + 3;
            return true;
        }

        var fromPrevious = word.Equals("following", StringComparison.OrdinalIgnoreCase) || word.Equals("previous", StringComparison.OrdinalIgnoreCase) || word.Equals("preceding", StringComparison.OrdinalIgnoreCase);
        if (next is { Weekday: > 0, PluralWeekday: false } && c.IsCapitalized(i + 1) && !fromPrevious)
        {
            // "last Friday" is strictly before, "next Friday" strictly after; "this Friday" is the
            // Friday of the publication week.
            spec = new DateSpec { Grain = Grain.Day, Base = Base.Published, Weekday = next.Weekday, Direction = shift == 0 ? 3 : shift * 2 };
            end = i + 2;
            return true;
        }

        if (next is { Month: > 0 } && c.IsCapitalized(i + 1) && !fromPrevious)
        {
            spec = new DateSpec { Grain = Grain.Month, Base = Base.Published, Month = next.Month, ByTense = shift != 0, Direction = shift * 2 };
            end = i + 2;
            return true;
        }

        if (next is { Season: { } season } && !fromPrevious)
        {
            spec = new DateSpec { Grain = Grain.Season, Base = Base.Published, Season = season, ByTense = shift != 0, Direction = shift * 2 };
            end = i + 2;
            return true;
        }

        if (c.Is(i + 1, "fiscal") && c.Is(i + 2, "year") && !fromPrevious)
        {
            // "this fiscal year", "last fiscal year".
            spec = new DateSpec { Grain = Grain.Year, Base = Base.Published, Shift = shift, ShiftGrain = Grain.Year };
            end = i + 3;
            return true;
        }

        if (next is { Unit: { } unit, PluralUnit: false } && GrainOf(unit) is { } grain)
        {
            if (word.Equals("past", StringComparison.OrdinalIgnoreCase) || (grain == Grain.Day && shift != 1))
            {
                return false; // "past week" is a duration; "last day" is not a date
            }

            if (grain == Grain.Day && !fromPrevious)
            {
                return false; // "next day" only after "the"
            }

            spec = grain == Grain.Weekend
                ? new DateSpec { Grain = Grain.Weekend, Base = Base.Published, Shift = shift, ShiftGrain = Grain.Week }
                : new DateSpec { Grain = grain, Base = fromPrevious ? Base.Previous : Base.Published, Shift = shift, ShiftGrain = grain };
            end = i + 2;
            return true;
        }

        return false;
    }

    private static bool Weekday(in TokenCursor c, int i, out int end, out DateSpec spec)
    {
        var lex = c.Lex(i)!;
        var j = c.Is(i + 1, ",") ? i + 2 : i + 1;
        if (c.Lex(j) is { Month: > 0 } && c.IsCapitalized(j) && MonthDate(c, j, false, out end, out spec) && spec.Day > 0)
        {
            return true;
        }

        if (DayNumber(c, j) is > 0 and var day && c.Lex(j + 1) is { Month: > 0 } m && c.IsCapitalized(j + 1))
        {
            spec = new DateSpec { Grain = Grain.Day, Base = Base.Published, Month = m.Month, Day = day, ByTense = true };
            end = j + 2;
            if (YearAfter(c, end, out var y, out var after))
            {
                spec = spec with { Base = Base.Absolute, Year = y, ByTense = false };
                end = after;
            }

            return Valid(spec);
        }

        var word = c.Word(i);
        if (word.Length <= 4 && !word.EndsWith("."))
        {
            // "Sun", "Wed": too often something else without a date after them.
            end = i;
            spec = default;
            return false;
        }

        // "on Tuesday last week", "Friday next week", "Monday this week": that day of that week.
        if (c.Is(i + 2, "week") && (c.IsAny(i + 1, "last", "next") || c.Is(i + 1, "this")))
        {
            var shift = c.Is(i + 1, "last") ? -1 : c.Is(i + 1, "next") ? 1 : 0;
            spec = new DateSpec { Grain = Grain.Day, Base = Base.Published, Weekday = lex.Weekday, Direction = 3, Shift = shift, ShiftGrain = Grain.Week };
            end = i + 3;
            return true;
        }

        spec = new DateSpec { Grain = Grain.Day, Base = Base.Published, Weekday = lex.Weekday };
        end = i + 1;
        return true;
    }

    private static bool MonthDate(in TokenCursor c, int i, bool afterMod, out int end, out DateSpec spec)
    {
        end = i;
        spec = default;
        if (!c.IsCapitalized(i))
        {
            return false;
        }

        var month = c.Lex(i)!.Month;
        var j = i + 1;
        var day = DayNumber(c, j);
        if (day <= 0 && c.Lex(j) is { Ordinal: > 0 and <= 31 } ord)
        {
            day = ord.Ordinal;
        }

        if (day > 0 && Year(c, j) <= 0)
        {
            spec = new DateSpec { Grain = Grain.Day, Base = Base.Published, Month = month, Day = day, ByTense = true };
            end = j + 1;
            if (YearAfter(c, end, out var y, out var after))
            {
                spec = spec with { Base = Base.Absolute, Year = y, ByTense = false };
                end = after;
            }

            return Valid(spec);
        }

        if (c.Is(j, "of") && c.Lex(j + 1)?.Shift is { } yearShift && c.Is(j + 2, "year"))
        {
            // "October of next year", "March of this year".
            spec = new DateSpec { Grain = Grain.Month, Base = Base.Published, Month = month, Shift = yearShift, ShiftGrain = Grain.Year };
            end = j + 3;
            return true;
        }

        var k = c.IsAny(j, "of", ",") ? j + 1 : j;
        if (Year(c, k) is > 0 and var year && !(c.Is(j, ",") && !c.IsAny(i - 1, "in", "of") && !c.IsAny(i - 1, "since", "until")) || Year(c, j) > 0)
        {
            year = Year(c, k) > 0 ? Year(c, k) : Year(c, j);
            spec = new DateSpec { Grain = Grain.Month, Base = Base.Absolute, Month = month, Year = year };
            end = (Year(c, k) > 0 ? k : j) + 1;
            return true;
        }

        // A month alone: "May" and "March" are also common words, abbreviations are also other
        // things; they need a word before them that only goes with dates.
        var word = c.Word(i);
        var ambiguous = word.Length <= 4 || word.Equals("March", StringComparison.OrdinalIgnoreCase);
        if (ambiguous && !afterMod && !IsMonthContext(c, i - 1) && !IsMonthSubjectContext(c, i + 1))
        {
            return false;
        }

        if (!afterMod && c.IsCapitalized(i - 1) && !IsMonthContext(c, i - 1) && c.Has(i - 1) && i - 1 > c.First)
        {
            return false; // "Theresa May", "Jon Snow August"
        }

        spec = new DateSpec { Grain = Grain.Month, Base = Base.Published, Month = month, ByTense = true };
        end = i + 1;
        return true;
    }

    /// <summary>A verb after a month that opens its sentence: "March was the wettest month".</summary>
    private static bool IsMonthSubjectContext(in TokenCursor c, int i) =>
        c.IsAny(i, "was", "is") || c.IsAny(i, "has", "had") || c.IsAny(i, "saw", "brought") || c.IsAny(i, "marked", "ended") || c.Is(i, "began");

    private static bool IsMonthContext(in TokenCursor c, int i) => c.Lex(i) is { DateContext: true };

    private static bool Season(in TokenCursor c, int i, string season, out int end, out DateSpec spec)
    {
        end = i + 1;
        var k = c.Is(end, "of") ? end + 1 : end;
        if (Year(c, k) is > 0 and var year)
        {
            spec = new DateSpec { Grain = Grain.Season, Base = Base.Absolute, Year = year, Season = season, Month = 0 };
            end = k + 1;
            return true;
        }

        spec = new DateSpec { Grain = Grain.Season, Base = Base.Published, Season = season, ByTense = true };
        if (c.IsAny(end, "months", "season"))
        {
            end++; // "the summer months"
        }

        return true;
    }

    private static bool Quarter(in TokenCursor c, int i, out int end, out DateSpec spec)
    {
        var ordinal = c.Lex(i)!.Ordinal;
        end = i + 2;
        if (ordinal is > 4 or < -1)
        {
            spec = default;
            return false;
        }

        spec = new DateSpec { Grain = Grain.Quarter, Base = Base.Published, Part = ordinal, ByTense = ordinal > 0 };
        var k = c.Is(end, "of") ? end + 1 : end;
        if (c.Is(k, "fiscal"))
        {
            k++;
        }

        if (Year(c, k) is > 0 and var year)
        {
            spec = spec with { Base = Base.Absolute, Year = year, ByTense = false, Part = ordinal > 0 ? ordinal : 4 };
            end = k + 1;
        }
        else if (c.Is(end, "of") && c.IsAny(end + 1, "this", "last") && c.Is(end + 2, "year"))
        {
            spec = spec with { ByTense = false, Shift = c.Is(end + 1, "last") ? -1 : 0, ShiftGrain = Grain.Year };
            end += 3;
        }
        else if (c.Is(end, "of") && c.Is(end + 1, "the") && c.Is(end + 2, "year"))
        {
            spec = spec with { ByTense = false };
            end += 3;
        }

        return true;
    }

    /// <summary>Clock times: "3 p.m.", "10:30 a.m.", "14:48 GMT", "3pm", "noon", "midnight".</summary>
    private static bool Time(in TokenCursor c, int i, out int end, out DateSpec spec)
    {
        end = i;
        spec = default;
        int hour, minute = 0;
        var j = i;
        if (c.IsAny(i, "noon", "midnight"))
        {
            hour = c.Is(i, "noon") ? 12 : 0;
            j = i + 1;
            if (!IsClockContext(c, i - 1))
            {
                return false;
            }
        }
        else
        {
            var w = c.Word(i);
            if (w.IsEmpty || !char.IsAsciiDigit(w[0]))
            {
                return false;
            }

            // "3pm", "10am" as one token.
            var suffix = AmPm(w);
            if (suffix != 0 && TokenCursor.Digits(w[..^2]) is >= 1 and <= 12 and var h1)
            {
                hour = h1 % 12 + (suffix == 2 ? 12 : 0);
                j = i + 1;
            }
            else if (c.Int(i) is >= 0 and <= 24 and var h && c.DigitCount(i) <= 2)
            {
                hour = h;
                j = i + 1;
                var clock = false;
                if (c.Is(j, ":") && c.DigitCount(j + 1) == 2 && c.Int(j + 1) is >= 0 and <= 59 and var mm)
                {
                    minute = mm;
                    j += 2;
                    clock = true;
                }

                var ampm = AmPm(c.Word(j));
                if (ampm != 0 && hour is >= 1 and <= 12)
                {
                    hour = hour % 12 + (ampm == 2 ? 12 : 0);
                    j++;
                }
                else if (!clock || !IsZone(c, j) && !IsClockContext(c, i - 1))
                {
                    return false;
                }
            }
            else if (c.DigitCount(i) == 4 && c.Int(i) is var hhmm && hhmm / 100 <= 23 && hhmm % 100 <= 59 && IsZone(c, i + 1))
            {
                // Military time with a zone: "0800 UTC".
                hour = hhmm / 100;
                minute = hhmm % 100;
                j = i + 1;
            }
            else
            {
                return false;
            }
        }

        string? zone = null;
        if (IsZone(c, j))
        {
            zone = c.Lex(j)!.Zone is { Length: > 0 } z ? z : null;
            j += c.Is(j, "local") && c.Is(j + 1, "time") ? 2 : 1;
        }

        // A clock time alone is on the day last told ("flew on Tuesday, landing at 18:00 UTC").
        spec = new DateSpec { Grain = Grain.Day, Base = Base.Previous, Hour = hour, Minute = minute, Zone = zone };
        end = j;

        // "3 p.m. Tuesday", "10 a.m. on May 13".
        var k = end;
        if (c.Lex(k) is { Weekday: > 0, PluralWeekday: false } && c.IsCapitalized(k) && Weekday(c, k, out var e2, out var day))
        {
            spec = day with { Hour = hour, Minute = minute, Zone = zone };
            end = e2;
        }
        else if (c.Lex(k) is { Month: > 0 } && MonthDate(c, k, false, out var e3, out var date) && date.Day > 0)
        {
            spec = date with { Hour = hour, Minute = minute, Zone = zone };
            end = e3;
        }
        else if (c.IsAny(k, "today", "yesterday") || c.Is(k, "tomorrow"))
        {
            spec = spec with { Shift = c.Is(k, "today") ? 0 : c.Is(k, "yesterday") ? -1 : 1, ShiftGrain = Grain.Day };
            end = k + 1;
        }

        return true;
    }

    private static bool IsClockContext(in TokenCursor c, int i) => c.Lex(i) is { ClockContext: true };

    /// <summary>1 for a.m., 2 for p.m. (as a word or a suffix), else 0.</summary>
    private static int AmPm(ReadOnlySpan<char> w)
    {
        if (w.EndsWith("a.m.", StringComparison.OrdinalIgnoreCase) || w.EndsWith("a.m", StringComparison.OrdinalIgnoreCase) || w.EndsWith("am", StringComparison.OrdinalIgnoreCase))
        {
            return w.Length <= 4 || char.IsAsciiDigit(w[^3]) || (w.Length >= 5 && char.IsAsciiDigit(w[^5])) ? 1 : 0;
        }

        if (w.EndsWith("p.m.", StringComparison.OrdinalIgnoreCase) || w.EndsWith("p.m", StringComparison.OrdinalIgnoreCase) || w.EndsWith("pm", StringComparison.OrdinalIgnoreCase))
        {
            return w.Length <= 4 || char.IsAsciiDigit(w[^3]) || (w.Length >= 5 && char.IsAsciiDigit(w[^5])) ? 2 : 0;
        }

        return 0;
    }

    private static bool IsZone(in TokenCursor c, int i) => c.Lex(i) is { Zone: not null };

    // ---- durations and sets -----------------------------------------------------------------

    private bool Duration(in TokenCursor c, int i, out TimexMatch match)
    {
        match = default;
        var j = i;
        string? mod = null;
        var the = false;
        if (c.Is(j, "the") && c.Lex(j + 1)?.Shift is not null && !c.Is(j + 1, "this") && !c.Is(j + 1, "last") || c.Is(j, "the") && c.Is(j + 1, "last") && Count(c, j + 2, out _, out _))
        {
            // "the past three years", "the next two weeks", "the past year".
            the = true;
            j += 2;
        }
        else if (c.Is(j, "at") && c.Is(j + 1, "least"))
        {
            mod = "EQUAL_OR_MORE";
            j += 2;
        }
        else if (c.Is(j, "up") && c.Is(j + 1, "to"))
        {
            mod = "EQUAL_OR_LESS";
            j += 2;
        }
        else if (c.Lex(j) is { Approx: { } approx })
        {
            if (c.IsAny(j, "more", "less") || c.Is(j, "fewer"))
            {
                if (!c.Is(j + 1, "than"))
                {
                    return false;
                }

                j++;
            }

            mod = approx;
            j++;
        }

        if (HyphenDuration(c.Word(j)) is { } compound)
        {
            match = new TimexMatch(i, j + 1, "DURATION", compound, default, mod);
            return true;
        }

        var countStart = j;
        if (!Count(c, j, out var n, out var afterCount))
        {
            if (the && c.Lex(j) is { Unit: not null, PluralUnit: false })
            {
                n = 1; // "the past year"
                afterCount = j;
            }
            else if (mod == "APPROX" && c.Is(i, "some") && c.Lex(j) is { Unit: not null, PluralUnit: true })
            {
                n = -1; // "some years"
                afterCount = j;
                mod = null;
            }
            else
            {
                return false;
            }
        }

        if (c.Lex(afterCount) is { Filler: true } && c.Lex(afterCount + 1) is { Unit: not null })
        {
            afterCount++;
        }

        // "two and a half years".
        var half = false;
        if (n >= 1 && c.Is(afterCount, "and") && c.Is(afterCount + 1, "a") && c.Is(afterCount + 2, "half") && c.Lex(afterCount + 3) is { Unit: not null })
        {
            n += 0.5;
            afterCount += 3;
            half = true;
        }

        if (c.Lex(afterCount) is not { Unit: { } unit } u)
        {
            return false;
        }

        if (unit == "Q" && n == 1 && c.IsAny(countStart, "a", "one"))
        {
            return false; // "about a quarter of its dealers" is a share, not a time
        }

        var end = afterCount + 1;

        if (n == 1 && u.PluralUnit && !half)
        {
            return false;
        }
        else if (unit == "S" && n == 1 && !c.Word(afterCount).EndsWith("s"))
        {
            return false; // "a second attempt"
        }

        // "a year and a half".
        if (n == 1 && c.Is(end, "and") && c.Is(end + 1, "a") && c.Is(end + 2, "half"))
        {
            n = 1.5;
            end += 3;
        }

        // An age: "47 years old".
        if (c.Is(end, "old") && u.PluralUnit)
        {
            end++;
        }

        if (c.Is(end, "ago") && (n < 0 || c.Lex(countStart) is null && u.PluralUnit))
        {
            // "years ago", "several months ago": a past time, not a span.
            match = new TimexMatch(i, end + 1, "DATE", "PAST_REF", default, null);
            return true;
        }

        var type = "DURATION";
        if (n == 1 && c.IsAny(countStart, "a", "an") && (IsTimesWord(c, countStart - 1) || IsRateBefore(c, countStart - 1)))
        {
            type = "SET"; // "twice a week", "$5 million a year", "100,000 barrels a day"
        }

        match = new TimexMatch(i, end, type, DurationValue(n, unit), default, mod);
        return true;
    }

    /// <summary>An amount just before "a year": a number, a percent sign, "million", a counted noun.</summary>
    private static bool IsRateBefore(in TokenCursor c, int i) =>
        IsAmount(c, i) || IsCountNoun(c, i)
        || (c.Has(i) && c.Word(i).EndsWith("s") && !c.IsCapitalized(i) && IsAmount(c, i - 1)); // "14 million containers a year"

    private static bool IsAmount(in TokenCursor c, int i) =>
        c.Has(i) && (c.Kind(i) == Model.TokenKind.Number || c.Word(i) is "%" || c.Word(i).EndsWith("illion") || c.IsAny(i, "percent", "thousand"));

    private static bool IsTimesWord(in TokenCursor c, int i) => c.IsAny(i, "times", "twice") || c.IsAny(i, "once", "thrice");

    /// <summary>"30-day", "five-year", "24-hour", "two-week-old": a compound duration in one token.</summary>
    private string? HyphenDuration(ReadOnlySpan<char> w)
    {
        var dash = w.IndexOf('-');
        if (dash <= 0)
        {
            return null;
        }

        var head = w[..dash];
        var rest = w[(dash + 1)..];
        if (lexicon.Find(head) is { Unit: { } headUnit } headWord && rest is "long")
        {
            return DurationValue(headWord.PluralUnit ? -1 : 1, headUnit); // "decades-long", "week-long"
        }

        var dash2 = rest.IndexOf('-');
        var unitWord = dash2 < 0 ? rest : rest[..dash2];
        if (dash2 >= 0)
        {
            var tail = rest[(dash2 + 1)..];
            if (!(tail is "old" or "long" or "plus"))
            {
                // "twenty-five-year": a compound number first.
                if (NumberWord(head) is > 0 and var tens && NumberWord(unitWord) is > 0 and < 10 and var ones && lexicon.Find(tail) is { Unit: { } u2 })
                {
                    return DurationValue(tens + ones, u2);
                }

                return null;
            }
        }

        if (lexicon.Find(unitWord) is not { Unit: { } unit } || lexicon.Find(unitWord)!.PluralUnit)
        {
            return null;
        }

        var n = TokenCursor.Digits(head);
        if (n <= 0)
        {
            n = NumberWord(head);
        }

        return n > 0 ? DurationValue(n, unit) : null;
    }

    private int NumberWord(ReadOnlySpan<char> w) => lexicon.Find(w) is { Number: > 0 } x && !w.Equals("a", StringComparison.OrdinalIgnoreCase) && !w.Equals("an", StringComparison.OrdinalIgnoreCase) ? x.Number : 0;

    /// <summary>A count before a unit: digits, number words ("twenty-five"), "a", "several" (-1), "a few", "a couple of".</summary>
    private bool Count(in TokenCursor c, int i, out double n, out int after)
    {
        n = 0;
        after = i + 1;
        if (!c.Has(i))
        {
            return false;
        }

        var w = c.Word(i);
        if (c.Kind(i) == Model.TokenKind.Number)
        {
            var digits = TokenCursor.Digits(w);
            if (digits > 0)
            {
                n = digits;
                return true;
            }

            if (double.TryParse(w, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d) && d > 0)
            {
                n = d;
                return true;
            }

            return false;
        }

        if (c.IsAny(i, "a", "an"))
        {
            if (c.Is(i + 1, "few"))
            {
                n = -1;
                after = i + 2;
                return true;
            }

            if (c.Is(i + 1, "couple") && c.Is(i + 2, "of"))
            {
                n = 2;
                after = i + 3;
                return true;
            }

            n = 1;
            return true;
        }

        if (c.Is(i, "half") && c.IsAny(i + 1, "a", "an"))
        {
            n = 0.5;
            after = i + 2;
            return true;
        }

        var lex = c.Lex(i);
        if (lex is { Number: > 0 or -1 } && !c.Is(i, "couple"))
        {
            n = lex.Number;
            if (n > 0 && c.Is(i + 1, "hundred"))
            {
                n *= 100;
                after = i + 2;
            }

            return true;
        }

        var dash = w.IndexOf('-');
        if (dash > 0 && NumberWord(w[..dash]) is >= 20 and var tens && NumberWord(w[(dash + 1)..]) is > 0 and < 10 and var ones)
        {
            n = tens + ones;
            return true;
        }

        return false;
    }

    private static string DurationValue(double n, string unit)
    {
        // Half units in the next smaller unit, as TimeML writes them: "half an hour" is PT30M.
        if (n == 0.5)
        {
            switch (unit)
            {
                case "H": return "PT30M";
                case "D": return "PT12H";
                case "Y": return "P6M";
                case "TM": return "PT30S";
            }
        }

        var count = n < 0 ? "X" : n.ToString("0.##", CultureInfo.InvariantCulture);
        if (unit == "FN")
        {
            return n < 0 ? "PXW" : "P" + (n * 2).ToString("0.##", CultureInfo.InvariantCulture) + "W";
        }

        if (unit is "DE" or "CE")
        {
            // TimeBank writes decades and centuries in years: "a decade" is P10Y.
            var years = unit == "DE" ? 10 : 100;
            return n < 0 ? "PXY" : "P" + (n * years).ToString("0.##", CultureInfo.InvariantCulture) + "Y";
        }

        return unit switch
        {
            "S" => "PT" + count + "S",
            "TM" => "PT" + count + "M",
            "H" => "PT" + count + "H",
            _ => "P" + count + unit,
        };
    }

    private bool Set(in TokenCursor c, int i, out TimexMatch match)
    {
        match = default;
        var lex = c.Lex(i);
        if (lex is { Weekday: > 0, PluralWeekday: true } && c.IsCapitalized(i))
        {
            match = new TimexMatch(i, i + 1, "SET", "XXXX-WXX-" + lex.Weekday.ToString(CultureInfo.InvariantCulture), default, null);
            return true;
        }

        if (lex is not { Every: true })
        {
            return false;
        }

        var j = c.Is(i + 1, "other") ? i + 2 : i + 1;
        var step = c.Is(i + 1, "other") ? 2 : 1;
        if (c.Lex(j) is { Weekday: > 0 } day && c.IsCapitalized(j))
        {
            match = new TimexMatch(i, j + 1, "SET", "XXXX-WXX-" + day.Weekday.ToString(CultureInfo.InvariantCulture), default, null);
            return true;
        }

        if (c.Lex(j) is { Unit: { } unit, PluralUnit: false })
        {
            match = new TimexMatch(i, j + 1, "SET", DurationValue(step, unit), default, null);
            return true;
        }

        if (c.Lex(j) is { PartOfDay: { } part } && !c.Word(j).EndsWith("s"))
        {
            match = new TimexMatch(i, j + 1, "SET", "XXXX-XX-XXT" + part, default, null);
            return true;
        }

        if (Count(c, j, out var n, out var after) && (n > 1 || n < 0) && c.Lex(after) is { Unit: { } unit2, PluralUnit: true })
        {
            match = new TimexMatch(i, after + 1, "SET", DurationValue(n, unit2), default, null);
            return true;
        }

        return false;
    }

    // ---- fixed phrases ----------------------------------------------------------------------

    private bool Phrase(in TokenCursor c, int i, out TimexMatch match)
    {
        match = default;
        foreach (var phrase in lexicon.PhrasesStarting(c.Word(i)))
        {
            var ok = true;
            for (var k = 1; k < phrase.Words.Length && ok; k++)
            {
                ok = c.Word(i + k).Equals(phrase.Words[k], StringComparison.OrdinalIgnoreCase);
            }

            if (!ok)
            {
                continue;
            }

            var end = i + phrase.Words.Length;
            if (phrase.Value.StartsWith("HOLIDAY-", StringComparison.Ordinal))
            {
                var month = int.Parse(phrase.Value.AsSpan(8, 2), CultureInfo.InvariantCulture);
                var day = int.Parse(phrase.Value.AsSpan(11, 2), CultureInfo.InvariantCulture);
                var spec = new DateSpec { Grain = Grain.Day, Base = Base.Published, Month = month, Day = day, ByTense = true };
                if (Year(c, end) is > 0 and var y)
                {
                    spec = spec with { Base = Base.Absolute, Year = y, ByTense = false };
                    end++;
                }

                match = new TimexMatch(i, end, "DATE", null, spec, null);
                return true;
            }

            DateSpec? relative = phrase.Value switch
            {
                "TODAY" => new DateSpec { Grain = Grain.Day, Base = Base.Published },
                "THEDAY" => new DateSpec { Grain = Grain.Day, Base = Base.Published },
                "YESTERDAY" => new DateSpec { Grain = Grain.Day, Base = Base.Published, Shift = -1, ShiftGrain = Grain.Day },
                "TOMORROW" => new DateSpec { Grain = Grain.Day, Base = Base.Published, Shift = 1, ShiftGrain = Grain.Day },
                "TONIGHT" => new DateSpec { Grain = Grain.Day, Base = Base.Published, PartOfDay = "NI" },
                "LASTNIGHT" => new DateSpec { Grain = Grain.Day, Base = Base.Published, Shift = -1, ShiftGrain = Grain.Day, PartOfDay = "NI" },
                "THISMORNING" => new DateSpec { Grain = Grain.Day, Base = Base.Published, PartOfDay = "MO" },
                "THISAFTERNOON" => new DateSpec { Grain = Grain.Day, Base = Base.Published, PartOfDay = "AF" },
                "THISEVENING" => new DateSpec { Grain = Grain.Day, Base = Base.Published, PartOfDay = "EV" },
                _ => null,
            };
            if (relative is { } r)
            {
                if (r.PartOfDay is null && c.Lex(end) is { PartOfDay: { } part } && !c.Word(end).EndsWith("s"))
                {
                    r = r with { PartOfDay = part };
                    end++;
                }

                match = new TimexMatch(i, end, r.IsTime ? "TIME" : "DATE", null, r, null);
                return true;
            }

            if (phrase.Words.Length == 1 && phrase.Type == "DURATION" && c.Lex(i - 1) is { } before && (before.Mod is not null || before.Season is not null || before.Ordinal != 0))
            {
                continue; // "the early months", "the summer months": not a span of unknown length
            }

            match = new TimexMatch(i, end, phrase.Type, phrase.Value, default, null);
            return true;
        }

        return false;
    }

    // ---- numbers ----------------------------------------------------------------------------

    /// <summary>A four-digit year (1000–2199) that reads as a year here, else 0.</summary>
    private static int Year(in TokenCursor c, int i)
    {
        if (c.DigitCount(i) != 4)
        {
            return 0;
        }

        var y = c.Int(i);
        if (y is < 1000 or > 2199)
        {
            return 0;
        }

        // "$2000", "2000 troops", "about 2000": a quantity, not a year.
        var prev = c.Word(i - 1);
        if (prev is "$" or "€" or "£" or "#" || c.IsAny(i - 1, "than", "about") || c.IsAny(i - 1, "nearly", "almost") || c.IsAny(i - 1, "some", "approximately") || c.IsAny(i - 1, "roughly", "over"))
        {
            return 0;
        }

        if (c.Lex(i - 1) is { NumberNoun: true })
        {
            return 0;
        }

        var next = c.Word(i + 1);
        if (next is "%" || IsCountNoun(c, i + 1))
        {
            return 0;
        }

        // "Russell 2000 Index", "Windows 2000 Server": a number inside a name.
        if (c.IsCapitalized(i - 1) && c.IsCapitalized(i + 1) && c.Lex(i - 1) is not { Month: > 0 } && c.Lex(i + 1) is not { Month: > 0 } && !IsMonthContext(c, i - 1) && !c.Is(i - 1, "the"))
        {
            return 0;
        }

        return y;
    }

    private static bool IsCountNoun(in TokenCursor c, int i) => c.Lex(i) is { CountNoun: true };

    /// <summary>A year after a date, with an optional comma: ", 2025" or " 2025".</summary>
    private static bool YearAfter(in TokenCursor c, int i, out int year, out int after)
    {
        var j = c.Is(i, ",") ? i + 1 : i;
        year = Year(c, j);
        after = j + 1;
        return year > 0;
    }

    /// <summary>A day of the month as digits (1–31) or a listed ordinal ("13th"), else 0.</summary>
    private static int DayNumber(in TokenCursor c, int i)
    {
        if (c.DigitCount(i) is 1 or 2)
        {
            var d = c.Int(i);
            return d is >= 1 and <= 31 && c.Word(i + 1) is not "%" ? d : 0;
        }

        return c.Lex(i) is { Ordinal: > 0 and <= 31 } o && char.IsAsciiDigit(c.Word(i)[0]) ? o.Ordinal : 0;
    }

    /// <summary>All-digit dates: ISO "2025-05-13" and the American "5/13/2025" or "5/13/25".</summary>
    private static bool NumericDate(in TokenCursor c, int i, out int end, out DateSpec spec)
    {
        end = i;
        spec = default;
        if (c.DigitCount(i) == 4 && c.IsDash(i + 1) && c.DigitCount(i + 2) == 2 && c.IsDash(i + 3) && c.DigitCount(i + 4) == 2)
        {
            spec = new DateSpec { Grain = Grain.Day, Base = Base.Absolute, Year = c.Int(i), Month = c.Int(i + 2), Day = c.Int(i + 4) };
            end = i + 5;
        }
        else if (c.DigitCount(i) is 1 or 2 && c.Is(i + 1, "/") && c.DigitCount(i + 2) is 1 or 2 && c.Is(i + 3, "/") && c.DigitCount(i + 4) is 2 or 4)
        {
            var y = c.Int(i + 4);
            if (y < 100)
            {
                y += y >= 50 ? 1900 : 2000;
            }

            spec = new DateSpec { Grain = Grain.Day, Base = Base.Absolute, Year = y, Month = c.Int(i), Day = c.Int(i + 2) };
            end = i + 5;
        }
        else
        {
            return false;
        }

        return spec.Month is >= 1 and <= 12 && spec.Day >= 1 && spec.Year is >= 1000 and <= 2199 && spec.Day <= DateTime.DaysInMonth(spec.Year, spec.Month);
    }

    /// <summary>"1990s" → 199; 0 otherwise.</summary>
    private static int Decade(ReadOnlySpan<char> w)
    {
        if (w.Length == 5 && w[4] is 's' && TokenCursor.Digits(w[..4]) is >= 1000 and <= 2190 and var y && y % 10 == 0)
        {
            return y / 10;
        }

        return TwoDigitDecade(w);
    }

    /// <summary>"’90s", "'80s", "90s" → 199, 198; 0 otherwise.</summary>
    private static int TwoDigitDecade(ReadOnlySpan<char> w)
    {
        if (w.Length >= 3 && w[0] is '\'' or '\u2019')
        {
            w = w[1..];
        }

        if (w.Length == 3 && w[2] == 's' && TokenCursor.Digits(w[..2]) is >= 0 and var d && d % 10 == 0)
        {
            return d >= 30 ? 190 + d / 10 : 200 + d / 10;
        }

        return 0;
    }

    /// <summary>"third-quarter" → 3; 0 otherwise.</summary>
    private int HyphenQuarter(ReadOnlySpan<char> w)
    {
        var dash = w.IndexOf('-');
        return dash > 0 && w[(dash + 1)..].Equals("quarter", StringComparison.OrdinalIgnoreCase) && lexicon.Find(w[..dash]) is { Ordinal: >= 1 and <= 4 } o ? o.Ordinal : 0;
    }

    /// <summary>"Q3" → 3; 0 otherwise.</summary>
    private static int QuarterToken(ReadOnlySpan<char> w) => w.Length == 2 && w[0] == 'Q' && w[1] is >= '1' and <= '4' ? w[1] - '0' : 0;

    private static Grain? GrainOf(string unit) => unit switch
    {
        "D" => Grain.Day,
        "W" => Grain.Week,
        "WE" => Grain.Weekend,
        "M" => Grain.Month,
        "Q" => Grain.Quarter,
        "Y" => Grain.Year,
        "DE" => Grain.Decade,
        "CE" => Grain.Century,
        _ => null,
    };

    private static bool Valid(in DateSpec spec) => spec.Day <= (spec.Month == 2 ? 29 : spec.Month is 4 or 6 or 9 or 11 ? 30 : 31);

    private static TimexMatch? RangeEnd(in TokenCursor c, int i, DateSpec spec)
    {
        if (!(c.IsDash(i) || c.IsAny(i, "to", "through") || c.Is(i, "and")))
        {
            return null;
        }

        var day = DayNumber(c, i + 1);
        if (day <= spec.Day || c.Lex(i + 2) is { Month: > 0 } || c.Lex(i + 2) is { Unit: not null })
        {
            return null;
        }

        var end = i + 2;
        var second = spec with { Day = day };
        if (spec.Year == 0 && YearAfter(c, end, out var y, out var after))
        {
            second = second with { Base = Base.Absolute, Year = y, ByTense = false };
            end = after;
        }

        return Valid(second) ? new TimexMatch(i + 1, end, "DATE", null, second, null) : null;
    }
}
