using System.Collections.Frozen;
using System.Text;

namespace Dateline.Store.Linking;

/// <summary>
/// The identity key of a name: the words that identify a person across articles, with titles,
/// accents and transliteration variants folded away, so that "President Zelensky", "Zelenskyy"
/// and "Volodymyr Zelensky" share the surname key <c>zelenski</c>.
/// </summary>
/// <param name="Full">Every word of the name, folded, space-separated (titles and suffixes dropped for people).</param>
/// <param name="Given">The first word when the name has two or more words, else null (a bare surname).</param>
/// <param name="Surname">The last word.</param>
public sealed record NameKey(string Full, string? Given, string Surname)
{
    private static readonly Lazy<Rules> Variants = new(Rules.Load);

    private static readonly Lazy<FrozenSet<string>> Titles = new(() => StoreData.Lines("name-titles.txt").ToFrozenSet(StringComparer.Ordinal));

    private static readonly Lazy<FrozenSet<string>> Suffixes = new(() => StoreData.Lines("name-suffixes.txt").ToFrozenSet(StringComparer.Ordinal));

    /// <summary>
    /// The key of a name. For a person (<paramref name="person"/>), titles before the name ("Prime
    /// Minister") and generation suffixes after it ("Jr") are dropped; for anything else every word
    /// counts. Null when the name has no letters or digits.
    /// </summary>
    public static NameKey? Parse(string name, bool person)
    {
        ArgumentNullException.ThrowIfNull(name);
        var words = new List<string>();
        var raw = new List<string>();
        foreach (var word in Keys.Name(name).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var plain = Plain(word);
            if (plain.Length > 0)
            {
                raw.Add(plain);
            }
        }

        var first = 0;
        var last = raw.Count;
        if (person)
        {
            var titled = false;
            while (last - first > 1 && (Titles.Value.Contains(raw[first]) || (titled && raw[first] is "of" or "the")))
            {
                titled = true;
                first++;
            }

            while (last - first > 2 && Suffixes.Value.Contains(raw[last - 1]))
            {
                last--;
            }
        }

        for (var i = first; i < last; i++)
        {
            words.Add(Fold(raw[i]));
        }

        if (words.Count == 0)
        {
            return null;
        }

        return new NameKey(string.Join(' ', words), words.Count > 1 ? words[0] : null, words[^1]);
    }

    /// <summary>
    /// True when two given names can be one person's: equal keys, or one is an initial of the
    /// other ("V." and "Volodymyr"). Different full given names (John, Jane) are two people.
    /// </summary>
    public static bool Compatible(string? a, string? b)
    {
        if (a is null || b is null)
        {
            return true;
        }

        if (string.Equals(a, b, StringComparison.Ordinal))
        {
            return true;
        }

        return (a.Length == 1 && b[0] == a[0]) || (b.Length == 1 && a[0] == b[0]);
    }

    /// <summary>Lower-case letters and digits of a word, accents removed ("O'Brien" is "obrien", "Jong-un" is "jongun").</summary>
    private static string Plain(string word)
    {
        var letters = Variants.Value.Letters;
        var builder = new StringBuilder(word.Length);
        foreach (var c in word)
        {
            // Apostrophes, hyphens, dots and other marks go; a letter with an accent becomes its base letter.
            if (char.IsLetterOrDigit(c))
            {
                var lower = char.ToLowerInvariant(c);
                if (letters.TryGetValue(lower, out var plain))
                {
                    builder.Append(plain);
                }
                else
                {
                    builder.Append(lower);
                }
            }
        }

        return builder.ToString();
    }

    /// <summary>The variant rules of name-variants.txt, then doubled letters written once.</summary>
    internal static string Fold(string word)
    {
        foreach (var (from, to, start, end) in Variants.Value.Sequence)
        {
            if (start)
            {
                if (word.StartsWith(from, StringComparison.Ordinal))
                {
                    word = to + word[from.Length..];
                }
            }
            else if (end)
            {
                if (word.EndsWith(from, StringComparison.Ordinal) && word.Length > from.Length + 1)
                {
                    word = word[..^from.Length] + to;
                }
            }
            else if (word.Contains(from, StringComparison.Ordinal))
            {
                word = word.Replace(from, to, StringComparison.Ordinal);
            }
        }

        var builder = new StringBuilder(word.Length);
        foreach (var c in word)
        {
            if (builder.Length == 0 || builder[^1] != c)
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>The rules of name-variants.txt: one letter for another in one pass, then the others in order.</summary>
    private sealed record Rules(FrozenDictionary<char, string> Letters, (string From, string To, bool Start, bool End)[] Sequence)
    {
        public static Rules Load()
        {
            var letters = new Dictionary<char, string>();
            var sequence = new List<(string, string, bool, bool)>();
            foreach (var line in StoreData.Lines("name-variants.txt"))
            {
                var tab = line.IndexOf('\t', StringComparison.Ordinal);
                if (tab <= 0)
                {
                    throw new FormatException($"name-variants.txt: expected FROM<TAB>TO but found '{line}'");
                }

                var from = line[..tab].Trim();
                var to = line[(tab + 1)..].Trim();
                var start = from.StartsWith('^');
                var end = from.EndsWith('$');
                from = from[(start ? 1 : 0)..(end ? ^1 : ^0)];
                if (from.Length == 1 && !start && !end && sequence.Count == 0)
                {
                    letters[from[0]] = to;
                }
                else
                {
                    sequence.Add((from, to, start, end));
                }
            }

            return new Rules(letters.ToFrozenDictionary(), [.. sequence]);
        }
    }
}
