namespace Dateline.Text;

/// <summary>
/// A one-to-one character fold used wherever text is matched against lexicons: curly quotes
/// become straight, every dash a hyphen, every space a plain space. Because each character maps
/// to exactly one character, an offset into the folded view is an offset into the text.
/// </summary>
/// <remarks>
/// The article text itself is never rewritten by this fold: analysts see the typography the
/// outlet used, and every span in the output points at it.
/// </remarks>
public static class TextNormalizer
{
    /// <summary>The folded form of one character.</summary>
    public static char Fold(char c)
    {
        if (c < 0x80)
        {
            return c == '\t' ? ' ' : c;
        }

        return c switch
        {
            '\u2018' or '\u2019' or '\u201A' or '\u201B' or '\u2032' or '\u02BC' or '\u0060' or '\u00B4' => '\'',
            '\u201C' or '\u201D' or '\u201E' or '\u201F' or '\u2033' or '\u00AB' or '\u00BB' or '\u2039' or '\u203A' => '"',
            '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212' or '\uFE58' or '\uFE63' or '\uFF0D' => '-',
            '\u00A0' or '\u1680' or (>= '\u2000' and <= '\u200A') or '\u202F' or '\u205F' or '\u3000' => ' ',
            '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' or '\u00AD' => ' ',
            '\u2026' => '.',
            _ => c,
        };
    }

    /// <summary>Folds <paramref name="source"/> into <paramref name="destination"/> (same length).</summary>
    public static void Fold(ReadOnlySpan<char> source, Span<char> destination)
    {
        if (destination.Length < source.Length)
        {
            throw new ArgumentException("Destination is shorter than source.", nameof(destination));
        }

        for (var i = 0; i < source.Length; i++)
        {
            destination[i] = Fold(source[i]);
        }
    }

    /// <summary>The folded copy of <paramref name="text"/>, of the same length.</summary>
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return string.Create(text.Length, text, static (dest, src) => Fold(src, dest));
    }

    /// <summary>True for characters that carry no content and are dropped when an article's text is built.</summary>
    public static bool IsInvisible(char c) =>
        c is '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' or '\u00AD'
        || (char.IsControl(c) && c is not '\n' and not '\t');

    /// <summary>True for horizontal whitespace of any kind (not line breaks).</summary>
    public static bool IsSpace(char c) =>
        c is ' ' or '\t' or '\u00A0' or '\u1680' or '\u202F' or '\u205F' or '\u3000' or (>= '\u2000' and <= '\u200A');
}
