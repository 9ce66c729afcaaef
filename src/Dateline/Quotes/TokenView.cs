using System.Collections.Immutable;
using Dateline.Model;

namespace Dateline.Quotes;

/// <summary>Token-level helpers over one document for the quote stage: positions, words, classes.</summary>
internal sealed class TokenView
{
    private readonly int[] sentenceOf;
    private readonly int[] paragraphOf;
    private readonly int[] sentenceFirst;

    public TokenView(Document document, QuoteLexicon lexicon)
    {
        Document = document;
        Lexicon = lexicon;
        Text = document.Text;
        Tokens = document.Tokens;
        sentenceOf = new int[Tokens.Length];
        paragraphOf = new int[Tokens.Length];
        sentenceFirst = new int[document.Sentences.Length];
        var s = 0;
        var p = 0;
        for (var t = 0; t < Tokens.Length; t++)
        {
            while (s < document.Sentences.Length - 1 && document.Sentences[s].End <= Tokens[t].Start)
            {
                s++;
            }

            while (p < document.Paragraphs.Length - 1 && document.Paragraphs[p].End <= Tokens[t].Start)
            {
                p++;
            }

            if (t == 0 || sentenceOf[t - 1] != s)
            {
                sentenceFirst[s] = t;
            }

            sentenceOf[t] = s;
            paragraphOf[t] = p;
        }
    }

    public Document Document { get; }

    public QuoteLexicon Lexicon { get; }

    public string Text { get; }

    public ImmutableArray<Token> Tokens { get; }

    public int Count => Tokens.Length;

    public ReadOnlySpan<char> this[int token] => Text.AsSpan(Tokens[token].Start, Tokens[token].Length);

    public int SentenceOf(int token) => sentenceOf[token];

    public int ParagraphOf(int token) => paragraphOf[token];

    public int SentenceStart(int token) => sentenceFirst[sentenceOf[token]];

    public bool IsFirstInParagraph(int token) => token == 0 || paragraphOf[token - 1] != paragraphOf[token];

    public bool IsWord(int token) => Tokens[token].Kind == TokenKind.Word;

    public bool Is(int token, string text) => this[token].SequenceEqual(text);

    public CueClass Class(int token) => IsWord(token) ? Lexicon.Classify(this[token]) : CueClass.None;

    public bool IsCapitalized(int token) => IsWord(token) && char.IsUpper(Text[Tokens[token].Start]);

    /// <summary>Index of the first token that starts at or after <paramref name="offset"/>.</summary>
    public int TokenAt(int offset) => Document.TokenIndexAt(offset);

    /// <summary>Word and number tokens inside a span.</summary>
    public int WordsIn(TextSpan span)
    {
        var n = 0;
        for (var t = TokenAt(span.Start); t < Tokens.Length && Tokens[t].End <= span.End; t++)
        {
            if (Tokens[t].Kind is TokenKind.Word or TokenKind.Number)
            {
                n++;
            }
        }

        return n;
    }

    /// <summary>True when a quote opening at this mark starts a clause: sentence start, or after a colon, comma or dash.</summary>
    public bool OpensClause(int mark)
    {
        if (mark == 0 || SentenceStart(mark) == mark)
        {
            return true;
        }

        var previous = this[mark - 1];
        return previous is ":" or "," or "\u2014" or "\u2013" or "-" or ";";
    }
}
