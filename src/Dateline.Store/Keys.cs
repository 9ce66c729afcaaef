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
