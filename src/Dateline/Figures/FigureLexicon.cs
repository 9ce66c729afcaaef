using System.Collections.Frozen;
using System.Globalization;
using Dateline.Data;

namespace Dateline.Figures;

/// <summary>The figures stage's knowledge, loaded once from <c>Data/Figures/figures.txt</c>.</summary>
public sealed class FigureLexicon
{
    private static readonly Lazy<FigureLexicon> LazyDefault = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    private FigureLexicon(
        FrozenDictionary<string, Entry> words,
        FrozenDictionary<string, Entry> phrases,
        FrozenSet<string> stops,
        int longestPhrase)
    {
        Stops = stops.GetAlternateLookup<ReadOnlySpan<char>>();
        Words = words.GetAlternateLookup<ReadOnlySpan<char>>();
        Phrases = phrases;
        PhraseStarts = phrases.Keys.Select(k => k.Split(' ')[0]).ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        LongestPhrase = longestPhrase;
    }

    /// <summary>What a word (or phrase) means to the figures stage.</summary>
    public enum Kind : byte
    {
        /// <summary>A unit after a number.</summary>
        Unit,
        /// <summary>A currency (word after, symbol before the number).</summary>
        Currency,
        /// <summary>A multiplier ("million").</summary>
        Scale,
        /// <summary>A vague quantity ("thousands").</summary>
        Vague,
        /// <summary>A number in words.</summary>
        Number,
        /// <summary>An approximator ("roughly").</summary>
        Approx,
        /// <summary>A bound ("at least").</summary>
        Bound,
        /// <summary>A time unit, a figure only in hyphenated adjectives.</summary>
        Skip,
    }

    /// <summary>An entry: its kind, the unit or currency name, and a numeric value where it has one.</summary>
    public readonly record struct Entry(Kind Kind, string? Name, double Value);

    /// <summary>The lexicon shipped with the library.</summary>
    public static FigureLexicon Default => LazyDefault.Value;

    /// <summary>Single words, matched as written and in lower case.</summary>
    public FrozenDictionary<string, Entry>.AlternateLookup<ReadOnlySpan<char>> Words { get; }

    /// <summary>Multi-word entries, their words joined by single spaces, in lower case.</summary>
    public FrozenDictionary<string, Entry> Phrases { get; }

    /// <summary>First words of the multi-word entries, in lower case, to skip the phrase lookup for other words.</summary>
    public FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> PhraseStarts { get; }

    /// <summary>Words that end the phrase a figure measures.</summary>
    public FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Stops { get; }

    /// <summary>Words in the longest multi-word entry.</summary>
    public int LongestPhrase { get; }

    private static FigureLexicon Load()
    {
        var words = new Dictionary<string, Entry>(StringComparer.Ordinal);
        var phrases = new Dictionary<string, Entry>(StringComparer.Ordinal);
        var stops = new HashSet<string>(StringComparer.Ordinal);
        var longest = 1;
        foreach (var line in DataFile.Lines("Figures/figures.txt"))
        {
            var colon = line.IndexOf(": ", StringComparison.Ordinal);
            if (colon <= 0)
            {
                throw new FormatException($"figures.txt: expected 'class: entries' but found '{line}'.");
            }

            var key = line[..colon];
            if (key == "stop")
            {
                stops.UnionWith(line[(colon + 2)..].Split(' ', StringSplitOptions.RemoveEmptyEntries));
                continue;
            }

            var sep = key.IndexOf(':', StringComparison.Ordinal);
            var cls = sep < 0 ? key : key[..sep];
            var arg = sep < 0 ? null : key[(sep + 1)..];
            var entry = cls switch
            {
                "unit" => new Entry(Kind.Unit, arg, 0),
                "currency" => new Entry(Kind.Currency, arg, 0),
                "scale" => new Entry(Kind.Scale, null, double.Parse(arg!, CultureInfo.InvariantCulture)),
                "vague" => new Entry(Kind.Vague, null, double.Parse(arg!, CultureInfo.InvariantCulture)),
                "number" => new Entry(Kind.Number, null, double.Parse(arg!, CultureInfo.InvariantCulture)),
                "approx" => new Entry(Kind.Approx, null, 0),
                "bound" => new Entry(Kind.Bound, null, 0),
                "skip" => new Entry(Kind.Skip, null, 0),
                _ => throw new FormatException($"figures.txt: unknown class '{cls}'."),
            };
            foreach (var raw in line[(colon + 2)..].Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (raw.Contains('_', StringComparison.Ordinal))
                {
                    var phrase = raw.Replace('_', ' ').ToLowerInvariant();
                    phrases.TryAdd(phrase, entry);
                    longest = Math.Max(longest, phrase.Split(' ').Length);
                }
                else
                {
                    words.TryAdd(raw, entry);
                    words.TryAdd(raw.ToLowerInvariant(), entry);
                }
            }
        }

        return new FigureLexicon(words.ToFrozenDictionary(StringComparer.Ordinal), phrases.ToFrozenDictionary(StringComparer.Ordinal), stops.ToFrozenSet(StringComparer.Ordinal), longest);
    }
}
