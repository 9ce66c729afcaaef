namespace Dateline.Model;

/// <summary>A half-open range of UTF-16 code units in a document's text: <c>[Start, End)</c>.</summary>
/// <remarks>
/// Every layer of a <see cref="Document"/> is made of offsets into the one text, never of
/// substrings, so a stage can add a layer without copying or re-splitting what came before.
/// </remarks>
public readonly record struct TextSpan(int Start, int End)
{
    /// <summary>Number of code units in the span.</summary>
    public int Length => End - Start;

    /// <summary>True when <paramref name="other"/> lies wholly inside this span.</summary>
    public bool Contains(TextSpan other) => other.Start >= Start && other.End <= End;

    /// <summary>True when the two spans share at least one code unit.</summary>
    public bool Overlaps(TextSpan other) => other.Start < End && Start < other.End;

    /// <summary>The characters of this span in <paramref name="text"/>.</summary>
    public ReadOnlySpan<char> Slice(string text) => text.AsSpan(Start, End - Start);
}
