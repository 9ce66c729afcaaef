using System.Globalization;

namespace Dateline.Model;

/// <summary>
/// When an article was published: a calendar date, optionally with a time of day and a UTC offset.
/// </summary>
/// <remarks>
/// Relative dates in the text ("on Thursday") resolve against <see cref="Date"/>; the machine
/// clock is never consulted. The time and offset are kept only to be reported as given.
/// </remarks>
public sealed record PublicationDate(DateOnly Date, TimeOnly? Time = null, TimeSpan? Offset = null)
{
    private static readonly string[] DateTimeFormats =
    [
        "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
        "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss",
    ];

    /// <summary>ISO 8601: <c>2025-05-13</c>, <c>2025-05-13T09:30:00</c> or <c>2025-05-13T09:30:00+03:00</c>.</summary>
    public override string ToString()
    {
        var date = Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (Time is not { } time)
        {
            return date;
        }

        var text = date + "T" + time.ToString("HH:mm:ss", CultureInfo.InvariantCulture);
        if (Offset is not { } offset)
        {
            return text;
        }

        if (offset == TimeSpan.Zero)
        {
            return text + "Z";
        }

        var sign = offset < TimeSpan.Zero ? '-' : '+';
        var abs = offset.Duration();
        return string.Create(CultureInfo.InvariantCulture, $"{text}{sign}{abs.Hours:00}:{abs.Minutes:00}");
    }

    /// <summary>
    /// Parses an ISO 8601 date (<c>2025-05-13</c>) or date-time, with an optional offset
    /// (<c>Z</c>, <c>+03:00</c>). Returns null for anything else; never throws.
    /// </summary>
    public static PublicationDate? TryParse(ReadOnlySpan<char> value)
    {
        value = value.Trim();
        if (value.Length == 10)
        {
            return DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                ? new PublicationDate(d)
                : null;
        }

        if (value.Length < 16)
        {
            return null;
        }

        TimeSpan? offset = null;
        var local = value;
        if (value[^1] is 'Z' or 'z')
        {
            offset = TimeSpan.Zero;
            local = value[..^1];
        }
        else if (value.Length >= 22 && value[^6] is '+' or '-' && value[^3] == ':')
        {
            if (!TimeSpan.TryParseExact(value[^5..], @"hh\:mm", CultureInfo.InvariantCulture, out var o))
            {
                return null;
            }

            offset = value[^6] == '-' ? -o : o;
            local = value[..^6];
        }

        if (!DateTime.TryParseExact(local, DateTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var dt))
        {
            return null;
        }

        if (offset is { } off && (off < TimeSpan.FromHours(-14) || off > TimeSpan.FromHours(14)))
        {
            return null;
        }

        return new PublicationDate(DateOnly.FromDateTime(dt), TimeOnly.FromDateTime(dt), offset);
    }
}
