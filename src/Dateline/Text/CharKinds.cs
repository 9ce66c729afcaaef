using System.Globalization;
using System.Runtime.CompilerServices;

namespace Dateline.Text;

/// <summary>Character tests for the tokenizer, with an ASCII fast path.</summary>
internal static class CharKinds
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsWordChar(char c)
    {
        if (c < 0x80)
        {
            return char.IsAsciiLetterOrDigit(c);
        }

        if (char.IsLetterOrDigit(c))
        {
            return true;
        }

        var cat = CharUnicodeInfo.GetUnicodeCategory(c);
        return cat is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsLetter(char c) => c < 0x80 ? char.IsAsciiLetter(c) : char.IsLetter(c);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsSpace(char c) => c is ' ' or '\n' || (c > ' ' ? c >= 0x80 && char.IsWhiteSpace(c) : char.IsWhiteSpace(c));

    /// <summary>Apostrophes: the straight one and the right single quotation mark most outlets use.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsApostrophe(char c) => c is '\'' or '\u2019' or '\u02BC';

    /// <summary>Hyphens that join the parts of a word ("Russian-speaking"); not dashes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsJoiningHyphen(char c) => c is '-' or '\u2010' or '\u2011';

    public static bool IsQuoteMark(char c) => c is '"' or '\'' or '\u2018' or '\u2019' or '\u201A' or '\u201B'
        or '\u201C' or '\u201D' or '\u201E' or '\u201F' or '\u00AB' or '\u00BB' or '\u2039' or '\u203A';

    /// <summary>Marks that can only open a quotation.</summary>
    public static bool IsOpeningQuote(char c) => c is '\u2018' or '\u201C' or '\u201E' or '\u201A' or '\u00AB' or '\u2039' or '\u201B' or '\u201F';

    /// <summary>Marks that can only close a quotation.</summary>
    public static bool IsClosingQuote(char c) => c is '\u2019' or '\u201D' or '\u00BB' or '\u203A';
}
