using System.Collections.Frozen;
using Dateline.Data;

namespace Dateline.Quotes;

/// <summary>What a word is to the quote stage; a word may be several things.</summary>
[Flags]
public enum CueClass : ushort
{
    /// <summary>Nothing.</summary>
    None = 0,
    /// <summary>A speech verb ("said").</summary>
    Verb = 1,
    /// <summary>A verb that names a term ("called").</summary>
    Naming = 2,
    /// <summary>An auxiliary or adverb that may stand between speaker and cue.</summary>
    Aux = 4,
    /// <summary>A verb that introduces reported speech ("said that").</summary>
    Indirect = 8,
    /// <summary>A personal pronoun.</summary>
    Pronoun = 16,
    /// <summary>A word that ends a speaker phrase read backwards.</summary>
    Boundary = 32,
    /// <summary>A role word that precedes a name ("Minister").</summary>
    Title = 64,
    /// <summary>A preposition that joins a place to a speaker ("a manager in Sao Paulo").</summary>
    Locative = 128,
    /// <summary>A preposition that ends a speaker phrase read forwards.</summary>
    Preposition = 256,
    /// <summary>A word that opens a reported clause ("said the economy grew").</summary>
    ClauseStart = 512,
}

/// <summary>The quote stage's knowledge, loaded once from <c>Data/Quotes/cues.txt</c>.</summary>
public sealed class QuoteLexicon
{
    private static readonly Lazy<QuoteLexicon> LazyDefault = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly FrozenDictionary<string, CueClass>.AlternateLookup<ReadOnlySpan<char>> words;

    private QuoteLexicon(FrozenDictionary<string, CueClass> words) => this.words = words.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The lexicon shipped with the library.</summary>
    public static QuoteLexicon Default => LazyDefault.Value;

    /// <summary>The classes of a word (matched in lower case).</summary>
    public CueClass Classify(ReadOnlySpan<char> word)
    {
        Span<char> lower = stackalloc char[24];
        if (word.Length > lower.Length)
        {
            return CueClass.None;
        }

        word.ToLowerInvariant(lower);
        return words.TryGetValue(lower[..word.Length], out var c) ? c : CueClass.None;
    }

    private static QuoteLexicon Load()
    {
        var map = DataFile.WordClasses<CueClass>("Quotes/cues.txt", static (a, b) => a | b);
        return new QuoteLexicon(map.ToFrozenDictionary(StringComparer.Ordinal));
    }
}
