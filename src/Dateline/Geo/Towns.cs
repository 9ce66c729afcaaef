using System.Collections.Immutable;
using System.Globalization;

namespace Dateline.Geo;

/// <summary>
/// Towns of 15,000 to 149,999 people and first-level divisions ("Rafah", "Sinaloa", "Tigray"), searched
/// in the embedded file <c>Geo/towns.txt</c> as it is: one row per name, sorted by name.
/// </summary>
/// <remarks>
/// 28,000 rows would cost more to turn into a table of places at start-up than every lookup of a
/// long run of articles costs together: loading keeps the file as one string and the offsets of its
/// rows, and a lookup binary-searches the rows and makes places only for the rows it returns, once.
/// </remarks>
internal sealed class Towns
{
    private readonly string text;
    private readonly int[] rows;
    private readonly IReadOnlyDictionary<string, string> iso2;

    // The places of a name, made on its first lookup and kept by the index of its first row (a
    // default entry is not made yet): a name of the file is parsed once per process, and the cache
    // can never hold more than the file. An entry is written whole, so threads may race to make it.
    private readonly ImmutableArray<Place>[] made;

    private Towns(string text, int[] rows, IReadOnlyDictionary<string, string> iso2)
    {
        this.text = text;
        this.rows = rows;
        this.iso2 = iso2;
        made = new ImmutableArray<Place>[rows.Length];
    }

    /// <summary>Reads the embedded file; <paramref name="iso2"/> maps alpha-2 country codes to alpha-3.</summary>
    public static Towns Load(IReadOnlyDictionary<string, string> iso2)
    {
        const string resource = "Dateline.Data.Geo/towns.txt";
        using var stream = typeof(Towns).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Embedded data file '{resource}' is missing.");
        using var reader = new StreamReader(stream, System.Text.Encoding.UTF8);
        var text = reader.ReadToEnd();
        var rows = new List<int>(32_000);
        for (var at = 0; at < text.Length;)
        {
            var end = text.IndexOf('\n', at);
            end = end < 0 ? text.Length : end;
            if (end > at && text[at] != '#')
            {
                rows.Add(at);
            }

            at = end + 1;
        }

        return new Towns(text, [.. rows], iso2);
    }

    /// <summary>Every town and division of that name, the most populous first; empty when none.</summary>
    public ImmutableArray<Place> Lookup(ReadOnlySpan<char> name)
    {
        if (name.IsEmpty)
        {
            return [];
        }

        int lo = 0, hi = rows.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (Name(mid).SequenceCompareTo(name) < 0)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        if (lo == rows.Length || !Name(lo).SequenceEqual(name))
        {
            return [];
        }

        if (!made[lo].IsDefault)
        {
            return made[lo];
        }

        var places = ImmutableArray.CreateBuilder<Place>();
        for (var k = lo; k < rows.Length && Name(k).SequenceEqual(name); k++)
        {
            places.Add(Row(k));
        }

        return made[lo] = places.ToImmutable();
    }

    private ReadOnlySpan<char> Name(int row)
    {
        var line = text.AsSpan(rows[row]);
        return line[..line.IndexOf('\t')];
    }

    private Place Row(int row)
    {
        var line = text.AsSpan(rows[row]);
        var newline = line.IndexOf('\n');
        line = (newline < 0 ? line : line[..newline]).TrimEnd('\r');
        Span<Range> f = stackalloc Range[8];
        if (line.Split(f, '\t') != 7)
        {
            throw new FormatException($"towns.txt: expected 7 tab-separated fields in '{line}'.");
        }

        var id = line[f[6]];
        return new Place(
            line[f[0]].ToString(),
            "GPE",
            line[f[2]].ToString(),
            iso2.TryGetValue(line[f[1]].ToString(), out var country) ? country : null,
            double.Parse(line[f[4]], CultureInfo.InvariantCulture),
            double.Parse(line[f[5]], CultureInfo.InvariantCulture),
            id is "-" ? null : long.Parse(id, CultureInfo.InvariantCulture),
            long.Parse(line[f[3]], CultureInfo.InvariantCulture),
            null,
            null);
    }
}
