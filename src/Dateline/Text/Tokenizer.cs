using System.Collections.Immutable;
using Dateline.Model;

namespace Dateline.Text;

/// <summary>
/// Splits text into word, number, punctuation, quote-mark and symbol tokens, as offsets.
/// </summary>
/// <remarks>
/// News-aware: hyphenated words stay whole ("Russian-speaking", "30-day") but numeric ranges
/// split ("12-15"); acronyms and listed abbreviations keep their period ("U.S.", "Gen.");
/// English clitics become tokens of their own ("Zelensky" "’s", "does" "n’t") so later stages
/// match names and negation directly. One pass, no allocation per token.
/// </remarks>
public sealed class Tokenizer(TextLexicons lexicons)
{
    /// <summary>Appends the tokens of <c>text[start..end)</c> to <paramref name="output"/>.</summary>
    public void Tokenize(string text, int start, int end, ImmutableArray<Token>.Builder output)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(output);
        var openSingle = false;
        var i = start;
        while (i < end)
        {
            var c = text[i];
            if (CharKinds.IsSpace(c))
            {
                i++;
            }
            else if (CharKinds.IsWordChar(c))
            {
                i = ScanWord(text, i, end, output);
            }
            else if (CharKinds.IsQuoteMark(c))
            {
                i = ScanQuoteOrApostrophe(text, i, start, end, ref openSingle, output);
            }
            else if (c is '.' or '-' or '\u2026')
            {
                // Runs: "...", "--", "…".
                var j = i + 1;
                while (j < end && text[j] == c && c != '\u2026')
                {
                    j++;
                }

                output.Add(new Token(i, j, TokenKind.Punctuation));
                i = j;
            }
            else if (char.IsHighSurrogate(c) && i + 1 < end && char.IsLowSurrogate(text[i + 1]))
            {
                var kind = char.IsLetterOrDigit(text, i) ? TokenKind.Word : TokenKind.Symbol;
                output.Add(new Token(i, i + 2, kind));
                i += 2;
            }
            else
            {
                var kind = char.IsPunctuation(c) && c is not ('%' or '‰' or '‱' or '&' or '#' or '@' or '*' or '§' or '¶' or '†' or '‡')
                    ? TokenKind.Punctuation
                    : TokenKind.Symbol;
                output.Add(new Token(i, i + 1, kind));
                i++;
            }
        }
    }

    private int ScanWord(string text, int start, int end, ImmutableArray<Token>.Builder output)
    {
        var j = start;
        var hasLetter = false;
        while (j < end)
        {
            var c = text[j];
            if (CharKinds.IsWordChar(c))
            {
                hasLetter |= !char.IsAsciiDigit(c);
                j++;
                continue;
            }

            if (j + 1 >= end || j == start || !CharKinds.IsWordChar(text[j + 1]))
            {
                break;
            }

            var prev = text[j - 1];
            var next = text[j + 1];
            if (c == '.' || (c == ',' && !hasLetter && char.IsAsciiDigit(prev) && char.IsAsciiDigit(next)))
            {
                // "U.S", "3.5", "example.com", "1,200".
                j++;
                continue;
            }

            if (CharKinds.IsJoiningHyphen(c))
            {
                if (char.IsAsciiDigit(prev) && char.IsAsciiDigit(next))
                {
                    break; // a range: "12-15" is three tokens
                }

                j++;
                continue;
            }

            if (CharKinds.IsApostrophe(c) && CharKinds.IsLetter(prev) && CharKinds.IsLetter(next))
            {
                var clitic = CliticLength(text, j, end);
                if (clitic > 0)
                {
                    // "n’t" takes the n before the apostrophe: "does" + "n’t".
                    var split = (next is 't' or 'T') && j - 1 > start ? j - 1 : j;
                    output.Add(new Token(start, split, TokenKind.Word));
                    output.Add(new Token(split, j + clitic, TokenKind.Word));
                    return j + clitic;
                }

                j++; // O’Brien
                continue;
            }

            if (c == '&' && char.IsAsciiLetterUpper(prev) && char.IsAsciiLetterUpper(next))
            {
                j++; // AT&T
                continue;
            }

            break;
        }

        if (j < end && text[j] == '.' && TakesPeriod(text.AsSpan(start, j - start)))
        {
            j++;
        }

        output.Add(new Token(start, j, hasLetter ? TokenKind.Word : TokenKind.Number));
        return j;
    }

    /// <summary>Length of an English clitic after the apostrophe at <paramref name="at"/>, with the apostrophe; 0 if none.</summary>
    private static int CliticLength(string text, int at, int end)
    {
        var rest = end - at - 1;
        static bool EndsAt(string t, int i, int end) => i >= end || !CharKinds.IsWordChar(t[i]);
        var a = rest >= 1 ? char.ToLowerInvariant(text[at + 1]) : '\0';
        var b = rest >= 2 ? char.ToLowerInvariant(text[at + 2]) : '\0';
        if (a is 's' or 'm' or 'd' && EndsAt(text, at + 2, end))
        {
            return 2;
        }

        if (((a == 'r' && b == 'e') || (a == 'v' && b == 'e') || (a == 'l' && b == 'l')) && EndsAt(text, at + 3, end))
        {
            return 3;
        }

        if (a == 't' && at > 0 && char.ToLowerInvariant(text[at - 1]) == 'n' && EndsAt(text, at + 2, end))
        {
            return 2;
        }

        return 0;
    }

    /// <summary>True when a word followed by a period keeps it: acronyms, initials, listed abbreviations.</summary>
    private bool TakesPeriod(ReadOnlySpan<char> word)
    {
        if (word.Length == 1)
        {
            return char.IsUpper(word[0]);
        }

        return IsAcronym(word) || lexicons.Abbreviation(word) != AbbreviationClass.None;
    }

    /// <summary>Single letters joined by periods: "U.S", "e.g", "a.m".</summary>
    internal static bool IsAcronym(ReadOnlySpan<char> word)
    {
        if (word.Length < 3 || word.Length % 2 == 0)
        {
            return false;
        }

        for (var k = 0; k < word.Length; k++)
        {
            var ok = k % 2 == 0 ? CharKinds.IsLetter(word[k]) : word[k] == '.';
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    private static int ScanQuoteOrApostrophe(
        string text, int i, int start, int end, ref bool openSingle, ImmutableArray<Token>.Builder output)
    {
        var c = text[i];
        var prevIsWord = i > start && CharKinds.IsWordChar(text[i - 1]);
        var nextIsWord = i + 1 < end && CharKinds.IsWordChar(text[i + 1]);
        if (CharKinds.IsApostrophe(c))
        {
            // ’90s, ’em: an elided start of a word.
            if (!prevIsWord && i + 2 < end && char.IsAsciiDigit(text[i + 1]) && char.IsAsciiDigit(text[i + 2]))
            {
                var j = i + 1;
                while (j < end && CharKinds.IsWordChar(text[j]))
                {
                    j++;
                }

                output.Add(new Token(i, j, TokenKind.Word));
                return j;
            }

            // soldiers’ bodies: a plural possessive, unless a single quotation is open.
            if (prevIsWord && !nextIsWord && !openSingle && text[i - 1] is 's' or 'S')
            {
                output.Add(new Token(i, i + 1, TokenKind.Word));
                return i + 1;
            }
        }

        if (c is '\u2018' || (c == '\'' && !prevIsWord))
        {
            openSingle = true;
        }
        else if (c is '\u2019' || c == '\'')
        {
            openSingle = false;
        }

        output.Add(new Token(i, i + 1, TokenKind.QuoteMark));
        return i + 1;
    }
}
