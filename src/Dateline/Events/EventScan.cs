using System.Collections.Frozen;
using System.Collections.Immutable;
using Dateline.Data;
using Dateline.Model;

namespace Dateline.Events;

/// <summary>Token-level work of the event stage over one document: pattern matching and argument finding.</summary>
internal sealed class Scan
{
    private const int MaxGap = 8;
    private const int MaxSlotWords = 4;

    /// <summary>Data/Events/referred.txt: noun → the code prefixes of the earlier event it refers to.</summary>
    private static readonly Lazy<FrozenDictionary<string, string[]>.AlternateLookup<ReadOnlySpan<char>>> ReferredNouns = new(() =>
        DataFile.KeyedLines("Events/referred.txt")
            .SelectMany(kv => kv.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Select(noun => (Noun: noun, Codes: kv.Key.Split(' ', StringSplitOptions.RemoveEmptyEntries))))
            .ToFrozenDictionary(p => p.Noun, p => p.Codes, StringComparer.Ordinal)
            .GetAlternateLookup<ReadOnlySpan<char>>());

    private readonly Document d;
    private readonly EventPatterns patterns;
    private readonly ImmutableArray<Token> tokens;
    private readonly (Entity Entity, int Last)?[] mentionStarting;
    private readonly (Entity Entity, int First)?[] mentionEnding;
    private readonly bool[] inMention;

    // Each token's word classes, looked up on the first question about it (the rules ask about the
    // same few tokens around every trigger many times over).
    private readonly WordClass[] classes;
    private readonly bool[] classified;

    // Whether the pattern being matched takes a role noun in a slot: not a statement's ("told reporters").
    private bool rolesInSlots;

    public Scan(Document document, EventPatterns patterns)
    {
        d = document;
        this.patterns = patterns;
        tokens = document.Tokens;
        mentionStarting = new (Entity, int)?[tokens.Length];
        mentionEnding = new (Entity, int)?[tokens.Length];
        inMention = new bool[tokens.Length];
        classes = new WordClass[tokens.Length];
        classified = new bool[tokens.Length];
        foreach (var entity in document.Entities)
        {
            foreach (var m in entity.Mentions)
            {
                var firstToken = d.TokenIndexAt(m.Start);
                var lastToken = d.TokenIndexAt(m.End) - 1;
                if (firstToken < tokens.Length && lastToken >= firstToken)
                {
                    mentionStarting[firstToken] = (entity, lastToken);
                    mentionEnding[lastToken] = (entity, firstToken);
                    for (var k = firstToken; k <= lastToken && k < tokens.Length; k++)
                    {
                        inMention[k] = true;
                    }
                }
            }
        }
    }

    public int Count => tokens.Length;

    private bool IsCount(int i) => tokens[i].Kind == TokenKind.Number || (char.IsLower(Raw(i)[0]) && (Class(i) & WordClass.Count) != 0);

    private ReadOnlySpan<char> Raw(int i) => d.Text.AsSpan(tokens[i].Start, tokens[i].Length);

    private bool Is(int i, string word) => i >= 0 && i < Count && Raw(i).Equals(word, StringComparison.OrdinalIgnoreCase);

    private WordClass Class(int i)
    {
        if (i < 0 || i >= Count || tokens[i].Length > 24)
        {
            return WordClass.None;
        }

        if (!classified[i])
        {
            Span<char> lower = stackalloc char[tokens[i].Length];
            Raw(i).ToLowerInvariant(lower);
            classes[i] = patterns.Classify(lower);

            // "since May 2024", "in May", "Theresa May": a capitalized modal inside a sentence is
            // a month or a name, not a possibility.
            if ((classes[i] & WordClass.Hypothetical) != 0 && char.IsUpper(Raw(i)[0]) && i > 0
                && (inMention[i] || (i + 1 < Count && tokens[i + 1].Kind == TokenKind.Number)
                    || (tokens[i - 1].Kind == TokenKind.Word && char.IsLower(Raw(i - 1)[0]))))
            {
                classes[i] &= ~WordClass.Hypothetical;
            }

            // "in case", "In that case, Kyiv called" are conditions; "In a separate case, the
            // Justice Department charged …", "the case against him" are a lawsuit.
            if ((classes[i] & WordClass.Hypothetical) != 0 && lower is "case"
                && !(i > 0 && Is(i - 1, "in")) && !(i > 1 && Is(i - 2, "in") && !Is(i - 1, "a") && !Is(i - 1, "the")))
            {
                classes[i] &= ~WordClass.Hypothetical;
            }

            classified[i] = true;
        }

        return classes[i];
    }

    private bool WordEquals(int i, string word)
    {
        var raw = Raw(i);
        return raw.Length == word.Length && raw.Equals(word, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Pattern matches in tokens [first, last), longest first, never two on the same tokens.</summary>
    public List<EventStage.Match> Matches(int first, int last)
    {
        var candidates = new List<EventStage.Match>();
        Span<char> lower = stackalloc char[24];
        for (var t = first; t < last; t++)
        {
            if (tokens[t].Kind != TokenKind.Word || tokens[t].Length > lower.Length)
            {
                continue;
            }

            // A capitalized word is a name ("March", "Strike Force"), not a trigger; at the start
            // of a sentence it may trigger only a pattern of several words ("Talks between X and
            // Y"), since a lone word there is more often a noun ("Yields on bonds slipped").
            var capitalized = char.IsUpper(d.Text[tokens[t].Start]);
            if (capitalized && t > first)
            {
                continue;
            }

            // A participle after an article is an adjective: "a negotiated settlement", "the
            // internationally recognised government" (an adverb in -ly between).
            if (t > first && Raw(t).EndsWith("ed", StringComparison.Ordinal) && (Article(t - 1)
                || (t - 1 > first && Raw(t - 1).EndsWith("ly", StringComparison.Ordinal) && char.IsLower(Raw(t - 1)[0]) && Article(t - 2))))
            {
                continue;
            }

            Raw(t).ToLowerInvariant(lower);
            if (patterns.Triggered(lower[..tokens[t].Length]) is not { } triggered)
            {
                continue;
            }

            // After "to", a lone verb is a purpose or a complement of another event ("met to
            // discuss"), which patterns of several words code from their own trigger.
            // An intention verb before "to" makes the verb after it the event intended ("wants to
            // attack", "pledged to expel"), coded from its own trigger.
            // "is expected to meet", "is due to visit": a planned event, coded from its own trigger.
            // "Putin to visit India next week": a headline's subject and "to" announce the event.
            var afterTo = t > first && Is(t - 1, "to") && (Class(t - 2) & (WordClass.Intent | WordClass.Planned | WordClass.Consent)) == 0 && !HeadlineInfinitive(t, first)
                && !PurposeOfTrip(t, first) && ConsentVerb(t) < 0;

            // After a preposition a trigger word is a noun or a gerund that another verb governs
            // ("advised against travel to", "accused of making"), not a verb of the clause.
            // So is one after a preposition and a plain noun ("ending months of border clashes").
            // A gerund after "by" is the means of the clause's own verb: "would respond by expelling".
            // "accused the gang of ordering the ambush": a noun trigger whose light verb is a
            // gerund after such a preposition is governed the same way.
            // "will travel to Baku on Thursday for talks with Aliyev": a purpose noun after "for"
            // on a trip is an event of its own; elsewhere ("rejected talks with Kyiv") it codes only
            // with its parties named ("talks between {S} and {T}").
            var tripPurpose = (Class(t) & WordClass.Purpose) != 0 && t > first + 1 && Is(t - 1, "for") && PurposeOfTrip(t, first);
            var afterPreposition = !tripPurpose && t > first && !(Is(t - 1, "by") && Raw(t).EndsWith("ing", StringComparison.Ordinal)) && (IsGoverningPreposition(t - 1)
                || GerundLightVerbAfterPreposition(t, first)
                || (t - 1 > first && tokens[t - 1].Kind == TokenKind.Word && char.IsLower(Raw(t - 1)[0]) && (Class(t - 1) & ~WordClass.Purpose) == WordClass.None
                    && RoleAt(t - 1, out _) is null && IsGoverningPreposition(t - 2)));
            // A lone trigger word right before a role noun, after an article, a conjunction or a
            // comma, names the kind of group: "and riot police used pepper spray" (no riot).
            var roleModifier = t > first && t + 1 < last && RoleAt(t + 1, out _) is not null
                && ((Class(t - 1) & (WordClass.Determiner | WordClass.Conjunction)) != 0 || Raw(t - 1) is ",");
            foreach (var pattern in triggered)
            {
                if ((capitalized && pattern.Elements.Length < 2) || (afterTo && pattern.Literals < 2) || (roleModifier && pattern.Elements.Length < 2)
                    || ((afterPreposition || ((Class(t) & WordClass.Purpose) != 0 && !tripPurpose)) && !pattern.Elements.Any(e => e is PatternElement.Slot { IsSource: true })))
                {
                    continue;
                }

                if (Match(pattern, t, last) is { } m)
                {
                    candidates.Add(m);
                }
            }
        }

        // More literal words first, then the longer trigger ("air strike" over "strike"), then file order.
        candidates.Sort((a, b) => a.Pattern.Literals != b.Pattern.Literals
            ? b.Pattern.Literals.CompareTo(a.Pattern.Literals)
            : a.TriggerEnd - a.Start != b.TriggerEnd - b.Start
                ? (b.TriggerEnd - b.Start).CompareTo(a.TriggerEnd - a.Start)
                : a.Pattern.Order.CompareTo(b.Pattern.Order));
        var taken = new List<EventStage.Match>();
        foreach (var c in candidates)
        {
            if (!taken.Exists(t => c.Start <= t.End && t.Start <= c.End))
            {
                taken.Add(c);
            }
        }

        // The verb after a pattern that ends in "to" ("called on Georgia to free", "urged Kyiv to
        // attack") is what was asked or offered, not an event of its own.
        taken.RemoveAll(c => c.Start > 0 && Is(c.Start - 1, "to") && taken.Exists(t => t.End == c.Start - 1));

        // So is the verb after the "to" of an appeal or demand whose pattern ends with its target
        // ("urged Myanmar to close the compounds", "urged Beijing on Tuesday to remove the duties").
        taken.RemoveAll(c => c.Start > 1 && Is(c.Start - 1, "to") && taken.Exists(t => t.End < c.Start - 1 && c.Start - 1 - t.End <= 6
            && t.Pattern.Code.Length >= 2 && t.Pattern.Code[..2] is "02" or "10" && NoBoundaryBetween(t.End, c.Start - 1)));

        // So is the noun that verb governs ("called on the junta to end air strikes on civilians",
        // "asked the Security Council to hold an emergency meeting").
        taken.RemoveAll(c => taken.Exists(t => t.Pattern.Code.Length >= 2 && t.Pattern.Code[..2] is "02" or "10" && Is(t.End, "to")
            && c.Start > t.End + 1 && c.Start <= t.End + 4 && NoBoundaryBetween(t.End, c.Start)));

        // So is the verb of a "that" clause after a demand or an appeal ("demanded that the RSF
        // withdraw", "urged that talks resume").
        taken.RemoveAll(c => taken.Exists(t => t.End < c.Start && t.Pattern.Code.Length >= 2 && t.Pattern.Code[..2] is "10" or "02" && ThatClauseBetween(t.End, c.Start)));

        // A demand or appeal after "to" right after a protest is what it is for ("marched through
        // Tbilisi on Thursday to demand the release of …"): one event, the demonstration.
        taken.RemoveAll(c => c.Start > 0 && Is(c.Start - 1, "to") && c.Pattern.Code[..2] is "10" or "02"
            && taken.Exists(t => t.End < c.Start && t.Pattern.Code[..2] == "14" && NoBoundaryBetween(t.End, c.Start - 1)));
        taken.Sort((a, b) => a.Start.CompareTo(b.Start));
        return taken;
    }

    /// <summary>True when no sentence or clause boundary and at most twelve tokens lie between two tokens.</summary>
    private bool NoBoundaryBetween(int end, int start)
    {
        for (var i = end + 1; i < start; i++)
        {
            if (IsHardBoundary(i) || (Class(i) & WordClass.Clause) != 0)
            {
                return false;
            }
        }

        return start - end <= 12;
    }

    /// <summary>True when "that" opens a clause between two tokens, with no boundary of a gap between.</summary>
    private bool ThatClauseBetween(int end, int start)
    {
        var that = false;
        for (var i = end + 1; i < start; i++)
        {
            if (IsGapBoundary(i) || (Class(i) & WordClass.Clause) != 0 && !Is(i, "that"))
            {
                return false;
            }

            that |= Is(i, "that");
        }

        return that && start - end <= MaxGap;
    }

    // The governing prepositions of modality.txt, and "since" ("its first convoy since fighting
    // flared in October"), written in lower case.
    private bool IsGoverningPreposition(int i) =>
        tokens[i].Kind == TokenKind.Word && char.IsLower(Raw(i)[0]) && (Class(i) & (WordClass.Governing | WordClass.Since)) != 0;

    private EventStage.Match? Match(EventPattern pattern, int start, int last)
    {
        var first = (PatternElement.Words)pattern.Elements[0];
        foreach (var before in pattern.Before)
        {
            if (!StandsBefore(before, start))
            {
                return null;
            }
        }

        foreach (var alternative in first.Alternatives)
        {
            if (!MatchWords(alternative, start, last))
            {
                continue;
            }

            var triggerEnd = start + alternative.Length - 1;
            rolesInSlots = !pattern.Code.StartsWith("01", StringComparison.Ordinal);
            Entity? source = null;
            Entity? target = null;
            var end = MatchFrom(pattern.Elements, 1, triggerEnd + 1, last, ref source, ref target);
            if (end >= 0)
            {
                return new EventStage.Match(pattern, start, triggerEnd, Math.Max(triggerEnd, end - 1), source, target);
            }
        }

        return null;
    }

    /// <summary>Matches elements[k..] from token <paramref name="at"/>; returns the token after the match, or -1.</summary>
    private int MatchFrom(ImmutableArray<PatternElement> elements, int k, int at, int last, ref Entity? source, ref Entity? target)
    {
        if (k == elements.Length)
        {
            return at;
        }

        switch (elements[k])
        {
            case PatternElement.Words words:
                foreach (var alternative in words.Alternatives)
                {
                    if (MatchWords(alternative, at, last))
                    {
                        var end = MatchFrom(elements, k + 1, at + alternative.Length, last, ref source, ref target);
                        if (end >= 0)
                        {
                            return end;
                        }
                    }
                }

                // "appealed on Friday for $4 billion": a date may stand between the trigger and
                // the words that follow it, as between a slot and the rest.
                if (k == 1 && at < last && (Is(at, "on") || Is(at, "in") || Is(at, "last") || Is(at, "this") || Is(at, "earlier"))
                    && AfterDate(at) is var afterDate and > 0 && afterDate < last)
                {
                    foreach (var alternative in words.Alternatives)
                    {
                        if (MatchWords(alternative, afterDate, last))
                        {
                            var end = MatchFrom(elements, k + 1, afterDate + alternative.Length, last, ref source, ref target);
                            if (end >= 0)
                            {
                                return end;
                            }
                        }
                    }
                }

                return -1;

            case PatternElement.Gap:
                for (var gap = 0; gap <= MaxGap && at + gap <= last; gap++)
                {
                    // "called on the EU to impose sanctions on Serbia and will meet Rutte": "and"
                    // before an auxiliary opens the subject's next verb, which no gap reaches;
                    // "demanded their release and suspended aid": nor a second verb joined by "and".
                    // "threatened to block roads if prosecutors arrested …": nor a condition's verb.
                    if (gap > 0 && (IsGapBoundary(at + gap - 1) || NextVerbPhrase(at + gap - 1) || CoordinatedVerb(at + gap - 1)
                        || (Class(at + gap - 1) & WordClass.Condition) != 0))
                    {
                        break;
                    }

                    var end = MatchFrom(elements, k + 1, at + gap, last, ref source, ref target);
                    if (end >= 0)
                    {
                        return end;
                    }
                }

                return -1;

            case PatternElement.Slot slot:
                // An entity mention (after an article), else a few plain words.
                var m = at;
                // "held a phone call with his Egyptian counterpart Badr Abdelatty": a person's
                // possessive stands where an article would.
                if (m < last && ((mentionStarting[m] is null && Is(m, "the")) || (!slot.IsSource && (Is(m, "his") || Is(m, "her")) && m + 1 < last && mentionStarting[m + 1] is not null)))
                {
                    m++;
                }

                // "freed three Armenian soldiers", "released 20 prisoners": a count before the mention.
                if (slot.EntityOnly && m < last && mentionStarting[m] is null && IsCount(m))
                {
                    m++;
                }

                if (m < last && mentionStarting[m] is { } mention)
                {
                    // "between Sudan's army and the RSF": a country's role noun after its possessive.
                    var after = mention.Last + 1;
                    var owned = rolesInSlots && after + 1 < last && Raw(after) is "'s" or "\u2019s" && RoleAt(after + 1, out var ownerFirst) is { } ownedRoles
                        && ownerFirst == m ? ownedRoles.Find(r => r.Country == mention.Entity.Country) : null;
                    if (owned is not null)
                    {
                        after += 2;
                    }

                    // "demanding that Yemen's Houthis halt attacks", "urged Russia's Vladimir Putin": a
                    // country's possessive before another name is that name's, which is the party.
                    else if (mention.Entity.Type == "GPE" && after + 1 < last && Raw(after) is "'s" or "\u2019s" && mentionStarting[after + 1] is { Entity.Type: not ("GPE" or "LOC" or "NORP") } possessed)
                    {
                        mention = possessed;
                        after = possessed.Last + 1;
                    }

                    var s = source;
                    var t = target;
                    if (slot.IsSource)
                    {
                        s = owned ?? mention.Entity;
                    }
                    else
                    {
                        t = owned ?? TitledPerson(mention) ?? NationalRole(mention, m, last) ?? mention.Entity;
                    }

                    var end = MatchFrom(elements, k + 1, after, last, ref s, ref t);

                    // "called on the European Commission on Thursday to share …": a date may stand
                    // between the slot and the rest of the pattern.
                    if (end < 0 && AfterDate(after) is var dated and > 0 && dated < last)
                    {
                        end = MatchFrom(elements, k + 1, dated, last, ref s, ref t);
                    }

                    // "called on the Sudanese Armed Forces and the Rapid Support Forces to allow …",
                    // "the South Sudanese government and opposition": parties coordinated in a target
                    // slot; the first is the slot's actor, names after it are found as coordinated.
                    if (end < 0 && !slot.IsSource && CoordinatedEnd(after, last) is var joined and > 0)
                    {
                        end = MatchFrom(elements, k + 1, joined, last, ref s, ref t);
                    }

                    if (end >= 0)
                    {
                        source = s;
                        target = t;
                        return end;
                    }
                }

                // "released the mayor of Nablus", "helped the two exiled dissidents from Egypt": a
                // role noun no entity covers, after at most two plain words, is an actor too.
                for (var r = m; rolesInSlots && r < last && r <= m + 2; r++)
                {
                    if (mentionStarting[r] is null && !IsRoleModifier(r) && RoleAt(r, out _) is [var role, ..])
                    {
                        var s = source;
                        var t = target;
                        if (slot.IsSource)
                        {
                            s = role;
                        }
                        else
                        {
                            t = role;
                        }

                        var end = MatchFrom(elements, k + 1, r + 1, last, ref s, ref t);
                        if (end >= 0)
                        {
                            source = s;
                            target = t;
                            return end;
                        }

                        break;
                    }

                    if (tokens[r].Kind != TokenKind.Word || inMention[r] || !char.IsLower(Raw(r)[0]) || Class(r) != WordClass.None)
                    {
                        break;
                    }
                }

                for (var n = 1; !slot.EntityOnly && n <= MaxSlotWords && at + n <= last; n++)
                {
                    // Plain words in a slot are a noun phrase, never "not" or "to" ("asked not to be named").
                    // Nor, for a target, a "by" phrase ("a visit by X": X is the agent).
                    // Nor the verb of a trip's purpose ("will visit Canberra next week to meet X": an event of its own).
                    if (tokens[at + n - 1].Kind != TokenKind.Word || Is(at + n - 1, "to") || (Class(at + n - 1) & WordClass.Negation) != 0
                        || (n == 1 && !slot.IsSource && Is(at, "by")) || (n == 1 && !slot.IsSource && at > 0 && Is(at - 1, "to") && PurposeOfTrip(at, 0)))
                    {
                        break;
                    }

                    var end = MatchFrom(elements, k + 1, at + n, last, ref source, ref target);
                    if (end >= 0)
                    {
                        return end;
                    }
                }

                return -1;

            default:
                return -1;
        }
    }

    /// <summary>True when token <paramref name="i"/> is an article ("a", "an", "the").</summary>
    private bool Article(int i) => i >= 0 && (Is(i, "a") || Is(i, "an") || Is(i, "the"));

    /// <summary>
    /// The token after the names or role nouns coordinated after a slot's mention ("and the Rapid
    /// Support Forces", "and opposition", ", Sudan and Chad") from token <paramref name="i"/>,
    /// or -1 when none is.
    /// </summary>
    private int CoordinatedEnd(int i, int last)
    {
        var end = -1;
        for (var parties = 0; parties < 3 && i + 1 < last && (Is(i, "and") || Raw(i) == ","); parties++)
        {
            var n = i + 1;
            if (Raw(i) == "," && Is(n, "and"))
            {
                n++;
            }

            if (n < last && Is(n, "the"))
            {
                n++;
            }

            if (n < last && mentionStarting[n] is { } next)
            {
                i = next.Last + 1;
            }
            else if (n < last && rolesInSlots && mentionStarting[n] is null && !inMention[n] && char.IsLower(Raw(n)[0]) && RoleAt(n, out _) is [_, ..])
            {
                i = n + 1;
            }
            else
            {
                break;
            }

            end = i;
        }

        return end;
    }

    /// <summary>
    /// The token after a date that starts at token <paramref name="i"/> ("on Thursday", "last
    /// week"), or -1 when no date starts there.
    /// </summary>
    private int AfterDate(int i)
    {
        if (i >= Count)
        {
            return -1;
        }

        var j = Is(i, "on") || Is(i, "in") ? i + 1 : i;
        if (j >= Count)
        {
            return -1;
        }

        foreach (var t in d.Timexes)
        {
            if (t.Start == tokens[j].Start)
            {
                var next = d.TokenIndexAt(t.End);
                return next > j ? next : -1;
            }
        }

        return -1;
    }

    /// <summary>True when one of the words stands among the few tokens before the trigger, in its clause.</summary>
    private bool StandsBefore(PatternElement.Words words, int trigger)
    {
        for (var i = trigger - 1; i >= 0 && i >= trigger - MaxGap; i--)
        {
            if (IsHardBoundary(i))
            {
                return false;
            }

            foreach (var alternative in words.Alternatives)
            {
                if (i + alternative.Length <= trigger && MatchWords(alternative, i, trigger))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private bool MatchWords(string[] words, int at, int last)
    {
        if (at + words.Length > last)
        {
            return false;
        }

        for (var i = 0; i < words.Length; i++)
        {
            if (!WordEquals(at + i, words[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True when "and" or "but" at <paramref name="i"/> joins a past verb after it ("and suspended").</summary>
    private bool CoordinatedVerb(int i) =>
        (Is(i, "and") || Is(i, "but")) && i + 1 < Count && !inMention[i + 1] && tokens[i + 1].Kind == TokenKind.Word
        && char.IsLower(Raw(i + 1)[0]) && Raw(i + 1).EndsWith("ed", StringComparison.Ordinal);

    private bool IsHardBoundary(int i) => Raw(i) is "." or ";" or ":" or "?" or "!" || tokens[i].Kind == TokenKind.QuoteMark;

    /// <summary>Whether "and" before an auxiliary (a new verb phrase) lies between two tokens.</summary>
    private bool VerbPhraseBetween(int a, int b)
    {
        for (var i = Math.Min(a, b) + 1; i < Math.Max(a, b) - 1; i++)
        {
            if (NextVerbPhrase(i))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"and" or "but" before a future or modal auxiliary ("… and will meet", "but could"): a new verb phrase.</summary>
    /// "… and is expected to visit", "and was due to": a form of "be" or "have" before a plan word, too.
    /// "accused Ruto of … and said the opposition would hold rallies next week": a reporting verb
    /// after the conjunction opens a clause of its own.
    private bool NextVerbPhrase(int i) =>
        (Class(i) & WordClass.Conjunction) != 0 && i + 1 < Count
        && (((Class(i + 1) & (WordClass.Planned | WordClass.Hypothetical)) != 0 && !Is(i + 1, "if"))
            || (!inMention[i + 1] && char.IsLower(Raw(i + 1)[0]) && (Class(i + 1) & WordClass.Reporting) != 0)
            || (i + 2 < Count && char.IsLower(Raw(i + 1)[0]) && (Class(i + 1) & (WordClass.Passive | WordClass.Auxiliary)) != 0 && (Class(i + 2) & WordClass.Planned) != 0));

    /// <summary>Whether "since" opens a clause between the trigger and a later date in it.</summary>
    private bool SinceBetween(int trigger, int at)
    {
        for (var i = trigger + 1; i < at; i++)
        {
            if (IsHardBoundary(i))
            {
                return false;
            }

            if (Is(i, "since"))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether a condition word ("if", "unless") stands between the trigger and a later token, in
    /// its sentence: "threatened to resume the fighting if Hamas does not return the bodies by the
    /// end of the month": the date of the condition is not the threat's.
    /// </summary>
    private bool ConditionBetween(int trigger, int at)
    {
        for (var i = trigger + 1; i < at; i++)
        {
            if (IsHardBoundary(i))
            {
                return false;
            }

            if ((Class(i) & WordClass.Condition) != 0 && char.IsLower(Raw(i)[0]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The party named first in the condition after a trigger ("threatened to resume the fighting
    /// if Hamas does not return the bodies" → Hamas), within a few tokens of its sentence; null
    /// when no condition follows or it opens with no named party.
    /// </summary>
    public Entity? ConditionSubject(int end, int sentenceLast)
    {
        for (var i = end + 1; i < sentenceLast && i <= end + MaxGap; i++)
        {
            if (IsHardBoundary(i))
            {
                return null;
            }

            if ((Class(i) & WordClass.Condition) != 0 && char.IsLower(Raw(i)[0]))
            {
                var j = Is(i + 1, "the") ? i + 2 : i + 1;
                return j < sentenceLast && mentionStarting[j] is { Entity: { Type: "PERSON" or "ORG" or "GPE" or "NORP" } named } ? named : null;
            }
        }

        return null;
    }

    private bool IsGapBoundary(int i) => IsHardBoundary(i) || Raw(i) is "," or "\u2014" or "\u2013";

    /// <summary>The first token of the trigger's clause: after the nearest clause word or hard boundary before it.</summary>
    public int ClauseStart(int trigger, int sentenceFirst)
    {
        for (var i = trigger - 1; i >= sentenceFirst; i--)
        {
            if ((Class(i) & WordClass.Clause) != 0 || IsHardBoundary(i))
            {
                return i + 1;
            }
        }

        return sentenceFirst;
    }

    /// <summary>The quote whose text holds the token, if any.</summary>
    public Quote? QuoteAt(int token)
    {
        var at = tokens[token].Start;
        foreach (var q in d.Quotes)
        {
            foreach (var p in q.Parts)
            {
                if (p.Start <= at && at < p.End)
                {
                    return q;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// The subject of the trigger: the nearest entity before it in its clause that is not the
    /// object of a preposition nor an "according to" source, with the entities coordinated with
    /// it; NORP groups only when no other entity is there.
    /// </summary>
    public List<Entity> Subject(int trigger, int clauseStart, out bool passive)
    {
        // "will visit Canberra next week to meet Albanese": the purpose's subject is the
        // traveller's, not the place visited.
        if (trigger > clauseStart && Is(trigger - 1, "to") && TripVerb(trigger, clauseStart) is var trip and >= 0)
        {
            trigger = trip;
        }

        passive = false;
        var found = new List<Entity>();
        var i = trigger - 1;
        (Entity Entity, int First)? head = null;
        List<Entity>? roles = null;
        var brokeAtReporting = false;
        for (; i >= clauseStart; i--)
        {
            // "Israel said a mortar bomb was fired": the reporter is not the reported clause's subject.
            if (mentionEnding[i] is null && IsReportingVerb(i))
            {
                brokeAtReporting = true;
                break;
            }

            // Not the object of a preposition, not an "according to" source, not a parenthesis
            // ("NAIROBI (Reuters) - …": the agency in a dateline is no one's subject).
            if (mentionEnding[i] is { } m && (!IsPrepositionObject(m.First) || MemberFrom(m.First)) && !IsAccordingTo(m.First) && !(i + 1 < Count && Raw(i + 1) is ")"))
            {
                head = m;
                break;
            }

            // A plain role noun no entity covers: "Insurgents shelled", "the civilians … were released".
            // "clear thousands of students blocking a bridge": a role noun right before a participle
            // in -ing is its subject, after "of" too.
            // "against Prime Minister Anutin": a word of a person's own title stands for that person.
            if (RoleAt(i, out var roleFirst) is { } r && !InOwnTitle(i) && (!IsPrepositionObject(roleFirst)
                || (i == trigger - 1 && Raw(trigger).EndsWith("ing", StringComparison.Ordinal) && Raw(i).EndsWith('s'))))
            {
                roles = r;
                break;
            }
        }

        // "Turkey, Azerbaijan's closest ally, blamed Armenia": the name before an apposition
        // between commas is the subject, not a name inside the apposition.
        // So is the name before a relative clause between commas: "Sudan, which has accused the
        // rebels of …, said".
        // Auxiliaries may stand between: "Russia, which has sent instructors to Mali, did not comment";
        // so may a future or modal one: "Ruto, who visited China last week, will meet Museveni".
        var afterComma = trigger - 1;
        while (afterComma > clauseStart && afterComma >= trigger - 3 && tokens[afterComma].Kind == TokenKind.Word && char.IsLower(Raw(afterComma)[0])
            && (Class(afterComma) & (WordClass.Auxiliary | WordClass.Passive | WordClass.Negation | WordClass.Planned)) != 0)
        {
            afterComma--;
        }

        // "The chairperson of the African Union Commission, Mahmoud Ali Youssouf, called on …": a
        // person named between commas right before the verb, after a title "of" a body (read as
        // that preposition's object), is the subject.
        if (head is null && roles is null && !brokeAtReporting && afterComma - 1 > clauseStart && Raw(afterComma) is ","
            && mentionEnding[afterComma - 1] is { Entity.Type: "PERSON" } named && named.First - 1 > clauseStart && Raw(named.First - 1) is ","
            && !IsAccordingTo(named.First))
        {
            head = named;
        }

        // "Vietnam, which also claims the islands, called for restraint": so is the name before a
        // relative clause whose own verb reports.
        if ((head is not null || roles is not null || brokeAtReporting) && afterComma > 0 && Raw(afterComma) is "," && Apposition(afterComma) is { } appositive)
        {
            head = appositive;
            roles = null;
        }

        // "Greece summoned Iran's ambassador and demanded …": a verb right after "and" or "but"
        // shares the subject of the clause's first verb, not the object before the conjunction.
        var conj = trigger - 1;
        while (conj > clauseStart && tokens[conj].Kind == TokenKind.Word && Raw(conj).EndsWith("ly", StringComparison.Ordinal))
        {
            conj--;
        }

        // "granted bail to four leaders …, but rejected a petition": ", but" right before the verb too.
        if (head is not null && conj > clauseStart && (Is(conj, "and") || Is(conj, "but")) && (!Is(conj - 1, ",") || (Is(conj, "but") && conj == trigger - 1))
            && FirstSubjectMention(clauseStart, conj) is { } firstSubject && firstSubject.First < head.Value.First)
        {
            head = firstSubject;
        }
        else if (head is null && roles is null && brokeAtReporting && conj > clauseStart && (Is(conj, "and") || Is(conj, "but")) && !Is(conj - 1, ",")
            && FirstSubjectMention(clauseStart, conj) is { } reporter)
        {
            // "Observers from the OAS said they had found no fraud and urged Quiroga to …": the
            // clause's first subject, the reporter, did both.
            head = reporter;
        }
        else if (head is not null && conj > clauseStart && (Is(conj, "and") || Is(conj, "but")) && !Is(conj - 1, ",")
            && FirstSubjectRole(clauseStart, conj, head.Value.First) is { } firstRoles)
        {
            // "South Korea's foreign minister spoke with Wang Yi and asked Beijing …": the
            // possessed role before the first verb is the subject, not the name before "and".
            head = null;
            roles = firstRoles;
        }

        // "activists who had protested": the subject of a relative clause is the noun before "who".
        var coordinationFloor = clauseStart;
        if (head is null && roles is null && i < clauseStart && clauseStart >= 2 && (Is(clauseStart - 1, "who") || Is(clauseStart - 1, "which")))
        {
            // "Egypt and Saudi Arabia, which brokered the truce, urged …": names coordinated
            // with the antecedent, before the relative clause, are subjects too.
            coordinationFloor = 0;
            // "The United States, which mediated …": the noun before the comma.
            var before = Is(clauseStart - 2, ",") && clauseStart >= 3 ? clauseStart - 3 : clauseStart - 2;
            if (mentionEnding[before] is { } antecedent)
            {
                head = antecedent;
            }
            else if (RoleAt(before, out _) is { } r)
            {
                roles = r;
            }
        }

        // Passive: a form of "be" right before the trigger (adverbs allowed between).
        for (var j = trigger - 1; j >= clauseStart && j > i; j--)
        {
            if (tokens[j].Kind == TokenKind.Word && (Raw(j).EndsWith("ly", StringComparison.Ordinal) || (Class(j) & WordClass.Adverb) != 0))
            {
                continue;
            }

            // "were proposed by": a form of "be" before a participle (not "was considering").
            // "are ready to meet", "is willing to talk": an adjective before "to", not a participle.
            // "is due in Nairobi": a planned-class word as the trigger is an adjective too.
            passive = (Class(j) & WordClass.Passive) != 0 && !Raw(trigger).EndsWith("ing", StringComparison.Ordinal)
                && (Class(trigger) & WordClass.Planned) == 0
                && !(Is(trigger + 1, "to") && !Raw(trigger).EndsWith("ed", StringComparison.Ordinal) && !Raw(trigger).EndsWith("en", StringComparison.Ordinal)
                    && (Class(trigger) & WordClass.Motion) == 0);
            break;
        }

        if (roles is not null)
        {
            return roles;
        }

        if (head is not { } h)
        {
            return found;
        }

        // "Thai artillery had shelled …": a nationality before a military noun is its forces.
        found.Add(h.Entity.Type == "NORP" && mentionStarting[h.First] is { } hm && NationalRole(hm, h.First, trigger) is { } national ? national : h.Entity);

        // Coordinated subjects: "Ukraine and several European countries — including France, Germany, Poland, and the United Kingdom".
        var k = TitleStart(h) - 1;
        var own = found.Count;
        var runBefore = k;
        while (k >= coordinationFloor)
        {
            var gapStart = k;
            // "Thai Foreign Minister X and his Cambodian counterpart Y signed": the possessive
            // before the second title is the first party's, part of the coordination.
            while (k >= coordinationFloor && (mentionEnding[k] is null || (k > coordinationFloor && (Is(k, "his") || Is(k, "her")) && Is(k - 1, "and")))
                && (Class(k) & WordClass.Coordination) != 0)
            {
                k--;
            }

            // "imposed sanctions on Iran, and Canada froze": a preposition's object is no subject.
            // "GENEVA — The UN refugee agency appealed": a dateline is no one's subject.
            if (k < coordinationFloor || gapStart == k || mentionEnding[k] is not { } previous || IsPrepositionObject(previous.First) || IsDateline(previous.First, k))
            {
                break;
            }

            if (previous.Entity.Type == "NORP" && h.Entity.Type != "NORP" && h.Entity.Actor is { Length: 6 } headActor
                && previous.Entity.Country is { Length: 3 } country && country != h.Entity.Country)
            {
                // "Chilean and Argentine lawmakers": each nationality stands for its own country's lawmakers.
                var code = country + headActor[3..];
                found.Add(new Entity("~" + previous.First.ToString(System.Globalization.CultureInfo.InvariantCulture) + code, "ROLE", h.Entity.Name, [], code, country, null, []));
            }
            else
            {
                found.Add(previous.Entity);
            }

            k = TitleStart(previous) - 1;
            runBefore = k;
        }

        // Before the relative clause, the coordinated names must open their clause ("Egypt and
        // Saudi Arabia, which …"), not be the object of a verb before them ("Russia attacked
        // Ukraine and Poland, which …").
        if (coordinationFloor < clauseStart && found.Count > own && runBefore >= 0 && !IsHardBoundary(runBefore) && Raw(runBefore) is not ("," or "\u2014" or "\u2013"))
        {
            found.RemoveRange(own, found.Count - own);
        }

        var distinct = found.DistinctBy(e => e.Id).ToList();
        if (distinct.Exists(e => e.Type != "NORP"))
        {
            distinct.RemoveAll(e => e.Type == "NORP" && distinct.Count > 1);
        }

        distinct.Reverse();
        return distinct;
    }

    /// <summary>
    /// Whether the mention from <paramref name="first"/> to <paramref name="last"/> is a wire
    /// dateline: capitals opening a line, then a dash or a parenthesis ("GENEVA — …", "CARACAS,
    /// Venezuela (AP) — …").
    /// </summary>
    private bool IsDateline(int first, int last)
    {
        if (first > 0 && !d.Text.AsSpan(tokens[first - 1].End, tokens[first].Start - tokens[first - 1].End).Contains('\n'))
        {
            return false;
        }

        for (var i = first; i <= last; i++)
        {
            foreach (var c in Raw(i))
            {
                if (char.IsLower(c))
                {
                    return false;
                }
            }
        }

        var after = last + 1;
        return after < Count && Raw(after) is "\u2014" or "\u2013" or "-" or "(" or ",";
    }

    /// <summary>
    /// The mention before an apposition or a relative clause that ends at the comma
    /// <paramref name="comma"/>: "Turkey, Azerbaijan's closest ally," (a comma up to eight tokens
    /// before and no verb-like word — none ending in -ed — between the commas), "Sudan, which has
    /// accused …," (up to sixteen); a mention right before the first comma; null otherwise.
    /// </summary>
    private (Entity Entity, int First)? Apposition(int comma)
    {
        // A relative clause may be long: "Abdelatty, who met Sudanese Foreign Minister Mohieldin
        // Salem and Ethiopian Foreign Minister Gedion Timothewos in Cairo on Sunday, will travel".
        var verb = false;
        for (var i = comma - 1; i > 0 && i >= comma - 30; i--)
        {
            if (IsHardBoundary(i))
            {
                return null;
            }

            if (Raw(i) is ",")
            {
                var relative = Is(i + 1, "which") || Is(i + 1, "who");
                return (relative || (!verb && comma - i <= 9)) && (relative || comma - i <= 16) && mentionEnding[i - 1] is { } before && !IsPrepositionObject(before.First) ? before : null;
            }

            if ((Class(i) & WordClass.Clause) != 0 && !((Is(i, "which") || Is(i, "who")) && Raw(i - 1) is ","))
            {
                return null;
            }

            verb |= tokens[i].Kind == TokenKind.Word && char.IsLower(Raw(i)[0]) && Raw(i).EndsWith("ed", StringComparison.Ordinal);
        }

        return null;
    }

    /// <summary>
    /// The clause's subject when its first mention owns a role noun before a verb ("South Korea's
    /// foreign minister spoke"): that role's actors, when the mention starts before
    /// <paramref name="before"/>; null otherwise.
    /// </summary>
    private List<Entity>? FirstSubjectRole(int clauseStart, int end, int before)
    {
        for (var i = clauseStart; i < end && i < before; i++)
        {
            if (mentionStarting[i] is not { } m)
            {
                continue;
            }

            if (IsPrepositionObject(i) || IsAccordingTo(i))
            {
                i = m.Last;
                continue;
            }

            var v = m.Last + 1;
            if (v >= end || Raw(v) is not ("'s" or "\u2019s"))
            {
                return null;
            }

            // Up to three plain words after the possessive, the last a role noun, then a verb.
            for (var j = v + 1; j <= v + 3 && j + 1 < end && j < before; j++)
            {
                if (tokens[j].Kind != TokenKind.Word || !char.IsLower(Raw(j)[0]))
                {
                    return null;
                }

                if (RoleAt(j, out _) is { } roles && tokens[j + 1].Kind == TokenKind.Word && char.IsLower(Raw(j + 1)[0])
                    && (Class(j + 1) & WordClass.Coordination) == 0 && RoleAt(j + 1, out _) is null)
                {
                    return roles;
                }
            }

            return null;
        }

        return null;
    }

    /// <summary>
    /// The clause's first mention before a verb: the first mention from the clause start that is
    /// no preposition's object nor an "according to" source, when some word (its verb) follows it
    /// before <paramref name="end"/> that is no mention; null otherwise.
    /// </summary>
    private (Entity Entity, int First)? FirstSubjectMention(int clauseStart, int end)
    {
        for (var i = clauseStart; i < end; i++)
        {
            if (mentionStarting[i] is { } m)
            {
                // "STRASBOURG (dpa) - The European Parliament condemned … and urged": a dateline and
                // its agency are no one's subject.
                if ((IsPrepositionObject(i) && !MemberFrom(i)) || IsAccordingTo(i) || IsDateline(i, m.Last) || (m.Last + 1 < end && Raw(m.Last + 1) is ")"))
                {
                    i = m.Last;
                    continue;
                }

                // A verb after it: a lower-case word that is no coordination ("Ukraine and France").
                // A nationality before a title and a name ("Dutch Foreign Minister Caspar
                // Veldkamp") gives way to the name.
                var v = m.Last + 1;
                if (v < end && tokens[v].Kind == TokenKind.Word && char.IsLower(Raw(v)[0]) && (Class(v) & WordClass.Coordination) == 0)
                {
                    return (m.Entity, i);
                }

                if (m.Entity.Type == "NORP" && v < end && tokens[v].Kind == TokenKind.Word && char.IsUpper(Raw(v)[0]))
                {
                    i = m.Last;
                    continue;
                }

                return null;
            }
        }

        return null;
    }

    /// <summary>
    /// The first token of a person's title before the name: "Kenyan President William Ruto" from
    /// "Kenyan" (a nationality and up to three capitalized title words), else the mention's own.
    /// </summary>
    /// <summary>
    /// A person named after up to three capitalized title words from token <paramref name="i"/>
    /// ("President Félix Tshisekedi", "Foreign Minister Wang Yi"), or null.
    /// </summary>
    private (Entity Entity, int Last)? TitledAfter(int i, int last)
    {
        for (var j = i; j < last && j <= i + 3; j++)
        {
            if (mentionStarting[j] is { } m)
            {
                return j > i && m.Entity.Type == "PERSON" ? m : null;
            }

            if (tokens[j].Kind != TokenKind.Word || !char.IsUpper(Raw(j)[0]) || Class(j) != WordClass.None)
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>
    /// The first token of a person's own title right before the name ("U.S. Trade Representative
    /// Jamieson Greer": the title's words, whatever they are; "Trade" is also a trigger word), or
    /// <paramref name="first"/> when none stands there.
    /// </summary>
    private int OwnTitleStart(Entity entity, int first)
    {
        var j = first - 1;
        if (entity.Type != "PERSON")
        {
            return first;
        }

        foreach (var title in entity.Titles)
        {
            var words = title.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var w = words.Length - 1;
            var t = first - 1;
            while (w >= 0 && t >= 0 && mentionEnding[t] is null && Raw(t).Equals(words[w], StringComparison.OrdinalIgnoreCase))
            {
                w--;
                t--;
            }

            if (w < 0 && t < j)
            {
                j = t;
            }
        }

        return j + 1;
    }

    /// <summary>Whether token <paramref name="i"/> is a word of the own title of a person named right after it.</summary>
    private bool InOwnTitle(int i)
    {
        for (var j = i + 1; j < Count && j <= i + 4; j++)
        {
            if (mentionStarting[j] is { } named)
            {
                return OwnTitleStart(named.Entity, j) <= i;
            }

            if (tokens[j].Kind != TokenKind.Word || inMention[j])
            {
                return false;
            }
        }

        return false;
    }

    private int TitleStart((Entity Entity, int First) mention)
    {
        if (mention.Entity.Type != "PERSON")
        {
            return mention.First;
        }

        var j = OwnTitleStart(mention.Entity, mention.First) - 1;

        for (var skipped = 0; skipped < 3 && j >= 0 && mentionEnding[j] is null && tokens[j].Kind == TokenKind.Word
            && char.IsUpper(Raw(j)[0]) && Class(j) == WordClass.None; skipped++)
        {
            j--;
        }

        if (j == mention.First - 1)
        {
            return mention.First;
        }

        // "Indian Commerce Minister Piyush Goyal", "U.S. Trade Representative Jamieson Greer": a
        // nationality or a country's name before the title opens the person's phrase.
        return j >= 0 && mentionEnding[j] is { Entity.Type: "NORP" or "GPE" } nationality ? nationality.First : j + 1;
    }

    /// <summary>
    /// The parties coordinated after a target ("urged Pakistan and Afghanistan", "A, B and C"):
    /// a name joined to its mention after <paramref name="from"/> by "and"; empty when none.
    /// </summary>
    public List<Entity> CoordinatedAfter(Entity target, int from, int last)
    {
        var more = new List<Entity>(1);
        for (var i = from + 1; i < last && i <= from + 12; i++)
        {
            // "spoke with the Somali and Ethiopian leaders": the target is the role of the first
            // nationality, and the second nationality's role is coordinated with it.
            var national = target.Type == "ROLE" && target.Actor is { Length: 6 };
            if (mentionStarting[i] is not { } m
                || (m.Entity.Id != target.Id && !(national && m.Entity.Type == "NORP" && m.Entity.Country == target.Country)))
            {
                continue;
            }

            var n = m.Last + 2;
            if (n < last && Is(n - 1, "and") && Is(n, "the"))
            {
                n++;
            }

            // "Pakistan and India's leaders": the second name owns a noun; not a party alone.
            if (n < last && Is(m.Last + 1, "and") && mentionStarting[n] is { Entity.Type: "GPE" or "ORG" or "PERSON" } next && next.Entity.Id != target.Id
                && !(next.Last + 1 < last && Raw(next.Last + 1) is "'s" or "’s" or "'" or "’"))
            {
                more.Add(next.Entity);
            }
            else if (n < last && Is(m.Last + 1, "and") && mentionStarting[n] is { Entity.Type: "NORP" } titled && TitledAfter(titled.Last + 1, last) is { } person
                && person.Entity.Id != target.Id && (target.Type == "PERSON" || !national))
            {
                // "spoke with Rwandan President Paul Kagame and Congolese President Félix Tshisekedi":
                // a person after a nationality and a title.
                more.Add(person.Entity);
            }
            else if (national && m.Entity.Type == "NORP" && n < last && Is(m.Last + 1, "and") && mentionStarting[n] is { Entity.Type: "NORP" } nextNational
                && nextNational.Entity.Country != target.Country && NationalRole(nextNational, n, last) is { Actor: { Length: 6 } role } nextRole
                && role.AsSpan(3).SequenceEqual(target.Actor.AsSpan(3)))
            {
                more.Add(nextRole);
            }
            else if (target.Type == "NORP" && n < last && Is(m.Last + 1, "and") && mentionStarting[n] is { Entity.Type: "NORP" } nextPeople
                && nextPeople.Entity.Country is { Length: 3 } && nextPeople.Entity.Country != target.Country
                && n == m.Last + 2 && nextPeople.Last + 1 < Count && tokens[nextPeople.Last + 1].Kind == TokenKind.Word && char.IsLower(Raw(nextPeople.Last + 1)[0]))
            {
                // "met Somali and Ethiopian leaders": both nationalities qualify the noun after them.
                more.Add(NationalRole(nextPeople, n, last) ?? nextPeople.Entity);
            }

            break;
        }

        return more;
    }

    /// <summary>
    /// True when a preposition governs the mention, directly or through the group it is
    /// coordinated in ("between Sudan and South Sudan").
    /// </summary>
    /// <summary>
    /// "Observers from the OSCE criticised …", "a delegation from Qatar arrived": a name after
    /// "from" right after a member noun (word class member) is the party the members act for.
    /// </summary>
    private bool MemberFrom(int mentionFirst)
    {
        var p = mentionFirst - 1;
        if (p >= 0 && Is(p, "the"))
        {
            p--;
        }

        return p >= 1 && Is(p, "from") && tokens[p - 1].Kind == TokenKind.Word && !inMention[p - 1] && (Class(p - 1) & WordClass.Member) != 0;
    }

    private bool IsPrepositionObject(int mentionFirst)
    {
        // "filed a motion against Prime Minister Anutin Charnvirakul": the person's own title
        // before the name is part of the preposition's object.
        var before = (mentionStarting[mentionFirst] is { } self ? OwnTitleStart(self.Entity, mentionFirst) : mentionFirst) - 1;
        var comma = false;
        while (before >= 0)
        {
            // A headline without a full stop ("… recalls envoy to Peru") governs nothing in the
            // paragraph after it.
            if (d.Text.AsSpan(tokens[before].End, tokens[before + 1].Start - tokens[before].End).Contains('\n'))
            {
                return false;
            }

            // "In Niamey, police arrested": an opening phrase and its comma govern nothing after them.
            if (comma && char.IsUpper(Raw(before)[0]) && (Class(before) & WordClass.Preposition) != 0)
            {
                return false;
            }

            if (Is(before, "the"))
            {
                before--;
                continue;
            }

            // "protesters from flood-hit Hat Yai": a hyphenated adjective between the preposition
            // and its object.
            if (tokens[before].Kind == TokenKind.Word && char.IsLower(Raw(before)[0]) && Raw(before).Contains('-'))
            {
                before--;
                continue;
            }

            if (before >= 3 && tokens[before].Kind == TokenKind.Word && char.IsLower(Raw(before)[0]) && Raw(before - 1) is "-"
                && tokens[before - 2].Kind == TokenKind.Word && char.IsLower(Raw(before - 2)[0]))
            {
                before -= 3;
                continue;
            }

            // "Hundreds of UN troops", "thousands of protesters": the group is the head, not an object.
            if (Is(before, "of") && before > 0 && (IsCount(before - 1) || IsGroupWord(before - 1)))
            {
                return false;
            }

            // "against Prime Minister Anutin and four cabinet ministers": a number before a role
            // noun coordinated with a preposition's object is part of that object.
            if (IsCount(before) && before > 0 && Raw(before - 1) is "and" or "or")
            {
                before--;
                continue;
            }

            if ((Class(before) & WordClass.Preposition) != 0)
            {
                // "According to diplomats in Brussels, the European Union has warned": the
                // preposition is inside an opening phrase that ends at the comma.
                return !(comma && OpeningPhrase(before));
            }

            if (mentionEnding[before] is { } other)
            {
                before = OwnTitleStart(other.Entity, other.First) - 1;
                continue;
            }

            // ", and Britain froze": a comma before "and" opens a new clause, not a list's last item.
            if (Raw(before) is "and" && before > 0 && Raw(before - 1) is ",")
            {
                return false;
            }

            if (Raw(before) is "and" or "or" or ",")
            {
                comma |= Raw(before) is ",";
                before--;
                continue;
            }

            return false;
        }

        return false;
    }

    /// <summary>
    /// True when token <paramref name="i"/> lies in a phrase that opens its sentence with a
    /// capitalized preposition ("According to diplomats in Brussels", "In a statement on Monday"),
    /// with no comma or boundary between.
    /// </summary>
    private bool OpeningPhrase(int i)
    {
        for (var j = i; j >= 0; j--)
        {
            if (IsGapBoundary(j))
            {
                return false;
            }

            if (char.IsUpper(Raw(j)[0]) && ((Class(j) & WordClass.Preposition) != 0 || Is(j, "according")))
            {
                return j == 0 || IsHardBoundary(j - 1) || tokens[j - 1].Kind == TokenKind.QuoteMark;
            }
        }

        return false;
    }

    private bool IsGroupWord(int i) => (Class(i) & WordClass.Group) != 0;

    private bool IsAccordingTo(int mentionFirst) =>
        (Is(mentionFirst - 1, "to") && Is(mentionFirst - 2, "according"))
        || (Is(mentionFirst - 1, "the") && Is(mentionFirst - 2, "to") && Is(mentionFirst - 3, "according"));

    /// <summary>
    /// True when the trigger is a verb coordinated with the event before it ("criticized X and
    /// demanded Y"): a conjunction stands between them with no subject of its own after it, and
    /// no clause boundary anywhere between.
    /// </summary>
    public bool Coordinated(int previousEnd, int trigger)
    {
        var conjunction = -1;
        for (var i = previousEnd + 1; i < trigger; i++)
        {
            // "rejected the resolution as “null and void” and accused …": a few words in quote
            // marks close by are the first verb's object, no boundary.
            if ((IsHardBoundary(i) && !(tokens[i].Kind == TokenKind.QuoteMark && trigger - previousEnd <= 12)) || (Class(i) & WordClass.Clause) != 0)
            {
                return false;
            }

            if ((Class(i) & WordClass.Conjunction) != 0)
            {
                conjunction = i;
            }
        }

        if (conjunction < 0)
        {
            return false;
        }

        for (var i = conjunction + 1; i < trigger; i++)
        {
            if (mentionStarting[i] is not null || mentionEnding[i] is not null || tokens[i].Kind != TokenKind.Word)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// True when the trigger is a participle right after a comma in the same sentence as the event
    /// before it ("expelled four diplomats, accusing Moscow of …"): its subject is that event's.
    /// </summary>
    public bool Participial(int previousEnd, int trigger)
    {
        if (trigger - 1 <= previousEnd || Raw(trigger - 1) is not "," || !Raw(trigger).EndsWith("ing", StringComparison.Ordinal))
        {
            return false;
        }

        for (var i = previousEnd + 1; i < trigger; i++)
        {
            if (IsHardBoundary(i) || Raw(i) is "\u2014" or "\u2013" || ((Class(i) & WordClass.Clause) != 0))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The agent of a passive: the entity after "by".</summary>
    public Entity? ByPhrase(int end, int last, int reach = MaxGap)
    {
        for (var i = end + 1; i < last && i <= end + reach; i++)
        {
            if (Is(i, "by"))
            {
                var m = i + 1 < last && Is(i + 1, "the") ? i + 2 : i + 1;
                if (m < last && mentionStarting[m] is { } mention)
                {
                    return mention.Entity;
                }

                // "by congress", "by government forces": a role noun within two words.
                return RoleNear(m, last);
            }

            if (IsHardBoundary(i))
            {
                break;
            }
        }

        return null;
    }

    /// <summary>
    /// The agent of a nominal trigger: "an attack by Osgiliath soldiers", "the arrest by police"
    /// (an article before the trigger, "by" and an entity right after the pattern), else null.
    /// </summary>
    public Entity? NominalAgent(int trigger, int end, int last)
    {
        if (PossessiveAgent(trigger) is { } owner)
        {
            return owner;
        }

        if (trigger > 0 && (Is(trigger - 1, "the") || Is(trigger - 1, "a")) && (Class(trigger) & WordClass.AgentOf) != 0 && Is(trigger + 1, "of"))
        {
            // "the visit of the Indian defence minister to Colombo": the visitor.
            var o = Is(trigger + 2, "the") ? trigger + 3 : trigger + 2;
            if (o < last && mentionStarting[o] is { Entity.Type: not "NORP" } named)
            {
                return named.Entity;
            }

            // "of the Indian defence minister": the role in the nationality's country.
            var nationality = o < last ? mentionStarting[o] : null;
            var role = RoleNear(nationality is { } n ? n.Last + 1 : o, last);
            if (role is { Actor: { Length: 6 } actor } && actor.StartsWith("---", StringComparison.Ordinal) && nationality?.Entity.Country is { Length: 3 } country)
            {
                return role with { Id = role.Id + country, Actor = country + actor[3..], Country = country };
            }

            return role ?? nationality?.Entity;
        }

        // "criticized strikes by Israel": a plural noun needs no article.
        // "condemned joint drills by the United States": nor does an adjective that opens a noun phrase.
        if (trigger == 0 || !(Is(trigger - 1, "a") || Is(trigger - 1, "an") || Is(trigger - 1, "the") || IsBarePlural(trigger) || (Class(trigger) & WordClass.Nominal) != 0) || !Is(end + 1, "by"))
        {
            return null;
        }

        var m = end + 2 < last && Is(end + 2, "the") && mentionStarting[end + 2] is null ? end + 3 : end + 2;
        if (m < last && mentionStarting[m] is { } mention)
        {
            return mention.Entity;
        }

        // "an air strike by government forces": a role noun within two words.
        return RoleNear(m, last);
    }

    private bool IsBarePlural(int trigger) =>
        tokens[trigger].Kind == TokenKind.Word && char.IsLower(Raw(trigger)[0]) && Raw(trigger).EndsWith("s", StringComparison.Ordinal)
        && tokens[trigger - 1].Kind == TokenKind.Word && char.IsLower(Raw(trigger - 1)[0]) && Raw(trigger - 1).EndsWith("ed", StringComparison.Ordinal);

    /// <summary>
    /// The owner of a noun trigger, its agent: "China's criticism", "Pakistan's attack on",
    /// "Russia's latest offensive" (an entity mention with a possessive ending right before the
    /// noun or before up to two adjectives), else null.
    /// </summary>
    private Entity? PossessiveAgent(int trigger)
    {
        var p = trigger - 1;
        for (var skipped = 0; skipped < 2 && p > 0 && !inMention[p] && (IsAdjective(p) || Is(p, "latest") || Is(p, "recent")); skipped++)
        {
            p--;
        }

        if (p < 0)
        {
            return null;
        }

        if (Raw(p) is "'s" or "\u2019s" or "'" or "\u2019" && p > 0 && mentionEnding[p - 1] is { } before)
        {
            return before.Entity;
        }

        return (Raw(p).EndsWith("'s", StringComparison.Ordinal) || Raw(p).EndsWith("\u2019s", StringComparison.Ordinal)) && mentionEnding[p] is { } owner
            ? owner.Entity
            : null;
    }

    /// <summary>
    /// True when the noun trigger's light verb is a gerund right after a governing preposition
    /// ("accused the gang of ordering the ambush"): what is accused or criticized, not an event.
    /// </summary>
    private bool GerundLightVerbAfterPreposition(int trigger, int first)
    {
        if (!AfterLightVerb(trigger))
        {
            return false;
        }

        var p = BeforeModifiers(trigger);
        if (p > 0 && (Is(p, "a") || Is(p, "an") || Is(p, "the") || Is(p, "its") || Is(p, "their") || Is(p, "his") || Is(p, "her")))
        {
            p--;
        }

        return p - 1 >= first && Raw(p).EndsWith("ing", StringComparison.Ordinal) && IsGoverningPreposition(p - 1);
    }

    /// <summary>
    /// True when the noun trigger is the object of a light verb, which makes it the clause's
    /// action: "held a meeting with", "gave a warning to", "made an offer of" (a light verb, a
    /// determiner and up to two adjectives before it).
    /// </summary>
    /// <summary>
    /// "rejected a French offer to mediate", "welcomed Egypt's offer to host the talks": a proposal
    /// word as a noun (after a determiner or a possessive, a nationality or name between) with no
    /// light verb before it ("made an offer") names an offer another verb acts on, no act of its own.
    /// </summary>
    public bool ProposalNoun(int trigger)
    {
        if ((Class(trigger) & WordClass.Proposal) == 0 || trigger == 0 || Raw(trigger).EndsWith("ed", StringComparison.Ordinal)
            || Raw(trigger).EndsWith("ing", StringComparison.Ordinal) || AfterLightVerb(trigger))
        {
            return false;
        }

        var p = trigger - 1;
        if (mentionEnding[p] is { } owner)
        {
            p = owner.First - 1;
        }
        return p >= 0 && ((tokens[p].Kind == TokenKind.Word && char.IsLower(Raw(p)[0]) && (Class(p) & WordClass.Determiner) != 0) || IsPossessive(p));
    }

    /// <summary>"a resolution demanding a ceasefire": an -ing trigger right after a plain lower-case noun (no verb, role or function word).</summary>
    public bool NounModifierParticiple(int trigger) =>
        trigger > 0 && Raw(trigger).EndsWith("ing", StringComparison.Ordinal) && tokens[trigger - 1].Kind == TokenKind.Word
        && char.IsLower(Raw(trigger - 1)[0]) && !inMention[trigger - 1] && Class(trigger - 1) == WordClass.None && RoleAt(trigger - 1, out _) is null
        && !Raw(trigger - 1).EndsWith("ed", StringComparison.Ordinal) && !Raw(trigger - 1).EndsWith("ly", StringComparison.Ordinal);

    public bool AfterLightVerb(int trigger)
    {
        var p = BeforeModifiers(trigger);

        if (p > 0 && (Is(p, "a") || Is(p, "an") || Is(p, "the") || Is(p, "its") || Is(p, "their") || Is(p, "his") || Is(p, "her")))
        {
            p--;
        }

        return p >= 0 && p < trigger - 1 && char.IsLower(Raw(p)[0]) && (Class(p) & WordClass.Light) != 0;
    }

    /// <summary>
    /// The actor of a role noun within two words of token <paramref name="m"/>, the last of a run
    /// of role nouns ("government forces" → MIL), or null.
    /// </summary>
    private Entity? RoleNear(int m, int last)
    {
        for (var r = m; r < last && r <= m + 2; r++)
        {
            if (RoleAt(r, out _) is [var role, ..])
            {
                return r + 1 < last && RoleAt(r + 1, out _) is [var head, ..] ? head : role;
            }
        }

        return null;
    }

    /// <summary>"of" after a noun ("the release of"), not after a count or group word ("dozens of").</summary>
    private bool OfNoun(int of) => Is(of, "of") && of > 0 && !IsCount(of - 1) && !IsGroupWord(of - 1);

    /// <summary>
    /// True when a role word modifies the plain noun after it ("military exercises", "opposition
    /// leader"): that noun, not the role word, heads the phrase. A facility noun after it ("army
    /// base", "police station", word class facility) keeps the role as the actor. A plural role
    /// noun is no modifier: "the rebels resumed", "troops crossed".
    /// </summary>
    private bool IsRoleModifier(int i) =>
        i + 1 < Count && tokens[i + 1].Kind == TokenKind.Word && char.IsLower(Raw(i + 1)[0]) && (Class(i + 1) & ~WordClass.Member) == WordClass.None
        && !(Raw(i).EndsWith('s') && !Raw(i).EndsWith("ss", StringComparison.Ordinal));

    /// <summary>
    /// The place an attack came from: "from" and a place after the trigger in its clause ("fired
    /// at it from the Gaza Strip"), or null.
    /// </summary>
    public Entity? LaunchedFrom(int end, int last)
    {
        for (var i = end + 1; i < last && i <= end + 8; i++)
        {
            if (IsGapBoundary(i) || (Class(i) & WordClass.Clause) != 0)
            {
                return null;
            }

            if (Is(i, "from"))
            {
                var m = Is(i + 1, "the") ? i + 2 : i + 1;
                return m < last && mentionStarting[m] is { Entity.Type: "GPE" or "LOC" } place ? place.Entity : null;
            }
        }

        return null;
    }

    /// <summary>
    /// The nationality before a noun trigger, its agent: "Israeli shelling", "Israeli tank
    /// shelling", "Russian air strikes" (a NORP mention right before, or before one plain noun).
    /// </summary>
    public Entity? NationalityBefore(int trigger)
    {
        var p = trigger - 1;
        if (p > 0 && !inMention[p] && tokens[p].Kind == TokenKind.Word && char.IsLower(Raw(p)[0]) && RoleAt(p, out _) is null
            && Class(p) == WordClass.None && !Raw(p).EndsWith("ly", StringComparison.Ordinal))
        {
            p--;
        }

        return p >= 0 && mentionEnding[p] is { Entity.Type: "NORP" } m ? m.Entity : null;
    }

    /// <summary>
    /// True when the trigger is a noun phrase's head ("the genocide", "a 1994 massacre", "its
    /// attack"): a determiner, possessive or number right before it.
    /// </summary>
    /// <summary>
    /// "Police detained 14 protesters during the rally": the root code of the event noun after
    /// "during" in the sentence (a determiner may stand between), whose date the event shares;
    /// null when there is none.
    /// </summary>
    public string? DuringRoot(int first, int last)
    {
        for (var i = first; i < last - 1; i++)
        {
            if (!Is(i, "during"))
            {
                continue;
            }

            return NounRoot((Class(i + 1) & WordClass.Determiner) != 0 ? i + 2 : i + 1, last);
        }

        return null;
    }

    /// <summary>"They later signed …", "He also criticized …": a sequel word (modality.txt) from the sentence's start to the trigger.</summary>
    public bool SequelBefore(int first, int trigger)
    {
        for (var i = first; i < trigger; i++)
        {
            if ((Class(i) & WordClass.Sequel) != 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the sentence holds a vague time reference ("now", "in the past", "recently"): its
    /// events have no day of their own and are not the sequel of a dated one.
    /// </summary>
    public bool VagueTime(int first, int last)
    {
        var from = tokens[first].Start;
        var to = tokens[last - 1].End;
        foreach (var t in d.Timexes)
        {
            if (t.Start >= from && t.End <= to && t.Value is "PRESENT_REF" or "PAST_REF" or "FUTURE_REF")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether "has" or "have" stands right before the trigger or one word before it (a present perfect: "has offered").</summary>
    public bool PresentPerfect(int trigger) =>
        Is(trigger - 1, "has") || Is(trigger - 1, "have") || (Is(trigger - 2, "has") || Is(trigger - 2, "have")) && (Class(trigger - 1) & WordClass.Negation) == 0;

    /// <summary>"will host the talks": the root code of an event noun after "the" right after the trigger; null when none.</summary>
    public string? ObjectRoot(int triggerEnd, int last) =>
        triggerEnd + 2 < last && Is(triggerEnd + 1, "the") ? NounRoot(triggerEnd + 2, last) : null;

    /// <summary>The root code of the one-word pattern the token triggers ("rally" 14), else of the first it triggers ("talks … between" 04); null when none.</summary>
    private string? NounRoot(int n, int last)
    {
        Span<char> lower = stackalloc char[24];
        if (n >= last || tokens[n].Kind != TokenKind.Word || tokens[n].Length > lower.Length)
        {
            return null;
        }

        Raw(n).ToLowerInvariant(lower);
        return patterns.Triggered(lower[..tokens[n].Length]) is { Length: > 0 } triggered && (Array.Find(triggered, p => p.Elements.Length == 1) ?? triggered[0]) is { } noun
            && noun.Code.Length >= 2 ? noun.Code[..2] : null;
    }

    /// <summary>
    /// "will travel to Paris next week to meet Macron": the infinitive after "to" is the purpose of
    /// a trip named a few words before it in its clause, an event of its own.
    /// </summary>
    private bool PurposeOfTrip(int trigger, int first) => TripVerb(trigger, first) >= 0;

    /// <summary>The verb of the trip whose purpose the infinitive at <paramref name="trigger"/> is; -1 when none.</summary>
    private int TripVerb(int trigger, int first)
    {
        for (var i = trigger - 2; i >= first && i >= trigger - 9; i--)
        {
            if (IsGapBoundary(i) || (Class(i) & WordClass.Clause) != 0)
            {
                return -1;
            }

            if ((Class(i) & WordClass.Motion) != 0)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>"Hungary’s criticism", "China’s latest criticism": a noun trigger after a possessive.</summary>
    public bool PossessiveNoun(int trigger, int first) =>
        IsNominal(trigger) && ((trigger - 1 > first && IsPossessive(trigger - 1))
            || (trigger - 2 > first && IsPossessive(trigger - 2) && tokens[trigger - 1].Kind == TokenKind.Word && char.IsLower(Raw(trigger - 1)[0])));

    private bool IsPossessive(int i) => Raw(i) is "'s" or "\u2019s" or "'" or "\u2019"
        || (char.IsUpper(Raw(i)[0]) && (Raw(i).EndsWith("'s", StringComparison.Ordinal) || Raw(i).EndsWith("\u2019s", StringComparison.Ordinal)));

    public bool IsNominal(int trigger)
    {
        if (trigger == 0)
        {
            return false;
        }

        // "The government denied": a past form after a noun is the clause's verb.
        if (Raw(trigger).EndsWith("ed", StringComparison.Ordinal))
        {
            return false;
        }

        // "joint drills": an adjective that opens a noun phrase (word class nominal).
        if ((Class(trigger) & WordClass.Nominal) != 0)
        {
            return true;
        }

        var p = BeforeModifiers(trigger);
        return tokens[p].Kind == TokenKind.Number || (Class(p) & WordClass.Determiner) != 0
            || Raw(p).EndsWith("'s", StringComparison.Ordinal) || Raw(p).EndsWith("’s", StringComparison.Ordinal);
    }

    /// <summary>
    /// The token before a noun trigger's modifiers: up to two adjectives ("the chemical attacks",
    /// "a deadly attack"), or a plain noun after a determiner ("an arson attack", "a rocket
    /// attack"; "the militia attacked": a past form is the verb).
    /// </summary>
    private int BeforeModifiers(int trigger)
    {
        var p = trigger - 1;
        for (var skipped = 0; skipped < 2 && p > 0 && !inMention[p] && IsAdjective(p); skipped++)
        {
            p--;
        }

        if (p > 0 && p < trigger && !inMention[p] && IsPlainModifier(p) && (Class(p - 1) & WordClass.Determiner) != 0
            && !Raw(trigger).EndsWith("ed", StringComparison.Ordinal))
        {
            p--;
        }

        return p;
    }

    /// <summary>A lower-case word with an adjective ending ("chemical", "deadly", "horrific", "massive").</summary>
    private bool IsAdjective(int i)
    {
        var w = Raw(i);
        return tokens[i].Kind == TokenKind.Word && w.Length > 4 && char.IsLower(w[0])
            && (w.EndsWith("al", StringComparison.Ordinal) || w.EndsWith("ic", StringComparison.Ordinal) || w.EndsWith("ous", StringComparison.Ordinal)
                || w.EndsWith("ive", StringComparison.Ordinal) || w.EndsWith("ful", StringComparison.Ordinal) || w.EndsWith("dly", StringComparison.Ordinal)
                || w.EndsWith("ary", StringComparison.Ordinal) || w.EndsWith("ent", StringComparison.Ordinal) || w.EndsWith("ant", StringComparison.Ordinal));
    }

    /// <summary>
    /// Actors for a plain role noun at token <paramref name="i"/> that no entity mention covers
    /// ("Insurgents", "the civilians", "US and British activists"): the role after the country of
    /// each nationality or country mention right before it, else the role alone ("---REB"). The
    /// actors are not entities of the article: their ids start with <c>~</c>.
    /// </summary>
    public List<Entity>? RoleAt(int i, out int phraseFirst)
    {
        phraseFirst = i;
        if (i < 0 || i >= Count || inMention[i] || tokens[i].Kind != TokenKind.Word || tokens[i].Length > 24)
        {
            return null;
        }

        Span<char> lower = stackalloc char[tokens[i].Length];
        Raw(i).ToLowerInvariant(lower);
        if (patterns.Role(lower) is not { } role)
        {
            return null;
        }

        // "Myanmar's military government": a role word before a noun for a government describes
        // it; the government is the party (its own role, below).
        if (i + 1 < Count && tokens[i + 1].Kind == TokenKind.Word && char.IsLower(Raw(i + 1)[0]) && (Class(i + 1) & WordClass.Regime) != 0)
        {
            return null;
        }

        // "Mondlane supporters", "supporters of the RPP": followers of a named person or party act
        // for them; with no one named they are the opposition (roles.txt, FOL).
        if (role == "FOL")
        {
            var before = i - 1;
            if (before >= 1 && Raw(before) is "'s" or "’s")
            {
                before--;
            }

            if (before >= 0 && mentionEnding[before] is { Entity: { Type: "PERSON" or "ORG", Actor.Length: >= 6 } } led)
            {
                phraseFirst = led.First;
                return [led.Entity];
            }

            if (Is(i + 1, "of") && BodyAfter(i + 2) is { Entity: { Type: "PERSON" or "ORG", Actor.Length: >= 6 } } leader)
            {
                return [leader.Entity];
            }

            role = "OPP";
        }

        var result = new List<Entity>();
        var k = i - 1;

        // "Russian shipping companies", "Pakistani border posts": a nationality before up to two
        // plain nouns or adjectives still names the role's country.
        var modifier = k;
        if ((Class(i) & WordClass.Regime) != 0 && modifier >= 0 && mentionEnding[modifier] is null && IsRoleWord(modifier))
        {
            modifier--;
        }

        while (modifier >= 0 && modifier >= i - 2 && mentionEnding[modifier] is null && IsPlainModifier(modifier))
        {
            modifier--;
        }

        if (modifier < k && modifier >= 0 && mentionEnding[modifier] is { Entity.Type: "NORP" })
        {
            k = modifier;
        }

        // "Sudan's army", "Georgia's police": a country's possessive names the role's country.
        if (modifier >= 1 && mentionEnding[modifier] is null && Raw(modifier) is "'s" or "’s" && mentionEnding[modifier - 1] is { Entity.Type: "GPE" })
        {
            k = modifier - 1;
        }

        while (k >= 0 && mentionEnding[k] is { } m && (m.Entity.Actor ?? m.Entity.Country) is { Length: >= 3 } actor)
        {
            // "Congolese troops and M23 rebels": a coordinated name with a role of its own is a
            // party of its own, not a nationality of the role noun.
            if (result.Count > 0 && actor.Length > 3 && !actor.EndsWith(role, StringComparison.Ordinal))
            {
                result.Add(m.Entity);
                phraseFirst = m.First;
                break;
            }

            var code = actor.EndsWith(role, StringComparison.Ordinal) || actor.Length > 3 ? actor[..3] + role : actor + role;
            result.Add(new Entity("~" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + code, "ROLE", Raw(i).ToString(), [], code, m.Entity.Country, null, []));
            phraseFirst = m.First;
            k = m.First - 1;
            if (k >= 1 && Raw(k) is "and" or "," && mentionEnding[k - 1] is not null)
            {
                k--;
                continue;
            }

            break;
        }

        // "a Dubai-based shipping company": the place a group is based in names its country.
        if (result.Count == 0 && modifier >= 0 && BasedIn(modifier) is { } basedCountry)
        {
            result.Add(new Entity("~" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + basedCountry, "ROLE", Raw(i).ToString(), [], basedCountry + role, basedCountry, null, []));
            phraseFirst = modifier;
        }

        // "A court in Guyana", "In Niamey, police …": the country of the place the group is in.
        if (result.Count == 0 && PlaceCountry(i, out var placeLast) is { } country)
        {
            result.Add(new Entity("~" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + country, "ROLE", Raw(i).ToString(), [], country + role, country, null, []));

            // "Negotiators from Ethiopia and Eritrea": one group for each country; "from Indonesia and
            // the EU": the body itself.
            if (placeLast + 2 < Count && Is(placeLast + 1, "and") && BodyAfter(placeLast + 2) is { Entity: { Type: "GPE" or "LOC", Country: { Length: 3 } other } }
                && other != country)
            {
                result.Insert(0, new Entity("~" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + other, "ROLE", Raw(i).ToString(), [], other + role, other, null, []));
            }
            else if (placeLast + 2 < Count && Is(placeLast + 1, "and") && BodyAfter(placeLast + 2) is { Entity.Actor: { } igo } next && igo.StartsWith("IGO", StringComparison.Ordinal))
            {
                result.Insert(0, next.Entity);
            }
        }

        // "Trade negotiators from the EU and Indonesia": an international body they come from is
        // the actor itself, and a country coordinated with it names a group of its own.
        if (result.Count == 0 && Is(i + 1, "from") && BodyAfter(i + 2) is { } body && body.Entity.Actor is { } bodyActor && bodyActor.StartsWith("IGO", StringComparison.Ordinal))
        {
            result.Add(body.Entity);
            if (BodyAfter(body.Last + 2) is { Entity: { Type: "GPE", Country: { Length: 3 } other } } && Is(body.Last + 1, "and"))
            {
                result.Insert(0, new Entity("~" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + other, "ROLE", Raw(i).ToString(), [], other + role, other, null, []));
            }
        }

        if (result.Count == 0)
        {
            result.Add(new Entity("~" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), "ROLE", Raw(i).ToString(), [], "---" + role, null, null, []));
            if (i > 0 && Is(i - 1, "the"))
            {
                phraseFirst = i - 1;
            }
        }

        result.Reverse();
        return result;
    }

    /// <summary>
    /// The country of a place named in a "-based" compound at token <paramref name="i"/> ("Dubai-based",
    /// "London-based"): the place mention the token begins with; null otherwise.
    /// </summary>
    private string? BasedIn(int i)
    {
        var w = Raw(i);
        if (tokens[i].Kind != TokenKind.Word || !w.EndsWith("-based", StringComparison.OrdinalIgnoreCase) || w.Length <= 6)
        {
            return null;
        }

        var start = tokens[i].Start;
        var end = start + w.Length - 6;
        foreach (var entity in d.Entities)
        {
            if (entity.Type is "GPE" or "LOC" && entity.Country is { Length: 3 } country && entity.Mentions.Any(m => m.Start == start && m.End == end))
            {
                return country;
            }
        }

        return null;
    }

    /// <summary>
    /// The object of a relative clause whose subject is a pronoun: the mention right before the
    /// pronoun, or before "that"/"whom" before it ("two Russian diplomats it accused of spying",
    /// "the officials that they detained"), or null.
    /// </summary>
    public Entity? RelativeObject(int trigger)
    {
        var pronoun = trigger - 1;
        if (pronoun < 1 || inMention[pronoun] || !IsSubjectPronoun(pronoun))
        {
            return null;
        }

        var k = Is(pronoun - 1, "that") || Is(pronoun - 1, "whom") ? pronoun - 2 : pronoun - 1;
        return k >= 0 && mentionEnding[k] is { } m ? m.Entity : null;
    }

    /// <summary>True when token <paramref name="i"/> is "he", "she", "it" or "they".</summary>
    private bool IsSubjectPronoun(int i) => Is(i, "he") || Is(i, "she") || Is(i, "it") || Is(i, "they");

    /// <summary>True when token <paramref name="i"/> is an object pronoun no entity mention covers ("accusing it of", "urged them to").</summary>
    public bool ObjectPronoun(int i) => i >= 0 && i < Count && !inMention[i] && (Is(i, "it") || Is(i, "them") || Is(i, "him"));

    /// <summary>The entity mention starting at token <paramref name="i"/>, or after a "the" there.</summary>
    private (Entity Entity, int Last)? BodyAfter(int i) =>
        i < Count && Is(i, "the") ? (i + 1 < Count ? mentionStarting[i + 1] : null) : i >= 0 && i < Count ? mentionStarting[i] : null;

    /// <summary>A lower-case word that is a role noun of roles.txt ("military", "rebel").</summary>
    private bool IsRoleWord(int i) => IsLowerWord(i) && HasRole(i);

    /// <summary>A lower-case word of no word class that is no role noun: a modifier in "Russian shipping companies".</summary>
    private bool IsPlainModifier(int i) => IsLowerWord(i) && Class(i) == WordClass.None && !HasRole(i);

    private bool IsLowerWord(int i) => tokens[i].Kind == TokenKind.Word && tokens[i].Length <= 24 && char.IsLower(Raw(i)[0]);

    private bool HasRole(int i)
    {
        Span<char> lower = stackalloc char[tokens[i].Length];
        Raw(i).ToLowerInvariant(lower);
        return patterns.Role(lower) is not null;
    }

    /// <summary>
    /// The role group a nationality mention introduces ("Russian diplomats", "Russian shipping
    /// companies" → RUSGOV, RUSBUS): the role noun within three words after it, or null.
    /// </summary>
    private Entity? NationalRole((Entity Entity, int Last) mention, int first, int last)
    {
        // "arrested a Kosovo police officer": a country's name before a role noun names its role, as a nationality does.
        if (mention.Entity.Type == "GPE" && mention.Last + 1 < last && RoleAt(mention.Last + 1, out var countryFirst) is { } countryRoles && countryFirst == first)
        {
            return countryRoles.Find(r => r.Country == mention.Entity.Country);
        }

        if (mention.Entity.Type != "NORP")
        {
            return null;
        }

        for (var j = mention.Last + 1; j < last && j <= mention.Last + 3; j++)
        {
            if (RoleAt(j, out var phraseFirst) is { } roles && phraseFirst == first)
            {
                return roles.Find(r => r.Country == mention.Entity.Country);
            }

            // "fired on Azerbaijani positions", "Pakistani border posts": a nationality before a
            // military post or position names that country's forces.
            if ((Class(j) & WordClass.Military) != 0 && char.IsLower(Raw(j)[0]) && mention.Entity.Country is { Length: 3 } c)
            {
                return new Entity("~" + j.ToString(System.Globalization.CultureInfo.InvariantCulture) + c + "MIL", "ROLE", Raw(j).ToString(), [], c + "MIL", c, null, []);
            }

            // "Thai and Cambodian troops": a nationality coordinated with another before a role
            // noun shares that role (the entity stage joins only the second to the noun).
            if (j == mention.Last + 1 && j + 1 < last && (Is(j, "and") || Is(j, "or")) && mentionStarting[j + 1] is { } next
                && mention.Entity.Country is { Length: 3 } own)
            {
                if (next.Entity.Type != "NORP" && next.Entity.Actor is { Length: 6 } actor && next.Entity.Country is { Length: 3 } other
                    && actor.StartsWith(other, StringComparison.Ordinal) && !actor.StartsWith(own, StringComparison.Ordinal))
                {
                    return new Entity("~" + j.ToString(System.Globalization.CultureInfo.InvariantCulture) + own + actor[3..], "ROLE", Raw(j).ToString(), [], own + actor[3..], own, null, []);
                }

                if (next.Entity.Type == "NORP")
                {
                    j = next.Last;
                    continue;
                }
            }

            if (!IsPlainModifier(j))
            {
                break;
            }
        }

        return null;
    }

    /// <summary>
    /// A participle used as a passive without a form of "be" ("officials accused of …", "civilians
    /// imprisoned for …", "attacked by", "a deal mediated by"): right after its noun, followed by "by", or by "of"/"for"
    /// for accusing, convicting and detaining, or by "after"/"during" for detaining.
    /// </summary>
    public bool ReducedPassive(int trigger, int triggerEnd, int clauseStart, string root)
    {
        if (!Raw(trigger).EndsWith("ed", StringComparison.Ordinal) || trigger <= clauseStart || triggerEnd + 1 >= Count)
        {
            return false;
        }

        var afterNoun = mentionEnding[trigger - 1] is not null || RoleAt(trigger - 1, out _) is not null
            || (tokens[trigger - 1].Kind == TokenKind.Word && char.IsLower(Raw(trigger - 1)[0]) && Raw(trigger - 1).EndsWith("s", StringComparison.Ordinal)
                && (Class(trigger - 1) & (WordClass.Passive | WordClass.Negation | WordClass.Intent)) == 0)
            || (trigger > 1 && tokens[trigger - 1].Kind == TokenKind.Word && char.IsLower(Raw(trigger - 1)[0]) && Class(trigger - 1) == WordClass.None
                && (Class(trigger - 2) & WordClass.Determiner) != 0 && !Is(trigger - 2, "that"));
        // "four leaders arrested after the party's protest", "activists detained during the march":
        // a time preposition after an arrest participle right after its noun.
        return afterNoun && (Is(triggerEnd + 1, "by") || ((Is(triggerEnd + 1, "of") || Is(triggerEnd + 1, "for")) && root is "11" or "17")
            || (root == "17" && (Class(triggerEnd + 1) & WordClass.Occasion) != 0));
    }

    /// <summary>
    /// True when the trigger is what someone intends or says they will do: "would free",
    /// "will attack", "wants to attack", "plans to send" (an intention word right before it, or
    /// before the "to" before it).
    /// </summary>
    public bool Intended(int trigger) =>
        (trigger > 0 && (Class(trigger - 1) & WordClass.Intent) != 0 && !Is(trigger - 1, "planned") && !Is(trigger - 1, "prepared"))
        // "would be met with force": a passive after the intention word.
        || (trigger > 1 && Is(trigger - 1, "be") && (Class(trigger - 2) & WordClass.Intent) != 0 && !Is(trigger - 2, "planned") && !Is(trigger - 2, "prepared"))
        || (trigger > 1 && Is(trigger - 1, "to") && (Class(trigger - 2) & WordClass.Intent) != 0);

    /// <summary>
    /// The consent verb the trigger is what its subject agreed to do by: "agreed to hold talks",
    /// "agreed on Monday to hold talks" (word class consent, before the trigger's "to", a date
    /// allowed between); -1 when there is none.
    /// </summary>
    public int ConsentVerb(int trigger)
    {
        if (trigger < 2 || !Is(trigger - 1, "to"))
        {
            return -1;
        }

        for (var v = trigger - 2; v >= 0 && v >= trigger - 5; v--)
        {
            if ((Class(v) & WordClass.Consent) != 0)
            {
                return v == trigger - 2 || AfterDate(v + 1) == trigger - 1 ? v : -1;
            }
        }

        return -1;
    }

    /// <summary>
    /// The subject of the main clause after a phrase that opens the sentence and holds the
    /// trigger ("In a phone call with Nawrocki, NATO's Mark Rutte pledged …": Rutte), given the
    /// main clause's verb <paramref name="verb"/>; empty when the trigger is in no such phrase.
    /// </summary>
    public List<Entity> OpeningSubject(int trigger, int verb)
    {
        if (!OpeningPhrase(trigger))
        {
            return [];
        }

        for (var i = trigger + 1; i < verb; i++)
        {
            if (Raw(i) is ",")
            {
                return Subject(verb, i + 1, out var passive) is { Count: > 0 } subject && !passive ? subject : [];
            }

            if (IsHardBoundary(i))
            {
                break;
            }
        }

        return [];
    }

    /// <summary>
    /// The reporting verb the trigger's clause depends on ("The US said that Iraq had attacked",
    /// "Kyiv claimed Russian forces shelled"): the nearest one before the clause in its sentence,
    /// with no quote mark or semicolon between; -1 when there is none.
    /// </summary>
    public int ReportingVerb(int clauseStart, int first)
    {
        for (var i = clauseStart - 1; i >= first; i--)
        {
            if (tokens[i].Kind == TokenKind.QuoteMark || Raw(i) is ";" or ":")
            {
                return -1;
            }

            if ((Class(i) & WordClass.Reporting) != 0 && !(i > first && Is(i - 1, "the")))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// The warning verb a clause depends on ("warned Belgrade and Pristina that it could freeze
    /// funds"): the nearest one before the clause in its sentence, with no quote mark or hard
    /// boundary between; -1 when there is none.
    /// </summary>
    public int WarningVerb(int clauseStart, int first)
    {
        for (var i = clauseStart - 1; i >= first; i--)
        {
            if (IsHardBoundary(i))
            {
                return -1;
            }

            if ((Class(i) & WordClass.Warning) != 0 && char.IsLower(Raw(i)[0]))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// The parties warned: the entities between the warning verb and the "that" of its clause,
    /// with those coordinated with them ("warned Belgrade and Pristina that …").
    /// </summary>
    public List<Entity> Warned(int verb, int clauseStart)
    {
        var found = new List<Entity>();
        for (var i = verb + 1; i < clauseStart; i++)
        {
            if (mentionStarting[i] is { } m && !IsAccordingTo(i))
            {
                found.Add(TitledPerson(m) ?? m.Entity);
                i = m.Last;
            }
            else if (!inMention[i] && RoleAt(i, out _) is [var role])
            {
                found.Add(role);
            }
        }

        return [.. found.DistinctBy(e => e.Id)];
    }

    private bool IsReportingVerb(int i) => (Class(i) & WordClass.Reporting) != 0 && !(i > 0 && (Is(i - 1, "the") || Is(i - 1, "a")));

    /// <summary>
    /// The reporting verb whose subject a pronoun subject of the trigger stands for: "The US
    /// claimed that they had attacked", "Obama said he would not give": he, she, it or they
    /// within four words before the trigger, right after the reporting verb or its "that";
    /// -1 when there is none.
    /// </summary>
    public int PronounReporter(int trigger, int first)
    {
        for (var p = trigger - 1; p >= first && p >= trigger - 5; p--)
        {
            if (tokens[p].Kind != TokenKind.Word || mentionEnding[p] is not null)
            {
                return -1;
            }

            if (p >= trigger - 4 && IsSubjectPronoun(p))
            {
                return ReportingVerbBefore(p, first);
            }

            // "said that her country would not join": a possessive pronoun and one plain noun
            // after the reporting verb stand for the reporter's side.
            if (p + 1 < trigger && (Is(p, "his") || Is(p, "her") || Is(p, "its") || Is(p, "their")) && IsPlainModifier(p + 1)
                && (p + 2 == trigger || (Class(p + 2) & (WordClass.Intent | WordClass.Planned | WordClass.Negation | WordClass.Passive)) != 0 || Raw(p + 2) is "will" or "had" or "has" or "have"))
            {
                return ReportingVerbBefore(p, first);
            }
        }

        return -1;
    }

    /// <summary>
    /// The reporting verb right before token <paramref name="p"/> or before its "that", where a
    /// date of up to three words may stand between the verb and "that" ("said on Wednesday that");
    /// -1 when there is none.
    /// </summary>
    private int ReportingVerbBefore(int p, int first)
    {
        if (p - 1 >= first && Is(p - 1, "that"))
        {
            for (var v = p - 2; v >= first && v >= p - 5; v--)
            {
                if (IsReportingVerb(v))
                {
                    return v;
                }

                if (tokens[v].Kind != TokenKind.Word || mentionEnding[v] is not null || (!d.Timexes.Any(t => t.Start <= tokens[v].Start && tokens[v].End <= t.End)
                    && !(v + 1 < Count && d.Timexes.Any(t => t.Start == tokens[v + 1].Start))))
                {
                    return -1;
                }
            }

            return -1;
        }

        return p - 1 >= first && IsReportingVerb(p - 1) ? p - 1 : -1;
    }

    /// <summary>
    /// The person "he" or "she" stands for as the trigger's subject (within four words before it,
    /// in its clause): the latest person with an actor named before it in this sentence or the
    /// one before; null when none.
    /// </summary>
    public Entity? PronounSubject(int trigger, int clauseStart, int previousSentenceStart)
    {
        var pronoun = -1;
        for (var p = trigger - 1; p >= clauseStart && p >= trigger - 4; p--)
        {
            if (tokens[p].Kind != TokenKind.Word || mentionEnding[p] is not null)
            {
                return null;
            }

            if (Is(p, "he") || Is(p, "she"))
            {
                pronoun = p;
                break;
            }
        }

        if (pronoun < 0)
        {
            return null;
        }

        Entity? best = null;
        var bestStart = -1;
        var before = tokens[pronoun].Start;
        foreach (var entity in d.Entities)
        {
            if (entity.Type != "PERSON" || entity.Actor is null)
            {
                continue;
            }

            foreach (var m in entity.Mentions)
            {
                if (m.Start >= previousSentenceStart && m.Start < before && m.Start > bestStart)
                {
                    best = entity;
                    bestStart = m.Start;
                }
            }
        }

        return best;
    }

    /// <summary>
    /// A definite group of parties as the trigger's subject ("both governments", "the two
    /// leaders", "the ministers"; word class pair), up to four words before it: 2 when it names
    /// two parties or more, 1 for "the" and the noun alone; -1 when there is none.
    /// </summary>
    public int GroupSubject(int trigger, int clauseStart)
    {
        for (var p = trigger - 1; p >= clauseStart && p >= trigger - 5; p--)
        {
            if (tokens[p].Kind != TokenKind.Word || mentionEnding[p] is not null)
            {
                return -1;
            }

            // "the two agreed", "the two also agreed": "the two" alone, right before the verb (but
            // for adverbs and auxiliaries), names two parties ("the two missiles struck" does not).
            if (Is(p, "two") && p >= 1 && p - 1 >= clauseStart && Is(p - 1, "the") && BareBeforeVerb(p + 1, trigger))
            {
                return 2;
            }

            if ((Class(p) & WordClass.Pair) == 0)
            {
                continue;
            }

            // "both governments", "the two countries" stand for two parties or more; "the
            // leaders", "the ministers" for those named last, one body ("the G7") or more.
            return p >= 1 && (Is(p - 1, "both") || (Is(p - 1, "two") && p >= 2 && Is(p - 2, "the"))) ? 2
                : p >= 1 && Is(p - 1, "the") && p - 1 >= clauseStart ? 1
                : -1;
        }

        return -1;
    }

    /// <summary>
    /// True when the trigger is a noun for people sent by a body (word class member) followed by
    /// "from" and a definite group of two parties: "Delegations from both countries met".
    /// </summary>
    public bool MembersOfGroup(int trigger, int last) =>
        (Class(trigger) & WordClass.Member) != 0 && trigger + 1 < last && Is(trigger + 1, "from") && GroupObject(trigger, last, "from");

    /// <summary>Whether only adverbs, auxiliaries and a consent verb with its "to" stand from <paramref name="from"/> up to the trigger.</summary>
    private bool BareBeforeVerb(int from, int trigger)
    {
        for (var k = from; k < trigger; k++)
        {
            // "the two agreed to expand": the consent verb and its "to" before the act agreed to.
            if ((Class(k) & (WordClass.Adverb | WordClass.Auxiliary | WordClass.Sequel | WordClass.Consent)) == 0 && !Is(k, "to"))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// True when a definite group of two parties or more ("both parties", "the two sides"; word
    /// class pair) is the trigger's object: right after it, or after "on" ("called on both sides").
    /// </summary>
    public bool GroupObject(int triggerEnd, int last, string preposition = "on")
    {
        var p = triggerEnd + 1;
        if (p < last && Is(p, preposition))
        {
            p++;
        }

        return p + 1 < last && p + 2 <= last
            && ((Is(p, "both") && (Class(p + 1) & WordClass.Pair) != 0)
                || (p + 2 < last && Is(p, "the") && Is(p + 1, "two") && (Class(p + 2) & WordClass.Pair) != 0));
    }

    /// <summary>
    /// The token of "it" or "they" as the trigger's subject: within four words before it in its
    /// clause, with only words no mention covers between ("It also accused", "they would
    /// instead seek"), not "it is"/"it was" (a dummy subject); -1 when there is none.
    /// </summary>
    public int PronounIt(int trigger, int clauseStart)
    {
        for (var p = trigger - 1; p >= clauseStart && p >= trigger - 4; p--)
        {
            if (tokens[p].Kind != TokenKind.Word || mentionEnding[p] is not null || RoleAt(p, out _) is not null)
            {
                return -1;
            }

            if (Is(p, "it") || Is(p, "they"))
            {
                return Is(p, "it") && (Is(p + 1, "is") || Is(p + 1, "was") || Is(p + 1, "'s") || Is(p + 1, "’s")) ? -1 : p;
            }
        }

        return -1;
    }

    /// <summary>
    /// True when the trigger follows "will" or "would" (an adverb between allowed) in the main
    /// clause of a conditional: after an "if"/"unless" clause and its comma, or before one.
    /// </summary>
    public bool ConditionalMain(int trigger, int first, int last)
    {
        var aux = trigger - 1;
        if (aux > first && tokens[aux].Kind == TokenKind.Word && Raw(aux).EndsWith("ly", StringComparison.Ordinal))
        {
            aux--;
        }

        if (aux < first || !(Is(aux, "will") || Is(aux, "would") || Is(aux, "’ll") || Is(aux, "'ll")))
        {
            return false;
        }

        var comma = false;
        for (var i = trigger - 1; i >= first; i--)
        {
            comma |= Raw(i) is ",";
            if ((Class(i) & WordClass.Condition) != 0)
            {
                return comma;
            }
        }

        for (var i = trigger + 1; i < last; i++)
        {
            if (IsHardBoundary(i) && tokens[i].Kind != TokenKind.QuoteMark)
            {
                break;
            }

            if ((Class(i) & WordClass.Condition) != 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when "each other" or "one another" follows the trigger (an adverb or date between allowed).</summary>
    public bool Reciprocal(int triggerEnd)
    {
        var i = triggerEnd + 1;
        if (AfterDate(i) is var dated and > 0)
        {
            i = dated;
        }

        return i + 1 < Count && ((Is(i, "each") && Is(i + 1, "other")) || (Is(i, "one") && Is(i + 1, "another")));
    }

    /// <summary>
    /// True when the trigger is a verb whose coordinated subjects act on each other ("exchanged
    /// prisoners", "traded fire", "Thai and Cambodian troops clashed"), and no "with" names another
    /// party right after it ("protesters and students clashed with police").
    /// </summary>
    public bool MutualVerb(int trigger, int triggerEnd) =>
        (Class(trigger) & WordClass.Mutual) != 0 && !(triggerEnd + 1 < Count && Is(triggerEnd + 1, "with"));

    /// <summary>True when the token is a form of the verb "strike".</summary>
    public bool IsStrike(int i) => Is(i, "strike") || Is(i, "strikes") || Is(i, "struck") || Is(i, "striking");

    /// <summary>True when the token is "they".</summary>
    public bool IsThey(int i) => Is(i, "they");

    /// <summary>Whether token <paramref name="i"/> is this word (any case).</summary>
    public bool IsWord(int i, string word) => Is(i, word);

    /// <summary>Whether the token is a verb of travel (modality.txt's motion class).</summary>
    public bool IsMotion(int i) => i >= 0 && i < Count && (Class(i) & WordClass.Motion) != 0;

    /// <summary>
    /// The code prefixes of the earlier event a definite noun right after a rejection refers to:
    /// "rejected the demand" (10), "the accusation" (112), "the criticism" (11), "the proposal" or "the offer" (03),
    /// "the request" or "the call" (02), "the ultimatum" (13); null for anything else.
    /// </summary>
    public string[]? ReferredRoot(int end)
    {
        var n = end + 2;
        if (n >= Count || !(Is(end + 1, "the") || Is(end + 1, "this") || Is(end + 1, "that")))
        {
            return null;
        }

        return ReferredNouns.Value.TryGetValue(Raw(n), out var codes) ? codes : null;
    }

    /// <summary>
    /// True when a one-word past-participle trigger stands between a determiner or number and a
    /// lower-case word that is no preposition or clause word: "six detained aid workers", "the
    /// proposed meeting" (an adjective); "that condemned the attack" is a relative clause.
    /// </summary>
    public bool AdjectiveParticiple(int trigger, int triggerEnd) =>
        trigger == triggerEnd && trigger > 0 && trigger + 1 < Count && Raw(trigger).EndsWith("ed", StringComparison.Ordinal)
        && !Is(trigger - 1, "that") && (IsCount(trigger - 1) || (Class(trigger - 1) & WordClass.Determiner) != 0)
        && tokens[trigger + 1].Kind == TokenKind.Word && char.IsLower(Raw(trigger + 1)[0])
        && (Class(trigger + 1) & (WordClass.Preposition | WordClass.Clause | WordClass.Determiner | WordClass.Conjunction | WordClass.Passive)) == 0;

    /// <summary>
    /// True when a one-word trigger with nothing else matched stands right after a preposition other
    /// than "to" and is no gerund: "blocked highways in protest", "marched in support" (a noun
    /// naming why something else was done, not an event of its own).
    /// </summary>
    public bool AfterPreposition(int trigger, int triggerEnd, int end) =>
        trigger == triggerEnd && end == triggerEnd && trigger > 0 && tokens[trigger - 1].Kind == TokenKind.Word
        && (Class(trigger - 1) & WordClass.Preposition) != 0 && !Is(trigger - 1, "to") && char.IsLower(Raw(trigger - 1)[0])
        && !Raw(trigger).EndsWith("ing", StringComparison.Ordinal);

    /// <summary>True when "must" stands right before the trigger ("Ethiopia must withdraw").</summary>
    public bool Must(int trigger) => trigger > 0 && Is(trigger - 1, "must");

    /// <summary>True when "would not", "will not", "won't" or "would never" stand right before the trigger.</summary>
    public bool RefusedIntent(int trigger) =>
        trigger > 1 && (Class(trigger - 1) & WordClass.Negation) != 0
        && (Is(trigger - 2, "would") || Is(trigger - 2, "will") || Is(trigger - 2, "wo") || Is(trigger - 2, "won’t") || Is(trigger - 2, "won't")
            || Is(trigger - 1, "won’t") || Is(trigger - 1, "won't"));

    /// <summary>True when "we", "I", "us" or "our" stand between the clause start and the trigger.</summary>
    public bool FirstPerson(int clauseStart, int trigger)
    {
        for (var i = clauseStart; i < trigger; i++)
        {
            if (Is(i, "we") || Is(i, "i") || Is(i, "our"))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The first entity after the trigger that is neither a place introduced by "in"/"at" nor an excluded one.</summary>
    /// <summary>Whether names (coordinated) from this token are followed by a participle in -ing: "with Russia and China abstaining".</summary>
    private bool AbsoluteWith(int i, int last)
    {
        var named = false;
        while (i < last)
        {
            if (mentionStarting[i] is { } n)
            {
                named = true;
                i = n.Last + 1;
            }
            else if (named && (Is(i, "and") || Raw(i) is ","))
            {
                i++;
            }
            else
            {
                break;
            }
        }

        return named && i < last && tokens[i].Kind == TokenKind.Word && char.IsLower(Raw(i)[0]) && Raw(i).EndsWith("ing", StringComparison.Ordinal) && mentionStarting[i] is null
            && (Class(i) & (WordClass.Preposition | WordClass.Coordination | WordClass.Governing)) == 0;
    }

    public Entity? FirstEntityAfter(int from, int last, int reach, List<Entity> exclude, int matchEnd = -1, bool purposeStops = false, bool agentTargets = false)
    {
        var comma = false;
        var placeEnd = -1;
        Span<char> lower = stackalloc char[24];
        for (var i = from + 1; i < last && i <= from + reach; i++)
        {
            if (Raw(i) is ";" || tokens[i].Kind == TokenKind.QuoteMark)
            {
                break;
            }

            // "marched through Tbilisi to demand the release of X" (a protest's purpose),
            // "suspended deliveries after Houthi fighters seized …": a purpose infinitive or an
            // adverbial clause with a subject of its own has its own arguments. (Past a comma the
            // clause may be an aside whose parties the event concerns: "proposed the meeting, …
            // after Ukraine called on Moscow"; "abandoned efforts to stop a parade by X" is about X.)
            if (i > matchEnd && i + 1 < last && tokens[i + 1].Kind == TokenKind.Word && tokens[i + 1].Length <= lower.Length
                && ((purposeStops && Is(i, "to")) || ((!comma || SpanBefore(i)) && IsSubordinator(i) && (mentionStarting[i + 1] is not null || RoleAt(i + 1, out _) is not null || RoleAt(i + 2, out _) is not null))))
            {
                Raw(i + 1).ToLowerInvariant(lower);
                if (!Is(i, "to") || (char.IsLower(Raw(i + 1)[0]) && patterns.Triggered(lower[..tokens[i + 1].Length]) is not null))
                {
                    break;
                }

                // "appealed for $300 million to feed 1.2 million people": past the pattern, "to" and a
                // plain lower-case word (no role noun, article or name) is a purpose infinitive too.
                if (purposeStops && i > matchEnd && IsPlainModifier(i + 1) && mentionStarting[i + 1] is null)
                {
                    break;
                }
            }

            // "criticized the agreements, calling them part of a US strategy": a participle after a
            // comma opens a clause of its own.
            if (Raw(i) is "," && i + 1 < last && tokens[i + 1].Kind == TokenKind.Word && char.IsLower(Raw(i + 1)[0])
                && Raw(i + 1).EndsWith("ing", StringComparison.Ordinal) && mentionStarting[i + 1] is null)
            {
                break;
            }

            // "…, while Turkey blamed Armenia", "withdraw from three towns and the government will
            // release …": a contrast, or a conjunction before a subject with its own verb, opens a
            // clause of its own.
            if (i > matchEnd && (Is(i, "while") || Is(i, "whereas") || ((Is(i, "and") || Is(i, "but")) && NewSubjectAfter(i + 1, last))))
            {
                break;
            }

            // "criticized the decision and said her government would …": a coordinated reporting
            // verb opens what was said; a name in it is no object of the trigger.
            if (i > matchEnd && (Is(i, "and") || Is(i, "but")) && i + 1 < last && IsReportingVerb(i + 1))
            {
                break;
            }

            // "halt attacks on ships, with Russia and China abstaining": "with" before names and a
            // participle of their own is an aside about them, not the event's party.
            if (Is(i, "with") && AbsoluteWith(i + 1, last))
            {
                break;
            }

            comma |= Raw(i) is ",";
            if (mentionStarting[i] is not { } m)
            {
                // "clashed with rioters", "attacked civilians": a role noun no entity covers.
                // "demanded the release of the activists": a role after "of" belongs to the noun before it.
                // "deployed troops to Belarus", "withdrew its forces": the forces that end the pattern
                // are the subject's own, not a party ("released prisoners" keeps its target).
                // "protested outside the parliament", "gathered near the ministry": a role noun
                // after a preposition of place is where the event happens, not a party ("fired at
                // demonstrators" keeps its target).
                if (!IsRoleModifier(i) && RoleAt(i, out var roleFirst) is [var role, ..] && !IsAccordingTo(roleFirst)
                    && !(roleFirst > from + 1 && (Is(roleFirst - 1, "the") ? roleFirst - 2 : roleFirst - 1) is var place
                         && (IsVicinity(place) || Is(place, "in")))
                    && !(i == matchEnd && role.Actor is { } forces && forces.EndsWith("MIL", StringComparison.Ordinal))
                    && !OfNoun(Is(roleFirst - 1, "the") ? roleFirst - 2 : roleFirst - 1)
                    && !((comma || Is(roleFirst - 1, "the")) && ReportsNext(i, last)) && !exclude.Exists(e => e?.Id == role.Id))
                {
                    return role;
                }

                continue;
            }

            var before = i - 1;
            if (before >= 0 && Is(before, "the"))
            {
                before--;
            }

            // "in Istanbul", "in the Ethiopian capital": places, not targets.
            if (before >= 0 && tokens[before].Kind == TokenKind.Word && (Class(before) & WordClass.Locative) == 0 && before > from && Is(before - 1, "the"))
            {
                before--;
            }

            // "in northern Mali": a direction word between the preposition and the place.
            if (before > from && IsDirection(before) && (Class(before - 1) & WordClass.Locative) != 0)
            {
                before--;
            }

            // "rallied outside the House of Representatives", "in front of Government House": a body
            // or a building next to which the event happens is its place, not a party.
            // "in Tel Aviv and Jerusalem", "in Senayan, Central Jakarta": a place joined to a place
            // after a locative is a place too. (A body or a building "outside" which a protest is
            // held stays its target: "protested outside the French embassy" → France.)
            var isPlace = m.Entity.Type is "GPE" or "LOC" or "FAC" or "NORP";
            var locative = before >= 0 && (Class(before) & WordClass.Locative) != 0 && isPlace;
            if (isPlace && !locative && placeEnd >= 0 && placeEnd < i - 1 && i - placeEnd <= 3
                && (Raw(placeEnd + 1) is "," || Is(placeEnd + 1, "and")) && (i - placeEnd == 2 || (Class(i - 1) & WordClass.Direction) != 0))
            {
                locative = true;
            }

            if (locative && isPlace)
            {
                placeEnd = m.Last;
            }


            // "vetoed a UN Security Council resolution": a name after "a" before a plain noun
            // modifies the noun; it is no party.
            // So does one after "a" and an adjective ("criticized a new EU migration plan"), or
            // right after the trigger in a headline, which drops its articles ("Hungary
            // criticizes EU migration plan").
            var modifier = m.Entity.Type is "ORG" or "GPE"
                && (Is(i - 1, "a") || Is(i - 1, "an") || (i - 2 > from && (Is(i - 2, "a") || Is(i - 2, "an")) && IsPlainModifier(i - 1))
                    || (i == from + 1 && HeadlineLine(i))) && m.Last + 1 < last
                && tokens[m.Last + 1].Kind == TokenKind.Word && IsPlainModifier(m.Last + 1);
            if (modifier)
            {
                i = m.Last;
                continue;
            }

            // "…, the Malian defence ministry said": who reports the event is not its target.
            var reporter = (comma || Raw(i - 1) is "the") && ReportsNext(m.Last, last);

            // "began drills on Monday, the Belarusian defence ministry said, days after Minsk
            // accused …": past a trailing attribution the event's clause has ended.
            if (reporter && comma)
            {
                break;
            }

            // "will meet in Nairobi for talks hosted by Kenya": the agent of another participle
            // (but "condemned drills conducted by X": what is criticized or rejected is X's doing).
            var by = Is(i - 1, "the") ? i - 2 : i - 1;
            var agent = !agentTargets && by - 1 > from && Is(by, "by") && tokens[by - 1].Kind == TokenKind.Word
                && (Raw(by - 1).EndsWith("ed", StringComparison.Ordinal) || Raw(by - 1).EndsWith("en", StringComparison.Ordinal));
            // "Rutte pledged the alliance's full support": the source's own body, owning the
            // object, is no target.
            var owner = m.Last + 1 < last && Raw(m.Last + 1) is "'s" or "\u2019s";
            // "signed the extension in the presence of ASEAN observers": a witness, not a party.
            var witness = i - 2 > from && Is(i - 1, "of") && Is(i - 2, "presence");
            if (locative || reporter || agent || witness || IsAccordingTo(i) || exclude.Exists(e => e?.Id == m.Entity.Id || (owner && e?.Actor is { Length: > 3 } own && own == m.Entity.Actor)))
            {
                i = m.Last;
                continue;
            }

            return TitledPerson(m) ?? NationalRole(m, i, last) ?? m.Entity;
        }

        return null;
    }

    /// <summary>
    /// True when a subject with a verb of its own starts at token <paramref name="i"/>: a mention
    /// or a role noun (after "the") followed by an auxiliary or by the next trigger
    /// (<paramref name="last"/>).
    /// </summary>
    private bool NewSubjectAfter(int i, int last)
    {
        var j = i < Count && Is(i, "the") ? i + 1 : i;
        int end;
        if (j < Count && mentionStarting[j] is { } m)
        {
            end = m.Last;
        }
        else if (j < Count && RoleAt(j, out _) is not null)
        {
            end = j;
        }
        else
        {
            return false;
        }

        var next = end + 1;
        return next == last || (next < Count && (Is(next, "will") || Is(next, "would") || Is(next, "has") || Is(next, "have") || Is(next, "had")
            || Is(next, "is") || Is(next, "are") || Is(next, "was") || Is(next, "were") || Is(next, "said") || Is(next, "can") || Is(next, "could")));
    }

    /// <summary>A clause word that opens an adverbial clause ("after", "when", "because"), not a relative one.</summary>
    /// <summary>
    /// Whether a span of time (a DURATION timex of the time stage) stands right before "after" or
    /// "before" at <paramref name="i"/> (", days after soldiers detained …", ", a week before"): a
    /// clause of another time, whose parties are not the main event's, even past a comma.
    /// </summary>
    private bool SpanBefore(int i) =>
        (Is(i, "after") || Is(i, "before")) && i > 0
        && d.Timexes.Any(t => t.Type == "DURATION" && d.TokenIndexAt(t.End) == i);

    private bool IsSubordinator(int i) =>
        (Class(i) & WordClass.Clause) != 0 && char.IsLower(Raw(i)[0]) && !(Is(i, "that") || Is(i, "which") || Is(i, "who") || Is(i, "whom") || Is(i, "whose") || Is(i, "where"));

    /// <summary>
    /// The person or body a nationality introduces: "Sri Lankan President Nimal Perera" is the
    /// president, not Sri Lanka (up to three capitalized title words between); null when the
    /// mention is no nationality or no such mention follows.
    /// </summary>
    private Entity? TitledPerson((Entity Entity, int Last) mention)
    {
        if (mention.Entity.Type != "NORP")
        {
            return null;
        }

        var j = mention.Last + 1;
        for (var skipped = 0; skipped < 3 && j < Count && mentionStarting[j] is null && tokens[j].Kind == TokenKind.Word && char.IsUpper(Raw(j)[0]); skipped++)
        {
            j++;
        }

        return j < Count && mentionStarting[j] is { Entity: { Type: "PERSON" or "ORG", Actor: not null } titled } ? titled : null;
    }

    /// <summary>The country of a place right after a role noun ("court in Guyana") or of an opening "In X," before it.</summary>
    private string? PlaceCountry(int role, out int placeLast)
    {
        placeLast = -1;
        var after = role + 1 < Count && (Is(role + 1, "in") || Is(role + 1, "from") || Is(role + 1, "of")) ? role + 2 : -1;
        if (after > 0 && after < Count && Is(after, "the"))
        {
            after++;
        }

        // "the mayor of the northern West Bank city of Nablus", "dissidents from military-ruled
        // Myanmar": a direction word or one lower-case adjective before the place.
        if (after > 0 && after + 1 < Count && mentionStarting[after] is null && tokens[after].Kind == TokenKind.Word && char.IsLower(Raw(after)[0])
            && (IsDirection(after) || Class(after) == WordClass.None) && RoleAt(after, out _) is null)
        {
            after++;
        }

        // "troops from Chad", "lawmakers in Peru": a place, or an actor a dictionary names as a country.
        if (after > 0 && after < Count && mentionStarting[after] is { } named
            && (named.Entity.Type is "GPE" or "LOC" ? named.Entity.Country : named.Entity.Actor) is { Length: 3 } c && char.IsAsciiLetterUpper(c[0]))
        {
            placeLast = named.Last;
            return c;
        }

        var k = role - 1;
        if (k > 0 && Is(k, "the"))
        {
            k--;
        }

        if (k > 1 && Raw(k) is "," && mentionEnding[k - 1] is { Entity: { Type: "GPE" or "LOC", Country: { Length: 3 } place } } m
            && m.First > 0 && Raw(m.First - 1) is "In" or "in")
        {
            return place;
        }

        return null;
    }

    private bool IsDirection(int i) => char.IsLower(Raw(i)[0]) && (Class(i) & WordClass.Direction) != 0;

    /// <summary>
    /// A reporting verb right after the mention, or after one or two plain words ("Chilean
    /// official said"), also after a possessive ("…, Austria’s foreign ministry said").
    /// </summary>
    private bool ReportsNext(int mentionLast, int last)
    {
        var start = mentionLast + 1;
        if (start < last && Raw(start) is "'s" or "\u2019s" or "'" or "\u2019")
        {
            start++;
        }

        for (var k = start; k < last && k <= start + 2; k++)
        {
            if ((Class(k) & WordClass.Reporting) != 0)
            {
                return true;
            }

            if (tokens[k].Kind != TokenKind.Word || !char.IsLower(Raw(k)[0]) || Class(k) != WordClass.None)
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>
    /// True when token <paramref name="i"/> is a preposition of a place next to something
    /// ("outside", "near") or the "of" of "in front of".
    /// </summary>
    private bool IsVicinity(int i) =>
        i >= 0 && i < Count && tokens[i].Kind == TokenKind.Word
        && (Is(i, "of") ? i > 0 && Is(i - 1, "front") && (Class(i - 1) & WordClass.Vicinity) != 0 : !Is(i, "front") && (Class(i) & WordClass.Vicinity) != 0);

    /// <summary>True when a locative preposition introduces the mention at token <paramref name="i"/> ("in Belgrade", "through the capital", "in northern Mali").</summary>
    public bool AfterLocative(int i)
    {
        var before = i - 1;
        if (before > 0 && Is(before, "the"))
        {
            before--;
        }

        if (before > 0 && IsDirection(before))
        {
            before--;
        }

        return before >= 0 && (Class(before) & WordClass.Locative) != 0;
    }

    /// <summary>The event's place: a place after "in" or "at" in the trigger's clause or sentence.</summary>
    public Entity? Location(int clauseStart, int last, int trigger, Entity? target)
    {
        Entity? best = null;
        var bestDistance = int.MaxValue;
        for (var i = clauseStart; i < last; i++)
        {
            if (mentionStarting[i] is not { } m || m.Entity.Type is not ("GPE" or "LOC" or "FAC") || m.Entity.Id == target?.Id)
            {
                continue;
            }

            var before = i - 1;
            if (before > 0 && IsDirection(before))
            {
                before--;
            }

            // "Mudavadi, who met … in Nairobi on Monday, will travel to Kampala": the place of a
            // relative clause between commas is not the main verb's, as its date is not.
            if (!(before >= 0 && (Class(before) & WordClass.Locative) != 0) || VerbPhraseBetween(trigger, i) || InOtherRelative(i, trigger, 0))
            {
                continue;
            }

            var distance = Math.Abs(i - trigger);
            if (distance < bestDistance)
            {
                best = m.Entity;
                bestDistance = distance;
            }
        }

        return best;
    }

    /// <summary>
    /// The event's date: the nearest date in its clause, else in its sentence (never one that
    /// opens a period: "since 2022"), else the publication date. A date is a day at most: the
    /// part of the day ("on Sunday evening", "last night") does not make another event.
    /// </summary>
    public (string? Date, string? From) Date(int trigger, int clauseStart, int first, int last, int before = -1)
    {
        var sentenceStart = tokens[first].Start;
        var sentenceEnd = tokens[last - 1].End;
        var clauseFrom = tokens[clauseStart].Start;

        // "on Monday, two days after soldiers detained eleven farmers": the clause after a span
        // and "after" or "before" happened that span before or after the date it hangs on.
        if (Offset(trigger, clauseStart, first) is { } offset)
        {
            return offset;
        }

        // "agreed on Wednesday to hold talks next month, days after soldiers detained …": a
        // clause opened by "after" or "before" is dated by its own words, never by the date of
        // the clause it hangs on.
        var subordinate = clauseStart > first && (Is(clauseStart - 1, "after") || Is(clauseStart - 1, "before"));
        var perfect = PresentPerfect(trigger);
        Timex? best = null;
        var bestScore = int.MaxValue;
        foreach (var t in d.Timexes)
        {
            if (subordinate && t.Start < clauseFrom)
            {
                continue;
            }

            // "delivered food this week, its first convoy since fighting flared in October": the
            // date of a "since" clause the trigger is not in is that clause's own.
            if (SinceBetween(trigger, d.TokenIndexAt(t.Start)) || ConditionBetween(trigger, d.TokenIndexAt(t.Start)))
            {
                continue;
            }

            // "agreed to meet in London next month": a date after the infinitive is its own.
            if (before >= 0 && t.Start >= tokens[before].Start)
            {
                continue;
            }

            // "Anwar Ibrahim, who brokered a ceasefire in July 2025, will host the talks": the date
            // of a relative clause between commas is not the main verb's.
            // A vague reference ("in the past", "now") is kept: when it is the nearest, the event
            // has no date of its own and takes the publication day (below).
            // "called on the EU to impose sanctions and will meet Rutte on Monday": a date beyond
            // "and" and an auxiliary is the next verb's, not this one's.
            // "rejected the results of Sunday's election on Tuesday": a possessive date after the
            // trigger is the date of the noun it owns, another event ("Sunday's attack killed …" is
            // the attack's own).
            if (PossessiveAfter(t, trigger) || InWireDateline(t))
            {
                continue;
            }

            // "Sudan has offered to host the talks, and its prime minister is due to visit Cairo
            // next week": a present perfect names no time of its own in another coordinated clause;
            // the date across ", and" is that clause's alone.
            if (perfect && CoordinationBetween(Math.Min(d.TokenIndexAt(t.Start), trigger), Math.Max(d.TokenIndexAt(t.Start), trigger)))
            {
                continue;
            }

            if (t.Start < sentenceStart || t.End > sentenceEnd || t.Type is not ("DATE" or "TIME") || (OpensPeriod(t) && !StartsAhead(t)) || ModifiesNoun(t)
                || InOtherRelative(d.TokenIndexAt(t.Start), trigger, first) || VerbPhraseBetween(trigger, d.TokenIndexAt(t.Start)))
            {
                continue;
            }

            // "the largest demonstration this year": a "this …" period compares the event with
            // others; a day named in the sentence dates it better. "… sanctions last month, and
            // Belgium suspended aid in March 2022": a date across ", and" belongs to the other
            // coordinated clause. "agreed on Sunday to hold talks on Thursday": an infinitive's
            // own date comes after it. "Oman, which has mediated … in the past, hosted a delegation
            // on Tuesday": a date beyond a comma is another phrase's, when one is nearer.
            // "On Wednesday, Azerbaijan released four soldiers captured in 2023": a date that opens
            // the sentence before a comma is the clause's right after that comma; its comma parts it
            // from nothing.
            var at = d.TokenIndexAt(t.Start);
            var after = d.TokenIndexAt(t.End);
            var fronted = at <= first + 1 && at < trigger && after < last && Raw(after) is "," && clauseStart <= after + 1;
            var distance = Math.Abs(at - trigger);
            var score = distance + (t.Start >= clauseFrom || fronted ? 0 : 1000)
                + (t.Text.StartsWith("this ", StringComparison.OrdinalIgnoreCase) ? 500 : 0)
                + (CoordinationBetween(Math.Min(at, trigger), Math.Max(at, trigger)) ? 300 : 0)
                + (!fronted && CommaBetween(Math.Min(at, trigger), Math.Max(at, trigger)) ? 200 : 0)
                + (at < trigger && Is(trigger - 1, "to") && at < trigger - 1 ? 100 : 0);
            if (score < bestScore)
            {
                best = t;
                bestScore = score;
            }
        }

        if (best is not null && best.Value is not ("PRESENT_REF" or "PAST_REF" or "FUTURE_REF"))
        {
            return (Day(best.Value), best.Id);
        }

        return d.Published is { } p ? (p.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), "published") : (null, null);
    }

    /// <summary>
    /// "Putin to visit India next week": a trigger after "to" right after the name that opens a
    /// line ending with no full stop, question or exclamation mark (a headline's future).
    /// </summary>
    public bool HeadlineInfinitive(int trigger, int first)
    {
        if (trigger < first + 2 || !Is(trigger - 1, "to") || mentionEnding[trigger - 2] is not { } m || m.First != first)
        {
            return false;
        }

        var text = d.Text.AsSpan();
        var end = text[tokens[trigger].End..].IndexOf('\n');
        var line = (end < 0 ? text[tokens[trigger].End..] : text.Slice(tokens[trigger].End, end)).TrimEnd();
        return line.Length == 0 || line[^1] is not ('.' or '?' or '!' or '"' or '\u201d' or ':' or ';');
    }

    /// <summary>Whether the token lies on a line that ends with no full stop, question or exclamation mark (a headline).</summary>
    private bool HeadlineLine(int token)
    {
        var text = d.Text.AsSpan();
        var end = text[tokens[token].End..].IndexOf('\n');
        var line = (end < 0 ? text[tokens[token].End..] : text.Slice(tokens[token].End, end)).TrimEnd();
        return line.Length > 0 && line[^1] is not ('.' or '?' or '!' or '"' or '\u201d' or ':' or ';');
    }

    /// <summary>"2026-08-09TEV", "2026-08-09T14:30" → "2026-08-09".</summary>
    private static string Day(string value) =>
        value.Length > 10 && value[10] == 'T' && value[4] == '-' && value[7] == '-' ? value[..10] : value;

    /// <summary>
    /// Whether the token lies in a relative clause opened by ", who" or ", which" and closed by a
    /// comma, and the trigger lies outside it.
    /// </summary>
    private bool InOtherRelative(int at, int trigger, int first)
    {
        var open = -1;
        for (var i = at - 1; i > first; i--)
        {
            if (IsGapBoundary(i))
            {
                break;
            }

            if ((Is(i, "who") || Is(i, "which")) && Raw(i - 1) is ",")
            {
                open = i;
                break;
            }
        }

        if (open < 0 || trigger > open && trigger < at)
        {
            return false;
        }

        for (var i = at + 1; i < Count && !IsHardBoundary(i); i++)
        {
            if (Raw(i) is ",")
            {
                return trigger < open || trigger > i;
            }
        }

        return false;
    }

    /// <summary>Whether a date value ("2026-03-09", "2026-W11", "2026-04", "2022") ends before the publication day.</summary>
    public bool BeforePublication(string? value) =>
        value is not null && d.Published is { } published && Interval(value, out _, out var end) && end < published.Date;

    /// <summary>Whether a date value ("2026-03-09", "2026-W11", "2026-04", "2027") begins after the publication day.</summary>
    public bool AfterPublication(string? value) =>
        value is not null && d.Published is { } published && Interval(value, out var start, out _) && start > published.Date;

    /// <summary>The first and last day of a date value: a day, an ISO week (its weekend from Saturday), a month or a year.</summary>
    private static bool Interval(string value, out DateOnly start, out DateOnly end)
    {
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        if (IsDay(value))
        {
            start = end = DateOnly.ParseExact(value[..10], "yyyy-MM-dd", inv);
            return true;
        }

        if (value.Length >= 8 && value[4] == '-' && value[5] == 'W' && int.TryParse(value.AsSpan(0, 4), inv, out var wy) && int.TryParse(value.AsSpan(6, 2), inv, out var w) && w is >= 1 and <= 53)
        {
            start = DateOnly.FromDateTime(System.Globalization.ISOWeek.ToDateTime(wy, w, DayOfWeek.Monday));
            end = start.AddDays(6);
            if (value.EndsWith("-WE", StringComparison.Ordinal))
            {
                start = start.AddDays(5);
            }

            return true;
        }

        if (value.Length == 7 && value[4] == '-' && int.TryParse(value.AsSpan(0, 4), inv, out var my) && int.TryParse(value.AsSpan(5, 2), inv, out var m) && m is >= 1 and <= 12)
        {
            start = new DateOnly(my, m, 1);
            end = start.AddMonths(1).AddDays(-1);
            return true;
        }

        if (value.Length == 4 && int.TryParse(value, inv, out var y) && y is >= 1 and < 9999)
        {
            start = new DateOnly(y, 1, 1);
            end = new DateOnly(y, 12, 31);
            return true;
        }

        start = end = default;
        return false;
    }

    /// <summary>A comma or a dash between two tokens.</summary>
    private bool CommaBetween(int from, int to)
    {
        for (var i = from + 1; i < to; i++)
        {
            if (Raw(i) is "," or "\u2014" or "\u2013")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A comma and a coordinating conjunction ("…, and Belgium …") between two tokens.</summary>
    private bool CoordinationBetween(int from, int to)
    {
        for (var i = from; i < to - 1; i++)
        {
            if (Raw(i) is "," && (Class(i + 1) & WordClass.Conjunction) != 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// "X on Monday, two days after Y …", "a day after Y": the date of an event in a clause
    /// opened by "after" or "before" and a span of days or weeks (hours: that same day), counted from the day the
    /// sentence names before it (else the last day named in the sentence before, else the
    /// publication day), when that day is known.
    /// </summary>
    private (string, string)? Offset(int trigger, int clauseStart, int first)
    {
        var word = clauseStart - 1;
        if (word < first + 2 || !(Is(word, "after") || Is(word, "before")))
        {
            return null;
        }

        // The span: a DURATION timex ending at the word ("two days"), or "a day" / "a week".
        int days;
        var spanStart = word - 2;
        var span = d.Timexes.FirstOrDefault(t => t.Type == "DURATION" && d.TokenIndexAt(t.End) == word);
        if (span is not null && SpanDays(span.Value) is { } n)
        {
            days = n;
            spanStart = d.TokenIndexAt(span.Start);
        }
        else if ((Is(word - 2, "a") || Is(word - 2, "one")) && (Is(word - 1, "day") || Is(word - 1, "week")))
        {
            days = Is(word - 1, "day") ? 1 : 7;
        }
        else
        {
            return null;
        }

        if (Is(word, "after"))
        {
            days = -days;
        }

        // The anchor: the last day named before the span in this sentence, else in the sentence before.
        var before = tokens[spanStart].Start;
        var sentence = tokens[first].Start;
        Timex? anchor = null;
        foreach (var t in d.Timexes)
        {
            // "Thailand and Cambodia agreed on Sunday to hold talks on Thursday. The agreement came
            // three days after …": from the sentence before, a day still to come is not what a
            // past event hangs on.
            if (t.End <= before && t.Type is ("DATE" or "TIME") && IsDay(t.Value) && !OpensPeriod(t)
                && (t.Start >= sentence || (PreviousSentence(sentence, t.Start) && !AfterPublication(Day(t.Value)))))
            {
                if (anchor is null || t.Start > anchor.Start)
                {
                    anchor = t;
                }
            }
        }

        if (anchor is null || (anchor.Start < sentence && d.Timexes.Any(t => t.Start >= sentence && t.End <= before && t.Type is ("DATE" or "TIME"))))
        {
            return null;
        }

        var day = DateOnly.ParseExact(Day(anchor.Value), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture).AddDays(days);
        return (day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), anchor.Id);
    }

    private static bool IsDay(string value) =>
        value.Length >= 10 && value[4] == '-' && value[7] == '-' && char.IsAsciiDigit(value[0]) && char.IsAsciiDigit(value[9])
        && (value.Length == 10 || value[10] == 'T');

    /// <summary>"P2D" → 2, "P1W" → 7, "PT3H" or "PTXH" (hours, minutes: "hours after") → 0; null for other spans.</summary>
    private static int? SpanDays(string value)
    {
        if (value.StartsWith("PT", StringComparison.Ordinal))
        {
            return 0;
        }

        if (value.Length < 3 || value[0] != 'P' || !int.TryParse(value.AsSpan(1, value.Length - 2), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n))
        {
            return null;
        }

        return value[^1] switch { 'D' => n, 'W' => 7 * n, _ => null };
    }

    /// <summary>Whether a character offset lies in the sentence just before the one that starts at <paramref name="sentenceStart"/>.</summary>
    private bool PreviousSentence(int sentenceStart, int at)
    {
        var k = -1;
        for (var i = 0; i < d.Sentences.Length; i++)
        {
            if (d.Sentences[i].Start >= sentenceStart)
            {
                break;
            }

            k = i;
        }

        return k >= 0 && d.Sentences[k].Start <= at && at < sentenceStart;
    }

    /// <summary>Whether the timex stands after the trigger with a possessive "'s" after it ("of Sunday's election").</summary>
    /// <summary>
    /// Whether the expression is the date of a wire dateline ("NEW DELHI, Dec 7 (Reuters) -",
    /// "VIENNA, Dec 1 -"): the day the story was filed, never the date of an event it tells.
    /// </summary>
    private bool InWireDateline(Timex t)
    {
        var at = d.TokenIndexAt(t.Start);
        var k = d.TokenIndexAt(t.End);
        if (at < 1 || Raw(at - 1) is not "," || k < 0 || k >= Count)
        {
            return false;
        }

        if (Raw(k) is "(")
        {
            var open = k;
            while (k < Count && Raw(k) is not ")" && k - open < 6)
            {
                k++;
            }

            k++;
        }

        return k < Count && Raw(k) is "-" or "--" or "\u2013" or "\u2014";
    }

    private bool PossessiveAfter(Timex t, int trigger)
    {
        var next = d.TokenIndexAt(t.End);
        return d.TokenIndexAt(t.Start) > trigger && next < Count && Raw(next) is "'s" or "’s" or "'" or "’";
    }

    /// <summary>"the 1995 massacre": a year between an article and a noun names another event's date.</summary>
    private bool ModifiesNoun(Timex t)
    {
        var first = d.TokenIndexAt(t.Start);
        var next = d.TokenIndexAt(t.End);
        return t.Value.Length == 4 && first > 0 && (Is(first - 1, "the") || Is(first - 1, "a") || Is(first - 1, "its") || Is(first - 1, "their"))
            && next < Count && tokens[next].Kind == TokenKind.Word;
    }

    /// <summary>
    /// "will ban exports of nickel matte from January 1", "will lift the tariff from Dec. 1": a
    /// period opened by "from" after the publication day starts when the planned event happens.
    /// </summary>
    private bool StartsAhead(Timex t)
    {
        var at = d.TokenIndexAt(t.Start);
        return at > 0 && Is(at - 1, "from") && t.Value is { } value && AfterPublication(value);
    }

    private bool OpensPeriod(Timex t)
    {
        var first = d.TokenIndexAt(t.Start);
        for (var i = first - 1; i >= 0 && i >= first - 4; i--)
        {
            var c = Class(i);
            if ((c & WordClass.Since) != 0)
            {
                return true;
            }

            // "from Romania on Monday": the timex has a preposition of its own.
            if ((c & WordClass.Preposition) != 0)
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>
    /// "Ethiopia denied that its soldiers had shelled the base": the event in the complement of
    /// a denial before it in the sentence, with no "and"/"but" or clause end between (the
    /// denier's next verb, "… and accused Mogadishu", is its own).
    /// </summary>
    private bool Denied(int trigger, int first, Quote? quote)
    {
        var comma = false;
        for (var i = trigger - 1; i >= first; i--)
        {
            if (IsHardBoundary(i) || (Class(i) & WordClass.Conjunction) != 0)
            {
                return false;
            }

            comma |= Raw(i) is ",";

            // "Rwanda, which denies backing the M23, welcomed the talks": a denial in a relative
            // clause between commas governs nothing after it.
            if ((Class(i) & WordClass.Denial) != 0)
            {
                return !(comma && ((i > first && (Class(i - 1) & WordClass.Clause) != 0) || (i > first + 1 && (Class(i - 2) & WordClass.Clause) != 0)))
                    && QuoteAt(i)?.Id == quote?.Id;
            }
        }

        return false;
    }

    /// <summary>An "if" or "unless" after the event, in its sentence and its quote, before the sentence ends.</summary>
    private bool Conditioned(int end, int last, Quote? quote)
    {
        for (var i = end; i < last; i++)
        {
            if (IsHardBoundary(i))
            {
                return false;
            }

            if ((Class(i) & WordClass.Condition) != 0)
            {
                return QuoteAt(i)?.Id == quote?.Id;
            }
        }

        return false;
    }

    /// <summary>negated, hypothetical, planned, reported or asserted, from the words of the clause.</summary>
    public string Modality(int trigger, int end, int clauseStart, int first, int last, Quote? quote)
    {
        var classes = WordClass.None;
        for (var i = Math.Max(first, trigger - 4); i < trigger; i++)
        {
            // "found no evidence and urged …": a negation before "and" or "but" belongs to the verb before it.
            if (char.IsLower(Raw(i)[0]) && (Class(i) & WordClass.Conjunction) != 0)
            {
                classes = WordClass.None;
                continue;
            }

            classes |= Class(i) & WordClass.Negation;

            // "The Kremlin has yet to respond": not done so far.
            if ((Class(i) & WordClass.Pending) != 0 && Is(i + 1, "to"))
            {
                classes |= WordClass.Negation;
            }
        }

        if ((classes & WordClass.Negation) != 0 || Denied(trigger, first, quote))
        {
            return "negated";
        }

        // Conditions and possibilities anywhere before the trigger in its sentence ("if Putin
        // fails …", "In that case, Kyiv called"), plans around it ("talks scheduled for").
        for (var i = first; i < trigger; i++)
        {
            if (QuoteAt(i)?.Id == quote?.Id)
            {
                classes |= Class(i) & (WordClass.Hypothetical | WordClass.Reported);
            }
        }

        // "would not lift sanctions until Russia withdraws its troops": an act awaited, its doer
        // named right after "until" and right before it, has not happened.
        if (trigger >= 2 && mentionEnding[trigger - 1] is { } awaited && awaited.Item2 >= 1 && awaited.Item2 >= first && Is(awaited.Item2 - 1, "until"))
        {
            classes |= WordClass.Hypothetical;
        }

        // An offer or proposal just before the trigger makes it hypothetical: "offered to host
        // talks", "proposed direct talks" — through "to" or right before the trigger's noun, not
        // "the proposal but has criticized", where the proposal governs nothing after it.
        for (var i = Math.Max(first, trigger - 4); i < trigger; i++)
        {
            if ((Class(i) & WordClass.Proposal) != 0 && (Is(i + 1, "to") || i + 1 == trigger || (i + 2 == trigger && (Class(i + 1) & WordClass.Conjunction) == 0)))
            {
                classes |= WordClass.Hypothetical;
            }
        }

        for (var i = Math.Max(first, clauseStart - 1); i <= Math.Min(last - 1, end + 3); i++)
        {
            classes |= Class(i) & WordClass.Planned;
        }

        if ((classes & WordClass.Hypothetical) != 0)
        {
            return "hypothetical";
        }

        if ((classes & WordClass.Planned) != 0 || HeadlineInfinitive(trigger, first))
        {
            // "Kenya is expected to host the two presidents in January if the talks succeed": a
            // condition after a planned event makes it one that may not happen.
            return Conditioned(end, last, quote) ? "hypothetical" : "planned";
        }

        // "said it would give €50 million in aid if the convoys were allowed through": what one
        // would do under a condition may not happen.
        for (var i = Math.Max(first, trigger - 3); i < trigger; i++)
        {
            if ((Is(i, "would") || Is(i, "will")) && Conditioned(end, last, quote))
            {
                return "hypothetical";
            }
        }

        return (classes & WordClass.Reported) != 0 || quote?.Kind == "indirect" ? "reported" : "asserted";
    }
}
