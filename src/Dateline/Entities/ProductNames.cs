using System.Collections.Frozen;
using Dateline.Data;
using Dateline.Model;

namespace Dateline.Entities;

/// <summary>
/// Takes product and model names out of the tagger's name candidates: a capitalized name right
/// after a model number ("Vireo 300 Skylark", "Kestrel K9 Max", a quoted "the 220 “Skylark”"), right
/// after a brand word in lower camel case ("the eReader Glow"), or right before a product noun
/// ("the Skylark jet", "MacBook Air laptops"), and every other mention of the same name in the
/// article. The contract has no product type, and a product typed ORG is a false organization.
/// </summary>
/// <remarks>
/// Names the dictionaries know (organizations, places, people) are never products here: "Boeing
/// jets" keeps Boeing. The product nouns are in <c>Data/Entities/products.txt</c>.
/// </remarks>
internal static class ProductNames
{
    private static readonly Lazy<FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>>> Cues = new(() =>
        DataFile.KeyedLines("Entities/products.txt").Where(kv => kv.Key == "cue")
            .SelectMany(kv => kv.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>());

    private static readonly Lazy<FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>>> Versions = new(() =>
        DataFile.KeyedLines("Entities/products.txt").Where(kv => kv.Key == "version")
            .SelectMany(kv => kv.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>());

    private static readonly Lazy<FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>>> Editions = new(() =>
        DataFile.KeyedLines("Entities/products.txt").Where(kv => kv.Key == "edition")
            .SelectMany(kv => kv.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>());

    private static readonly Lazy<FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>>> CompanyWords = new(() =>
        DataFile.KeyedLines("Entities/products.txt").Where(kv => kv.Key == "company")
            .SelectMany(kv => kv.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>());

    /// <summary>Removes the product names from <paramref name="candidates"/>.</summary>
    public static void Remove(List<Candidate> candidates, Document document, EntityLexicons lexicons)
    {
        HashSet<string>? products = null;
        foreach (var c in candidates)
        {
            if (c.Kind == "name" && c.Known is null && c.Type is "ORG" or "UNK" or "PERSON"
                && ((AfterModelNumber(c, document) && !EndsInOrgCue(c, document, lexicons)) || AfterBrandWord(c, document) || BeforeProductNoun(c, document)))
            {
                (products ??= new HashSet<string>(StringComparer.Ordinal)).Add(document.Text[c.Start..c.End]);
            }
            else if (c.Kind == "name" && c.Known is null && c.Type is "ORG" or "UNK" or "PERSON" && EndsInEdition(c, document, c.Type != "PERSON") is int line)
            {
                // "MacBook Pro", "Mac OS X": the name of the line ("MacBook", "Mac OS") is a product too.
                products ??= new HashSet<string>(StringComparer.Ordinal);
                products.Add(document.Text[c.Start..c.End]);
                products.Add(document.Text[c.Start..line]);

                // "the Pro" after "MacBook Pro": an edition word of three letters or more alone names the model.
                var rest = document.Text.AsSpan(line, c.End - line).Trim();
                var space = rest.IndexOf(' ');
                var edition = space < 0 ? rest : rest[..space];
                if (edition.Length >= 3)
                {
                    products.Add(edition.ToString());
                }
            }
            else if (c.Kind == "name" && c.Known is null && c.Type is "ORG" or "UNK" && (AfterProductNoun(c, document) || VersionApposition(c, document)))
            {
                (products ??= new HashSet<string>(StringComparer.Ordinal)).Add(document.Text[c.Start..c.End]);
            }
            else if (c.Kind == "name" && c.Known is null && c.Type is "ORG" or "UNK" or "PERSON" && AfterDeterminer(c, document)
                && MakerAndModel(c, document, lexicons) is { } maker)
            {
                // "the Ford Taurus": a company's name is no common noun, so an article before it belongs to
                // the model after it; the model's name ("Taurus") names the product elsewhere in the article too.
                var modelStart = document.Tokens[c.TokenStart + maker.Tokens.Length].Start;
                (products ??= new HashSet<string>(StringComparer.Ordinal)).Add(document.Text[modelStart..c.End]);
            }
        }

        if (products is not null)
        {
            // "the Chrysler Aspen, Pacer and Tundra": unknown names listed with a product are products too.
            var ordered = candidates.Where(c => c.Kind == "name").OrderBy(c => c.TokenStart).ToList();
            for (var k = 0; k + 1 < ordered.Count; k++)
            {
                var c = ordered[k];
                var text = document.Text[c.Start..c.End];
                var product = products.Contains(text)
                    || (MakerAndModel(c, document, lexicons) is { } maker && products.Contains(document.Text[document.Tokens[c.TokenStart + maker.Tokens.Length].Start..c.End]));
                var next = ordered[k + 1];
                if (product && next.Known is null && next.Type is "ORG" or "UNK" or "PERSON" && ListedAfter(c, next, document))
                {
                    products.Add(document.Text[next.Start..next.End]);
                }
            }

            // "Ford Taurus" (in a headline, say) with a model named so elsewhere: the maker stays a name of its own.
            foreach (var c in candidates)
            {
                if (c.Kind == "name" && c.Known is null && c.Type is "ORG" or "UNK" or "PERSON" && !products.Contains(document.Text[c.Start..c.End])
                    && MakerAndModel(c, document, lexicons) is { } maker
                    && products.Contains(document.Text[document.Tokens[c.TokenStart + maker.Tokens.Length].Start..c.End]))
                {
                    c.TokenEnd = c.TokenStart + maker.Tokens.Length;
                    c.End = document.Tokens[c.TokenEnd - 1].End;
                    c.Type = maker.Type!;
                    c.Known = maker;
                    c.Key = maker.Canonical;
                    c.Country = maker.Country;
                    c.Weak = false;
                }
            }
        }

        if (products is not null)
        {
            // "arrested 14 Mondlane supporters" after "Venancio Mondlane": a number before the surname of a
            // person the article has named in full counts the person's followers; it names no model.
            foreach (var c in candidates)
            {
                if (c.Kind == "name" && c.Type == "PERSON" && c.TokenEnd - c.TokenStart >= 2
                    && document.Text[document.Tokens[c.TokenEnd - 1].Start..c.End] is var surname && products.Contains(surname)
                    && !candidates.Exists(o => o.Kind == "name" && o.Start < c.Start && document.Text[o.Start..o.End] == surname))
                {
                    products.Remove(surname);
                }
            }

            candidates.RemoveAll(c => c.Kind == "name" && c.Known is null && products.Contains(document.Text[c.Start..c.End]));
        }
    }

    /// <summary>
    /// "787" in "Vireo 300 Skylark" or "the 300 Skylark": a number or a word with digits right
    /// before the name. A year ("in 2008 Acme …") is no model number.
    /// </summary>
    private static bool AfterModelNumber(Candidate c, Document document)
    {
        var t = c.TokenStart - 1;
        if (t < 0 || c.TokenStart >= document.Tokens.Length)
        {
            return false;
        }

        var model = document.Tokens[t];
        var text = document.Text.AsSpan(model.Start, model.Length);
        if (t > 0 && text is "\"" or "“" or "``" or "`" && model.End == document.Tokens[c.TokenStart].Start)
        {
            // "the 787 “Skylark”": a quoted name after the model number; a quote written as two
            // backticks ("``Skylark''") may come as two tokens.
            if (text is "`" && t > 1 && document.Text.AsSpan(document.Tokens[t - 1].Start, document.Tokens[t - 1].Length) is "`"
                && document.Tokens[t - 1].End == model.Start)
            {
                t--;
            }

            model = document.Tokens[--t];
            text = document.Text.AsSpan(model.Start, model.Length);
            return model.End + 1 == document.Tokens[t + 1].Start && IsModelNumber(model, text);
        }

        // "134 Colin Montgomerie 67 67", "Halifax 24 London Broncos 26": on a table line the number is a score or a rank.
        return model.End + 1 == document.Tokens[c.TokenStart].Start && IsModelNumber(model, text)
            && !TableLines.OnTableLine(document.Text, document.Tokens, c.TokenStart);
    }

    private static bool IsModelNumber(Token model, ReadOnlySpan<char> text)
    {
        var isYear = text.Length == 4 && (text.StartsWith("19") || text.StartsWith("20")) && !text.ContainsAnyExceptInRange('0', '9');

        // "10,000 National Guard troops": a number with a thousands separator counts, it names no model;
        // "the 82nd Airborne" is an ordinal.
        var count = text.Contains(',') && char.IsAsciiDigit(text[^1]);
        var ordinal = text.Length >= 3 && text[^2..] is "st" or "nd" or "rd" or "th" && !text[..^2].ContainsAnyExceptInRange('0', '9');
        return !isYear && !count && !ordinal && (model.Kind == TokenKind.Number || (model.Kind == TokenKind.Word && text.IndexOfAnyInRange('0', '9') >= 0));
    }

    /// <summary>
    /// "Ford Taurus", "Chrysler Aspen", "Toyota Prius": a company the dictionary knows (actor …BUS), then
    /// capitalized words that are no cue of an organization, place or facility, no legal form and no
    /// known name: the company's model. Returns the company's entry, or null. "Ford Motor", "Apple
    /// Computer" (products.txt <c>company</c>), "Toyota Europe" and "Ford Foundation" stay whole names.
    /// </summary>
    private static Phrase? MakerAndModel(Candidate c, Document document, EntityLexicons lexicons)
    {
        var tokens = document.Tokens;
        if (c.TokenEnd - c.TokenStart < 2 || c.TokenEnd > tokens.Length
            || lexicons.Match(document.Text, tokens, c.TokenStart, c.TokenEnd, out var maker) is var n && (n == 0 || c.TokenStart + n >= c.TokenEnd)
            || maker is not { Type: "ORG", Actor: { Length: 6 } actor } || !actor.EndsWith("BUS", StringComparison.Ordinal))
        {
            return null;
        }

        for (var t = c.TokenStart + n; t < c.TokenEnd; t++)
        {
            var word = document.Text.AsSpan(tokens[t].Start, tokens[t].Length);
            if (tokens[t].Kind != TokenKind.Word || !char.IsUpper(word[0]) || lexicons.SuffixCue(word) != CueKind.None
                || lexicons.PrefixCue(word) != CueKind.None || lexicons.IsFinalCue(word) || lexicons.IsOrgWord(word)
                || lexicons.MatchWord(word) is not null || CompanyWords.Value.Contains(word))
            {
                return null;
            }
        }

        return maker;
    }

    /// <summary>True where only a comma, "and" or "or" (one or two of them) stand between the two names.</summary>
    private static bool ListedAfter(Candidate c, Candidate next, Document document)
    {
        var between = next.TokenStart - c.TokenEnd;
        if (between is < 1 or > 2)
        {
            return false;
        }

        for (var t = c.TokenEnd; t < next.TokenStart; t++)
        {
            var token = document.Tokens[t];
            if (document.Text.AsSpan(token.Start, token.Length) is not ("," or "and" or "or"))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>"the Ford Taurus", "a Toyota Prius": an article right before the name.</summary>
    private static bool AfterDeterminer(Candidate c, Document document)
    {
        var tokens = document.Tokens;
        var t = c.TokenStart - 1;
        return t >= 0 && c.TokenEnd <= tokens.Length && tokens[t].Kind == TokenKind.Word
            && document.Text.AsSpan(tokens[t].Start, tokens[t].Length) is "the" or "The" or "a" or "A" or "an" or "An";
    }

    /// <summary>"300 National Guard troops": a name ending in an organization's cue word is no model.</summary>
    private static bool EndsInOrgCue(Candidate c, Document document, EntityLexicons lexicons)
    {
        var last = c.TokenEnd - 1;
        return last >= 0 && last < document.Tokens.Length && c.TokenEnd > c.TokenStart
            && lexicons.SuffixCue(document.Text.AsSpan(document.Tokens[last].Start, document.Tokens[last].Length)) == CueKind.Org;
    }

    /// <summary>
    /// "the eReader Glow", "an iKettle Pro": a name right after a brand word written in lower camel
    /// case (a lower-case letter, then capitals inside) names a model of that product line.
    /// </summary>
    private static bool AfterBrandWord(Candidate c, Document document)
    {
        var word = WordRightBefore(c, document);
        return word.Length is > 2 and <= 24 && char.IsAsciiLetterLower(word[0]) && word.IndexOf('-') < 0
            && word[1..].IndexOfAnyInRange('A', 'Z') >= 0;
    }

    /// <summary>
    /// "Pro" in "MacBook Pro", "X" in "Mac OS X Lion": a name of two or more words with an edition
    /// word (products.txt <c>edition</c>) after its first word names a model of a product line;
    /// returns where the line's name ends, or null.
    /// </summary>
    /// <remarks>A person's name takes no "X" ("Malcolm X"): <paramref name="allowX"/> is false for them.</remarks>
    private static int? EndsInEdition(Candidate c, Document document, bool allowX)
    {
        if (c.TokenEnd - c.TokenStart < 2 || c.TokenEnd > document.Tokens.Length)
        {
            return null;
        }

        for (var t = c.TokenStart + 1; t < c.TokenEnd; t++)
        {
            var word = document.Tokens[t];
            var text = document.Text.AsSpan(word.Start, word.Length);
            if (word.Start >= c.Start && word.End <= c.End && Editions.Value.Contains(text) && (allowX || text is not "X"))
            {
                var before = document.Tokens[t - 1];
                return before.End > c.Start ? before.End : null;
            }
        }

        return null;
    }

    /// <summary>
    /// "Skylark, the newest version of …": an apposition of "the" or "a", at most two lower-case
    /// words and a version noun (products.txt <c>version</c>) right after the name.
    /// </summary>
    private static bool VersionApposition(Candidate c, Document document)
    {
        var tokens = document.Tokens;
        var text = document.Text;
        var t = c.TokenEnd;
        if (t + 2 >= tokens.Length || text.AsSpan(tokens[t].Start, tokens[t].Length) is not ","
            || text.AsSpan(tokens[t + 1].Start, tokens[t + 1].Length) is not ("the" or "a" or "an"))
        {
            return false;
        }

        for (var i = t + 2; i < tokens.Length && i <= t + 4; i++)
        {
            var word = text.AsSpan(tokens[i].Start, tokens[i].Length);
            if (tokens[i].Kind != TokenKind.Word || word.Length > 24 || !char.IsLower(word[0]))
            {
                return false;
            }

            if (Versions.Value.Contains(word))
            {
                return i + 1 < tokens.Length && text.AsSpan(tokens[i + 1].Start, tokens[i + 1].Length) is "of" or "for" or "to";
            }
        }

        return false;
    }

    /// <summary>The word one space before the name; empty when there is none.</summary>
    private static ReadOnlySpan<char> WordRightBefore(Candidate c, Document document)
    {
        var t = c.TokenStart - 1;
        return t < 0 || c.TokenStart >= document.Tokens.Length || document.Tokens[t].Kind != TokenKind.Word
            || document.Tokens[t].End + 1 != document.Tokens[c.TokenStart].Start
            ? []
            : document.Text.AsSpan(document.Tokens[t].Start, document.Tokens[t].Length);
    }

    /// <summary>"browser" in "the web browser Skylark": a product noun right before the name.</summary>
    private static bool AfterProductNoun(Candidate c, Document document)
    {
        var word = WordRightBefore(c, document);
        return word.Length is > 0 and <= 24 && char.IsLower(word[0]) && Cues.Value.Contains(word);
    }

    /// <summary>"jet" in "the Skylark jet".</summary>
    private static bool BeforeProductNoun(Candidate c, Document document)
    {
        var t = c.TokenEnd;
        if (t >= document.Tokens.Length || document.Tokens[t].Kind != TokenKind.Word)
        {
            return false;
        }

        var word = document.Text.AsSpan(document.Tokens[t].Start, document.Tokens[t].Length);
        if (word.Length > 24 || !char.IsLower(word[0]))
        {
            return false;
        }

        return Cues.Value.Contains(word);
    }
}
