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

    private List<string> SplitBlocks(string raw)
    {
        var lines = raw.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');

        // Blank lines separate paragraphs only if one stands between two lines of text.
        var hasBlankLine = false;
        var seenText = false;
        var blankAfterText = false;
        foreach (var line in lines)
        {
            if (IsBlank(line))
            {
                blankAfterText |= seenText;
            }
            else
            {
                hasBlankLine |= blankAfterText;
                seenText = true;
            }
        }

        var blocks = new List<string>();
        if (!hasBlankLine)
        {
            var nonBlank = lines.Where(l => !IsBlank(l)).ToList();
            if (LooksHardWrapped(nonBlank, out var width))
            {
                return Unwrap(nonBlank, width);
            }

            blocks.AddRange(nonBlank);
            return blocks;
        }

        var current = new StringBuilder();
        void Flush()
        {
            if (current.Length > 0)
            {
                blocks.Add(current.ToString());
                current.Clear();
            }
        }

        foreach (var line in lines)
        {
            if (IsBlank(line))
            {
                Flush();
            }
            else if (IsFurniture(CollapseSpaces(line)))
            {
                // A furniture line wrapped into a paragraph ("Share this" above "Leave a Comment")
                // is its own block, so it is removed alone.
                Flush();
                blocks.Add(line);
            }
            else
            {
                if (current.Length > 0)
                {
                    current.Append(' ');
                }

                current.Append(line);
            }
        }

        Flush();
        return blocks;
    }

    /// <summary>
    /// Text wrapped at a fixed width with no blank lines (wire archives, e-mail): most lines
    /// nearly as long as the longest, many ending mid-sentence.
    /// </summary>
    private static bool LooksHardWrapped(List<string> lines, out int width)
    {
        width = 0;
        if (lines.Count < 4)
        {
            return false;
        }

        var lengths = lines.Select(l => l.TrimEnd().Length).Order().ToList();
        width = lengths[(int)(lengths.Count * 0.9)];
        if (width is < 40 or > 100)
        {
            return false;
        }

        var w = width;
        var full = lines.Count(l => l.TrimEnd().Length >= w * 0.75);
        var open = lines.Count(l => l.TrimEnd() is { Length: > 0 } t && !EndsSentence(t));
        return full >= lines.Count / 2 && open >= lines.Count * 3 / 10;
    }

    /// <summary>Joins wrapped lines; a paragraph starts at an indented line or after a short line that ends a sentence.</summary>
    private List<string> Unwrap(List<string> lines, int width)
    {
        var blocks = new List<string>();
        var current = new StringBuilder();
        string? previous = null;
        foreach (var line in lines)
        {
            var trimmed = line.TrimEnd();
            var indented = line.Length > 0 && (line[0] == '\t' || line.StartsWith("  ", StringComparison.Ordinal));
            var afterShortEnd = previous is not null && EndsSentence(previous) && previous.Length < width * 0.75;
            if (current.Length > 0 && (indented || afterShortEnd || IsFurniture(CollapseSpaces(line))))
            {
                blocks.Add(current.ToString());
                current.Clear();
            }

            if (current.Length > 0)
            {
                current.Append(' ');
            }

            current.Append(trimmed.TrimStart());
            previous = trimmed;
        }

        if (current.Length > 0)
        {
            blocks.Add(current.ToString());
        }

        return blocks;
    }

    private static bool EndsSentence(string line) => line.Length > 0 && line[^1] is '.' or '!' or '?' or ':' or '"' or '\u201D' or '\'';

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

    /// <summary>
    /// Trims, drops invisible characters, turns runs of spaces and tabs into one space, and
    /// replaces unpaired surrogates (which no encoder can write) with U+FFFD.
    /// </summary>
    private static string CollapseSpaces(string block)
    {
        var sb = new StringBuilder(block.Length);
        var pendingSpace = false;
        for (var i = 0; i < block.Length; i++)
        {
            var c = block[i];
            if (char.IsSurrogate(c))
            {
                var paired = char.IsHighSurrogate(c) && i + 1 < block.Length && char.IsLowSurrogate(block[i + 1]);
                if (!paired)
                {
                    c = '\uFFFD';
                }
                else
                {
                    if (pendingSpace)
                    {
                        sb.Append(' ');
                        pendingSpace = false;
                    }

                    sb.Append(c).Append(block[++i]);
                    continue;
                }
            }

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
