using System.Collections.Immutable;
using Dateline.Model;

namespace Dateline.Entities;

/// <summary>
/// Names in a line written all in capitals ("SOCCER - JAPAN BEAT SYRIA", "TENNIS - SAMPRAS THROUGH AT
/// U.S. OPEN", "BAYER FIRST-HALF PROFIT RISES"), where capitals hide the shape of names: a run of
/// words the tagger left out is a mention of a name the article writes in ordinary case elsewhere
/// ("U.S. Open", "Bayer"), and a single word is the surname of a person named in full elsewhere
/// ("SAMPRAS" … "Pete Sampras"), or the last word of a team or company named in full elsewhere ("PACKERS" …
/// "the Green Bay Packers").
/// </summary>
internal static class CapitalLines
{
    private const int LongestRun = 4;

    /// <summary>Adds the mentions found in capital lines to <paramref name="candidates"/>, keeping text order.</summary>
    public static void Link(List<Candidate> candidates, Document document, EntityLexicons lexicons)
    {
        var text = document.Text;
        var tokens = document.Tokens;
        Dictionary<string, Candidate>? names = null;
        Dictionary<string, Candidate>? surnames = null;
        var added = false;
        for (var i = 0; i < tokens.Length;)
        {
            var (start, end) = TableLines.Line(text, tokens, i);
            i = end;
            if (!AllCapitals(text, tokens, start, end))
            {
                continue;
            }

            if (names is null)
            {
                (names, surnames) = BodyNames(candidates, text, tokens, lexicons);
            }

            for (var t = start; t < end;)
            {
                var length = Match(candidates, text, tokens, t, end, names, surnames!, out var body, out var surname);
                if (length == 0)
                {
                    t++;
                    continue;
                }

                var c = new Candidate
                {
                    Start = tokens[t].Start,
                    End = tokens[t + length - 1].End,
                    TokenStart = t,
                    TokenEnd = t + length,
                    Sentence = SentenceOf(document, tokens[t].Start),
                    Type = body!.Type,
                    Key = body.Key, // the surname joins the person named in full: one entity
                    Known = surname ? null : body.Known,
                    Country = body.Country,
                    Gender = body.Gender,
                };
                candidates.Add(c);
                added = true;
                t += length;
            }
        }

        if (added)
        {
            var ordered = candidates.OrderBy(c => c.Start).ToList(); // stable: mentions inside one token keep their order
            candidates.Clear();
            candidates.AddRange(ordered);
        }
    }

    /// <summary>The longest run of words from <paramref name="t"/> that names a body name; 0 if none.</summary>
    private static int Match(
        List<Candidate> candidates, string text, ImmutableArray<Token> tokens, int t, int end,
        Dictionary<string, Candidate> names, Dictionary<string, Candidate> surnames, out Candidate? body, out bool surname)
    {
        body = null;
        surname = false;
        for (var length = Math.Min(LongestRun, end - t); length >= 1; length--)
        {
            var last = t + length - 1;
            if (!Words(text, tokens, t, t + length) || Covered(candidates, tokens[t].Start, tokens[last].End))
            {
                continue;
            }

            var span = text[tokens[t].Start..tokens[last].End].ToUpperInvariant();
            if (names.TryGetValue(span, out body))
            {
                return length;
            }

            if (length == 1 && span.Length >= 3 && surnames.TryGetValue(span, out body))
            {
                surname = true;
                return 1;
            }
        }

        return 0;
    }

    /// <summary>The article's names outside capital lines, by their text in capitals, and its people's surnames.</summary>
    private static (Dictionary<string, Candidate> Names, Dictionary<string, Candidate> Surnames) BodyNames(
        List<Candidate> candidates, string text, ImmutableArray<Token> tokens, EntityLexicons lexicons)
    {
        var names = new Dictionary<string, Candidate>(StringComparer.Ordinal);
        var surnames = new Dictionary<string, Candidate>(StringComparer.Ordinal);
        foreach (var c in candidates)
        {
            if (c.Kind != "name" || c.Type == "UNK" || c.TokenEnd <= c.TokenStart || c.TokenEnd > tokens.Length)
            {
                continue;
            }

            var (start, end) = TableLines.Line(text, tokens, c.TokenStart);
            if (AllCapitals(text, tokens, start, end))
            {
                continue;
            }

            var name = text[c.Start..c.End];
            names.TryAdd(name.ToUpperInvariant(), c);
            if (c.Type == "PERSON" && c.TokenEnd - c.TokenStart >= 2)
            {
                surnames.TryAdd(LastWord(name).ToUpperInvariant(), c);
            }
            else if (c.Type == "ORG" && c.TokenEnd - c.TokenStart >= 2 && LastWord(name) is var last
                && lexicons.SuffixCue(last) == CueKind.None && !lexicons.IsNonName(last))
            {
                // "PACKERS ROUT CHARGERS" … "the Green Bay Packers": a team's or company's last word, no cue
                // word ("Bank", "Party"), is its short name.
                surnames.TryAdd(last.ToUpperInvariant(), c);
            }
        }

        return (names, surnames);
    }

    /// <summary>A line whose words have no lower-case letter, with two words of two letters or more.</summary>
    private static bool AllCapitals(string text, ImmutableArray<Token> tokens, int start, int end)
    {
        var words = 0;
        for (var i = start; i < end; i++)
        {
            if (tokens[i].Kind != TokenKind.Word)
            {
                continue;
            }

            var w = text.AsSpan(tokens[i].Start, tokens[i].Length);
            foreach (var ch in w)
            {
                if (char.IsLower(ch))
                {
                    return false;
                }
            }

            words += w.Length >= 2 && char.IsLetter(w[0]) ? 1 : 0;
        }

        return words >= 2;
    }

    private static bool Words(string text, ImmutableArray<Token> tokens, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            if (tokens[i].Kind != TokenKind.Word || !char.IsLetter(text[tokens[i].Start]) || (i > start && tokens[i - 1].End + 1 != tokens[i].Start))
            {
                return false;
            }
        }

        return true;
    }

    private static bool Covered(List<Candidate> candidates, int start, int end)
    {
        foreach (var c in candidates)
        {
            if (c.Start < end && start < c.End)
            {
                return true;
            }
        }

        return false;
    }

    private static int SentenceOf(Document document, int offset)
    {
        var sentences = document.Sentences;
        for (var s = 0; s < sentences.Length; s++)
        {
            if (offset < sentences[s].End)
            {
                return s;
            }
        }

        return Math.Max(0, sentences.Length - 1);
    }

    private static string LastWord(string name)
    {
        var space = name.LastIndexOf(' ');
        return space < 0 ? name : name[(space + 1)..];
    }
}
