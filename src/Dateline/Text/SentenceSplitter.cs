using System.Collections.Immutable;
using Dateline.Model;

namespace Dateline.Text;

/// <summary>
/// Finds sentence ends among the tokens of one paragraph.
/// </summary>
/// <remarks>
/// A sentence may end at ". ! ? …" or at an abbreviation's period, followed by closing quotes
/// or brackets that belong to it (<c>.”</c>). Whether it does is decided by the next token:
/// after plain terminal punctuation, a capital, digit or opening quote starts a new sentence;
/// after an abbreviation ("U.S.", "Inc.", "Jan."), only a word that commonly opens sentences
/// does, so "U.S. President Donald Trump" stays whole; after a title ("Gen.") never. A quote
/// that runs over several sentences is split like any other text: its sentences stay inside
/// one paragraph.
/// </remarks>
public sealed class SentenceSplitter(TextLexicons lexicons)
{
    /// <summary>Appends the sentences made of <c>tokens[first..last)</c> to <paramref name="output"/>.</summary>
    public void Split(string text, ImmutableArray<Token>.Builder tokens, int first, int last, ImmutableArray<TextSpan>.Builder output)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(output);
        if (first >= last)
        {
            return;
        }

        var sentenceStart = first;
        for (var k = first; k < last; k++)
        {
            var terminal = Terminal(text, tokens[k]);
            if (terminal == TerminalKind.None)
            {
                continue;
            }

            // Closing quotes and brackets written right after the terminal belong to this sentence.
            var m = k + 1;
            while (m < last && tokens[m].Start == tokens[m - 1].End && IsCloser(text, tokens[m]))
            {
                m++;
            }

            if (m >= last)
            {
                break;
            }

            if (StartsSentence(text, tokens, m, last, terminal, tokens[k]))
            {
                output.Add(new TextSpan(tokens[sentenceStart].Start, tokens[m - 1].End));
                sentenceStart = m;
            }

            k = m - 1;
        }

        output.Add(new TextSpan(tokens[sentenceStart].Start, tokens[last - 1].End));
    }

    private enum TerminalKind : byte
    {
        None,
        Stop,
        Ellipsis,
        Abbreviation,
    }

    private static TerminalKind Terminal(string text, Token token)
    {
        var last = text[token.End - 1];
        if (token.Kind == TokenKind.Punctuation)
        {
            if (last == '\u2026' || (last == '.' && token.Length > 1))
            {
                return TerminalKind.Ellipsis;
            }

            return last is '.' or '!' or '?' or '\u203C' or '\u2047' or '\u2048' or '\u2049' ? TerminalKind.Stop : TerminalKind.None;
        }

        return token.Kind == TokenKind.Word && last == '.' && token.Length > 1 ? TerminalKind.Abbreviation : TerminalKind.None;
    }

    private static bool IsCloser(string text, Token token)
    {
        var c = text[token.Start];
        return token.Kind switch
        {
            // “ closes German quotations („…“): any mark written right after the stop and
            // followed by a space or the end closes.
            TokenKind.QuoteMark => !CharKinds.IsOpeningQuote(c) || token.End == text.Length || CharKinds.IsSpace(text[token.End]),
            TokenKind.Punctuation => c is ')' or ']' or '}',
            _ => false,
        };
    }

    private bool StartsSentence(string text, ImmutableArray<Token>.Builder tokens, int m, int last, TerminalKind terminal, Token terminalToken)
    {
        var next = tokens[m];
        var c = text[next.Start];
        var openingQuote = next.Kind == TokenKind.QuoteMark && (CharKinds.IsOpeningQuote(c) || c is '"' or '\'');
        if (terminal == TerminalKind.Abbreviation)
        {
            var word = text.AsSpan(terminalToken.Start, terminalToken.Length - 1);
            var cls = lexicons.Abbreviation(word);
            if (cls == AbbreviationClass.Title)
            {
                return false;
            }

            if (cls == AbbreviationClass.Number && char.IsAsciiDigit(c))
            {
                return false;
            }

            return lexicons.IsSentenceStarter(text.AsSpan(next.Start, next.Length))
                || (openingQuote && m + 1 < last && StartsWithUpper(text, tokens[m + 1]));
        }

        if (openingQuote)
        {
            return true;
        }

        if (char.IsUpper(c) || (char.IsLetter(c) && !char.IsLower(c)))
        {
            return true;
        }

        return terminal == TerminalKind.Stop && (char.IsAsciiDigit(c) || c is '(' or '[');
    }

    private static bool StartsWithUpper(string text, Token token) => char.IsUpper(text[token.Start]);
}
