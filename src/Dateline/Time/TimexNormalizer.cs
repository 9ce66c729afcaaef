using System.Globalization;

namespace Dateline.Time;

/// <summary>A date resolved from an earlier expression, the anchor of "two days later".</summary>
/// <param name="Date">A day inside the expression's period (its first day for coarse grains).</param>
/// <param name="Grain">How precise the expression was.</param>
internal readonly record struct ResolvedDate(DateOnly Date, Grain Grain);

/// <summary>
/// Turns a parsed date expression into its TIMEX3 value, against the publication date, the
/// previous expression and the tense of its sentence. Pure: no clock, no state, never throws.
/// </summary>
/// <remarks>
/// Without a publication date, relative expressions keep their unknown parts as X
/// (<c>XXXX-WXX-4</c> for "Thursday") and report anchor "none": a guess from the machine clock
/// would be wrong for every archived article.
/// </remarks>
internal static class TimexNormalizer
{
    private static readonly DateOnly MinDate = new(2, 1, 1);
    private static readonly DateOnly MaxDate = new(9998, 12, 31);

    /// <summary>The TIMEX3 value and anchor of <paramref name="spec"/>, and the date it resolved to (if any).</summary>
    public static (string Value, string Anchor, ResolvedDate? Resolved) Resolve(
        in DateSpec spec, DateOnly? published, ResolvedDate? previous, Tense tense)
    {
        if (spec.Base == Base.Absolute)
        {
            return Absolute(spec);
        }

        ResolvedDate anchor;
        string anchorName;
        // "the next day" after "in 2014" is not 2014-01-02: an anchor coarser than the
        // expression gives way to the publication date.
        if (spec.Base == Base.Previous && previous is { } p && p.Grain <= spec.Grain)
        {
            anchor = p;
            anchorName = "previous-timex";
        }
        else if (published is { } d)
        {
            anchor = new ResolvedDate(d, Grain.Day);
            anchorName = "published";
        }
        else
        {
            return (Underspecified(spec), "none", null);
        }

        if (!TryResolve(spec, anchor.Date, tense, out var date, out var grain))
        {
            return (Underspecified(spec), "none", null);
        }

        if (spec.PreviousGrain && anchorName == "previous-timex")
        {
            grain = anchor.Grain;
        }

        return (Format(date, grain, spec) + TimeSuffix(spec), anchorName, new ResolvedDate(date, grain));
    }

    private static (string, string, ResolvedDate?) Absolute(in DateSpec spec)
    {
        switch (spec.Grain)
        {
            case Grain.Decade:
                return (spec.Era.ToString("000", CultureInfo.InvariantCulture), "none", null);
            case Grain.Century:
                return (spec.Era.ToString("00", CultureInfo.InvariantCulture), "none", null);
        }

        var year = spec.Year;
        var month = Math.Max(1, spec.Month);
        var day = spec.Day > 0 ? spec.Day : 1;
        if (year < 1 || year > 9999 || day > DateTime.DaysInMonth(year, month))
        {
            return (Y(year) + (spec.Month > 0 ? "-" + Two(spec.Month) : ""), "none", null);
        }

        var date = new DateOnly(year, month, day);
        var grain = spec.Grain;
        if (grain == Grain.Quarter)
        {
            date = new DateOnly(year, ((spec.Part > 0 ? spec.Part : 1) - 1) * 3 + 1, 1);
        }

        return (Format(date, grain, spec) + TimeSuffix(spec), "none", new ResolvedDate(date, grain));
    }

    private static bool TryResolve(in DateSpec spec, DateOnly anchor, Tense tense, out DateOnly date, out Grain grain)
    {
        grain = spec.Grain;
        date = anchor;
        try
        {
            if (spec.Weekday > 0 && spec.Day == 0)
            {
                date = PlaceWeekday(anchor, spec.Weekday, spec.Direction != 0 ? spec.Direction : Direction(tense, 0));
                date = Shift(date, spec.ShiftGrain, spec.Shift);
                return true;
            }

            if (spec.Month > 0 || (spec.Grain is Grain.Season or Grain.Quarter && spec.Shift == 0 && spec.Year == 0 && spec.Part != -1) || spec.Season is not null && spec.Shift == 0)
            {
                date = PlaceInYear(spec, anchor, tense);
                date = Shift(date, spec.ShiftGrain, spec.Shift);
                return true;
            }

            if (spec.Grain == Grain.Weekend && spec.ByTense)
            {
                var direction = Direction(tense, -1);
                var saturday = anchor.AddDays(6 - (int)Iso(anchor));
                if (Iso(anchor) >= 6)
                {
                    date = anchor.AddDays(6 - Iso(anchor));
                }
                else
                {
                    date = direction < 0 ? saturday.AddDays(-7) : saturday;
                }

                return true;
            }

            if (spec.Part == -1 && spec.Grain == Grain.Quarter)
            {
                date = Shift(QuarterStart(anchor), Grain.Quarter, -1);
                return true;
            }

            date = Shift(anchor, spec.ShiftGrain, spec.Shift);
            if (spec.Grain == Grain.Quarter && spec.Part > 0)
            {
                date = new DateOnly(date.Year, (spec.Part - 1) * 3 + 1, 1);
            }

            return true;
        }
        catch (ArgumentOutOfRangeException)
        {
            // A shift past year 1 or 9999 ("10,000 years ago"): no calendar value to give.
            return false;
        }
    }

    /// <summary>-1 for past, 1 for present or future, <paramref name="unknown"/> when no cue.</summary>
    private static int Direction(Tense tense, int unknown) => tense switch
    {
        Tense.Past => -1,
        Tense.Future or Tense.Present => 1,
        _ => unknown,
    };

    private static int Iso(DateOnly d) => d.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)d.DayOfWeek;

    private static DateOnly PlaceWeekday(DateOnly anchor, int weekday, int direction)
    {
        var delta = weekday - Iso(anchor);
        if (direction == 3)
        {
            return anchor.AddDays(delta); // the same ISO week
        }

        if (delta == 0)
        {
            // "on Tuesday" in a Tuesday article is that day; "last Tuesday" is a week before.
            return direction switch
            {
                -2 => anchor.AddDays(-7),
                2 => anchor.AddDays(7),
                _ => anchor,
            };
        }

        if (direction < 0)
        {
            return anchor.AddDays(delta < 0 ? delta : delta - 7);
        }

        if (direction > 0)
        {
            return anchor.AddDays(delta > 0 ? delta : delta + 7);
        }

        // No cue: a news report mostly tells what happened, so the closest day back.
        return anchor.AddDays(delta < 0 ? delta : delta - 7);
    }

    private static DateOnly PlaceInYear(in DateSpec spec, DateOnly anchor, Tense tense)
    {
        var year = spec.Year > 0 ? spec.Year : anchor.Year;
        int month;
        if (spec.Month > 0)
        {
            month = spec.Month;
        }
        else if (spec.Season is { } season)
        {
            month = season switch { "SP" => 3, "SU" => 6, "FA" => 9, _ => 12 };
        }
        else
        {
            month = (Math.Max(1, spec.Part) - 1) * 3 + 1;
        }

        var day = Math.Min(spec.Day > 0 ? spec.Day : 1, DateTime.DaysInMonth(year, month));
        var date = new DateOnly(year, month, day);
        if (spec.Season == "WI" && spec.Month == 0 && spec.Year == 0 && anchor.Month <= 2)
        {
            // January and February belong to the winter that began in December.
            return date.AddYears(-1);
        }

        if (spec.Year > 0 || !spec.ByTense)
        {
            return date;
        }

        // A month or day without its year lies in the publication year unless the tense says it
        // is the other side of the publication date: "in December" said in May of a past event
        // is last December; "in January" of a plan is next January.
        // Present tense keeps a month in the publication year ("our third-quarter results show").
        var direction = spec.Direction != 0 ? spec.Direction : Direction(tense == Tense.Present ? Tense.Unknown : tense, 0);
        // The period that holds the publication date is that period, whatever the tense.
        var months = spec.Day > 0 ? 0 : spec.Month > 0 ? 1 : spec.Grain == Grain.Half ? 6 : 3;
        var sameUnit = months == 0 ? date == anchor : anchor >= date && anchor < date.AddMonths(months);
        if (sameUnit)
        {
            return date;
        }

        if (direction == 0 && (spec.Month > 0 || spec.Day > 0))
        {
            // No tense: the nearest such month or day ("in December" said in March is the
            // December just gone, not the one nine months ahead).
            var best = date;
            foreach (var y in (ReadOnlySpan<int>)[year - 1, year + 1])
            {
                if (y is < 1 or > 9999)
                {
                    continue;
                }

                var other = ClampDay(y, month, spec.Day);
                if (Math.Abs(other.DayNumber - anchor.DayNumber) < Math.Abs(best.DayNumber - anchor.DayNumber))
                {
                    best = other;
                }
            }

            return best;
        }

        if (direction < 0 && date > anchor)
        {
            return ClampDay(year - 1, month, spec.Day);
        }

        if (direction > 0 && date < anchor)
        {
            return ClampDay(year + 1, month, spec.Day);
        }

        return date;
    }

    private static DateOnly ClampDay(int year, int month, int day) =>
        new(year, month, Math.Min(day > 0 ? day : 1, DateTime.DaysInMonth(year, month)));

    private static DateOnly QuarterStart(DateOnly d) => new(d.Year, (d.Month - 1) / 3 * 3 + 1, 1);

    private static DateOnly Shift(DateOnly date, Grain grain, int by)
    {
        if (by == 0)
        {
            return date;
        }

        var result = grain switch
        {
            Grain.Day => date.AddDays(by),
            Grain.Week or Grain.Weekend => date.AddDays(7 * by),
            Grain.Month => date.AddMonths(by),
            Grain.Quarter => date.AddMonths(3 * by),
            Grain.Half => date.AddMonths(6 * by),
            Grain.Season => date.AddMonths(3 * by),
            Grain.Year => date.AddYears(by),
            Grain.Decade => date.AddYears(10 * by),
            Grain.Century => date.AddYears(100 * by),
            _ => date,
        };
        return result < MinDate || result > MaxDate ? throw new ArgumentOutOfRangeException(nameof(by)) : result;
    }

    /// <summary>Writes <paramref name="date"/> at <paramref name="grain"/>.</summary>
    private static string Format(DateOnly date, Grain grain, in DateSpec spec)
    {
        switch (grain)
        {
            case Grain.Day:
                return Y(date.Year) + "-" + Two(date.Month) + "-" + Two(date.Day);
            case Grain.Week:
            {
                var dt = date.ToDateTime(TimeOnly.MinValue);
                return Y(ISOWeek.GetYear(dt)) + "-W" + Two(ISOWeek.GetWeekOfYear(dt));
            }

            case Grain.Weekend:
            {
                // The weekend belongs to the ISO week of its Saturday.
                var saturday = date.AddDays(6 - Iso(date)).ToDateTime(TimeOnly.MinValue);
                return Y(ISOWeek.GetYear(saturday)) + "-W" + Two(ISOWeek.GetWeekOfYear(saturday)) + "-WE";
            }

            case Grain.Month:
                return Y(date.Year) + "-" + Two(date.Month);
            case Grain.Quarter:
                return Y(date.Year) + "-Q" + ((date.Month - 1) / 3 + 1).ToString(CultureInfo.InvariantCulture);
            case Grain.Half:
                return Y(date.Year) + "-H" + (spec.Part is 1 or 2 ? spec.Part : (date.Month - 1) / 6 + 1).ToString(CultureInfo.InvariantCulture);
            case Grain.Season:
            {
                var season = spec.Season ?? (date.Month switch { 3 or 4 or 5 => "SP", 6 or 7 or 8 => "SU", 9 or 10 or 11 => "FA", _ => "WI" });
                return Y(date.Year) + "-" + season;
            }

            case Grain.Decade:
                return (date.Year / 10).ToString("000", CultureInfo.InvariantCulture);
            case Grain.Century:
                return (date.Year / 100).ToString("00", CultureInfo.InvariantCulture);
            default:
                return Y(date.Year);
        }
    }

    private static string TimeSuffix(in DateSpec spec)
    {
        if (spec.Hour >= 0)
        {
            var t = "T" + Two(spec.Hour) + ":" + Two(Math.Max(0, spec.Minute));
            return spec.Zone is { } z ? t + z : t;
        }

        return spec.PartOfDay is { } part ? "T" + part : "";
    }

    /// <summary>The value with its unknown parts as X, for an expression without an anchor.</summary>
    private static string Underspecified(in DateSpec spec)
    {
        string date;
        if (spec.Weekday > 0 && spec.Day == 0)
        {
            date = "XXXX-WXX-" + spec.Weekday.ToString(CultureInfo.InvariantCulture);
        }
        else if (spec.Month > 0)
        {
            var y = spec.Year > 0 ? Y(spec.Year) : "XXXX";
            date = spec.Day > 0 ? y + "-" + Two(spec.Month) + "-" + Two(spec.Day) : y + "-" + Two(spec.Month);
        }
        else
        {
            var y = spec.Year > 0 ? Y(spec.Year) : "XXXX";
            date = spec.Grain switch
            {
                Grain.Day => "XXXX-XX-XX",
                Grain.Week => "XXXX-WXX",
                Grain.Weekend => "XXXX-WXX-WE",
                Grain.Month => "XXXX-XX",
                Grain.Quarter => y + "-Q" + (spec.Part > 0 ? spec.Part.ToString(CultureInfo.InvariantCulture) : "X"),
                Grain.Half => y + "-H" + (spec.Part > 0 ? spec.Part.ToString(CultureInfo.InvariantCulture) : "X"),
                Grain.Season => y + "-" + (spec.Season ?? "XX"),
                Grain.Decade => "XXX",
                Grain.Century => "XX",
                _ => y,
            };
        }

        return date + TimeSuffix(spec);
    }

    private static string Y(int year) => year.ToString("0000", CultureInfo.InvariantCulture);

    private static string Two(int n) => n.ToString("00", CultureInfo.InvariantCulture);
}
