using System.Collections.Frozen;
using System.Globalization;
using System.Text.RegularExpressions;
using Dateline.Data;
using Dateline.Model;

namespace Dateline.Extraction;

/// <summary>
/// Reads the dates pages put in their metadata, which are not always ISO 8601:
/// <c>2025-05-13T09:30:00.000+0300</c>, <c>2025/05/13</c>, <c>20250513</c>,
/// <c>Tue, 13 May 2025 09:30:00 GMT</c>, <c>May 13, 2025</c>, <c>13.05.2025</c>.
/// </summary>
/// <remarks>
/// Only years 1990–2099 are taken: a page's metadata holds placeholders (0001-01-01, 1970-01-01)
/// more often than genuinely old dates.
/// </remarks>
internal static partial class DateParser
{
    private static readonly Lazy<FrozenDictionary<string, int>> MonthNames = new(() =>
    {
        var names = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in DataFile.KeyedLines("Extraction/months.txt"))
        {
            var month = int.Parse(key, NumberStyles.None, CultureInfo.InvariantCulture);
            foreach (var name in value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                names.TryAdd(name, month);
            }
        }

        return names.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    });

    /// <summary>The date (and time, when given) in <paramref name="value"/>, or null.</summary>
    public static PublicationDate? Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > 100)
        {
            return null;
        }

        var text = value.Trim();
        if (PublicationDate.TryParse(text) is { } iso && Plausible(iso.Date.Year))
        {
            return iso;
        }

        // RFC 1123, as HTTP and some JSON-LD write it: "Wed, 04 May 2022 00:25:56 GMT".
        if (text.EndsWith(" GMT", StringComparison.Ordinal)
            && DateTime.TryParseExact(text, "r", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var rfc)
            && Plausible(rfc.Year))
        {
            return new PublicationDate(DateOnly.FromDateTime(rfc), TimeOnly.FromDateTime(rfc), TimeSpan.Zero);
        }

        var m = IsoLike().Match(text);
        if (m.Success)
        {
            var date = MakeDate(m.Groups["y"].Value, m.Groups["m"].Value, m.Groups["d"].Value);
            if (date is null)
            {
                return null;
            }

            if (!m.Groups["h"].Success)
            {
                return new PublicationDate(date.Value);
            }

            var time = new TimeOnly(
                int.Parse(m.Groups["h"].ValueSpan, CultureInfo.InvariantCulture) % 24,
                int.Parse(m.Groups["min"].ValueSpan, CultureInfo.InvariantCulture) % 60,
                m.Groups["s"].Success ? int.Parse(m.Groups["s"].ValueSpan, CultureInfo.InvariantCulture) % 60 : 0);
            return new PublicationDate(date.Value, time, Offset(m.Groups["z"].Value));
        }

        m = DayMonthYear().Match(text);
        if (m.Success && MakeDate(m.Groups["y"].Value, m.Groups["m"].Value, m.Groups["d"].Value) is { } dmy)
        {
            return new PublicationDate(dmy);
        }

        m = MonthName().Match(text);
        if (m.Success && Month(m.Groups["mon"].Value) is { } month
            && MakeDate(m.Groups["y"].Value, month.ToString(CultureInfo.InvariantCulture), m.Groups["d"].Value) is { } named)
        {
            return new PublicationDate(named);
        }

        m = NameDayYear().Match(text);
        if (m.Success && Month(m.Groups["mon"].Value) is { } month2
            && MakeDate(m.Groups["y"].Value, month2.ToString(CultureInfo.InvariantCulture), m.Groups["d"].Value) is { } named2)
        {
            return new PublicationDate(named2);
        }

        return null;
    }

    /// <summary>A date in a URL's path: <c>/2025/05/13/</c>, <c>/2025-05-13-</c>, <c>/20250513/</c>, <c>/13-05-2025</c>.</summary>
    public static PublicationDate? FromUrl(string? url)
    {
        if (string.IsNullOrEmpty(url) || url.Length > 2000)
        {
            return null;
        }

        var m = UrlDate().Match(url);
        return m.Success && MakeDate(m.Groups["y"].Value, m.Groups["m"].Value, m.Groups["d"].Value) is { } date
            ? new PublicationDate(date)
            : null;
    }

    private static DateOnly? MakeDate(string year, string month, string day)
    {
        if (!int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y)
            || !int.TryParse(month, NumberStyles.None, CultureInfo.InvariantCulture, out var mo)
            || !int.TryParse(day, NumberStyles.None, CultureInfo.InvariantCulture, out var d))
        {
            return null;
        }

        if (y < 100)
        {
            y += y < 70 ? 2000 : 1900;
        }

        return Plausible(y) && mo is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, mo) ? new DateOnly(y, mo, d) : null;
    }

    private static bool Plausible(int year) => year is >= 1990 and <= 2099;

    private static int? Month(string name) =>
        MonthNames.Value.TryGetValue(name.TrimEnd('.'), out var month) ? month : null;

    /// <summary>
    /// The first date written in running text ("am 25.08.2015", "13. Mai 2025",
    /// "November 22, 2011", "2025-05-13"), or null. Slash dates are read day first unless
    /// <paramref name="monthFirst"/> (American English pages) or the first number exceeds 12.
    /// With <paramref name="shortYear"/> (text the page styles as a date line), a day-first date
    /// with a two-digit year ("31.10.23") is read when no date with a full year is written.
    /// </summary>
    public static PublicationDate? FindInText(string? text, bool monthFirst = false, bool shortYear = false)
    {
        var full = FirstFullDate(text, monthFirst);
        if (full is not null || !shortYear || text is null)
        {
            return full;
        }

        var m = ShortYearDate().Match(text);
        return m.Success && MakeDate(m.Groups["y"].Value, m.Groups["m"].Value, m.Groups["d"].Value) is { } date
            ? new PublicationDate(date)
            : null;
    }

    private static PublicationDate? FirstFullDate(string? text, bool monthFirst)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        foreach (Match m in AnyDate().Matches(text))
        {
            DateOnly? date = null;
            if (m.Groups["iy"].Success)
            {
                date = MakeDate(m.Groups["iy"].Value, m.Groups["im"].Value, m.Groups["id"].Value);
            }
            else if (m.Groups["ny"].Success)
            {
                var a = m.Groups["na"].Value;
                var b = m.Groups["nb"].Value;
                var first = int.Parse(a, CultureInfo.InvariantCulture);
                var second = int.Parse(b, CultureInfo.InvariantCulture);
                var swap = m.Groups["sep"].Value == "/" && first <= 12 && (second > 12 || monthFirst);
                date = swap ? MakeDate(m.Groups["ny"].Value, a, b) : MakeDate(m.Groups["ny"].Value, b, a);
            }
            else if (m.Groups["dy"].Success && Month(m.Groups["dm"].Value) is { } dm)
            {
                date = MakeDate(m.Groups["dy"].Value, dm.ToString(CultureInfo.InvariantCulture), m.Groups["dd"].Value);
            }
            else if (m.Groups["my"].Success && Month(m.Groups["mm"].Value) is { } mm)
            {
                date = MakeDate(m.Groups["my"].Value, mm.ToString(CultureInfo.InvariantCulture), m.Groups["md"].Value);
            }

            if (date is { } found)
            {
                return new PublicationDate(found);
            }
        }

        return null;
    }

    private static TimeSpan? Offset(string zone)
    {
        if (zone.Length == 0)
        {
            return null;
        }

        if (zone is "Z" or "z" or "GMT" or "UTC")
        {
            return TimeSpan.Zero;
        }

        var digits = zone.Replace(":", "", StringComparison.Ordinal);
        if (digits.Length != 5 || !int.TryParse(digits.AsSpan(1, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var h)
            || !int.TryParse(digits.AsSpan(3, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var min) || h > 14 || min > 59)
        {
            return null;
        }

        var offset = new TimeSpan(h, min, 0);
        return digits[0] == '-' ? -offset : offset;
    }

    [GeneratedRegex(@"^\D{0,20}?(?<y>(19|20)\d\d)[-/.]?(?<m>[01]\d)[-/.]?(?<d>[0-3]\d)(?:[T ]+(?<h>[0-2]\d):(?<min>[0-5]\d)(?::(?<s>[0-5]\d)(?:[.,]\d+)?)?\s*(?<z>Z|GMT|UTC|[+-]\d\d:?\d\d)?)?", RegexOptions.CultureInvariant)]
    private static partial Regex IsoLike();

    [GeneratedRegex(@"\b(?<d>[0-3]?\d)[./](?<m>[01]?\d)[./](?<y>(19|20)\d\d)\b", RegexOptions.CultureInvariant)]
    private static partial Regex DayMonthYear();

    [GeneratedRegex(@"\b(?<d>[0-3]?\d)(st|nd|rd|th|er|º)?\.?\s+(de\s+)?(?<mon>\p{L}{3,12})\.?,?\s+(de\s+)?(?<y>(19|20)\d\d)\b", RegexOptions.CultureInvariant)]
    private static partial Regex MonthName();

    [GeneratedRegex(@"\b(?<mon>\p{L}{3,12})\.?\s+(?<d>[0-3]?\d)(st|nd|rd|th)?,?\s+(?<y>(19|20)\d\d)\b", RegexOptions.CultureInvariant)]
    private static partial Regex NameDayYear();

    [GeneratedRegex(@"\b(?<iy>(19|20)\d\d)-(?<im>[01]\d)-(?<id>[0-3]\d)\b|\b(?<na>[0-3]?\d)(?<sep>[./])\s?(?<nb>[01]?\d)\k<sep>\s?(?<ny>(19|20)\d\d)\b|\b(?<dd>[0-3]?\d)(st|nd|rd|th|er|º)?\.?\s+(de\s+)?(?<dm>\p{L}{3,12})\.?,?\s+(de\s+)?(?<dy>(19|20)\d\d)\b|\b(?<mm>\p{L}{3,12})\.?\s+(?<md>[0-3]?\d)(st|nd|rd|th)?,?\s+(?<my>(19|20)\d\d)\b", RegexOptions.CultureInvariant)]
    private static partial Regex AnyDate();

    [GeneratedRegex(@"(?<![\d.])\b(?<d>[0-3]?\d)\.(?<m>[01]?\d)\.(?<y>\d\d)\b(?![.:]?\d)", RegexOptions.CultureInvariant)]
    private static partial Regex ShortYearDate();

    [GeneratedRegex(@"/(?<y>(19|20)\d\d)[/-](?<m>[01]?\d)[/-](?<d>[0-3]?\d)(?:[/_.-]|$)|/(?<d>[0-3]\d)-(?<m>[01]\d)-(?<y>(19|20)\d\d)(?:[/_.]|$)|/(?<y>(19|20)\d\d)(?<m>[01]\d)(?<d>[0-3]\d)(?:[/_.-]|$)", RegexOptions.CultureInvariant)]
    private static partial Regex UrlDate();
}
