using System.Collections.Frozen;
using Dateline.Data;

namespace Dateline.Time;

/// <summary>Tense of the clause around a time expression, as far as cue words tell.</summary>
internal enum Tense : byte
{
    /// <summary>No cue word found.</summary>
    Unknown,
    /// <summary>Past: "said", "was", "-ed".</summary>
    Past,
    /// <summary>Present: "is", "continues".</summary>
    Present,
    /// <summary>Future or planned: "will", "scheduled", "due".</summary>
    Future,
}

/// <summary>Everything the time vocabulary says about one word (most fields 0 when the word has no such role).</summary>
internal sealed class TimeWord
{
    /// <summary>Month 1–12.</summary>
    public int Month { get; set; }

    /// <summary>ISO weekday 1 (Monday) – 7 (Sunday).</summary>
    public int Weekday { get; set; }

    /// <summary>True for the plural weekday ("Mondays"), which reads as a set.</summary>
    public bool PluralWeekday { get; set; }

    /// <summary>Cardinal value; -1 for an unknown count ("several"), -2 for "half".</summary>
    public int Number { get; set; }

    /// <summary>Ordinal value; -1 for "last"/"final".</summary>
    public int Ordinal { get; set; }

    /// <summary>TIMEX3 unit letter(s) (D, W, M, Y, TM, …), or null.</summary>
    public string? Unit { get; set; }

    /// <summary>True when the unit word is plural ("days").</summary>
    public bool PluralUnit { get; set; }

    /// <summary>Season code (SP, SU, FA, WI), or null.</summary>
    public string? Season { get; set; }

    /// <summary>Part of day (MO, AF, EV, NI, MI, DT), or null.</summary>
    public string? PartOfDay { get; set; }

    /// <summary>Shift of "last" (-1), "this" (0), "next" (1); null when none.</summary>
    public int? Shift { get; set; }

    /// <summary>START, MID or END; null when none.</summary>
    public string? Mod { get; set; }

    /// <summary>APPROX, MORE_THAN or LESS_THAN; null when none.</summary>
    public string? Approx { get; set; }

    /// <summary>"every", "each", "per".</summary>
    public bool Every { get; set; }

    /// <summary>True when an expression can start at this word (false for words that are only tense cues or fillers).</summary>
    public bool CanStart { get; set; }

    /// <summary>An adjective allowed between a count and its unit ("five trading days").</summary>
    public bool Filler { get; set; }

    /// <summary>A noun that makes a number before it a count ("2000 troops").</summary>
    public bool CountNoun { get; set; }

    /// <summary>A noun that makes a number after it a label ("Article 2024").</summary>
    public bool NumberNoun { get; set; }

    /// <summary>A word that makes the month name after it a month ("in May").</summary>
    public bool DateContext { get; set; }

    /// <summary>A word that makes the bare hour after it a clock time ("at noon").</summary>
    public bool ClockContext { get; set; }

    /// <summary>Time zone suffix for the value ("Z", or "" for a zone the value does not keep); null when not a zone.</summary>
    public string? Zone { get; set; }

    /// <summary>Tense cue, if the word is one.</summary>
    public Tense Tense { get; set; }

    /// <summary>
    /// A future cue that may be a noun ("criticized the plan on Monday"): without "to" after it, a
    /// past-tense verb before it in the clause sets the tense.
    /// </summary>
    public bool NounCue { get; set; }

    /// <summary>A preposition that points a bare weekday after it ahead ("a protest for Saturday").</summary>
    public bool Ahead { get; set; }

    /// <summary>True when this word starts at least one fixed phrase or holiday name.</summary>
    public bool StartsPhrase { get; set; }
}

/// <summary>A fixed phrase: its words (lower case) and what it means.</summary>
internal sealed record TimePhrase(string[] Words, string Type, string Value);

/// <summary>
/// The time stage's vocabulary, loaded once from the embedded files under <c>Data/Time/</c>:
/// month and weekday names, numbers in words, units, seasons, parts of day, modifiers, fixed
/// phrases, holidays and tense cues.
/// </summary>
internal sealed class TimeLexicon
{
    private static readonly Lazy<TimeLexicon> LazyDefault = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly FrozenDictionary<string, TimeWord>.AlternateLookup<ReadOnlySpan<char>> words;
    private readonly FrozenDictionary<string, TimePhrase[]>.AlternateLookup<ReadOnlySpan<char>> phrases;

    private TimeLexicon(FrozenDictionary<string, TimeWord> words, FrozenDictionary<string, TimePhrase[]> phrases)
    {
        this.words = words.GetAlternateLookup<ReadOnlySpan<char>>();
        this.phrases = phrases.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The vocabulary shipped with the library.</summary>
    public static TimeLexicon Default => LazyDefault.Value;

    /// <summary>The fixed phrases and holidays starting with <paramref name="word"/>, longest first; empty when none.</summary>
    public TimePhrase[] PhrasesStarting(ReadOnlySpan<char> word) => phrases.TryGetValue(word, out var p) ? p : [];

    /// <summary>What the vocabulary knows of <paramref name="word"/> (any case), or null.</summary>
    public TimeWord? Find(ReadOnlySpan<char> word) => words.TryGetValue(word, out var w) ? w : null;

    private static TimeLexicon Load()
    {
        var map = new Dictionary<string, TimeWord>(StringComparer.OrdinalIgnoreCase);
        TimeWord Get(string w)
        {
            if (!map.TryGetValue(w, out var entry))
            {
                entry = new TimeWord();
                map[w] = entry;
            }

            return entry;
        }

        foreach (var (key, value) in DataFile.KeyedLines("Time/words.txt"))
        {
            var space = key.IndexOf(' ', StringComparison.Ordinal);
            var role = space < 0 ? key : key[..space];
            var arg = space < 0 ? "" : key[(space + 1)..];
            foreach (var word in value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var w = Get(word);
                w.CanStart |= role is not ("filler" or "countnoun" or "datecontext" or "clockcontext" or "zone" or "numbernoun");
                switch (role)
                {
                    case "month": w.Month = Int(arg); break;
                    case "weekday":
                        w.Weekday = Int(arg);
                        w.PluralWeekday = word.EndsWith("days", StringComparison.OrdinalIgnoreCase);
                        break;
                    case "number": w.Number = arg switch { "X" => -1, "half" => -2, _ => Int(arg) }; break;
                    case "ordinal": w.Ordinal = Int(arg); break;
                    case "unit":
                        w.Unit = arg;
                        w.PluralUnit = word.EndsWith('s') || word.EndsWith("ies", StringComparison.Ordinal);
                        break;
                    case "season": w.Season = arg; break;
                    case "partofday": w.PartOfDay = arg; break;
                    case "shift": w.Shift = Int(arg); break;
                    case "mod": w.Mod = arg; break;
                    case "approx": w.Approx = arg; break;
                    case "every": w.Every = true; break;
                    case "opener": break;
                    case "filler": w.Filler = true; break;
                    case "countnoun": w.CountNoun = true; break;
                    case "numbernoun": w.NumberNoun = true; break;
                    case "datecontext": w.DateContext = true; break;
                    case "clockcontext": w.ClockContext = true; break;
                    case "zone": w.Zone = arg == "-" ? "" : arg; break;
                    default: throw new FormatException($"Time/words.txt: unknown role '{role}'.");
                }
            }
        }

        foreach (var (key, value) in DataFile.KeyedLines("Time/tense.txt"))
        {
            if (key is "noun" or "ahead")
            {
                foreach (var word in value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    if (key == "noun")
                    {
                        Get(word).NounCue = true;
                    }
                    else
                    {
                        Get(word).Ahead = true;
                    }
                }

                continue;
            }

            var tense = key switch
            {
                "future" => Tense.Future,
                "past" => Tense.Past,
                "present" => Tense.Present,
                _ => throw new FormatException($"Time/tense.txt: unknown tense '{key}'."),
            };
            foreach (var word in value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                Get(word).Tense = tense;
            }
        }

        var phrases = new List<TimePhrase>();
        foreach (var (key, value) in DataFile.KeyedLines("Time/phrases.txt"))
        {
            var parts = key.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 2)
            {
                throw new FormatException($"Time/phrases.txt: expected 'TYPE VALUE' but found '{key}'.");
            }

            foreach (var phrase in value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                phrases.Add(new TimePhrase(SplitWords(phrase), parts[0], parts[1]));
            }
        }

        foreach (var (key, value) in DataFile.KeyedLines("Time/holidays.txt"))
        {
            foreach (var name in value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                phrases.Add(new TimePhrase(SplitWords(name), "DATE", "HOLIDAY-" + key));
            }
        }

        foreach (var p in phrases)
        {
            var first = Get(p.Words[0]);
            first.StartsPhrase = true;
            first.CanStart = true;
        }

        var byFirst = phrases
            .GroupBy(p => p.Words[0], StringComparer.OrdinalIgnoreCase)
            .ToFrozenDictionary(g => g.Key, g => g.OrderByDescending(p => p.Words.Length).ToArray(), StringComparer.OrdinalIgnoreCase);
        return new TimeLexicon(map.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase), byFirst);
    }

    /// <summary>Splits a phrase into words the way the tokenizer does for these simple phrases (clitics apart).</summary>
    private static string[] SplitWords(string phrase)
    {
        var result = new List<string>();
        foreach (var w in phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var apostrophe = w.IndexOfAny(['\'', '\u2019']);
            if (apostrophe > 0 && w.Length - apostrophe == 2)
            {
                result.Add(w[..apostrophe].ToLowerInvariant());
                result.Add(w[apostrophe..].ToLowerInvariant());
            }
            else
            {
                result.Add(w.ToLowerInvariant());
            }
        }

        return [.. result];
    }

    private static int Int(string s) => int.Parse(s, System.Globalization.CultureInfo.InvariantCulture);
}
