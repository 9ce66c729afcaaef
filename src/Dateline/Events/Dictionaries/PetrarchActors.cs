using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;

namespace Dateline.Events.Dictionaries;

/// <summary>A CAMEO actor code, valid from <see cref="From"/> to <see cref="To"/> (inclusive; null is open).</summary>
public sealed record DatedCode(string Code, DateOnly? From, DateOnly? To)
{
    /// <summary>True when the code has no date restriction.</summary>
    public bool Undated => From is null && To is null;

    /// <summary>True when <paramref name="date"/> lies in the code's validity.</summary>
    public bool Covers(DateOnly date) => (From is null || date >= From) && (To is null || date <= To);
}

/// <summary>
/// An entry of a PETRARCH/Phoenix dictionary: one phrase (lower-case words) and what it codes. An
/// actor entry has codes (some date-restricted); an agent entry has one role code that is appended
/// to the actor it qualifies (<c>[~COP]</c>, "Arnor police" → ARNCOP) or put before it
/// (<c>[NGO~]</c>).
/// </summary>
public sealed record DictionaryPhrase(ImmutableArray<string> Words, ImmutableArray<DatedCode> Codes, bool IsAgent, bool AgentPrefix)
{
    /// <summary>
    /// The actor code for an event on <paramref name="date"/>: the first code whose dates cover it,
    /// else the first undated code (PETRARCH's default), else null ("[---]" codes nothing).
    /// </summary>
    public string? CodeOn(DateOnly? date)
    {
        if (date is { } d)
        {
            foreach (var c in Codes)
            {
                if (!c.Undated && c.Covers(d))
                {
                    return Real(c.Code);
                }
            }
        }

        foreach (var c in Codes)
        {
            if (c.Undated)
            {
                return Real(c.Code);
            }
        }

        return null;
    }

    private static string? Real(string code) => code.Length == 0 || code.All(ch => ch == '-') ? null : code;
}

/// <summary>
/// Actor and agent dictionaries in the PETRARCH/Phoenix text format, as users of event data keep
/// them (Dateline reads them; it ships none). Phrases are matched word by word, longest first.
/// </summary>
/// <remarks>
/// Actor files: <c>PHRASE [CODE]</c> per entry, words joined by <c>_</c> or spaces (a trailing
/// <c>_</c> marks a whole word); <c>+SYNONYM</c> lines add phrases to the entry above; indented
/// <c>[CODE yymmdd-yymmdd]</c>, <c>[CODE &gt;yymmdd]</c>, <c>[CODE &lt;yymmdd]</c> lines add
/// date-restricted codes; <c>#</c> and <c>&lt;!-- … --&gt;</c> are comments. Agent files:
/// <c>PHRASE {PLURALS} [~CODE]</c>, where <c>{}</c> turns off the generated plural, and
/// <c>!NAME! = A, B</c> defines a substitution used inside phrases. Two-digit years below 30
/// are read as 20xx, as PETRARCH does for its dictionaries of post-1930 regimes.
/// </remarks>
public sealed class PetrarchActors
{
    private readonly FrozenDictionary<string, DictionaryPhrase[]> byFirstWord;

    private PetrarchActors(List<DictionaryPhrase> phrases)
    {
        Phrases = [.. phrases];
        byFirstWord = phrases
            .GroupBy(p => p.Words[0], StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.OrderByDescending(p => p.Words.Length).ToArray(), StringComparer.Ordinal);
    }

    /// <summary>Every phrase, actors and agents, in file order.</summary>
    public ImmutableArray<DictionaryPhrase> Phrases { get; }

    /// <summary>A dictionary with nothing in it.</summary>
    public static PetrarchActors Empty { get; } = new([]);

    /// <summary>Reads actor files and agent files (their text, not their paths) into one dictionary.</summary>
    public static PetrarchActors Parse(IEnumerable<string> actorFiles, IEnumerable<string> agentFiles)
    {
        ArgumentNullException.ThrowIfNull(actorFiles);
        ArgumentNullException.ThrowIfNull(agentFiles);
        var phrases = new List<DictionaryPhrase>();
        foreach (var text in actorFiles)
        {
            ParseActors(text, phrases);
        }

        foreach (var text in agentFiles)
        {
            ParseAgents(text, phrases);
        }

        return new PetrarchActors(phrases);
    }

    /// <summary>
    /// The longest phrase starting at word <paramref name="at"/> of <paramref name="lowerWords"/>,
    /// with the number of words it covers, or null.
    /// </summary>
    public DictionaryPhrase? Match(IReadOnlyList<string> lowerWords, int at, out int length)
    {
        ArgumentNullException.ThrowIfNull(lowerWords);
        length = 0;
        if (at >= lowerWords.Count || !byFirstWord.TryGetValue(Key(lowerWords[at]), out var candidates))
        {
            return null;
        }

        foreach (var p in candidates)
        {
            if (at + p.Words.Length > lowerWords.Count)
            {
                continue;
            }

            var ok = true;
            for (var k = 0; k < p.Words.Length && ok; k++)
            {
                ok = WordMatches(p.Words[k], lowerWords[at + k]);
            }

            if (ok)
            {
                length = p.Words.Length;
                return p;
            }
        }

        return null;
    }

    /// <summary>A text word matches a dictionary word as is, or with a plural or possessive ending.</summary>
    private static bool WordMatches(string entry, string word) =>
        word == entry || Key(word) == entry;

    /// <summary>The word without a possessive or plural "s" ending, as dictionary words are looked up.</summary>
    private static string Key(string word)
    {
        if (word.EndsWith("'s", StringComparison.Ordinal) || word.EndsWith("’s", StringComparison.Ordinal))
        {
            return word[..^2];
        }

        return word;
    }

    private static void ParseActors(string text, List<DictionaryPhrase> phrases)
    {
        List<ImmutableArray<string>>? names = null;
        var codes = new List<DatedCode>();
        void Flush()
        {
            if (names is not null && codes.Count > 0)
            {
                foreach (var n in names)
                {
                    phrases.Add(new DictionaryPhrase(n, [.. codes], IsAgent: false, AgentPrefix: false));
                }
            }

            names = null;
            codes.Clear();
        }

        foreach (var raw in Lines(text))
        {
            var line = raw.Trim();
            if (line.StartsWith('+'))
            {
                if (names is not null && Words(line[1..]) is { Length: > 0 } synonym)
                {
                    names.Add(synonym);
                }

                continue;
            }

            var bracket = line.IndexOf('[', StringComparison.Ordinal);
            var phrase = bracket < 0 ? line : line[..bracket];
            if (phrase.Trim().Length > 0)
            {
                Flush();
                names = Words(phrase) is { Length: > 0 } w ? [w] : null;
            }

            if (bracket >= 0)
            {
                codes.AddRange(Codes(line[bracket..]));
            }
        }

        Flush();
    }

    private static void ParseAgents(string text, List<DictionaryPhrase> phrases)
    {
        var macros = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var raw in Lines(text))
        {
            var line = raw.Trim();
            var eq = line.IndexOf('=', StringComparison.Ordinal);
            if (line.StartsWith('!') && eq > 0)
            {
                macros[line[..eq].Trim()] = [.. line[(eq + 1)..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];
                continue;
            }

            var bracket = line.IndexOf('[', StringComparison.Ordinal);
            if (bracket < 0)
            {
                continue;
            }

            var close = line.IndexOf(']', bracket);
            var codeText = line[(bracket + 1)..(close > 0 ? close : line.Length)].Trim();
            var prefix = codeText.EndsWith('~');
            var code = codeText.Trim('~', ' ');
            if (code.Length == 0)
            {
                continue;
            }

            var head = line[..bracket];
            var brace = head.IndexOf('{', StringComparison.Ordinal);
            var forms = new List<string>();
            var name = brace < 0 ? head.Trim() : head[..brace].Trim();
            forms.Add(name);
            if (brace >= 0)
            {
                var end = head.IndexOf('}', brace);
                var inner = head[(brace + 1)..(end > 0 ? end : head.Length)];
                forms.AddRange(inner.Split(' ', StringSplitOptions.RemoveEmptyEntries));
            }
            else
            {
                forms.Add(Plural(name));
            }

            foreach (var form in forms.SelectMany(f => Expand(f, macros)).Distinct(StringComparer.Ordinal))
            {
                if (Words(form) is { Length: > 0 } words)
                {
                    phrases.Add(new DictionaryPhrase(words, [new DatedCode(code, null, null)], IsAgent: true, AgentPrefix: prefix));
                }
            }
        }
    }

    /// <summary>The regular English plural of a phrase's last word (PETRARCH generates it unless <c>{}</c>).</summary>
    private static string Plural(string phrase)
    {
        if (phrase.EndsWith('Y') && phrase.Length > 1 && !"AEIOU".Contains(phrase[^2], StringComparison.Ordinal))
        {
            return phrase[..^1] + "IES";
        }

        return phrase.EndsWith('S') || phrase.EndsWith('X') || phrase.EndsWith("CH", StringComparison.Ordinal) || phrase.EndsWith("SH", StringComparison.Ordinal)
            ? phrase + "ES"
            : phrase + "S";
    }

    /// <summary>Every form of a phrase with its <c>!MACRO!</c> substituted.</summary>
    private static IEnumerable<string> Expand(string phrase, Dictionary<string, string[]> macros)
    {
        var start = phrase.IndexOf('!', StringComparison.Ordinal);
        var end = start < 0 ? -1 : phrase.IndexOf('!', start + 1);
        if (end < 0)
        {
            yield return phrase;
            yield break;
        }

        var name = phrase[start..(end + 1)];
        if (!macros.TryGetValue(name, out var values))
        {
            yield return phrase.Remove(start, end - start + 1);
            yield break;
        }

        foreach (var v in values)
        {
            foreach (var e in Expand(string.Concat(phrase.AsSpan(0, start), v, phrase.AsSpan(end + 1)), macros))
            {
                yield return e;
            }
        }
    }

    /// <summary>The phrase's words in lower case ("ARNOR_ HOBBIT" → arnor, hobbit).</summary>
    private static ImmutableArray<string> Words(string phrase) =>
        [.. phrase.Split([' ', '_', '\t'], StringSplitOptions.RemoveEmptyEntries).Select(w => w.ToLowerInvariant())];

    /// <summary>The codes in <c>[CODE]</c>, <c>[CODE yymmdd-yymmdd]</c>, <c>[CODE &gt;yymmdd]</c> or <c>[CODE &lt;yymmdd]</c> groups.</summary>
    private static IEnumerable<DatedCode> Codes(string text)
    {
        var at = 0;
        while ((at = text.IndexOf('[', at)) >= 0)
        {
            var close = text.IndexOf(']', at);
            if (close < 0)
            {
                yield break;
            }

            var parts = text[(at + 1)..close].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            at = close + 1;
            if (parts.Length == 0)
            {
                continue;
            }

            var code = parts[0].ToUpperInvariant();
            DateOnly? from = null, to = null;
            if (parts.Length > 1)
            {
                var range = parts[1];
                if (range.StartsWith('>'))
                {
                    from = Date(range[1..]);
                }
                else if (range.StartsWith('<'))
                {
                    to = Date(range[1..]);
                }
                else if (range.IndexOf('-', StringComparison.Ordinal) is var dash and > 0)
                {
                    from = Date(range[..dash]);
                    to = Date(range[(dash + 1)..]);
                }
            }

            yield return new DatedCode(code, from, to);
        }
    }

    /// <summary>A dictionary date: yymmdd (years below 30 are 20xx) or yyyymmdd.</summary>
    internal static DateOnly? Date(string text)
    {
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            return null;
        }

        int year, month = n / 100 % 100, day = n % 100;
        if (text.Length == 6)
        {
            year = n / 10000;
            year += year < 30 ? 2000 : 1900;
        }
        else if (text.Length == 8)
        {
            year = n / 10000;
        }
        else
        {
            return null;
        }

        return month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null;
    }

    /// <summary>The content of each line: comments (<c>#</c>, <c>&lt;!-- … --&gt;</c>) removed, blank lines skipped.</summary>
    private static IEnumerable<string> Lines(string text)
    {
        var inComment = false;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (inComment)
            {
                inComment = !line.Contains("-->", StringComparison.Ordinal);
                continue;
            }

            if (line.TrimStart().StartsWith("<!--", StringComparison.Ordinal))
            {
                inComment = !line.Contains("-->", StringComparison.Ordinal);
                continue;
            }

            var hash = line.IndexOf('#', StringComparison.Ordinal);
            if (hash >= 0)
            {
                line = line[..hash];
            }

            if (line.Trim().Length > 0)
            {
                yield return line;
            }
        }
    }
}
