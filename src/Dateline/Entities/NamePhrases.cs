using System.Collections.Frozen;
using System.Collections.Immutable;
using Dateline.Data;
using Dateline.Model;

namespace Dateline.Entities;

/// <summary>
/// The noun phrase each name mention heads: the name with its determiner, possessor, premodifiers
/// and role nouns ("the Canada's Royal Canadian Navy", "Swedish truck maker Scania",
/// "Spokeswoman Dana Whitfield"), an abbreviation in brackets after it ("(RCN)") and a region or
/// country after a city ("Dayton, Ohio").
/// </summary>
/// <remarks>
/// <para>
/// A name says which referent; the phrase around it says what the article says it is, and corpora
/// such as MEANTIME (NewsReader) and ACE mark mentions as whole noun phrases with the name as head.
/// The phrase is found from tokens alone, within the name's sentence, with the word classes of
/// <c>Data/Entities/phrase-words.txt</c> and the titles of <c>titles.txt</c>: there is no
/// parser, so the rules take a premodifier run only when a role or descriptor noun heads it
/// ("truck maker Volvo", not "beat Boeing"). Appositions set off by commas ("Scania,
/// another truck maker") are a second noun phrase beside the name's, as ACE, OntoNotes and
/// NewsReader mark them, and stay outside.
/// </para>
/// <para>
/// A name that only modifies another noun ("U.S." in "U.S. automaker GM", "Apple" in "Apple CEO
/// Tim Cook", "Boeing" in "Boeing 787") heads no phrase: its phrase is null, and it lies inside the
/// phrase of the name it describes.
/// </para>
/// </remarks>
public sealed class NamePhrases
{
    private const int MaxTitleTokens = 5;
    private const int MaxLowerModifiers = 3;

    private static readonly Lazy<NamePhrases> LazyDefault = new(() => new NamePhrases(EntityLexicons.Default), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly EntityLexicons lexicons;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> titles;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> firstWords;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> lastWords;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> determiners;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> descriptors;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> modifiers;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> stops;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> verbCues;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ofHeads;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> areas;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> currencies;
    private readonly string[] suffixes;

    /// <summary>Phrase rules over the given lexicons and the shipped phrase words.</summary>
    public NamePhrases(EntityLexicons lexicons)
    {
        ArgumentNullException.ThrowIfNull(lexicons);
        this.lexicons = lexicons;
        var classes = DataFile.KeyedLines("Entities/phrase-words.txt")
            .ToDictionary(kv => kv.Key, kv => kv.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal);
        static FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Set(IEnumerable<string> words) =>
            words.ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        var titleKeys = lexicons.Titles.Keys.Where(k => k.Split(' ').Length <= MaxTitleTokens).ToList();
        titles = Set(titleKeys);
        determiners = Set(classes["determiner"]);
        descriptors = Set(classes["descriptor"]);

        // First and last words of every title and descriptor: most tokens are neither, and one
        // look-up rules them out before any multi-word phrase is spelled.
        var phrases = titleKeys.Concat(classes["descriptor"]).Select(k => k.Split(' ')).ToList();
        firstWords = Set(phrases.Select(w => w[0]));
        lastWords = Set(phrases.Select(w => w[^1]));
        modifiers = Set(classes["modifier"]);
        stops = Set(classes["stop"]);
        verbCues = Set(classes["verb-before"]);
        ofHeads = Set(classes["of-head"]);
        areas = Set(classes["area"]);
        currencies = Set(classes["currency"]);
        suffixes = classes["suffix"];
    }

    /// <summary>The rules over the lexicons shipped with the library.</summary>
    public static NamePhrases Default => LazyDefault.Value;

    /// <summary>
    /// The phrase of every name mention in <paramref name="names"/> (sorted by start, not
    /// overlapping), in the same order; null for a name that only modifies another noun.
    /// </summary>
    /// <param name="document">The article, with tokens and sentences.</param>
    /// <param name="names">The name mentions with their entity's type (PERSON, ORG, GPE, …) and geo feature.</param>
    public ImmutableArray<TextSpan?> Find(Document document, IReadOnlyList<NameRef> names)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(names);
        var tokens = document.Tokens;
        var owner = new int[tokens.Length];
        Array.Fill(owner, -1);
        var spans = new (int First, int Last)[names.Count];
        for (var n = 0; n < names.Count; n++)
        {
            var first = document.TokenIndexAt(names[n].Start);
            if (first > 0 && tokens[first - 1].End > names[n].Start)
            {
                first--; // the name starts inside a token ("Russian" in "pro-Russian")
            }

            var last = first;
            while (last + 1 < tokens.Length && tokens[last + 1].End <= names[n].End)
            {
                last++;
            }

            spans[n] = (first, last);
            for (var t = first; t <= last && t < tokens.Length; t++)
            {
                owner[t] = n;
            }
        }

        var result = ImmutableArray.CreateBuilder<TextSpan?>(names.Count);
        var sentence = 0;
        for (var n = 0; n < names.Count; n++)
        {
            var (first, last) = spans[n];
            if (first >= tokens.Length || tokens[first].Start != names[n].Start || tokens[last].End != names[n].End)
            {
                // A name inside a hyphenated word modifies it ("Kremlin-backed", "Seattle-based").
                result.Add(null);
                continue;
            }

            while (sentence < document.Sentences.Length && document.Sentences[sentence].End <= tokens[first].Start)
            {
                sentence++;
            }

            var bounds = sentence < document.Sentences.Length ? document.Sentences[sentence] : new TextSpan(0, document.Text.Length);
            var s = new Scan(this, document, owner, bounds);
            result.Add(s.Phrase(names, spans, n));
        }

        // A name inside another name's phrase, left of that name and not its possessor, only
        // modifies it: "US" in "the US car maker General Motors", "Seattle" in "Seattle-based Acme".
        for (var n = 0; n < names.Count; n++)
        {
            if (result[n] is not { } phrase)
            {
                continue;
            }

            for (var m = n - 1; m >= 0 && names[m].Start >= phrase.Start; m--)
            {
                var after = spans[m].Last + 1;
                var possessor = after < tokens.Length && document.Text.AsSpan(tokens[after].Start, tokens[after].Length) is "'s" or "’s" or "'" or "’";
                if (!possessor)
                {
                    result[m] = null;
                }
            }
        }

        return result.MoveToImmutable();
    }

    /// <summary>A name mention as the phrase rules need it.</summary>
    /// <param name="Start">Start offset of the name.</param>
    /// <param name="End">End offset of the name.</param>
    /// <param name="Type">Its entity's type (PERSON, ORG, GPE, LOC, …).</param>
    /// <param name="Feature">Its place's geo feature (city, admin1, country, …), or null.</param>
    /// <param name="Region">True when the name also names a first-level division of its place's country
    /// ("Washington", "New York"): after a city and a comma it is that region.</param>
    /// <param name="Company">True for a company (actor …BUS): its name takes no article of its own.</param>
    public readonly record struct NameRef(int Start, int End, string Type, string? Feature, bool Region = false, bool Company = false);

    private bool IsTitleOrDescriptor(ReadOnlySpan<char> lower) => titles.Contains(lower) || descriptors.Contains(lower);

    /// <summary>One name's scan: token tests with the sentence's bounds.</summary>
    private readonly ref struct Scan(NamePhrases rules, Document document, int[] owner, TextSpan bounds)
    {
        private readonly ImmutableArray<Token> tokens = document.Tokens;

        public TextSpan? Phrase(IReadOnlyList<NameRef> names, (int First, int Last)[] spans, int n)
        {
            var (first, last) = spans[n];
            if (ModifiesNext(last, names[n].Type == "NORP") || (names[n].Type == "ORG" && BeforeProductName(first, last, names[n].Company)))
            {
                return null;
            }

            // "the Atlanta and St. Louis plants": a name joined by "and" to a name that modifies a role or
            // descriptor modifies it too, where the descriptor heads the phrase; not where it is the title
            // of a name after it ("Northrop Grumman and Airbus parent EADS", "Airbus and German airline Lufthansa").
            var head = n + 1 < names.Count ? spans[n + 1].Last + 1 : -1;
            if (head > 0 && Is(last + 1, "and") && spans[n + 1].First == last + 2 && InSentence(head) && owner[head] < 0)
            {
                var after = head;
                while (TitleOrDescriptorStartsAt(after) is var length and > 0)
                {
                    after += length; // "parent company"
                }

                if (after > head && !(InSentence(after) && owner[after] >= 0))
                {
                    return null;
                }
            }

            var start = ExtendLeft(first, names[n].Type is "GPE" || names[n].Feature is "country" or "admin1", names[n].Type == "PERSON");
            var end = ExtendRight(names, spans, n, last);

            // "the Cupertino, California event", "the London talks": before a noun a city or region modifies, the
            // article is the noun's; a city's or region's name takes none of its own.
            if (start == first - 1 && names[n].Feature is "city" or "capital" or "admin1" && InSentence(end + 1) && tokens[end + 1].Kind == TokenKind.Word
                && owner[end + 1] < 0 && char.IsLower(Word(end + 1)[0]) && !rules.lexicons.IsFunctionWord(Word(end + 1)) && !IsLower(end + 1, rules.stops))
            {
                start = first;
            }

            return new TextSpan(tokens[start].Start, tokens[end].End);
        }

        private bool InSentence(int t) => t >= 0 && t < tokens.Length && tokens[t].Start >= bounds.Start && tokens[t].End <= bounds.End;

        private ReadOnlySpan<char> Word(int t) => document.Text.AsSpan(tokens[t].Start, tokens[t].Length);

        private bool Is(int t, string s) => InSentence(t) && Word(t).SequenceEqual(s);

        private bool IsPossessive(int t) => InSentence(t) && Word(t) is "'s" or "’s" or "'" or "’";

        /// <summary>
        /// True when the name only modifies what follows: a role or descriptor noun ("Apple CEO",
        /// "U.S. automaker"), also after plain singular nouns ("U.S. car maker"), a currency ("US
        /// dollars"), a model number ("Boeing 787"), or, for a nationality word, a plain
        /// singular noun ("Dutch chip makers"). An organization or country before a plain noun
        /// ("Boeing engineers", "US stocks") keeps its phrase: headlines put base verbs there
        /// ("Volvo beat Scania"), and MEANTIME marks premodifying countries as named mentions
        /// about as often as not (25 against 28).
        /// </summary>
        private bool ModifiesNext(int last, bool modifier)
        {
            var next = last + 1;
            if (!InSentence(next))
            {
                return false;
            }

            if (tokens[next].Kind == TokenKind.Number || (tokens[next].Kind == TokenKind.Word && char.IsDigit(Word(next)[0])))
            {
                return true;
            }

            if (tokens[next].Kind != TokenKind.Word || owner[next] >= 0)
            {
                return false;
            }

            if (TitleOrDescriptorStartsAt(next) > 0 || (modifier && IsPlainNoun(next)) || IsLower(next, rules.currencies))
            {
                return true;
            }

            // "the U.S. car maker", "a Manhattan federal bankruptcy court": plain singular nouns, then the descriptor
            // they and the name modify; the article is the descriptor's.
            for (var t = next; t < next + MaxLowerModifiers && InSentence(t + 1) && tokens[t].Kind == TokenKind.Word && owner[t] < 0 && IsPlainNoun(t); t++)
            {
                if (TitleOrDescriptorStartsAt(t + 1) > 0)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// "the Ford Taurus": after an article, an organization's name followed by a capitalized word that is
        /// no name (the tagger took it for a product's) modifies that word, and the article is the product's.
        /// A company's name takes no article of its own, so after one it modifies a plain noun too ("the
        /// Apple logo", "an Acme spokesman"), where "the GAO ruled" and "the Pentagon's" keep theirs.
        /// </summary>
        private bool BeforeProductName(int first, int last, bool company)
        {
            var next = last + 1;
            return InSentence(next) && tokens[next].Kind == TokenKind.Word && owner[next] < 0
                && (char.IsUpper(Word(next)[0]) || (company && IsPlainNoun(next)))
                && InSentence(first - 1) && Word(first - 1) is "the" or "The" or "a" or "A" or "an" or "An";
        }

        /// <summary>Tokens of the longest title or descriptor starting at <paramref name="t"/>, or 0.</summary>
        private int TitleOrDescriptorStartsAt(int t)
        {
            if (!InSentence(t) || tokens[t].Kind != TokenKind.Word || !IsLower(t, rules.firstWords))
            {
                return 0;
            }

            for (var length = MaxTitleTokens; length >= 1; length--)
            {
                if (IsTitleOrDescriptor(t, t + length - 1))
                {
                    return length;
                }
            }

            return 0;
        }

        /// <summary>Tokens of the longest title or descriptor ending at <paramref name="t"/>, or 0.</summary>
        private int TitleOrDescriptorEndsAt(int t)
        {
            if (!InSentence(t) || tokens[t].Kind != TokenKind.Word || !IsLower(t, rules.lastWords))
            {
                return 0;
            }

            for (var length = MaxTitleTokens; length >= 1; length--)
            {
                if (IsTitleOrDescriptor(t - length + 1, t))
                {
                    return length;
                }
            }

            return 0;
        }

        /// <summary>True when tokens <paramref name="from"/>..<paramref name="to"/> spell a title or descriptor, in any case.</summary>
        private bool IsTitleOrDescriptor(int from, int to)
        {
            if (!InSentence(from) || !InSentence(to))
            {
                return false;
            }

            Span<char> buffer = stackalloc char[64];
            var length = 0;
            for (var t = from; t <= to; t++)
            {
                if (tokens[t].Kind != TokenKind.Word || owner[t] >= 0)
                {
                    return false;
                }

                var word = Word(t);
                if (length + word.Length + 1 > buffer.Length)
                {
                    return false;
                }

                if (t > from)
                {
                    buffer[length++] = ' ';
                }

                word.ToLowerInvariant(buffer[length..]);
                length += word.Length;
            }

            return rules.IsTitleOrDescriptor(buffer[..length]);
        }

        private bool IsLower(int t, FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> set)
        {
            var word = Word(t);
            if (word.Length > 32)
            {
                return false;
            }

            Span<char> lower = stackalloc char[word.Length];
            word.ToLowerInvariant(lower);
            return set.Contains(lower);
        }

        private bool HasSuffix(int t)
        {
            var word = Word(t);
            foreach (var suffix in rules.suffixes)
            {
                if (word.Length > suffix.Length && word.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// A word that may stand in a premodifier run left of a role or descriptor: a capitalized word
        /// (another name, a nationality, an acronym), a hyphenated "-based" word, or a plain lower-case
        /// word that is neither a function word nor a verb form.
        /// </summary>
        private bool IsModifier(int t, ref int lowerWords)
        {
            if (!InSentence(t) || tokens[t].Kind != TokenKind.Word)
            {
                return false;
            }

            var word = Word(t);
            if (IsLower(t, rules.stops) || IsLower(t, rules.determiners))
            {
                return false;
            }

            if (owner[t] >= 0 || HasSuffix(t) || word is "based")
            {
                return true;
            }

            if (char.IsUpper(word[0]))
            {
                // A capitalized function word opens the sentence ("In", "The"): not a modifier.
                return !rules.lexicons.IsFunctionWord(word);
            }

            if (rules.lexicons.IsFunctionWord(word) || ++lowerWords > MaxLowerModifiers)
            {
                return false;
            }

            // Past tenses and participles are verbs more often than adjectives ("acquired", "selling"),
            // unless listed as modifiers ("manufacturing firm", "listed company").
            return IsLower(t, rules.modifiers) || !(word.EndsWith("ed", StringComparison.Ordinal) || word.EndsWith("ing", StringComparison.Ordinal) || word.EndsWith("ly", StringComparison.Ordinal));
        }

        /// <summary>
        /// First token of the phrase: premodifiers headed by a role or descriptor, a possessor, a
        /// determiner, or the government a country or region names ("the provincial government of Ontario").
        /// </summary>
        private int ExtendLeft(int first, bool place, bool person)
        {
            var start = first;
            var t = first - 1;

            // "the federal government of Canada": the government is the country acting, and the
            // phrase refers to it as much as the bare name would.
            if (place && Is(t, "of") && InSentence(t - 1) && tokens[t - 1].Kind == TokenKind.Word && owner[t - 1] < 0 && IsLower(t - 1, rules.ofHeads))
            {
                t -= 2;
                start = t + 1;
                var words = 0;
                while (InSentence(t) && owner[t] < 0 && char.IsLower(Word(t)[0]) && IsModifier(t, ref words))
                {
                    start = t;
                    t--;
                }

                return WithDeterminer(start, first);
            }

            // "central London", "downtown San Jose": a part of the place is the place's phrase.
            if (place && InSentence(t) && tokens[t].Kind == TokenKind.Word && owner[t] < 0 && char.IsLower(Word(t)[0]) && IsLower(t, rules.areas))
            {
                return WithDeterminer(t, first);
            }

            // A run of roles and descriptors with their premodifiers: "Airbus chief executive", "large insurance firm".
            var run = TitleOrDescriptorEndsAt(t);
            if (run == 1 && char.IsLower(Word(t)[0]) && InSentence(t - 1) && tokens[t - 1].Kind == TokenKind.Word && IsLower(t - 1, rules.verbCues))
            {
                // "did not exchange GM's debt": after a negation or an auxiliary the word is a verb.
                run = 0;
            }

            if (run > 0)
            {
                t -= run;
                start = t + 1;
                var lowerWords = 0;
                while (InSentence(t))
                {
                    if (TitleOrDescriptorEndsAt(t) is var more and > 0)
                    {
                        t -= more;
                        start = t + 1;
                    }
                    else if (Is(t, "and") && TitleOrDescriptorEndsAt(t - 1) > 0)
                    {
                        t--;
                    }
                    else if (IsPossessive(t) && InSentence(t - 1) && tokens[t - 1].Kind == TokenKind.Word)
                    {
                        // "the company's vice president", "the United States's largest car manufacturer"
                        t--;
                        while (InSentence(t) && tokens[t].Kind == TokenKind.Word && (owner[t] >= 0 || char.IsUpper(Word(t)[0]) || IsLower(t, rules.descriptors)))
                        {
                            start = t;
                            t--;
                        }

                        break;
                    }
                    else if (IsModifier(t, ref lowerWords))
                    {
                        start = t;
                        t--;
                    }
                    else
                    {
                        break;
                    }
                }

            }
            else if (InSentence(t) && tokens[t].Kind == TokenKind.Word && owner[t] < 0 && (HasSuffix(t) || Is(t, "based")))
            {
                // "Seattle-based Acme", "Los Angeles based Acme": the place and its participle.
                start = t;
                t--;
                while (InSentence(t) && owner[t] >= 0)
                {
                    start = t;
                    t--;
                }
            }
            else if (!person && InSentence(t) && owner[t] >= 0 && tokens[t].Kind == TokenKind.Word)
            {
                // "the US Federal Reserve": a name right before the name modifies it. Not before a
                // person's name: with no title between, the two are separate phrases ("President of
                // the United States Barack Obama", "co-founder of Acme Inc. Jane Roe").
                while (InSentence(t) && owner[t] >= 0)
                {
                    start = t;
                    t--;
                }
            }
            else if (IsPossessive(t) && InSentence(t - 1) && owner[t - 1] >= 0)
            {
                // "Singapore's Changi Airport": the possessor name and its determiner.
                t--;
                while (InSentence(t - 1) && owner[t - 1] == owner[t])
                {
                    t--;
                }

                start = t;
                t--;
            }

            return WithDeterminer(start, first);
        }

        /// <summary>
        /// The phrase's start with its determiner: "the GAO", "its rival Airbus"; "a"/"an" only open a
        /// phrase with premodifiers ("a Manhattan court" is the court's).
        /// </summary>
        private int WithDeterminer(int start, int first) =>
            InSentence(start - 1) && IsLower(start - 1, rules.determiners) && (start < first || Is(start - 1, "the") || Is(start - 1, "The"))
                ? start - 1
                : start;

        /// <summary>Last token of the phrase: a bracketed abbreviation, a region after a city, a describing apposition.</summary>
        private int ExtendRight(IReadOnlyList<NameRef> names, (int First, int Last)[] spans, int n, int last)
        {
            var end = last;

            // "the Government Accountability Office (GAO)": a name or one capitalized word in brackets.
            if (Is(end + 1, "(") && InSentence(end + 2) && tokens[end + 2].Kind == TokenKind.Word)
            {
                var inner = owner[end + 2] >= 0 ? spans[owner[end + 2]].Last : end + 2;
                if (char.IsUpper(Word(end + 2)[0]) && Is(inner + 1, ")"))
                {
                    end = inner + 1;
                }
            }

            // "Dayton, Ohio": a city with its region or country; "Spokane, Washington" with the state a
            // city also names, unless a list goes on ("Boston, Washington and Ottawa").
            if (names[n].Feature is "city" or "capital" && Is(end + 1, ",") && InSentence(end + 2) && owner[end + 2] >= 0
                && spans[owner[end + 2]].First == end + 2)
            {
                var next = names[owner[end + 2]];
                var nextLast = spans[owner[end + 2]].Last;
                if (next.Feature is "admin1" or "country" || (next.Region && !Is(nextLast + 1, "and") && !Is(nextLast + 1, "or")))
                {
                    end = nextLast;
                }
            }

            return end;
        }

        /// <summary>
        /// A lower-case word that reads as a singular noun rather than a verb: not a function or
        /// clause word, not a past tense ("-ed" or irregular, listed as stop words), not ending in
        /// "-s" (a plural noun and a present-tense verb look alike: "Apple stores", "Apple plans").
        /// </summary>
        private bool IsPlainNoun(int t)
        {
            var word = Word(t);
            return char.IsLower(word[0]) && !rules.lexicons.IsFunctionWord(word) && !IsLower(t, rules.stops)
                && !word.EndsWith('s') && !(word.EndsWith("ed", StringComparison.Ordinal) && !IsLower(t, rules.modifiers));
        }
    }
}
