using System.Collections.Frozen;
using System.Text.RegularExpressions;
using Dateline.Data;

namespace Dateline.Text;

/// <summary>How an abbreviation's period behaves at a possible sentence end.</summary>
public enum AbbreviationClass : byte
{
    /// <summary>Not an abbreviation.</summary>
    None,
    /// <summary>Precedes a name ("Gen.", "Mr."): never ends a sentence before a capitalized word.</summary>
    Title,
    /// <summary>A month ("Jan."): ends a sentence only before a sentence-starting word.</summary>
    Month,
    /// <summary>Precedes a number ("No."): never ends a sentence before a digit.</summary>
    Number,
    /// <summary>Anything else ("Inc.", "etc."): ends a sentence only before a sentence-starting word.</summary>
    General,
}

/// <summary>The text stage's knowledge, loaded once from the embedded data files.</summary>
public sealed class TextLexicons
{
    private static readonly Lazy<TextLexicons> LazyDefault = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly FrozenDictionary<string, AbbreviationClass>.AlternateLookup<ReadOnlySpan<char>> abbreviations;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> starters;
    private readonly FrozenDictionary<string, uint>.AlternateLookup<ReadOnlySpan<char>> stopwords;
    private readonly uint englishMask;

    private TextLexicons(
        FrozenDictionary<string, AbbreviationClass> abbreviations,
        FrozenSet<string> starters,
        Regex furniture,
        List<string> languages,
        FrozenDictionary<string, uint> stopwords)
    {
        this.abbreviations = abbreviations.GetAlternateLookup<ReadOnlySpan<char>>();
        this.starters = starters.GetAlternateLookup<ReadOnlySpan<char>>();
        this.stopwords = stopwords.GetAlternateLookup<ReadOnlySpan<char>>();
        Furniture = furniture;
        StopwordLanguages = languages;
        var english = languages.IndexOf("en");
        englishMask = english < 0 ? 0 : 1u << english;
    }

    /// <summary>The lexicons shipped with the library.</summary>
    public static TextLexicons Default => LazyDefault.Value;

    /// <summary>Whole-paragraph pattern of page furniture (the file's patterns as one alternation).</summary>
    public Regex Furniture { get; }

    /// <summary>The languages of stopwords.txt, in file order; bit i of a stopword mask is language i.</summary>
    public IReadOnlyList<string> StopwordLanguages { get; }

    /// <summary>True when <paramref name="lowerWord"/> is an English function word in stopwords.txt.</summary>
    public bool IsEnglishFunctionWord(ReadOnlySpan<char> lowerWord) => (StopwordMask(lowerWord) & englishMask) != 0;

    /// <summary>Which languages list <paramref name="lowerWord"/> as a function word, as a bit mask.</summary>
    public uint StopwordMask(ReadOnlySpan<char> lowerWord) => stopwords.TryGetValue(lowerWord, out var mask) ? mask : 0;

    /// <summary>The class of an abbreviation written without its final period.</summary>
    public AbbreviationClass Abbreviation(ReadOnlySpan<char> word) =>
        abbreviations.TryGetValue(word, out var cls) ? cls : AbbreviationClass.None;

    /// <summary>True when <paramref name="word"/> commonly opens a sentence.</summary>
    public bool IsSentenceStarter(ReadOnlySpan<char> word) => starters.Contains(word);

    private static TextLexicons Load()
    {
        var abbreviations = new Dictionary<string, AbbreviationClass>(StringComparer.Ordinal);
        foreach (var (key, value) in DataFile.KeyedLines("Text/abbreviations.txt"))
        {
            var cls = key switch
            {
                "title" => AbbreviationClass.Title,
                "month" => AbbreviationClass.Month,
                "number" => AbbreviationClass.Number,
                "general" => AbbreviationClass.General,
                _ => throw new FormatException($"abbreviations.txt: unknown class '{key}'."),
            };
            foreach (var word in value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                abbreviations.TryAdd(word, cls);
                abbreviations.TryAdd(word.ToLowerInvariant(), cls);
            }
        }

        var starters = DataFile.Lines("Text/starters.txt")
            .SelectMany(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToFrozenSet(StringComparer.Ordinal);

        // One alternation, interpreted: cheap to build at start-up. It only ever runs on
        // paragraphs of at most 120 characters, so it needs no match timeout (a timeout would
        // turn a garbage-collection pause on a busy machine into a failed article).
        var furniture = new Regex(
            "^(?:" + string.Join("|", DataFile.Lines("Text/furniture.txt").Select(p => "(?:" + p + ")")) + ")$",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant,
            Regex.InfiniteMatchTimeout);

        var languages = new List<string>();
        var stopwords = new Dictionary<string, uint>(StringComparer.Ordinal);
        foreach (var (language, words) in DataFile.KeyedLines("Text/stopwords.txt"))
        {
            if (languages.Count == 32)
            {
                throw new FormatException("stopwords.txt: at most 32 languages fit a mask.");
            }

            var bit = 1u << languages.Count;
            languages.Add(language);
            foreach (var word in words.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                stopwords[word] = stopwords.GetValueOrDefault(word) | bit;
            }
        }

        return new TextLexicons(
            abbreviations.ToFrozenDictionary(StringComparer.Ordinal),
            starters,
            furniture,
            languages,
            stopwords.ToFrozenDictionary(StringComparer.Ordinal));
    }
}
