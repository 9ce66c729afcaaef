using System.Collections.Immutable;
using System.Text;
using Dateline.Model;
using Dateline.Text;

namespace Dateline.Extraction;

/// <summary>
/// Builds an article's clean text from plain text: paragraphs joined by one blank line, page
/// furniture dropped and recorded, invisible characters and carriage returns gone.
/// </summary>
/// <remarks>
/// When the input separates paragraphs with blank lines, single line breaks inside a
/// paragraph are soft wraps and become spaces. When it has no blank line at all (as text
/// copied from a web page often has), every line is a paragraph. This is the only place where
/// text is rewritten; from here on everything is offsets into the result.
/// </remarks>
public sealed class TextArticleReader(TextLexicons lexicons)
{
    private const int MaxFurnitureLength = 120;

    /// <summary>The clean paragraphs of <paramref name="raw"/> and what was removed from it.</summary>
    public (string Text, ImmutableArray<Removal> Removed) Clean(string raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        return Assemble(SplitBlocks(raw));
    }

    /// <summary>Joins already-separated paragraphs, dropping furniture, as <see cref="Clean"/> does.</summary>
    public (string Text, ImmutableArray<Removal> Removed) Assemble(IEnumerable<string> blocks)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        var text = new StringBuilder();
        var removed = ImmutableArray.CreateBuilder<Removal>();
        foreach (var raw in blocks)
        {
            var block = CollapseSpaces(raw);
            if (block.Length == 0)
            {
                continue;
            }

            if (IsFurniture(block))
            {
                removed.Add(new Removal(block, "furniture"));
                continue;
            }

            if (text.Length > 0)
            {
                text.Append("\n\n");
            }

            text.Append(block);
        }

        return (text.ToString(), removed.DrainToImmutable());
    }

    /// <summary>Reads plain text into a document (no analysis yet).</summary>
    public Document Read(string raw, SourceInfo source)
    {
        var (text, removed) = Clean(raw);
        return new Document(text, source) { Removed = removed };
    }

    /// <summary>True when a whole paragraph is page furniture ("Leave a Comment", "Share this").</summary>
    public bool IsFurniture(string paragraph)
    {
        ArgumentNullException.ThrowIfNull(paragraph);
        if (paragraph.Length > MaxFurnitureLength)
        {
            return false;
        }

        var core = paragraph.AsSpan().TrimEnd(" .:!»›→>|-–—…".AsSpan()).TrimStart(" «‹←<|-–—•·".AsSpan());
        return core.Length > 0 && lexicons.Furniture.IsMatch(core);
    }

    private static List<string> SplitBlocks(string raw)
    {
        var lines = raw.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        var hasBlankLine = false;
        var seenText = false;
        foreach (var line in lines)
        {
            if (IsBlank(line))
            {
                hasBlankLine |= seenText;
            }
            else
            {
                seenText = true;
            }
        }

        var blocks = new List<string>();
        if (!hasBlankLine)
        {
            blocks.AddRange(lines.Where(l => !IsBlank(l)));
            return blocks;
        }

        var current = new StringBuilder();
        foreach (var line in lines)
        {
            if (IsBlank(line))
            {
                if (current.Length > 0)
                {
                    blocks.Add(current.ToString());
                    current.Clear();
                }

                continue;
            }

            if (current.Length > 0)
            {
                current.Append(' ');
            }

            current.Append(line);
        }

        if (current.Length > 0)
        {
            blocks.Add(current.ToString());
        }

        return blocks;
    }

    private static bool IsBlank(string line)
    {
        foreach (var c in line)
        {
            if (!CharKinds.IsSpace(c) && !TextNormalizer.IsInvisible(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Trims, drops invisible characters and turns runs of spaces and tabs into one space.</summary>
    private static string CollapseSpaces(string block)
    {
        var sb = new StringBuilder(block.Length);
        var pendingSpace = false;
        foreach (var c in block)
        {
            if (c is ' ' or '\t' or '\n' or '\r')
            {
                pendingSpace = sb.Length > 0;
                continue;
            }

            if (TextNormalizer.IsInvisible(c))
            {
                continue;
            }

            if (pendingSpace)
            {
                sb.Append(' ');
                pendingSpace = false;
            }

            sb.Append(c);
        }

        return sb.ToString();
    }
}
