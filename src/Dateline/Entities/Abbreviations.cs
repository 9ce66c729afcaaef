using Dateline.Model;

namespace Dateline.Entities;

/// <summary>
/// Links an abbreviation an article defines to the name it abbreviates: "the Economic and Financial
/// Crimes Commission (EFCC)" makes every later "EFCC" a mention of that commission.
/// </summary>
/// <remarks>
/// The bracketed capitals must spell the initials of the name's capitalized words, in order (small
/// words such as "of", "and", "the" are skipped), or, after an organization's name, be capitals no list knows. Listed abbreviations ("NATO") keep their own entry,
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
}
