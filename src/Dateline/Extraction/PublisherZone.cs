using System.Collections.Frozen;
using System.Globalization;
using Dateline.Data;
using Dateline.Model;

namespace Dateline.Extraction;

/// <summary>
/// The publisher's time zone as a page reveals it, to turn a UTC timestamp into the calendar date
/// the publisher's readers saw: "2022-11-06T23:00:00Z" on a German site is 7 November there. The
/// evidence, in order: a timestamp elsewhere on the page written with the publisher's own
/// (non-zero) offset; the country-code domain; the region of the page's language tag; the
/// language alone when it is spoken mostly in one zone (zones.txt).
/// </summary>
internal static class PublisherZone
{
    private static readonly Lazy<FrozenDictionary<string, (double Hours, string Rule)>> Zones = new(() =>
    {
        var zones = new Dictionary<string, (double, string)>(StringComparer.Ordinal);
        foreach (var (key, value) in DataFile.KeyedLines("Extraction/zones.txt"))
        {
            var parts = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            zones[key] = (double.Parse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture), parts.Length > 1 ? parts[1] : "none");
        }

        return zones.ToFrozenDictionary(StringComparer.Ordinal);
    });

    /// <summary>
    /// A finder of the offset for an instant: from a page offset (fixed), or from a zone with its
    /// daylight-saving rule; null when the page gives no evidence.
    /// </summary>
    public static Func<DateTime, TimeSpan>? Find(IEnumerable<string?> stamps, string? host, string? language)
    {
        // A non-zero offset the page itself writes is the publisher's (the most common one wins).
        var offsets = new Dictionary<TimeSpan, int>();
        foreach (var stamp in stamps)
        {
            if (DateParser.Parse(stamp) is { Time: not null, Offset: { } offset } && offset != TimeSpan.Zero)
            {
                offsets[offset] = offsets.GetValueOrDefault(offset) + 1;
            }
        }

        if (offsets.Count > 0)
        {
            var fixedOffset = offsets.OrderByDescending(p => p.Value).ThenBy(p => p.Key).First().Key;
            return _ => fixedOffset;
        }

        var zones = Zones.Value;
        var tld = host is null ? null : host[(host.LastIndexOf('.') + 1)..].ToLowerInvariant();
        if (tld is not null && zones.TryGetValue(tld, out var byDomain))
        {
            return Rule(byDomain);
        }

        if (language is { Length: >= 2 } lang)
        {
            var parts = lang.ToLowerInvariant().Split('-', '_');
            if (parts.Length > 1 && parts[1].Length == 2 && zones.TryGetValue(parts[1], out var byRegion))
            {
                return Rule(byRegion);
            }

            if (zones.TryGetValue("lang-" + parts[0], out var byLanguage))
            {
                return Rule(byLanguage);
            }
        }

        return null;
    }

    /// <summary>A UTC timestamp (offset zero, with a time) as the publisher's local date and time; any other date as it is.</summary>
    public static PublicationDate? ToLocal(PublicationDate? date, Func<DateTime, TimeSpan>? zone)
    {
        if (date is not { Time: { } time, Offset: { } offset } || offset != TimeSpan.Zero || zone is null)
        {
            return date;
        }

        var utc = date.Date.ToDateTime(time, DateTimeKind.Utc);
        var local = zone(utc);
        if (local == TimeSpan.Zero)
        {
            return date;
        }

        var shifted = utc + local;
        return new PublicationDate(DateOnly.FromDateTime(shifted), TimeOnly.FromDateTime(shifted), local);
    }

    private static Func<DateTime, TimeSpan> Rule((double Hours, string Rule) zone)
    {
        var standard = TimeSpan.FromHours(zone.Hours);
        return zone.Rule switch
        {
            "eu" => utc => InEuSummer(utc) ? standard + TimeSpan.FromHours(1) : standard,
            "us" => utc => InUsSummer(utc, standard) ? standard + TimeSpan.FromHours(1) : standard,
            _ => _ => standard,
        };
    }

    private static bool InEuSummer(DateTime utc)
    {
        var start = LastSunday(utc.Year, 3).AddHours(1);
        var end = LastSunday(utc.Year, 10).AddHours(1);
        return utc >= start && utc < end;
    }

    private static bool InUsSummer(DateTime utc, TimeSpan standard)
    {
        var start = NthSunday(utc.Year, 3, 2).AddHours(2) - standard;
        var end = NthSunday(utc.Year, 11, 1).AddHours(2) - standard - TimeSpan.FromHours(1);
        return utc >= start && utc < end;
    }

    private static DateTime LastSunday(int year, int month)
    {
        var last = new DateTime(year, month, DateTime.DaysInMonth(year, month), 0, 0, 0, DateTimeKind.Utc);
        return last.AddDays(-(int)last.DayOfWeek);
    }

    private static DateTime NthSunday(int year, int month, int n)
    {
        var first = new DateTime(year, month, 1, 0, 0, 0, DateTimeKind.Utc);
        var sunday = first.AddDays((7 - (int)first.DayOfWeek) % 7);
        return sunday.AddDays(7 * (n - 1));
    }
}
