using System.Collections.Immutable;
using Dateline.Model;

namespace Dateline.Text;

/// <summary>Finds paragraphs: runs of text separated by a line that is blank or holds only spaces.</summary>
public static class ParagraphSplitter
{
    /// <summary>The paragraphs of <paramref name="text"/>, trimmed of surrounding whitespace.</summary>
    public static ImmutableArray<TextSpan> Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var output = ImmutableArray.CreateBuilder<TextSpan>();
        var i = 0;
        var n = text.Length;
        while (i < n)
        {
            while (i < n && CharKinds.IsSpace(text[i]))
            {
                i++;
            }

            if (i >= n)
            {
                break;
            }

            var start = i;
            var lastNonSpace = i;
            while (i < n)
            {
                var c = text[i];
                if (c == '\n' && IsBlankLineAhead(text, i + 1))
                {
                    break;
                }

                if (!CharKinds.IsSpace(c))
                {
                    lastNonSpace = i;
                }

                i++;
            }

            output.Add(new TextSpan(start, lastNonSpace + 1));
        }

        return output.DrainToImmutable();
    }

    /// <summary>True when the line starting at <paramref name="i"/> is empty or whitespace up to its line break or the end.</summary>
    private static bool IsBlankLineAhead(string text, int i)
    {
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '\n' or '\r')
            {
                return true;
            }

            if (!CharKinds.IsSpace(c))
            {
                return false;
            }
        }

        return true;
    }
}
