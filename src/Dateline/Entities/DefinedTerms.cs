using Dateline.Model;

namespace Dateline.Entities;

/// <summary>
/// Takes title-case coordinations that an abbreviation defines out of the name candidates:
/// "Maintenance, Repair and Overhaul (MRO)" names an activity, not three organizations, and "MRO"
/// later in the article is the same term.
/// </summary>
/// <remarks>
/// The rule asks for a coordination ("," or "and" between the words) whose initials spell the
/// bracketed capitals, and no organization cue among the words: "Government Accountability Office
/// (GAO)" keeps its name (no coordination, and "Office" is a cue).
/// </remarks>
internal static class DefinedTerms
{
    /// <summary>Removes the defined terms and their abbreviations from <paramref name="candidates"/>.</summary>
    public static void Remove(List<Candidate> candidates, Document document, EntityLexicons lexicons)
    {
        var tokens = document.Tokens;
        HashSet<string>? abbreviations = null;
        List<(int Start, int End)>? ranges = null;
        for (var t = 2; t + 2 < tokens.Length; t++)
        {
            if (!Is(document, t, "(") || !Is(document, t + 2, ")") || tokens[t + 1].Kind != TokenKind.Word)
            {
                continue;
            }

            var abbreviation = document.Text.AsSpan(tokens[t + 1].Start, tokens[t + 1].Length);
            if (abbreviation.Length < 2 || abbreviation.ContainsAnyExceptInRange('A', 'Z'))
            {
                continue;
            }

            // Walk back over the words whose initials should spell the abbreviation, last letter first.
            var letter = abbreviation.Length - 1;
            var k = t - 1;
            var coordinated = false;
            var cue = false;
            while (k >= 0 && letter >= 0)
            {
                var word = document.Text.AsSpan(tokens[k].Start, tokens[k].Length);
                if (word is "," or "and" or "&")
                {
                    coordinated = true;
                }
                else if (tokens[k].Kind == TokenKind.Word && char.IsUpper(word[0]) && word[0] == abbreviation[letter])
                {
                    cue |= lexicons.SuffixCue(word) != CueKind.None || lexicons.PrefixCue(word) != CueKind.None;
                    letter--;
                }
                else if (word is not "of")
                {
                    break;
                }

                k--;
            }

            if (letter < 0 && coordinated && !cue)
            {
                (ranges ??= []).Add((tokens[k + 1].Start, tokens[t + 2].End));
                (abbreviations ??= new HashSet<string>(StringComparer.Ordinal)).Add(abbreviation.ToString());
            }
        }

        if (ranges is null)
        {
            return;
        }

        candidates.RemoveAll(c => c.Kind == "name" && c.Known is null
            && (ranges.Exists(r => r.Start <= c.Start && c.End <= r.End) || abbreviations!.Contains(document.Text[c.Start..c.End])));
    }

    private static bool Is(Document document, int t, string s) =>
        document.Text.AsSpan(document.Tokens[t].Start, document.Tokens[t].Length).SequenceEqual(s);
}
