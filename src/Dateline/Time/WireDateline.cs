using Dateline.Model;

namespace Dateline.Time;

/// <summary>
/// The wire-service dateline that opens many articles: "KYIV, May 13, 2025 (Reuters) -". Its
/// date is the publication date when it states a year.
/// </summary>
internal static class WireDateline
{
    /// <summary>How many opening paragraphs may hold the dateline (a headline can come first).</summary>
    private const int Paragraphs = 3;

    /// <summary>The dateline's date, or null when the text opens with none or its dateline has no year.</summary>
    public static DateOnly? Find(Document document, TimeWord?[] words, TimexGrammar? grammar = null)
    {
        grammar ??= TimexGrammar.Default;
        var tokens = document.Tokens;
        var t = 0;
        for (var p = 0; p < Math.Min(Paragraphs, document.Paragraphs.Length); p++)
        {
            var paragraph = document.Paragraphs[p];
            while (t < tokens.Length && tokens[t].Start < paragraph.Start)
            {
                t++;
            }

            var first = t;
            var limit = t;
            while (limit < tokens.Length && tokens[limit].End <= paragraph.End && limit - first < 24)
            {
                limit++;
            }

            var cursor = new TokenCursor(document.Text, tokens, first, limit, words);
            if (Date(cursor, grammar) is { } date)
            {
                return date;
            }
        }

        return null;
    }

    private static DateOnly? Date(in TokenCursor c, TimexGrammar grammar)
    {
        // A place in capitals ("KYIV", "NEW YORK", "WASHINGTON, D.C."), then a comma.
        var i = c.First;
        if (!IsCapitals(c.Word(i)))
        {
            return null;
        }

        while (c.Has(i) && (IsCapitals(c.Word(i)) || c.Is(i, ",")) && i - c.First < 8)
        {
            i++;
        }

        // Then the date, then an optional agency in parentheses, then a dash.
        for (var k = i - 1; k <= i + 1 && k < c.Limit; k++)
        {
            if (!grammar.TryMatch(c, k, out var match, out _) || match.Value is not null)
            {
                continue;
            }

            var spec = match.Spec;
            if (spec.Base != Base.Absolute || spec.Year == 0 || spec.Month == 0 || spec.Day == 0)
            {
                return null;
            }

            for (var j = match.End; j < Math.Min(c.Limit, match.End + 8); j++)
            {
                var w = c.Word(j);
                if (w is "-" or "\u2013" or "\u2014" or "--")
                {
                    return spec.Day <= DateTime.DaysInMonth(spec.Year, spec.Month) ? new DateOnly(spec.Year, spec.Month, spec.Day) : null;
                }
            }

            return null;
        }

        return null;
    }

    private static bool IsCapitals(ReadOnlySpan<char> w)
    {
        if (w.Length < 2)
        {
            return false;
        }

        var letters = 0;
        foreach (var ch in w)
        {
            if (char.IsLower(ch))
            {
                return false;
            }

            if (char.IsLetter(ch))
            {
                letters++;
            }
        }

        return letters >= 2;
    }
}
