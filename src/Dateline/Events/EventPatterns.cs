using System.Collections.Frozen;
using System.Collections.Immutable;
using Dateline.Data;

namespace Dateline.Events;

/// <summary>One element of an event pattern.</summary>
internal abstract record PatternElement
{
    /// <summary>One of several word sequences ("back_down" is two words).</summary>
    public sealed record Words(ImmutableArray<string[]> Alternatives) : PatternElement;

    /// <summary>
    /// The target slot <c>{T}</c> or the source slot <c>{S}</c>; <c>{T!}</c> and <c>{S!}</c> must
    /// be an entity mention, not the few plain words a slot otherwise accepts.
    /// </summary>
    public sealed record Slot(bool IsSource, bool EntityOnly = false) : PatternElement;

    /// <summary>A gap of up to a few tokens (<c>...</c>).</summary>
    public sealed record Gap : PatternElement;
}

/// <summary>What a word is to the event stage (from modality.txt); a word may be several things.</summary>
[Flags]
internal enum WordClass : ulong
{
    None = 0,
    Negation = 1,
    Hypothetical = 2,
    Planned = 4,
    Reported = 8,
    Coordination = 16,
    Passive = 32,
    Since = 64,
    Clause = 128,
    Preposition = 256,
    Locative = 512,
    Proposal = 1024,
    Intent = 2048,
    Reporting = 4096,
    Conjunction = 8192,
    Count = 16384,
    Group = 32768,
    Determiner = 65536,
    Direction = 131072,
    Facility = 262144,
    Light = 524288,
    AgentOf = 1048576,
    Condition = 2097152,
    Denial = 4194304,
    Warning = 8388608,
    Pending = 16777216,
    Military = 33554432,
    Mutual = 67108864,
    Consent = 134217728,
    Nominal = 268435456,
    Pair = 536870912,
    Auxiliary = 1073741824,
    Motion = 2147483648,
    Sequel = 4294967296,
    Governing = 8589934592,
    Adverb = 17179869184,
    Purpose = 34359738368,
    Member = 68719476736,
    Occasion = 137438953472,
    Counterpart = 1099511627776,
    Vicinity = 35184372088832,
    Regime = 2199023255552,
}

/// <summary>A CAMEO pattern: the code it gives and its elements, the first being the trigger.</summary>
internal sealed record EventPattern(string Code, ImmutableArray<PatternElement> Elements, int Order, string Source)
{
    /// <summary>
    /// Words that must stand, in any order, among the few tokens before the trigger (a PETRARCH
    /// pattern's words before its verb: "- NOT * ^ TO_ +"); empty for Dateline's own patterns.
    /// </summary>
    public ImmutableArray<PatternElement.Words> Before { get; init; } = [];

    /// <summary>Literal words in the pattern: the more, the more specific.</summary>
    public int Literals => Elements.Count(e => e is PatternElement.Words) + Before.Length;
}

/// <summary>
/// The event patterns and modality words, loaded once from <c>Data/Events/patterns.txt</c>,
/// <c>verbs.txt</c> and <c>modality.txt</c>. Verbs are written in their base form; their
/// inflections are generated here, irregular ones read from verbs.txt.
/// </summary>
public sealed class EventPatterns
{
    private static readonly Lazy<EventPatterns> LazyDefault = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly FrozenDictionary<string, EventPattern[]>.AlternateLookup<ReadOnlySpan<char>> byTrigger;
    private readonly FrozenDictionary<string, WordClass>.AlternateLookup<ReadOnlySpan<char>> modality;
    private readonly FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> roles;

    private EventPatterns(FrozenDictionary<string, EventPattern[]> byTrigger, FrozenDictionary<string, WordClass> modality, FrozenDictionary<string, string> roles, int count)
    {
        this.byTrigger = byTrigger.GetAlternateLookup<ReadOnlySpan<char>>();
        this.modality = modality.GetAlternateLookup<ReadOnlySpan<char>>();
        this.roles = roles.GetAlternateLookup<ReadOnlySpan<char>>();
        Count = count;
    }

    /// <summary>The patterns shipped with the library.</summary>
    public static EventPatterns Default => LazyDefault.Value;

    /// <summary>Number of patterns.</summary>
    public int Count { get; }

    /// <summary>
    /// True for patterns read from a user's dictionary, whose codes need not be in the CAMEO
    /// codebook (PETRARCH's validation dictionary codes WEIS-style "224").
    /// </summary>
    public bool AnyCode { get; private init; }

    /// <summary>
    /// Patterns built elsewhere (a PETRARCH verb dictionary), with the library's modality and role
    /// words. The first element of each pattern is its trigger.
    /// </summary>
    internal static EventPatterns FromPatterns(IEnumerable<EventPattern> patterns)
    {
        var byTrigger = new Dictionary<string, List<EventPattern>>(StringComparer.Ordinal);
        var count = 0;
        foreach (var pattern in patterns)
        {
            count++;
            foreach (var alternative in ((PatternElement.Words)pattern.Elements[0]).Alternatives)
            {
                if (!byTrigger.TryGetValue(alternative[0], out var list))
                {
                    byTrigger[alternative[0]] = list = [];
                }

                if (list.Count == 0 || !ReferenceEquals(list[^1], pattern))
                {
                    list.Add(pattern);
                }
            }
        }

        var library = Default;
        return new EventPatterns(
            byTrigger.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal),
            library.modality.Dictionary,
            library.roles.Dictionary,
            count) { AnyCode = true };
    }

    /// <summary>Patterns whose trigger's first word is <paramref name="lowerWord"/>.</summary>
    internal EventPattern[]? Triggered(ReadOnlySpan<char> lowerWord) =>
        byTrigger.TryGetValue(lowerWord, out var patterns) ? patterns : null;

    /// <summary>The classes of a lower-case word.</summary>
    internal WordClass Classify(ReadOnlySpan<char> lowerWord) => modality.TryGetValue(lowerWord, out var c) ? c : WordClass.None;

    /// <summary>The CAMEO role a plain noun stands for ("rebels" → REB), from roles.txt; null for other words.</summary>
    internal string? Role(ReadOnlySpan<char> lowerWord) => roles.TryGetValue(lowerWord, out var r) ? r : null;

    private static EventPatterns Load()
    {
        var irregular = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var line in DataFile.Lines("Events/verbs.txt"))
        {
            var forms = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            irregular[forms[0]] = forms;
        }

        var byTrigger = new Dictionary<string, List<EventPattern>>(StringComparer.Ordinal);
        var order = 0;
        foreach (var line in DataFile.Lines("Events/patterns.txt"))
        {
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            if (space <= 0)
            {
                throw new FormatException($"patterns.txt: expected 'CODE pattern' in '{line}'.");
            }

            var code = line[..space];
            var elements = ImmutableArray.CreateBuilder<PatternElement>();
            var before = ImmutableArray.CreateBuilder<PatternElement.Words>();
            foreach (var part in line[space..].Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                // "<drone|missile hit {T}": words that must stand a few tokens before the trigger.
                if (part.Length > 1 && part[0] == '<' && elements.Count == 0)
                {
                    before.Add(new PatternElement.Words([.. part[1..].Split('|').SelectMany(a => Inflect(a, irregular)).Distinct(StringComparer.Ordinal).Select(a => a.Split('_'))]));
                    continue;
                }

                elements.Add(part switch
                {
                    "{T}" => new PatternElement.Slot(IsSource: false),
                    "{S}" => new PatternElement.Slot(IsSource: true),
                    "{T!}" => new PatternElement.Slot(IsSource: false, EntityOnly: true),
                    "{S!}" => new PatternElement.Slot(IsSource: true, EntityOnly: true),
                    "..." => new PatternElement.Gap(),
                    _ => new PatternElement.Words([.. part.Split('|').SelectMany(a => Inflect(a, irregular)).Distinct(StringComparer.Ordinal).Select(a => a.Split('_'))]),
                });
            }

            if (elements.Count == 0 || elements[0] is not PatternElement.Words first)
            {
                throw new FormatException($"patterns.txt: a pattern must start with its trigger word: '{line}'.");
            }

            var pattern = new EventPattern(code, elements.ToImmutable(), order++, line) { Before = before.ToImmutable() };
            foreach (var alternative in first.Alternatives)
            {
                if (!byTrigger.TryGetValue(alternative[0], out var list))
                {
                    byTrigger[alternative[0]] = list = [];
                }

                list.Add(pattern);
            }
        }

        var modality = DataFile.WordClasses<WordClass>("Events/modality.txt", static (a, b) => a | b);
        var roles = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (role, words) in DataFile.KeyedLines("Events/roles.txt"))
        {
            foreach (var word in words.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                roles[word] = role;
            }
        }

        return new EventPatterns(
            byTrigger.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal),
            modality.ToFrozenDictionary(StringComparer.Ordinal),
            roles.ToFrozenDictionary(StringComparer.Ordinal),
            order);
    }

    /// <summary>A word and, for a single lower-case word, its regular and irregular inflections.</summary>
    internal static IEnumerable<string> Inflect(string word, Dictionary<string, string[]> irregular)
    {
        // "=strike": the word itself only (a noun that is also a verb: "launched strikes", not "struck").
        if (word.Length > 1 && word[0] == '=')
        {
            yield return word[1..];
            yield break;
        }

        yield return word;
        if (word.Contains('_', StringComparison.Ordinal))
        {
            // Inflect the first word of a phrase: crack_down → cracked_down.
            var head = word[..word.IndexOf('_', StringComparison.Ordinal)];
            var rest = word[head.Length..];
            foreach (var form in Inflect(head, irregular).Skip(1))
            {
                yield return form + rest;
            }

            yield break;
        }

        if (irregular.TryGetValue(word, out var forms))
        {
            foreach (var f in forms.Skip(1))
            {
                yield return f;
            }
        }

        var stem = word;
        if (word.EndsWith('e'))
        {
            yield return word + "s";
            yield return word + "d";
            yield return word[..^1] + "ing";
            yield break;
        }

        if (word.Length > 2 && word.EndsWith('y') && !"aeiou".Contains(word[^2], StringComparison.Ordinal))
        {
            yield return word[..^1] + "ies";
            yield return word[..^1] + "ied";
            yield return word + "ing";
            yield break;
        }

        yield return word.EndsWith('s') || word.EndsWith('x') || word.EndsWith("ch", StringComparison.Ordinal) || word.EndsWith("sh", StringComparison.Ordinal)
            ? word + "es"
            : word + "s";
        yield return stem + "ed";
        yield return stem + "ing";
    }
}
