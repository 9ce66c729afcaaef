namespace Dateline.Model;

/// <summary>What a token is made of.</summary>
public enum TokenKind : byte
{
    /// <summary>Letters (and digits, hyphens, apostrophes or periods inside them): "Kyiv", "30-day", "U.S.", "n’t".</summary>
    Word,
    /// <summary>Digits with decimal or group separators: "2022", "1,200", "3.5".</summary>
    Number,
    /// <summary>Sentence and clause punctuation: . , ; : ! ? … ( ) dashes.</summary>
    Punctuation,
    /// <summary>An opening or closing quotation mark.</summary>
    QuoteMark,
    /// <summary>Currency, percent and other symbols.</summary>
    Symbol,
}

/// <summary>One token: offsets into the document's text and its kind. Sixteen bytes, no string.</summary>
public readonly record struct Token(int Start, int End, TokenKind Kind)
{
    /// <summary>The token's extent.</summary>
    public TextSpan Span => new(Start, End);

    /// <summary>Number of code units in the token.</summary>
    public int Length => End - Start;
}
