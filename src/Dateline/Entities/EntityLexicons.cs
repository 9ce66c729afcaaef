using System.Collections.Frozen;
using System.Collections.Immutable;
using Dateline.Data;
using Dateline.Geo;
using Dateline.Model;
using Dateline.Text;

namespace Dateline.Entities;

/// <summary>What a known phrase is.</summary>
public enum PhraseKind : byte
{
    /// <summary>A name of a place, organization or person.</summary>
    Name,
    /// <summary>A nationality, religious or political group word ("Russian", "Muslims").</summary>
    Norp,
    /// <summary>A title or role ("President", "chief of staff").</summary>
    Title,
    /// <summary>A noun for an institution or group ("presidency", "forces").</summary>
    Group,
}

/// <summary>A phrase the lexicons know, as the tokens it is made of.</summary>
/// <param name="Tokens">The phrase's tokens, as the tokenizer splits it.</param>
/// <param name="Type">Entity type for names and NORP words; null for titles and groups.</param>
/// <param name="Canonical">The name every alias stands for ("U.S." → "United States").</param>
/// <param name="Country">ISO 3166-1 alpha-3 (or CAMEO region code for NORP words), or null.</param>
/// <param name="Actor">CAMEO actor code where the lexicon gives one ("the Kremlin" → RUSGOV).</param>
/// <param name="Role">CAMEO role of a title or group noun (GOV, MIL, …), or null.</param>
/// <param name="Gender">m, f, or '-' when unknown.</param>
/// <param name="Class">For titles: head, office or other.</param>
public sealed record Phrase(
    ImmutableArray<string> Tokens,
    PhraseKind Kind,
    string? Type,
    string Canonical,
    string? Country,
    string? Actor,
    string? Role,
    char Gender,
    string? Class);

/// <summary>How a cue word types a capitalized name.</summary>
public enum CueKind : byte
{
    /// <summary>Not a cue.</summary>
    None,
    /// <summary>Organization.</summary>
    Org,
    /// <summary>Natural place or region.</summary>
    Loc,
    /// <summary>Political place.</summary>
    Gpe,
    /// <summary>Building or facility.</summary>
    Fac,
    /// <summary>Named event.</summary>
    Event,
    /// <summary>A law or directive ("Digital Markets Act"): a name, but no entity of ours.</summary>
    Law,
}

/// <summary>
/// The entity tagger's knowledge, loaded once from the embedded data files under
/// <c>Data/Entities</c>, <c>Data/Actors</c> and <c>Data/Geo</c>: known names, nationality words,
/// titles, group nouns, cue words, given names and words that are not names.
/// </summary>
/// <remarks>
/// Phrases are stored as token sequences keyed by their first token, so matching at a token
/// compares spans of the article text with no allocation.
/// </remarks>
public sealed class EntityLexicons
{
    private static readonly Lazy<EntityLexicons> LazyDefault = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Dictionary<string, Phrase[]>.AlternateLookup<ReadOnlySpan<char>> phrases;
    private readonly FrozenDictionary<string, CueKind>.AlternateLookup<ReadOnlySpan<char>> suffixCues;
    private readonly FrozenDictionary<string, CueKind>.AlternateLookup<ReadOnlySpan<char>> prefixCues;
    private readonly FrozenDictionary<string, char>.AlternateLookup<ReadOnlySpan<char>> firstNames;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> nonNames;
    private readonly FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> groupRoles;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> finalCues;
    private FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> orgWords = FrozenSet<string>.Empty.GetAlternateLookup<ReadOnlySpan<char>>();
    private FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> postNominals = FrozenSet<string>.Empty.GetAlternateLookup<ReadOnlySpan<char>>();
    private FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> holidays = FrozenSet<string>.Empty.GetAlternateLookup<ReadOnlySpan<char>>();
    private FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> sportCodes = FrozenDictionary<string, string>.Empty.GetAlternateLookup<ReadOnlySpan<char>>();

    private EntityLexicons(
        Dictionary<string, Phrase[]> phrases,
        FrozenDictionary<string, CueKind> suffixCues,
        FrozenDictionary<string, CueKind> prefixCues,
        FrozenDictionary<string, char> firstNames,
        FrozenSet<string> nonNames,
        FrozenDictionary<string, string> groupRoles,
        FrozenSet<string> finalCues,
        FrozenDictionary<string, Phrase> titles,
        Gazetteer gazetteer)
    {
        this.phrases = phrases.GetAlternateLookup<ReadOnlySpan<char>>();
        this.suffixCues = suffixCues.GetAlternateLookup<ReadOnlySpan<char>>();
        this.prefixCues = prefixCues.GetAlternateLookup<ReadOnlySpan<char>>();
        this.firstNames = firstNames.GetAlternateLookup<ReadOnlySpan<char>>();
        this.nonNames = nonNames.GetAlternateLookup<ReadOnlySpan<char>>();
        this.groupRoles = groupRoles.GetAlternateLookup<ReadOnlySpan<char>>();
        this.finalCues = finalCues.GetAlternateLookup<ReadOnlySpan<char>>();
        Titles = titles;
        Gazetteer = gazetteer;
    }

    /// <summary>The lexicons shipped with the library.</summary>
    public static EntityLexicons Default => LazyDefault.Value;

    /// <summary>Titles by their lower-case text.</summary>
    public FrozenDictionary<string, Phrase> Titles { get; }

    /// <summary>The places the tagger recognizes.</summary>
    public Gazetteer Gazetteer { get; }

    /// <summary>The actor dictionary's people by canonical name.</summary>
    internal FrozenDictionary<string, PersonEntry> People { get; private init; } = FrozenDictionary<string, PersonEntry>.Empty;

    /// <summary>
    /// Head nouns of definite descriptions ("the bloc") and the kinds of organization each can stand
    /// for: name words, CAMEO roles, actor code prefixes (Data/Entities/definite-heads.txt).
    /// </summary>
    internal FrozenDictionary<string, string[]> DefiniteHeads { get; private init; } = FrozenDictionary<string, string[]>.Empty;

    /// <summary>
    /// Family names written before the given name (Chinese, Korean: "Lee Jae-myung" is later "Lee"),
    /// from Data/Entities/family-names.txt.
    /// </summary>
    internal FrozenSet<string> FamilyFirst { get; private init; } = FrozenSet<string>.Empty;

    /// <summary>The known single-token phrase spelled <paramref name="word"/> (a name or NORP word), or null.</summary>
    public Phrase? MatchWord(ReadOnlySpan<char> word)
    {
        if (phrases.TryGetValue(word, out var candidates))
        {
            foreach (var p in candidates)
            {
                if (p.Tokens.Length == 1)
                {
                    return p;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// The longest known phrase that starts at token <paramref name="index"/> and ends before
    /// token <paramref name="end"/>; returns its length in tokens, or 0.
    /// </summary>
    public int Match(string text, ImmutableArray<Token> tokens, int index, int end, out Phrase? phrase)
    {
        var first = tokens[index];
        if (phrases.TryGetValue(text.AsSpan(first.Start, first.Length), out var candidates))
        {
            foreach (var p in candidates)
            {
                var n = p.Tokens.Length;
                if (index + n > end)
                {
                    continue;
                }

                var k = 1;
                for (; k < n; k++)
                {
                    var t = tokens[index + k];
                    if (!text.AsSpan(t.Start, t.Length).SequenceEqual(p.Tokens[k]))
                    {
                        break;
                    }
                }

                if (k == n)
                {
                    phrase = p;
                    return n;
                }
            }
        }

        phrase = null;
        return 0;
    }

    /// <summary>The phrase a whole string names, if known (e.g. an entity's canonical name).</summary>
    public Phrase? Lookup(string name, PhraseKind kind)
    {
        var tokens = Tokenize(name);
        if (tokens.Length == 0 || !phrases.TryGetValue(tokens[0], out var candidates))
        {
            return null;
        }

        foreach (var p in candidates)
        {
            if (p.Kind == kind && p.Tokens.SequenceEqual(tokens))
            {
                return p;
            }
        }

        return null;
    }

    /// <summary>How a last word types a name ("Council" → organization).</summary>
    public CueKind SuffixCue(ReadOnlySpan<char> word) => suffixCues.TryGetValue(word, out var k) ? k : CueKind.None;

    /// <summary>True for a legal form that ends a company's name ("Inc.", "Ltd", "GmbH"): a name after it is another name.</summary>
    public bool IsFinalCue(ReadOnlySpan<char> word) => finalCues.Contains(word);

    /// <summary>How a first word types a name ("Ministry of …" → organization).</summary>
    public CueKind PrefixCue(ReadOnlySpan<char> word) => prefixCues.TryGetValue(word, out var k) ? k : CueKind.None;

    /// <summary>
    /// A word of another language that makes an organization of the capitalized name holding it,
    /// wherever it stands ("Médecins Sans Frontières", "Banco de México", "Cruz Roja Mexicana"; cues.txt <c>org-word</c>).
    /// </summary>
    public bool IsOrgWord(ReadOnlySpan<char> word) => orgWords.Contains(word);

    /// <summary>Letters written after a person's name that are no part of it ("KC", "MP", "OBE"; cues.txt <c>post-nominal</c>).</summary>
    public bool IsPostNominal(ReadOnlySpan<char> word) => postNominals.Contains(word);

    /// <summary>
    /// The ISO alpha-3 country of a three-letter sports code written in title case ("Ita", "Ned", "Ger";
    /// sport-country-codes.txt), or null.
    /// </summary>
    public string? SportCountry(ReadOnlySpan<char> code) => sportCodes.TryGetValue(code, out var iso) ? iso : null;

    /// <summary>The gender a given name marks: m, f, or '\0' when it is not a known given name.</summary>
    public char FirstName(ReadOnlySpan<char> word) => firstNames.TryGetValue(word, out var g) ? g : '\0';

    /// <summary>
    /// True for a holiday's name, any case ("New Year", "Boxing Day"; <c>Time/holidays.txt</c>): it names a
    /// day, no organization or person.
    /// </summary>
    public bool IsHoliday(ReadOnlySpan<char> name) => holidays.Contains(name);

    /// <summary>True for a capitalized word that is not a name on its own (a weekday, "However").</summary>
    public bool IsNonName(ReadOnlySpan<char> word) => nonNames.Contains(word);

    /// <summary>True for an English function word in any case ("The", "In").</summary>
    public bool IsFunctionWord(ReadOnlySpan<char> word)
    {
        if (word.Length > 16)
        {
            return false;
        }

        Span<char> lower = stackalloc char[word.Length];
        word.ToLowerInvariant(lower);
        return TextLexicons.Default.IsEnglishFunctionWord(lower);
    }

    /// <summary>The head noun as listed when a definite description with it can stand for a named organization ("bloc").</summary>
    public string? DefiniteHead(ReadOnlySpan<char> lowerWord) =>
        DefiniteHeads.GetAlternateLookup<ReadOnlySpan<char>>().ContainsKey(lowerWord) ? lowerWord.ToString() : null;

    /// <summary>The CAMEO role a group or organization head noun stands for ("forces" → MIL), or null.</summary>
    public string? GroupRole(ReadOnlySpan<char> lowerWord) => groupRoles.TryGetValue(lowerWord, out var r) ? r : null;

    private static readonly Lazy<Tokenizer> PhraseTokenizer = new(() => new Tokenizer(TextLexicons.Default));

    /// <summary>Splits a phrase into tokens exactly as the tokenizer splits article text.</summary>
    internal static string[] Tokenize(string phrase)
    {
        // Letters and single spaces split on the spaces; anything else goes through the tokenizer.
        var plain = true;
        foreach (var c in phrase)
        {
            if (!(char.IsAsciiLetter(c) || c == ' ' || (c > 0x7F && char.IsLetter(c))))
            {
                plain = false;
                break;
            }
        }

        if (plain && !phrase.Contains("  ", StringComparison.Ordinal) && phrase.Length > 0 && phrase[0] != ' ' && phrase[^1] != ' ')
        {
            return phrase.Split(' ');
        }

        var builder = ImmutableArray.CreateBuilder<Token>();
        PhraseTokenizer.Value.Tokenize(phrase, 0, phrase.Length, builder);
        var result = new string[builder.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = phrase.Substring(builder[i].Start, builder[i].Length);
        }

        return result;
    }

    private static EntityLexicons Load()
    {
        var gazetteer = Gazetteer.Default;
        var table = new Dictionary<string, List<Phrase>>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        void Add(string text, PhraseKind kind, string? type, string canonical, string? country, string? actor, string? role, char gender, string? cls)
        {
            // Most phrases (the gazetteer's towns) are one plain word: no tokenizing, no joining.
            var tokens = IsPlainWord(text) ? [text] : Tokenize(text);
            if (tokens.Length == 0 || !seen.Add(tokens.Length == 1 ? tokens[0] : string.Join('\u0001', tokens)))
            {
                return; // the first file to list a phrase wins
            }

            if (!table.TryGetValue(tokens[0], out var list))
            {
                table[tokens[0]] = list = [];
            }

            list.Add(new Phrase([.. tokens], kind, type, canonical, country, actor, role, gender, cls));
        }

        // Organizations and seats of power, then people, then places, then nationality words:
        // the earlier file wins where a phrase is listed twice.
        foreach (var line in DataFile.Lines("Entities/organizations.txt"))
        {
            var f = Gazetteer.Fields(line, 4, "organizations.txt");
            var names = Gazetteer.Aliases(f[0]);
            foreach (var name in names)
            {
                Add(name, PhraseKind.Name, f[1], names[0], Gazetteer.Dash(f[3]), Gazetteer.Dash(f[2]), null, '-', null); // type "-": known, not an entity
            }
        }

        foreach (var person in ActorsFile())
        {
            foreach (var name in person.Names)
            {
                Add(name, PhraseKind.Name, "PERSON", person.Names[0], null, null, null, person.Gender, null);
            }
        }

        foreach (var (name, places) in gazetteer.Names)
        {
            var best = places[0];
            Add(name, PhraseKind.Name, best.Type, best.Name, best.Country, best.Actor, null, '-', null);
        }

        foreach (var (code, words) in DataFile.KeyedLines("Entities/nationalities.txt"))
        {
            foreach (var word in Gazetteer.Aliases(words))
            {
                Add(word, PhraseKind.Norp, "NORP", word, Gazetteer.Dash(code), null, null, '-', null);
            }
        }

        var titles = new Dictionary<string, Phrase>(StringComparer.Ordinal);
        foreach (var line in DataFile.Lines("Entities/titles.txt"))
        {
            var f = Gazetteer.Fields(line, 4, "titles.txt");
            var role = Gazetteer.Dash(f[1]);
            var gender = f[2][0];
            foreach (var variant in CaseVariants(f[0]))
            {
                Add(variant, PhraseKind.Title, null, f[0], null, null, role, gender, f[3]);
            }

            titles[f[0]] = new Phrase([.. Tokenize(f[0])], PhraseKind.Title, null, f[0], null, null, role, gender, f[3]);
        }

        var groupRoles = new Dictionary<string, string>(StringComparer.Ordinal);
        var listed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in DataFile.Lines("Entities/groups.txt"))
        {
            var f = Gazetteer.Fields(line, 2, "groups.txt");
            var role = f[1];
            if (role.EndsWith(" name", StringComparison.Ordinal))
            {
                // "Kessler Capital" is a company, "the Angolan capital" a city: an institution word of names only.
                role = role[..^5];
            }
            else
            {
                Add(f[0], PhraseKind.Group, null, f[0], null, null, role, '-', null);
            }

            var head = f[0][(f[0].LastIndexOf(' ') + 1)..];
            // A line of its own wins over the last word of a longer line: "office | GOV" over the
            // "office" of "prosecutor's office | JUD", wherever the lines stand.
            if (listed.Add(f[0]))
            {
                groupRoles[f[0]] = role; // "news agency" before "agency"
            }

            if (!listed.Contains(head))
            {
                groupRoles.TryAdd(head, role);
            }
        }

        var suffix = new Dictionary<string, CueKind>(StringComparer.Ordinal);
        var prefix = new Dictionary<string, CueKind>(StringComparer.Ordinal);
        var final = new HashSet<string>(StringComparer.Ordinal);
        var orgWordSet = new HashSet<string>(StringComparer.Ordinal);
        var postNominalSet = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, words) in DataFile.KeyedLines("Entities/cues.txt"))
        {
            if (key is "org-word" or "post-nominal")
            {
                (key == "org-word" ? orgWordSet : postNominalSet).UnionWith(words.Split(' ', StringSplitOptions.RemoveEmptyEntries));
                continue;
            }

            var dash = key.IndexOf('-', StringComparison.Ordinal);
            var position = key[(dash + 1)..];
            var kind = key[..dash] switch
            {
                "org" => CueKind.Org,
                "loc" => CueKind.Loc,
                "gpe" => CueKind.Gpe,
                "fac" => CueKind.Fac,
                "event" => CueKind.Event,
                "law" => CueKind.Law,
                _ => throw new FormatException($"cues.txt: unknown class '{key}'."),
            };
            var target = position == "prefix" ? prefix : suffix;
            foreach (var word in words.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                target.TryAdd(word, kind);
                if (position == "final")
                {
                    final.Add(word);
                }
            }
        }

        var firstNames = new Dictionary<string, char>(StringComparer.Ordinal);
        foreach (var (gender, words) in DataFile.KeyedLines("Entities/first-names.txt"))
        {
            foreach (var word in words.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                firstNames.TryAdd(word, gender[0]);
            }
        }

        var nonNames = DataFile.Lines("Entities/nonnames.txt")
            .SelectMany(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToFrozenSet(StringComparer.Ordinal);

        // Never written after loading; a plain dictionary builds faster than a frozen one.
        var frozen = new Dictionary<string, Phrase[]>(table.Count, StringComparer.Ordinal);
        foreach (var (first, list) in table)
        {
            var array = list.ToArray();
            if (array.Length > 1)
            {
                Array.Sort(array, (a, b) => b.Tokens.Length.CompareTo(a.Tokens.Length));
            }

            frozen[first] = array;
        }
        return new EntityLexicons(
            frozen,
            suffix.ToFrozenDictionary(StringComparer.Ordinal),
            prefix.ToFrozenDictionary(StringComparer.Ordinal),
            firstNames.ToFrozenDictionary(StringComparer.Ordinal),
            nonNames,
            groupRoles.ToFrozenDictionary(StringComparer.Ordinal),
            final.ToFrozenSet(StringComparer.Ordinal),
            titles.ToFrozenDictionary(StringComparer.Ordinal),
            gazetteer)
        {
            People = ActorsFile().ToFrozenDictionary(p => p.Names[0], StringComparer.Ordinal),
            DefiniteHeads = DataFile.KeyedLines("Entities/definite-heads.txt")
                .ToFrozenDictionary(l => l.Key, l => l.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal),
            FamilyFirst = DataFile.Lines("Entities/family-names.txt")
                .SelectMany(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                .ToFrozenSet(StringComparer.Ordinal),
            orgWords = orgWordSet.ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>(),
            postNominals = postNominalSet.ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>(),
            holidays = DataFile.KeyedLines("Time/holidays.txt")
                .SelectMany(l => l.Value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                .ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>(),
            sportCodes = DataFile.KeyedLines("Entities/sport-country-codes.txt")
                .ToFrozenDictionary(l => l.Key, l => l.Value, StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>(),
        };
    }

    /// <summary>A person of the actor dictionary as the tagger needs it.</summary>
    internal sealed record PersonEntry(string[] Names, string Actor, string Title, char Gender, string Held);

    /// <summary>The lines of <c>Actors/people.txt</c>.</summary>
    internal static IEnumerable<PersonEntry> ActorsFile()
    {
        foreach (var line in DataFile.Lines("Actors/people.txt"))
        {
            var f = Gazetteer.Fields(line, 5, "people.txt");
            yield return new PersonEntry(Gazetteer.Aliases(f[0]), f[1], f[2], f[3][0], f[4]);
        }
    }

    private static bool IsPlainWord(string text)
    {
        foreach (var c in text)
        {
            if (!(char.IsAsciiLetter(c) || (c > 0x7F && char.IsLetter(c))))
            {
                return false;
            }
        }

        return text.Length > 0;
    }

    /// <summary>"prime minister" → "prime minister", "Prime minister", "Prime Minister".</summary>
    private static IEnumerable<string> CaseVariants(string lower)
    {
        yield return lower;
        yield return char.ToUpperInvariant(lower[0]) + lower[1..];
        var words = lower.Split(' ');
        for (var i = 0; i < words.Length; i++)
        {
            if (words[i] is not ("of" or "the" or "for"))
            {
                words[i] = char.ToUpperInvariant(words[i][0]) + words[i][1..];
            }
        }

        yield return string.Join(' ', words);
        if (words.Length == 1)
        {
            yield return lower.ToUpperInvariant(); // "CEO"
        }

        if (lower.Contains('-', StringComparison.Ordinal))
        {
            // "Secretary-General", "Commander-in-Chief"
            var parts = lower.Split('-');
            for (var i = 0; i < parts.Length; i++)
            {
                if (parts[i] is not ("in" or "of"))
                {
                    parts[i] = char.ToUpperInvariant(parts[i][0]) + parts[i][1..];
                }
            }

            yield return string.Join('-', parts);
        }
    }
}
