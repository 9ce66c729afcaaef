using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using Dateline.Data;

namespace Dateline.Geo;

/// <summary>One place a name can stand for.</summary>
/// <param name="Name">The canonical name.</param>
/// <param name="Type">GPE, LOC or FAC.</param>
/// <param name="Feature">country, city, capital, admin1, region, continent, sea, …</param>
/// <param name="Country">ISO 3166-1 alpha-3, or null for places beyond one country.</param>
/// <param name="Population">Population where the gazetteer gives one (cities), else 0; breaks ties between places of one name.</param>
/// <param name="Actor">CAMEO code of a country or region acting as itself ("RUS", "MEA"), or null.</param>
/// <param name="CapitalOf">For a national capital, its country: the capital stands for that government when it acts.</param>
public sealed record Place(
    string Name,
    string Type,
    string Feature,
    string? Country,
    double Lat,
    double Lon,
    long? GeonamesId,
    long Population,
    string? Actor,
    string? CapitalOf);

/// <summary>
/// Countries, regions and cities with coordinates, loaded once from the embedded data files:
/// <c>Geo/countries.txt</c>, <c>Geo/regions.txt</c> and <c>Geo/cities.txt</c> (GeoNames cities of
/// 150,000 people or more and all national capitals).
/// </summary>
/// <remarks>
/// A name may stand for several places ("London" in England and in Ontario); <see cref="Lookup"/>
/// returns them all, countries and regions first, then cities by population, so that the geocoder
/// can prefer one in a country the article mentions.
/// </remarks>
public sealed class Gazetteer
{
    private static readonly Lazy<Gazetteer> LazyDefault = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    // A plain dictionary, never written after loading: cheaper to build than a frozen one, and
    // loading time matters more here than the last nanosecond of a lookup.
    private readonly Dictionary<string, ImmutableArray<Place>> byName;
    private readonly Dictionary<string, ImmutableArray<Place>>.AlternateLookup<ReadOnlySpan<char>> lookup;

    private Gazetteer(Dictionary<string, ImmutableArray<Place>> byName, FrozenDictionary<string, Place> countries, FrozenDictionary<string, string> alpha2)
    {
        this.byName = byName;
        lookup = byName.GetAlternateLookup<ReadOnlySpan<char>>();
        Countries = countries;
        Alpha2 = alpha2;
    }

    /// <summary>The gazetteer shipped with the library.</summary>
    public static Gazetteer Default => LazyDefault.Value;

    /// <summary>Countries by ISO 3166-1 alpha-3 code.</summary>
    public FrozenDictionary<string, Place> Countries { get; }

    /// <summary>ISO 3166-1 alpha-3 codes by lower-case alpha-2 code ("uk" is also GBR), for outlets' country domains.</summary>
    public FrozenDictionary<string, string> Alpha2 { get; }

    /// <summary>Every name the gazetteer knows, with its places.</summary>
    public IEnumerable<KeyValuePair<string, ImmutableArray<Place>>> Names => byName;

    /// <summary>The places a name can stand for, best first; empty when unknown.</summary>
    public ImmutableArray<Place> Lookup(ReadOnlySpan<char> name) =>
        lookup.TryGetValue(name, out var places) ? places : [];

    private static Gazetteer Load()
    {
        var names = new Dictionary<string, List<Place>>(StringComparer.Ordinal);
        void Add(string name, Place place)
        {
            if (!names.TryGetValue(name, out var list))
            {
                names[name] = list = [];
            }

            if (!list.Contains(place))
            {
                list.Add(place);
            }
        }

        var iso2 = new Dictionary<string, string>(StringComparer.Ordinal);
        var countries = new Dictionary<string, Place>(StringComparer.Ordinal);
        foreach (var line in DataFile.Lines("Geo/countries.txt"))
        {
            var f = Fields(line, 5, "countries.txt");
            var (lat, lon) = LatLon(f[2]);
            var aliases = Aliases(f[4]);
            var place = new Place(aliases[0], "GPE", "country", f[0], lat, lon, OptionalLong(f[3]), 0, f[0], null);
            iso2[f[1]] = f[0];
            countries[f[0]] = place;
            foreach (var alias in aliases)
            {
                Add(alias, place);
            }
        }

        foreach (var line in DataFile.Lines("Geo/regions.txt"))
        {
            var f = Fields(line, 6, "regions.txt");
            var (lat, lon) = LatLon(f[4]);
            var aliases = Aliases(f[0]);
            var place = new Place(aliases[0], f[1], f[2], Dash(f[3]), lat, lon, null, 0, Dash(f[5]), null);
            foreach (var alias in aliases)
            {
                Add(alias, place);
            }
        }

        var byId = new Dictionary<long, Place>();
        var cityLines = new List<Place>();
        foreach (var line in DataFile.Lines("Geo/cities.txt"))
        {
            var f = line.Split('\t');
            if (f.Length < 7)
            {
                throw new FormatException($"cities.txt: expected 7 tab-separated fields in '{line}'.");
            }

            var country = iso2.GetValueOrDefault(f[2]);
            var capital = f[3] == "PPLC" ? country : null;
            var place = new Place(
                f[1], "GPE", capital is null ? "city" : "capital", country,
                double.Parse(f[5], CultureInfo.InvariantCulture), double.Parse(f[6], CultureInfo.InvariantCulture),
                long.Parse(f[0], CultureInfo.InvariantCulture), long.Parse(f[4], CultureInfo.InvariantCulture), null, capital);
            byId.TryAdd(place.GeonamesId!.Value, place);
            cityLines.Add(place);
        }

        // Cities come after countries and regions, the most populous first (the file's order).
        foreach (var place in cityLines)
        {
            Add(place.Name, place);
            if (place.Name.EndsWith(", D.C.", StringComparison.Ordinal))
            {
                Add(place.Name[..^6], place);
            }
        }

        // English-language news often drops the accents: "Culiacan", "Brasilia", "Bogota".
        foreach (var place in cityLines)
        {
            if (WithoutAccents(place.Name) is { } plain)
            {
                Add(plain, place);
            }
        }

        foreach (var (alias, id) in DataFile.KeyedLines("Geo/aliases.txt"))
        {
            if (byId.TryGetValue(long.Parse(id, CultureInfo.InvariantCulture), out var place))
            {
                Add(alias, place);
            }
        }

        var table = new Dictionary<string, ImmutableArray<Place>>(names.Count, StringComparer.Ordinal);
        foreach (var (name, list) in names)
        {
            table[name] = [.. list];
        }

        var alpha2 = iso2.ToDictionary(kv => kv.Key.ToLowerInvariant(), kv => kv.Value, StringComparer.Ordinal);
        alpha2["uk"] = "GBR";
        return new Gazetteer(table, countries.ToFrozenDictionary(StringComparer.Ordinal), alpha2.ToFrozenDictionary(StringComparer.Ordinal));
    }

    internal static string[] Fields(string line, int count, string file)
    {
        var f = line.Split('|');
        if (f.Length != count)
        {
            throw new FormatException($"{file}: expected {count} '|'-separated fields in '{line}'.");
        }

        for (var i = 0; i < f.Length; i++)
        {
            f[i] = f[i].Trim();
        }

        return f;
    }

    internal static string[] Aliases(string field) =>
        field.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    internal static string? Dash(string field) => field == "-" ? null : field;

    // The base letter of each character from U+00C0 to U+017F, '?' where it has none ("Æ", "ø", "ł"):
    // the canonical decompositions of Unicode, written out because the library runs with invariant
    // globalization, where string.Normalize leaves non-ASCII text as it is.
    private const string LatinBase =
        "AAAAAA?CEEEEIIII?NOOOOO??UUUUY??aaaaaa?ceeeeiiii?nooooo??uuuuy?yAaAaAaCcCcCcCcDd??EeEeEeEeEeGgGgGgGgHh??IiIiIiIiI???JjKk?LlLlLl????NnNnNn???OoOoOo??RrRrRrSsSsSsSsTtTt??UuUuUuUuUuUuWwYyYZzZzZz?";

    /// <summary>The name with Latin accents removed ("Culiacán" → "Culiacan"), or null when it has none or a letter with no plain form.</summary>
    internal static string? WithoutAccents(string name)
    {
        Span<char> plain = name.Length <= 128 ? stackalloc char[name.Length] : new char[name.Length];
        var accented = false;
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (c <= 0x7F)
            {
                plain[i] = c;
                continue;
            }

            if (c is < '\u00C0' or > '\u017F' || LatinBase[c - 0xC0] == '?')
            {
                return null;
            }

            plain[i] = LatinBase[c - 0xC0];
            accented = true;
        }

        return accented ? new string(plain) : null;
    }

    private static long? OptionalLong(string field) =>
        field == "-" ? null : long.Parse(field, CultureInfo.InvariantCulture);

    private static (double Lat, double Lon) LatLon(string field)
    {
        var parts = field.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return (double.Parse(parts[0], CultureInfo.InvariantCulture), double.Parse(parts[1], CultureInfo.InvariantCulture));
    }
}
