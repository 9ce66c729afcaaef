using Dateline.Model;

namespace Dateline.Entities;

/// <summary>
/// Links an abbreviation an article defines to the name it abbreviates: "the Economic and Financial
/// Crimes Commission (EFCC)" makes every later "EFCC" a mention of that commission.
/// </summary>
/// <remarks>
/// The bracketed capitals must spell the initials of the name's capitalized words, in order (small
/// words such as "of", "and", "the" are skipped), or those of its last two words or more with more letters
/// of a word after its initial ("Apple Worldwide Developers Conference (WWDC)"), or, after an organization's name,
/// be capitals no list knows. Listed abbreviations ("NATO") keep their own entry,
/// unless the article defines them after another listed name ("International Cricket Council (ICC)").
/// </remarks>
internal static class Abbreviations
{
    /// <summary>Gives each defined abbreviation the key, type and country of the name before it.</summary>
    public static void Link(List<Candidate> candidates, Document document)
    {
        var text = document.Text;
        Dictionary<string, Candidate>? defined = null;
        for (var k = 0; k + 1 < candidates.Count; k++)
        {
            var name = candidates[k];
            var abbreviation = candidates[k + 1];
            if (name is not { Kind: "name", Type: "ORG" or "GPE" or "LOC" or "FAC" or "EVENT" } || abbreviation.Kind != "name"
                || (abbreviation.Known is { } listed && !(name.Known is { } other && other.Canonical != listed.Canonical))
                || abbreviation.Start < 2 || abbreviation.End >= text.Length || text[abbreviation.Start - 1] != '(' || text[abbreviation.End] != ')'
                || !text.AsSpan(name.End, abbreviation.Start - 1 - name.End).IsWhiteSpace()
                || !(Spells(text.AsSpan(name.Start, name.End - name.Start), text.AsSpan(abbreviation.Start, abbreviation.End - abbreviation.Start))
                    || SpellsLastWords(text.AsSpan(name.Start, name.End - name.Start), text.AsSpan(abbreviation.Start, abbreviation.End - abbreviation.Start))
                    || (name.Type == "ORG" && abbreviation.Known is null && IsCapitals(text.AsSpan(abbreviation.Start, abbreviation.End - abbreviation.Start)))))
            {
                continue;
            }

            defined ??= new Dictionary<string, Candidate>(StringComparer.Ordinal);
            defined.TryAdd(text[abbreviation.Start..abbreviation.End], name);
        }

        if (defined is null)
        {
            return;
        }

        foreach (var c in candidates)
        {
            if (c is { Kind: "name" } && c.End - c.Start <= 12 && defined.TryGetValue(text[c.Start..c.End], out var full)
                && (c.Known is null || (full.Known is { } own && own.Canonical != c.Known.Canonical)))
            {
                // "the International Cricket Council (ICC)": the article's own definition wins over a
                // listed abbreviation of another name ("ICC", the International Criminal Court).
                c.Known = full.Known ?? c.Known;
                c.Type = full.Type;
                c.Key = full.Key;
                c.Country ??= full.Country;
            }
        }
    }

    /// <summary>
    /// "the Democratic Party of Ivory Coast (PDCI)", "the Confederation of Indigenous Nationalities of
    /// Ecuador (CONAIE)": capitals no list knows, in brackets right after an organization's name, abbreviate
    /// it even where they spell its name in another language.
    /// </summary>
    private static bool IsCapitals(ReadOnlySpan<char> abbreviation) => abbreviation.Length is >= 2 and <= 8 && !abbreviation.ContainsAnyExceptInRange('A', 'Z');

    /// <summary>True when <paramref name="abbreviation"/> (capitals, at least two) spells the initials of the name's capitalized words.</summary>
    private static bool Spells(ReadOnlySpan<char> name, ReadOnlySpan<char> abbreviation)
    {
        if (abbreviation.Length < 2 || abbreviation.ContainsAnyExceptInRange('A', 'Z'))
        {
            return false;
        }

        var letter = 0;
        var start = true;
        foreach (var ch in name)
        {
            if (ch is ' ' or '-')
            {
                start = true;
                continue;
            }

            if (start && char.IsUpper(ch))
            {
                if (letter >= abbreviation.Length || abbreviation[letter] != ch)
                {
                    return false;
                }

                letter++;
            }

            start = false;
        }

        return letter == abbreviation.Length;
    }

    /// <summary>
    /// True when <paramref name="abbreviation"/> (capitals, three or more) spells the name's last two
    /// capitalized words or more, each word giving its initial and perhaps further letters of its own, in
    /// order: "Worldwide Developers Conference (WWDC)", and after a leading owner's name, "Apple Worldwide
    /// Developers Conference (WWDC)". The matching of abbreviation definitions of Schwartz and Hearst (2003),
    /// with every word of the long form giving its initial.
    /// </summary>
    private static bool SpellsLastWords(ReadOnlySpan<char> name, ReadOnlySpan<char> abbreviation)
    {
        if (abbreviation.Length < 3 || abbreviation.ContainsAnyExceptInRange('A', 'Z'))
        {
            return false;
        }

        var words = new List<string>();
        foreach (var range in name.SplitAny(' ', '-'))
        {
            var word = name[range];
            if (word.Length > 0 && char.IsUpper(word[0]))
            {
                words.Add(word.ToString());
            }
        }

        for (var from = 0; from + 2 <= words.Count; from++)
        {
            if (Matches(words, from, 0, abbreviation, 0))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Letters <paramref name="letter"/>… of the abbreviation spell words <paramref name="word"/>…, inside the word from <paramref name="at"/> on.</summary>
    private static bool Matches(List<string> words, int word, int at, ReadOnlySpan<char> abbreviation, int letter)
    {
        if (word == words.Count)
        {
            return letter == abbreviation.Length;
        }

        if (letter == abbreviation.Length)
        {
            // Spelled: every word has given its initial once the last one has.
            return at > 0 && word == words.Count - 1;
        }

        var text = words[word];
        if (at == 0)
        {
            // Each word gives its initial.
            return text[0] == abbreviation[letter] && Matches(words, word, 1, abbreviation, letter + 1);
        }

        // Next word, or one more letter of this word.
        if (Matches(words, word + 1, 0, abbreviation, letter))
        {
            return true;
        }

        for (var k = at; k < text.Length; k++)
        {
            if (char.ToUpperInvariant(text[k]) == abbreviation[letter] && Matches(words, word, k + 1, abbreviation, letter + 1))
            {
                return true;
            }
        }

        return false;
    }
}
