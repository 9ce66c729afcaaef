using System.Collections.Immutable;
using Dateline.Model;

namespace Dateline.Time;

/// <summary>
/// Read access to the tokens of one sentence for the time grammar: words as spans, their
/// vocabulary entries and numeric values, with every index past the sentence answering "nothing".
/// </summary>
/// <remarks>
/// The vocabulary entry of every token is looked up once per document (<paramref name="words"/>,
/// index by token), so the grammar can ask about a word as often as it likes.
/// </remarks>
internal readonly struct TokenCursor(string text, ImmutableArray<Token> tokens, int first, int limit, TimeWord?[] words)
{
    /// <summary>Index of the sentence's first token.</summary>
    public int First => first;

    /// <summary>One past the sentence's last token.</summary>
    public int Limit => limit;

    public string Text => text;

    public ImmutableArray<Token> Tokens => tokens;

    public bool Has(int i) => i >= first && i < limit;

    public ReadOnlySpan<char> Word(int i) => Has(i) ? text.AsSpan(tokens[i].Start, tokens[i].Length) : [];

    public TokenKind Kind(int i) => tokens[i].Kind;

    /// <summary>True when token <paramref name="i"/> is <paramref name="word"/>, ignoring case.</summary>
    public bool Is(int i, string word) => Has(i) && Word(i).Equals(word, StringComparison.OrdinalIgnoreCase);

    public bool IsAny(int i, string a, string b) => Is(i, a) || Is(i, b);

    public TimeWord? Lex(int i) => Has(i) ? words[i] : null;

    /// <summary>The vocabulary entry of every token of a document, by token index.</summary>
    public static TimeWord?[] LookUp(string text, ImmutableArray<Token> tokens, TimeLexicon lexicon)
    {
        var words = new TimeWord?[tokens.Length];
        for (var i = 0; i < tokens.Length; i++)
        {
            var t = tokens[i];
            if (t.Kind == TokenKind.Word)
            {
                words[i] = lexicon.Find(text.AsSpan(t.Start, t.Length));
            }
        }

        return words;
    }

    /// <summary>True when token <paramref name="i"/> starts with an upper-case letter.</summary>
    public bool IsCapitalized(int i) => Has(i) && char.IsUpper(text[tokens[i].Start]);

    /// <summary>The value of a token of ASCII digits only (at most 9), or -1.</summary>
    public int Int(int i) => Has(i) ? Digits(Word(i)) : -1;

    /// <summary>Number of ASCII digits of token <paramref name="i"/> if it is all digits, else 0.</summary>
    public int DigitCount(int i)
    {
        var w = Word(i);
        foreach (var c in w)
        {
            if (!char.IsAsciiDigit(c))
            {
                return 0;
            }
        }

        return w.Length;
    }

    /// <summary>The value of a run of ASCII digits (at most 9), or -1 when <paramref name="s"/> is anything else.</summary>
    public static int Digits(ReadOnlySpan<char> s)
    {
        if (s.IsEmpty || s.Length > 9)
        {
            return -1;
        }

        var n = 0;
        foreach (var c in s)
        {
            if (!char.IsAsciiDigit(c))
            {
                return -1;
            }

            n = n * 10 + (c - '0');
        }

        return n;
    }

    /// <summary>Token <paramref name="i"/> is a dash or hyphen standing alone ("12-15", "May 12 – 15").</summary>
    public bool IsDash(int i)
    {
        var w = Word(i);
        return w.Length == 1 && w[0] is '-' or '\u2013' or '\u2014';
    }
}
