using Dateline.Model;

namespace Dateline.Quotes;

/// <summary>A quotation found by its marks, before it is classified and attributed.</summary>
/// <param name="Open">Token index of the first opening mark.</param>
/// <param name="Close">Token index of the last closing mark, or -1 when the quote runs to a paragraph's end unclosed.</param>
/// <param name="Parts">The quoted stretches, without marks.</param>
internal sealed record QuoteMarks(int Open, int Close, List<TextSpan> Parts);

/// <summary>
/// Pairs quotation marks into quotations, paragraph by paragraph: curly and straight double
/// quotes, « » and „ “, and single ‘ ’ quotes outside any double quote. A paragraph that opens a
/// quote and does not close it continues into the next paragraph when that one opens with a
/// quote mark (wire style); otherwise the quote ends with its paragraph, so an unbalanced mark
/// never swallows the rest of the article.
/// </summary>
internal static class QuoteFinder
{
    public static List<QuoteMarks> Find(Document d)
    {
        var text = d.Text;
        var tokens = d.Tokens;
        var found = new List<QuoteMarks>();
        var t = 0;
        (int FirstOpen, List<TextSpan> Parts)? pending = null; // left open by the previous paragraph
        foreach (var paragraph in d.Paragraphs)
        {
            var first = t;
            while (t < tokens.Length && tokens[t].End <= paragraph.End)
            {
                t++;
            }

            var last = t; // tokens[first..last) are this paragraph's
            var open = -1;
            var openGlyph = '\0';
            var singleOpen = -1;
            (int FirstOpen, List<TextSpan> Parts)? continuing = null;
            if (pending is { } p)
            {
                if (first < last && tokens[first].Kind == TokenKind.QuoteMark && IsDoubleMark(text[tokens[first].Start])
                    && Role(text, tokens[first], open: false) != MarkRole.Close)
                {
                    open = first;
                    openGlyph = text[tokens[first].Start];
                    continuing = p;
                }
                else
                {
                    found.Add(new QuoteMarks(p.FirstOpen, -1, p.Parts));
                }

                pending = null;
            }

            for (var k = first; k < last; k++)
            {
                if (tokens[k].Kind != TokenKind.QuoteMark || k == open)
                {
                    continue;
                }

                var c = text[tokens[k].Start];
                if (!IsDoubleMark(c))
                {
                    if (open >= 0)
                    {
                        continue; // single quotes nested in a double quote stay inside it
                    }

                    if (singleOpen < 0 && (c == '\u2018' || (c == '\'' && Role(text, tokens[k], open: false) == MarkRole.Open)))
                    {
                        singleOpen = k;
                    }
                    else if (singleOpen >= 0 && c is '\u2019' or '\'')
                    {
                        found.Add(new QuoteMarks(singleOpen, k, [Inner(text, tokens[singleOpen].End, tokens[k].Start)]));
                        singleOpen = -1;
                    }

                    continue;
                }

                singleOpen = -1; // a single quote never spans a double mark
                var role = Role(text, tokens[k], open >= 0);
                if (open < 0)
                {
                    if (role != MarkRole.Close)
                    {
                        open = k;
                        openGlyph = c;
                    }

                    continue;
                }

                var closes = role != MarkRole.Open || (openGlyph == '\u201E' && c == '\u201C');
                if (!closes)
                {
                    // A second opening mark while one is open: the first was unbalanced; drop it.
                    open = k;
                    openGlyph = c;
                    continuing = null;
                    continue;
                }

                var parts = continuing?.Parts ?? [];
                parts.Add(Inner(text, tokens[open].End, tokens[k].Start));
                found.Add(new QuoteMarks(continuing?.FirstOpen ?? open, k, parts));
                continuing = null;
                open = -1;
            }

            if (open >= 0)
            {
                var parts = continuing?.Parts ?? [];
                parts.Add(Inner(text, tokens[open].End, paragraph.End));
                pending = (continuing?.FirstOpen ?? open, parts);
            }
        }

        if (pending is { } left)
        {
            found.Add(new QuoteMarks(left.FirstOpen, -1, left.Parts));
        }

        found.RemoveAll(q => q.Parts.TrueForAll(p => p.Length == 0));
        found.Sort((a, b) => a.Open.CompareTo(b.Open));
        return found;
    }

    private enum MarkRole : byte
    {
        Open,
        Close,
        Either,
    }

    private static bool IsDoubleMark(char c) => c is '"' or '\u201C' or '\u201D' or '\u201E' or '\u201F' or '\u00AB' or '\u00BB';

    /// <summary>Whether a mark opens or closes, from its glyph and, for ambiguous glyphs, what touches it.</summary>
    private static MarkRole Role(string text, Token mark, bool open)
    {
        var c = text[mark.Start];
        switch (c)
        {
            case '\u201D':
                return MarkRole.Close;
            case '\u00AB' or '\u201E' or '\u201F' or '\u2018':
                return MarkRole.Open;
            case '\u00BB':
                return open ? MarkRole.Close : MarkRole.Open; // » closes French quotes, opens German ones
        }

        var start = mark.Start;
        var end = mark.End;
        var spaceBefore = start == 0 || char.IsWhiteSpace(text[start - 1]) || text[start - 1] is '(' or '[' or '\u2014' or '\u2013' or '-' or '/';
        var spaceAfter = end >= text.Length || char.IsWhiteSpace(text[end]) || text[end] is '.' or ',' or ';' or ':' or '!' or '?' or ')' or ']' or '\u2014' or '\u2013';
        if (c == '\u201C')
        {
            // Opens in English; closes German quotes („…“) when it touches the word before it.
            return open && !spaceBefore && spaceAfter ? MarkRole.Close : MarkRole.Open;
        }

        if (spaceBefore && !spaceAfter)
        {
            return MarkRole.Open;
        }

        if (!spaceBefore && spaceAfter)
        {
            return MarkRole.Close;
        }

        return c == '\u2019' ? MarkRole.Close : MarkRole.Either;
    }

    /// <summary>The span between two marks, trimmed of spaces, stray marks and a trailing comma the reporter added.</summary>
    private static TextSpan Inner(string text, int start, int end)
    {
        while (start < end && (char.IsWhiteSpace(text[start]) || IsDoubleMark(text[start])))
        {
            start++;
        }

        while (end > start && (char.IsWhiteSpace(text[end - 1]) || text[end - 1] == ',' || IsDoubleMark(text[end - 1])))
        {
            end--;
        }

        return new TextSpan(start, end);
    }
}
