using System.Globalization;
using System.Text;
using Dateline.Model;
using Dateline.Text;

namespace Dateline.Store;

/// <summary>
/// The normal forms the store indexes and queries by, so that a query and a stored row agree on
/// "Kyiv" and "KYIV", or ’ and ' — computed the same way on write and on read.
/// </summary>
internal static class Keys
{
    /// <summary>Folded, lower-cased, single-spaced: the lookup form of a name or outlet.</summary>
    public static string Name(string value)
    {
        var folded = TextNormalizer.Fold(value.Trim());
        var builder = new StringBuilder(folded.Length);
        var space = false;
        foreach (var c in folded)
        {
            if (char.IsWhiteSpace(c))
            {
                space = builder.Length > 0;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }

    /// <summary>A LIKE pattern that finds <paramref name="value"/>'s key anywhere, with \ as the escape character.</summary>
    public static string Contains(string value)
    {
        var key = Name(value);
        var builder = new StringBuilder(key.Length + 4).Append('%');
        foreach (var c in key)
        {
            if (c is '%' or '_' or '\\')
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return builder.Append('%').ToString();
    }

    /// <summary>True when the value is written like a CAMEO actor code (RUSGOV, UKR, NATO, IGOUNO).</summary>
    public static bool LooksLikeActorCode(string value)
    {
        if (value.Length is < 3 or > 15)
        {
            return false;
        }

        foreach (var c in value)
        {
            if (c is not (>= 'A' and <= 'Z') and not (>= '0' and <= '9'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The words a full-text index stores beside an article's text so that a search filtered by
    /// day or outlet is answered inside the index: <c>y2025 m202505 d20250513</c> for its
    /// publication day and <c>o</c> + the hex of its outlet key. SQLite's migration 2 computes the
    /// same words in SQL for the articles stored before it.
    /// </summary>
    public static string SearchMeta(string? day, string? outletKey)
    {
        var builder = new StringBuilder();
        if (day is { Length: 10 })
        {
            builder.Append('y').Append(day, 0, 4).Append(" m").Append(day, 0, 4).Append(day, 5, 2)
                .Append(" d").Append(day, 0, 4).Append(day, 5, 2).Append(day, 8, 2);
        }

        if (outletKey is not null)
        {
            builder.Append(" o").Append(OutletWord(outletKey));
        }

        return builder.ToString();
    }

    /// <summary>The one index word that stands for an outlet: the lower-case hex of its key's UTF-8 bytes.</summary>
    public static string OutletWord(string outletKey) => Convert.ToHexStringLower(Encoding.UTF8.GetBytes(outletKey));

    /// <summary>
    /// The fewest index words of <see cref="SearchMeta"/> that cover the days from
    /// <paramref name="from"/> to <paramref name="to"/>: whole years, then whole months, then days.
    /// </summary>
    public static List<string> DayWords(DateOnly from, DateOnly to)
    {
        var words = new List<string>();
        var day = from;
        while (day <= to)
        {
            if (day.Day == 1 && day.Month == 1 && day.AddYears(1).AddDays(-1) <= to)
            {
                words.Add(day.ToString("'y'yyyy", CultureInfo.InvariantCulture));
                day = day.AddYears(1);
            }
            else if (day.Day == 1 && day.AddMonths(1).AddDays(-1) <= to)
            {
                words.Add(day.ToString("'m'yyyyMM", CultureInfo.InvariantCulture));
                day = day.AddMonths(1);
            }
            else
            {
                words.Add(day.ToString("'d'yyyyMMdd", CultureInfo.InvariantCulture));
                day = day.AddDays(1);
            }
        }

        return words;
    }

    /// <summary>ISO day (yyyy-MM-dd).</summary>
    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The publication day of a document, or null.</summary>
    public static string? Day(Document document) => document.Published is { } p ? Day(p.Date) : null;

    /// <summary>
    /// The day an event is ordered by: the start of its own TIMEX3 date when that is a calendar
    /// value (2025-05-15, 2025-05, 2025-W20 keep their prefix), else the publication day.
    /// </summary>
    public static string? EventDay(string? date, string? published)
    {
        if (date is { Length: >= 4 } && char.IsAsciiDigit(date[0]) && char.IsAsciiDigit(date[1]) && char.IsAsciiDigit(date[2]) && char.IsAsciiDigit(date[3]))
        {
            var slash = date.IndexOf('/', StringComparison.Ordinal);
            var start = slash < 0 ? date : date[..slash];
            return start.Length > 10 ? start[..10] : start;
        }

        return published;
    }
}
