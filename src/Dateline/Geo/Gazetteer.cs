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
/// <c>Geo/countries.txt</c>, <c>Geo/regions.txt</c>, <c>Geo/cities.txt</c> (GeoNames cities of
/// 150,000 people or more and all national capitals) and <c>Geo/towns.txt</c> (GeoNames towns of
/// 15,000 people or more and first-level divisions), the last two compiled from GeoNames-derived
/// packages by <c>Geo/build-geo.py</c>.
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

    // Read on the first lookup that misses the cities (about 15 ms of reading 1.3 MB), not with them.
    private readonly Lazy<Towns> towns;

    private Gazetteer(Dictionary<string, ImmutableArray<Place>> byName, FrozenDictionary<string, Place> countries, FrozenDictionary<string, string> alpha2, Lazy<Towns> towns)
    {
        this.towns = towns;
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

    /// <summary>
    /// The places a name can stand for, best first (countries, regions, cities by population, then
    /// towns and first-level divisions by population); empty when unknown.
    /// </summary>
    public ImmutableArray<Place> Lookup(ReadOnlySpan<char> name)
    {
        var main = lookup.TryGetValue(name, out var places) ? places : [];
        var more = towns.Value.Lookup(name);
        return more.IsEmpty ? main : main.IsEmpty ? more : [.. main, .. more];
    }

    /// <summary>
    /// The most populous town or first-level division of that name ("Rafah", "Sinaloa"), or null;
    /// these are not among <see cref="Names"/>: the tagger asks for them only for a name it could
    /// not type otherwise.
    /// </summary>
    public Place? Town(ReadOnlySpan<char> name) => towns.Value.Lookup(name) is [var first, ..] ? first : null;

    private static Gazetteer Load()
    {
        var names = new Dictionary<string, List<Place>>(StringComparer.Ordinal);
        void Add(string name, Place place)
        {
            if (!names.TryGetValue(name, out var list))
            {
                names[name] = list = [];
            }

            // The same place under one name twice (an alias equal to the name): once. Compared by
            // reference, as each line makes its own place.
            foreach (var p in list)
            {
                if (ReferenceEquals(p, place))
                {
                    return;
                }
            }

            list.Add(place);
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
        var cityLines = new List<(Place Place, string? Plain)>();
        var iso2Lookup = iso2.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<Range> r = stackalloc Range[9];
        foreach (var line in DataFile.Lines("Geo/cities.txt"))
        {
            // 24,000 lines: fields as spans, only the names become strings.
            var span = line.AsSpan();
            if (span.Split(r, '\t') != 8)
            {
                throw new FormatException($"cities.txt: expected 8 tab-separated fields in '{line}'.");
            }

            var country = iso2Lookup.TryGetValue(span[r[2]], out var c) ? c : null;
            var capital = span[r[3]] is "PPLC" ? country : null;
            var place = new Place(
                line[r[1]], "GPE", capital is null ? "city" : "capital", country,
                double.Parse(span[r[5]], CultureInfo.InvariantCulture), double.Parse(span[r[6]], CultureInfo.InvariantCulture),
                long.Parse(span[r[0]], CultureInfo.InvariantCulture), long.Parse(span[r[4]], CultureInfo.InvariantCulture), null, capital);
            byId.TryAdd(place.GeonamesId!.Value, place);
            cityLines.Add((place, span[r[7]] is "-" ? null : line[r[7]]));
        }

        // Cities come after countries and regions, the most populous first (the file's order).
        foreach (var (place, _) in cityLines)
        {
            Add(place.Name, place);
            if (place.Name.EndsWith(", D.C.", StringComparison.Ordinal))
            {
                Add(place.Name[..^6], place);
            }
        }

        // English-language news often drops the accents and transliteration marks: "Culiacan",
        // "Bogota", "Rafah" (the build step wrote the plain form).
        foreach (var (place, plain) in cityLines)
        {
            if (plain is not null)
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
        return new Gazetteer(table, countries.ToFrozenDictionary(StringComparer.Ordinal), alpha2.ToFrozenDictionary(StringComparer.Ordinal), new Lazy<Towns>(() => Towns.Load(iso2), LazyThreadSafetyMode.ExecutionAndPublication));
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

    private static long? OptionalLong(string field) =>
        field == "-" ? null : long.Parse(field, CultureInfo.InvariantCulture);

    private static (double Lat, double Lon) LatLon(string field)
    {
        var parts = field.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return (double.Parse(parts[0], CultureInfo.InvariantCulture), double.Parse(parts[1], CultureInfo.InvariantCulture));
    }
}
