using System.Collections.Immutable;
using System.Globalization;
using Dateline.Data;
using Dateline.Entities;
using Dateline.Model;

namespace Dateline.Events;

/// <summary>
/// The events stage: CAMEO-coded events from the patterns in <c>Data/Events/patterns.txt</c>,
/// with source and target actors from the entity layer, the event's own date from the time
/// layer, its place, its modality and the quote it is stated in.
/// </summary>
/// <remarks>
/// Shallow syntax, no parser: a pattern matches words after its trigger; the source is the
/// nearest entity before the trigger in its clause (extended over coordinated subjects, and
/// swapped for the "by" phrase of a passive); the target is the pattern's slot or the first
/// entity after the trigger. Inside a quote, "we" and "I" are the speaker. A plain role noun
/// no entity covers ("rebels", "the civilians") is an actor with no entity id ("---REB"). An
/// event needs at least one actor. The same event told twice in an article is kept once.
/// Coding conventions (docs/EVALUATION.md): a reporting verb is the attribution of the event it
/// reports, not a statement; saying that someone attacked is also accusing them (112); an
/// intended act is an intent (03) or a threat (13); a refused one a rejection (12).
/// </remarks>
public sealed class EventStage(EventPatterns patterns, Codebook codebook) : IStage
{
    private const int TargetReach = 25;

    /// <summary>Data/Events/mutual.txt: code prefixes of events coordinated parties do to each other.</summary>
    private static readonly Lazy<string[]> MutualCodes = new(() => [.. DataFile.Lines("Events/mutual.txt")]);

    /// <summary>
    /// Whether a country named as a party to a verbal event acts through its government
    /// ("Ukraine called on…" → UKRGOV); off when user dictionaries give the codes to use as they are.
    /// </summary>
    public bool CountriesActAsGovernments { get; init; } = true;

    /// <summary>
    /// PETRARCH's convention: an event with no target takes the place it happened in as its
    /// target ("met in Zurich" → CHE). Off by default, as Dateline gives the place its own field;
    /// on when comparing with PETRARCH codings.
    /// </summary>
    public bool PlaceAsTarget { get; init; }

    /// <inheritdoc />
    public string Name => "events";

    /// <inheritdoc />
    public Document Process(Document document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        var scan = new Scan(document, patterns);
        var events = ImmutableArray.CreateBuilder<Event>();
        var seen = new Dictionary<(string, string?, string?, string?, bool), List<int>>();
        var tokenStart = 0;

        // The sources of the latest event with one, and its sentence: what "it" or "they" as a
        // later subject stands for ("Peru and Chile signed a deal. They also agreed to …").
        (List<Entity> Sources, int Sentence) latest = ([], -1);

        // The latest sources of two parties or more: what "the two leaders" stands for.
        (List<Entity> Sources, int Sentence) latestMany = ([], -1);

        // The latest two parties acting together or against each other: what "both countries"
        // or "the two sides" stands for further on.
        List<Entity>? latestPair = null;
        for (var s = 0; s < document.Sentences.Length; s++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var sentence = document.Sentences[s];
            var first = tokenStart;
            var last = first;
            while (last < scan.Count && document.Tokens[last].End <= sentence.End)
            {
                last++;
            }

            tokenStart = last;
            var matches = scan.Matches(first, last);
            List<Entity> previousSources = [];
            List<Event> previousBuilt = [];
            for (var m = 0; m < matches.Count; m++)
            {
                // A target lies before the next event's trigger; a verb coordinated with the one
                // before it ("criticized X and demanded Y") shares its subject.
                var next = m + 1 < matches.Count ? matches[m + 1].Start : last;
                // So does a participle after a comma ("expelled four diplomats on Monday, accusing Moscow of …").
                var participial = m > 0 && scan.Participial(matches[m - 1].End, matches[m].Start);
                var shared = m > 0 && (scan.Coordinated(matches[m - 1].End, matches[m].Start) || participial) ? previousSources : null;
                var antecedents = latest.Sentence >= s - 1 ? latest.Sources : null;
                var many = latestMany.Sentence >= s - 1 ? latestMany.Sources : null;

                // "both countries", "the two sides", "the two": a dual names the latest pair of
                // parties however far back, as long as no other group was named since.
                var pair = latestPair;
                var built = Build(document, scan, matches[m], s, first, next, last, shared, antecedents, many, pair).ToList();

                // "vetoed a resolution demanding a ceasefire", "rejected a draft condemning the coup":
                // what a rejected text says right after its noun is no one's act.
                if (m > 0 && matches[m - 1].Pattern.Code.StartsWith("12", StringComparison.Ordinal) && scan.NounModifierParticiple(matches[m].Start))
                {
                    built = [];
                }

                // "imposed sanctions on a Dubai-based shipping company, accusing it of carrying
                // Iranian crude": "it" or "them" as the object of a verb sharing the event before's
                // subject is that event's target, not a name further on.
                if (shared is not null && matches[m].Target is null && scan.ObjectPronoun(matches[m].TriggerEnd + 1)
                    && previousBuilt.Select(b => (b.Target, b.TargetActor)).Distinct().ToList() is [(var priorTarget, { } priorActor)])
                {
                    built = [.. built.Select(b => b.Target is null && b.TargetActor is null ? b with { Target = priorTarget, TargetActor = priorActor } : b)];
                }

                previousBuilt = built;

                // "imposed sanctions on Belarus, freezing the assets of 14 officials": a participle
                // with the code of the event before it tells how that event was done, not another.
                // A pattern that names its own source ("drawing criticism from {S}") is another's act.
                if (participial && built.Count > 0 && built.TrueForAll(b => b.Code == matches[m - 1].Pattern.Code)
                    && !matches[m].Pattern.Elements.Any(e => e is PatternElement.Slot { IsSource: true }))
                {
                    continue;
                }

                // "vetoed a resolution demanding a ceasefire, drawing criticism from …": a participle
                // right after its noun tells what the noun says; a later participle after a comma
                // shares the subject of the clause's verb, not the noun's.
                if (participial || !scan.NounModifierParticiple(matches[m].Start) || previousSources.Count == 0)
                {
                    previousSources = [.. built.Select(e => e.Source).OfType<string>().Distinct().Select(id => document.EntityById(id)!)];
                }

                if (previousSources.Count > 0)
                {
                    latest = (previousSources, s);
                }

                if (previousSources.Count > 1)
                {
                    latestMany = (previousSources, s);
                }

                var answered = new List<Event>();
                var localized = new List<Event>();
                foreach (var told in built)
                {
                    var e = Anaphoric(document, scan, events, told);
                    localized.Add(e);

                    // "Niger rejected the accusation": the one who made it, in an event before.
                    // "The army accepted the invitation", "welcomed the proposal": likewise.
                    // "The arrests were condemned by Germany and the EU. Turkey rejected the
                    // criticism": each who made it in that telling.
                    if (e.RootCode is "12" or "03" or "05" or "11" && e.Target is null && e.TargetActor is null
                        && (scan.ReferredRoot(matches[m].End) ?? scan.ReferredRoot(matches[m].TriggerEnd)) is { } referred && Referred(events, referred, e.SourceActor) is { } earlier)
                    {
                        var answer = e;
                        foreach (var maker in events.Where(o => o.Code == earlier.Code && o.Trigger.Start == earlier.Trigger.Start && o.Sentence == earlier.Sentence
                                     && o.SourceActor is { } a && a != answer.SourceActor && a != earlier.SourceActor).Select(o => (o.Source, o.SourceActor)).Distinct())
                        {
                            answered.Add(answer with { Target = maker.Source, TargetActor = maker.SourceActor });
                        }

                        e = e with { Target = earlier.Source, TargetActor = earlier.SourceActor };
                    }

                    // "Police detained 14 protesters during the rally": an event with no date of its
                    // own shares the date of the latest dated event the noun after "during" names.
                    if (e.DateFrom == "published" && scan.DuringRoot(first, last) is { } during && DatedBefore(events, during) is { } occasion)
                    {
                        e = e with { Date = occasion.Date, DateFrom = occasion.DateFrom };
                    }

                    // "Anwar Ibrahim … will host the talks": a planned event with no date of its own
                    // done to an event named before ("the talks" on Thursday) happens on its day.
                    else if (e.DateFrom == "published" && e.Modality == "planned" && scan.ObjectRoot(matches[m].TriggerEnd, last) is { } objectRoot
                        && DatedBefore(events, objectRoot, planned: true) is { } planned)
                    {
                        e = e with { Date = planned.Date, DateFrom = planned.DateFrom };
                    }

                    // "Pashinyan met Aliyev on Tuesday. The two leaders agreed to hold talks … They
                    // later signed …": an event done with no date of its own in the sentence after a
                    // dated one continues it, and shares its day, when it has an actor of that event
                    // or a sequel word ("later", "also") tells it follows; a new actor's reaction
                    // ("Hungary criticized the treaty") or a present perfect ("has offered") does not.
                    else if (e.DateFrom == "published" && e.Modality is "asserted" or "reported" && !scan.PresentPerfect(matches[m].Start) && !scan.VagueTime(first, last)
                        && Continued(events, e, s, scan.SequelBefore(first, matches[m].Start)) is { } continued)
                    {
                        e = e with { Date = continued.Date, DateFrom = continued.DateFrom };
                    }

                    // "The Commission rejected Hungary’s criticism on Tuesday": a possessive noun
                    // trigger after an event of the same actor names that event again; the date of
                    // the clause is the rejection's, not the criticism's.
                    if (scan.PossessiveNoun(matches[m].Start, first)
                        && ToldBefore(events, e) is var told2 and >= 0)
                    {
                        events[told2] = events[told2] with { Mentions = events[told2].Mentions + 1 };
                        continue;
                    }

                    Add(e);
                }

                foreach (var e in answered)
                {
                    Add(e);
                }

                if (previousSources.Count <= 1 && localized.Select(b => b.TargetActor).Distinct().Count() == 1 && localized.Find(b => b.SourceActor is { } sa && b.TargetActor is { } ta
                             && !sa.StartsWith("---", StringComparison.Ordinal) && !ta.StartsWith("---", StringComparison.Ordinal) && !ta.EndsWith("CVL", StringComparison.Ordinal) && sa != ta) is { } dyad
                         && Party(document, dyad.Source, dyad.SourceActor) is { } one && Party(document, dyad.Target, dyad.TargetActor) is { } other)
                {
                    // "Al-Sisi spoke with King Abdullah. Both leaders urged …", "He met Pezeshkian,
                    // and the two countries signed …": the two parties of the latest event between two
                    // (civilians acted on, "will release political prisoners", are no party).
                    latestMany = ([one, other], s);
                }

                // The pair a dual ("both countries", "the two sides") names however far back: two
                // parties acting together or against each other, not thanks or mediation: two
                // coordinated sources that act on each other ("Russia and Ukraine exchanged
                // prisoners"), or the two sides of a meeting, a visit, a mutual act or a verbal
                // conflict ("met", "visited", "accused"; a place struck is no party).
                if (previousSources.Count == 2 && localized.Exists(b => b.Source == previousSources[0].Id && b.Target == previousSources[1].Id))
                {
                    latestPair = [.. previousSources];
                }
                else if (previousSources.Count <= 1 && localized.Select(b => b.TargetActor).Distinct().Count() == 1 && localized.Find(b => b.SourceActor is { } sa && b.TargetActor is { } ta
                             && !sa.StartsWith("---", StringComparison.Ordinal) && !ta.StartsWith("---", StringComparison.Ordinal) && !ta.EndsWith("CVL", StringComparison.Ordinal) && sa != ta
                             && (b.RootCode == "04" || ((MutualCode(b.Code) || b.QuadClass == 3) && ta.Length >= 6))) is { } side
                         && Party(document, side.Source, side.SourceActor) is { } oneSide && Party(document, side.Target, side.TargetActor) is { } otherSide)
                {
                    latestPair = [oneSide, otherSide];
                }
            }
        }

        // "will travel to Port Sudan next week to meet army chief Abdel Fattah al-Burhan": the one
        // met in the place visited is the host, not the place's government.
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            if (e.Code != "042" || e.Target is null || document.EntityById(e.Target) is not { Type: "GPE", Country: { Length: 3 } visited })
            {
                continue;
            }

            foreach (var o in events)
            {
                if (o.Sentence == e.Sentence && o.Code == "040" && o.SourceActor == e.SourceActor && o.Date == e.Date && o.Target is not null
                    && o.TargetActor is { Length: > 3 } host && host.StartsWith(visited, StringComparison.Ordinal))
                {
                    events[i] = e with { Target = o.Target, TargetActor = host };
                    break;
                }
            }
        }

        return document with { Events = Retold(document, events) };

        void Add(Event e)
        {
            // The same event told again is one event with one more mention.
            // Two mentions coded as the same actor ("Serbia denies …", "Vučić denied …") are
            // one party: the same code between the same actors on the same date is one event.
            // Two different named people, or a named person and a role group, are two parties even
            // under one code ("arrested opposition leaders Tundu Lissu and John Heche": two arrests,
            // both TZACOP → TZAOPP).
            var key = (e.Code, e.SourceActor ?? e.Source, e.TargetActor ?? e.Target, e.Date, e.Modality == "negated");
            var same = seen.TryGetValue(key, out var tellings)
                ? tellings.FindIndex(i => !OtherParty(document, e.Source, events[i].Source) && !OtherParty(document, e.Target, events[i].Target))
                : -1;
            if (same >= 0)
            {
                var at = tellings![same];
                events[at] = events[at] with { Mentions = events[at].Mentions + 1 };
            }
            else
            {
                if (tellings is null)
                {
                    tellings = [];
                    seen[key] = tellings;
                }

                tellings.Add(events.Count);
                events.Add(e with { Id = "V" + (events.Count + 1).ToString(CultureInfo.InvariantCulture) });
            }
        }
    }

    /// <summary>
    /// Whether two arguments under one actor code are two parties: a named person is one party
    /// with no other person, and none with a role group no entity covers ("arrested opposition
    /// leaders Tundu Lissu and John Heche", "arrested 30 protesters … also detained Nika Melia");
    /// a person and the country or organization he acts for are one ("Serbia denies …",
    /// "Vučić denied …"), as are two mentions of countries or groups coded alike.
    /// </summary>
    private static bool OtherParty(Document d, string? id, string? otherId)
    {
        if (id == otherId)
        {
            return false;
        }

        var person = id is not null && d.EntityById(id) is { Type: "PERSON" };
        var otherPerson = otherId is not null && d.EntityById(otherId) is { Type: "PERSON" };
        return (person && (otherPerson || otherId is null)) || (otherPerson && id is null);
    }

    /// <summary>Data/Events/cabinet.txt: offices over the military that act as the government.</summary>
    private static readonly Lazy<string[]> CabinetOffices = new(() => [.. DataFile.Lines("Events/cabinet.txt")]);

    /// <summary>Whether a person holds, or an organization is, a cabinet office over the military (cabinet.txt).</summary>
    private static bool CabinetOffice(Entity entity)
    {
        foreach (var office in CabinetOffices.Value)
        {
            if (entity.Type == "PERSON"
                ? entity.Titles.Any(t => t.Contains(office, StringComparison.OrdinalIgnoreCase))
                : entity.Name.Contains(office, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether coordinated parties do an event of this code to each other (mutual.txt).</summary>
    private static bool MutualCode(string code)
    {
        foreach (var prefix in MutualCodes.Value)
        {
            if (code.StartsWith(prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The same event told twice with less said the second time: a headline or a summary that
    /// dates nothing ("Moldova expels two Russian diplomats") repeats an event the article dates
    /// ("expelled … on Sunday"), and a retelling without its target ("recalled the ambassador on
    /// Thursday evening") repeats one with it. Each pair is one event, with the fuller telling's
    /// date and target and the first telling's trigger. An event denied or not done is never the
    /// same as one done.
    /// </summary>
    private static ImmutableArray<Event> Retold(Document d, ImmutableArray<Event>.Builder events)
    {
        var gone = new bool[events.Count];
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            if (gone[i] || (e.Source ?? e.SourceActor) is not { } source)
            {
                continue;
            }

            for (var j = 0; j < events.Count; j++)
            {
                var o = events[j];
                var headline = Headline(d, e.Sentence);
                // A headline tells the event with a plainer verb ("Israeli strike … kills 3" for "an
                // airstrike hit …"): there the same root code is the same event.
                if (j == i || gone[j] || (o.Code != e.Code && !(headline && o.RootCode == e.RootCode)) || (o.Modality == "negated") != (e.Modality == "negated")
                    || (!SameParty(e, o, e.Source, e.SourceActor, o.Source, o.SourceActor) && (e.SourceActor is null || o.SourceActor != e.SourceActor || !headline)))
                {
                    continue;
                }

                // A headline names its actors otherwise ("Georgian opposition" for "the opposition
                // Coalition for Change") and tells the event in the present ("calls weekend
                // march"); elsewhere an event done and one still planned are two.
                var undated = e.DateFrom == "published" && o.DateFrom is not (null or "published")
                    && (SameParty(e, o, e.Target, e.TargetActor, o.Target, o.TargetActor) || (e.TargetActor is not null && e.TargetActor == o.TargetActor)
                        || (e.Target is null && headline))
                    && ((e.Modality == "planned") == (o.Modality == "planned") || headline);
                var untargeted = e.Target is null && e.TargetActor is null && (o.Target ?? o.TargetActor) is not null && e.Date == o.Date;

                // "Australia pledges $50 million to Bangladesh" over "Australia has pledged … in
                // humanitarian aid to Bangladesh": a headline and a later telling that neither
                // dates, between the same parties, are one event (the body's code is the fuller).
                var bothUndated = headline && o.Sentence > e.Sentence && e.DateFrom == "published" && o.DateFrom == "published" && (e.Modality == "planned") == (o.Modality == "planned")
                    && (e.Target ?? e.TargetActor) is not null && (SameParty(e, o, e.Target, e.TargetActor, o.Target, o.TargetActor) || e.TargetActor == o.TargetActor);
                if (!undated && !untargeted && !bothUndated)
                {
                    continue;
                }

                // e is the lesser telling, o the fuller one: one event, where the first telling was.
                var (keep, drop) = i < j ? (i, j) : (j, i);
                events[keep] = o with { Id = events[keep].Id, Trigger = events[keep].Trigger, Sentence = events[keep].Sentence, Quote = events[keep].Quote, Mentions = e.Mentions + o.Mentions };
                gone[drop] = true;
                break;
            }
        }

        var result = ImmutableArray.CreateBuilder<Event>(events.Count);
        return Kept(events, gone, result);
    }

    /// <summary>
    /// Whether two tellings name the same party: the same entity; or, where the lesser telling is
    /// the first sentence (a headline or a lead that sums up) and the fuller one later, the same
    /// country ("Japan and India agree to hold talks" for "Motegi … Jaishankar … agreed", "Russia
    /// and Belarus begin joint drills" for "Russian and Belarusian troops began"). Role nouns
    /// elsewhere ("Police detained 14 protesters") are not matched by their codes alone.
    /// </summary>
    private static bool SameParty(Event e, Event o, string? id, string? actor, string? otherId, string? otherActor)
    {
        if ((id ?? actor) == (otherId ?? otherActor))
        {
            return true;
        }

        if (actor is null || otherActor is null)
        {
            return false;
        }

        // "Tanzanian police arrest two opposition leaders ahead of planned march": a role with no
        // country in the headline ("---OPP") is the body's role of the same kind ("TZAOPP").
        return e.Sentence == 0 && o.Sentence > 0 && (actor == otherActor || (actor.Length >= 3 && otherActor.Length >= 3 && actor[..3] == otherActor[..3] && actor[..3] != "---")
            || (actor.Length > 3 && actor.StartsWith("---", StringComparison.Ordinal) && otherActor.Length == actor.Length && actor[3..] == otherActor[3..]));
    }

    private static ImmutableArray<Event> Kept(ImmutableArray<Event>.Builder events, bool[] gone, ImmutableArray<Event>.Builder result)
    {
        for (var i = 0; i < events.Count; i++)
        {
            if (!gone[i])
            {
                result.Add(events[i] with { Id = "V" + (result.Count + 1).ToString(CultureInfo.InvariantCulture) });
            }
        }

        return result.ToImmutable();
    }

    /// <summary>
    /// The event of the sentence before that this one continues: the first done (asserted or
    /// reported) with a date of its own, or carried, that shares an actor with it, else the first
    /// such when a sequel word stands before the trigger; null when none.
    /// </summary>
    private static Event? Continued(ImmutableArray<Event>.Builder events, Event e, int sentence, bool sequel)
    {
        // The first such event of the sentence is its main one: "agreed on Tuesday to resume talks,
        // ending a standoff that began when Egypt recalled its ambassador on March 3. The agreement
        // was reached during a visit by …" continues the agreement, not the recall.
        var from = events.Count;
        while (from > 0 && events[from - 1].Sentence >= sentence - 1)
        {
            from--;
        }

        Event? any = null;
        for (var i = from; i < events.Count; i++)
        {
            var o = events[i];
            if (o.Sentence != sentence - 1 || o.DateFrom is null or "published" || o.Modality is not ("asserted" or "reported"))
            {
                continue;
            }

            if (Shares(e.SourceActor, o) || Shares(e.TargetActor, o))
            {
                return o;
            }

            any ??= o;
        }

        return sequel ? any : null;

        static bool Shares(string? actor, Event o) => actor is not null && !actor.StartsWith("---", StringComparison.Ordinal) && (actor == o.SourceActor || actor == o.TargetActor);
    }

    /// <summary>The latest event of this root code (planned, if asked) with a date of its own; null when none.</summary>
    private static Event? DatedBefore(ImmutableArray<Event>.Builder events, string root, bool planned = false)
    {
        for (var i = events.Count - 1; i >= 0; i--)
        {
            if (events[i].RootCode == root && events[i].DateFrom is not (null or "published") && events[i].Modality != "negated" && (!planned || events[i].Modality == "planned"))
            {
                return events[i];
            }
        }

        return null;
    }

    /// <summary>The earlier event with this event's code and source actor and, if it has one, its target actor; -1 when none.</summary>
    private static int ToldBefore(ImmutableArray<Event>.Builder events, Event e)
    {
        for (var i = 0; i < events.Count; i++)
        {
            var o = events[i];
            if (o.Code == e.Code && e.SourceActor is not null && o.SourceActor == e.SourceActor && (e.TargetActor is null || o.TargetActor == e.TargetActor) && o.Modality != "negated")
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Whether a sentence is a headline: a line that ends with no full stop, question or exclamation mark.</summary>
    private static bool Headline(Document d, int sentence)
    {
        if (sentence < 0 || sentence >= d.Sentences.Length)
        {
            return false;
        }

        var s = d.Sentences[sentence];
        var text = d.Text.AsSpan(s.Start, s.End - s.Start).TrimEnd();
        return text.Length > 0 && text[^1] is not ('.' or '?' or '!' or '"' or '\u201d' or ':' or ';');
    }

    private IEnumerable<Event> Build(Document d, Scan scan, Match match, int sentence, int first, int last, int sentenceLast, List<Entity>? sharedSources, List<Entity>? antecedents, List<Entity>? manyAntecedents, List<Entity>? pairAntecedents)
    {
        // A user's dictionary may pair two codes ("032:033": the second for the reverse
        // direction) and use codes outside CAMEO; "---" codes nothing but keeps its words.
        var codes = match.Pattern.Code.Split(':');
        if (Find(codes[0]) is not { } code)
        {
            yield break;
        }

        var patternCode = code;

        var reverse = codes.Length > 1 ? Find(codes[1]) : null;

        var trigger = match.Start;

        // "release six detained aid workers", "the proposed meeting": a participle between a
        // determiner or number and its noun is an adjective, not an event.
        if (scan.AdjectiveParticiple(trigger, match.TriggerEnd))
        {
            yield break;
        }

        // "blocked highways in protest": a trigger word after a preposition is a noun of purpose.
        if (scan.AfterPreposition(trigger, match.TriggerEnd, match.End))
        {
            yield break;
        }

        // "rejected a French offer to mediate": the offer named as a noun is no event of its own.
        if (!patterns.AnyCode && scan.ProposalNoun(trigger))
        {
            yield break;
        }

        // "would free prisoners", "wants to attack": an intention to act is its own CAMEO event
        // (03 express intent to cooperate, 13 threaten), not the act.
        if (!patterns.AnyCode && scan.Intended(trigger) && codebook.Find(IntentCode(code.Code)) is { } intended)
        {
            code = intended;
        }

        // "agreed to hold talks", "agreed to host the summit": a meeting agreed to is an intent
        // to meet (036; to mediate, 039). Other acts agreed to are coded as the acts, as
        // PETRARCH's gold codes them ("has agreed to lift the sanctions" → 085).
        var consentVerb = patterns.AnyCode || code != patternCode ? -1 : scan.ConsentVerb(trigger);
        var agreed = consentVerb >= 0 && ConsentCode(code.Code) is { } agreedTo ? codebook.Find(agreedTo) : null;

        var clauseStart = scan.ClauseStart(trigger, first);
        var quote = scan.QuoteAt(trigger);

        // Source(s): a pattern slot, the subject, or the speaker of the quote it is said in.
        List<Entity> sources = match.Source is { } s ? [s] : [];

        // "Negotiators from Ethiopia and Eritrea met": a trigger that is itself a role noun with
        // its countries names the actors; the target is looked for after the whole pattern.
        var roleTrigger = sources.Count == 0 && scan.RoleAt(trigger, out _) is { } triggerRoles
            && triggerRoles.TrueForAll(r => r.Country is not null || !r.Id.StartsWith('~')) ? triggerRoles : null;
        sources.AddRange(roleTrigger ?? []);
        Entity? target = match.Target;
        var passive = false;
        var fromPronoun = false;
        var cueOf = d.Quotes.FirstOrDefault(q => q.Cue is { } c && c.Start == d.Tokens[trigger].Start);
        if (sources.Count == 0 && cueOf is null && (manyAntecedents ?? pairAntecedents) is { Count: > 1 } senders && scan.MembersOfGroup(trigger, last))
        {
            // "Delegations from both countries met": the parties of the pair sent them.
            sources.AddRange(senders);
        }
        else if (sources.Count == 0 && cueOf is null && scan.NominalAgent(trigger, match.End, last) is { } nominalAgent)
        {
            // "condemned an attack by X": X attacked, not the one who condemned ("by X and Y": both).
            sources.Add(nominalAgent);
            sources.AddRange(scan.CoordinatedAfter(nominalAgent, match.End, last).Where(e => e.Id != nominalAgent.Id));
        }
        else if (sources.Count == 0 && cueOf is null && scan.NationalityBefore(trigger) is { } nationality)
        {
            // "killed in Israeli shelling": the nationality before a noun trigger is its agent,
            // with those coordinated with it ("Russian and Ukrainian delegations").
            var coordinated = scan.Subject(trigger, clauseStart, out _);
            sources.AddRange(coordinated.Exists(e => e.Id == nationality.Id) ? coordinated : [nationality]);
        }
        else if (sources.Count == 0 && cueOf is null && match.Target is null && scan.IsNominal(trigger) && !scan.AfterLightVerb(trigger))
        {
            // "accused Rwanda of the 1994 genocide", "condemned the attack": the clause's subject
            // did something else to the event named by the noun; its own actors are not given.
        }
        else if (sources.Count == 0 && cueOf is null && sharedSources is { Count: > 0 } && scan.GroupSubject(trigger, clauseStart) <= 0)
        {
            sources.AddRange(sharedSources);
        }
        else if (sources.Count == 0 && cueOf is null)
        {
            var subject = scan.Subject(trigger, clauseStart, out passive);

            // "The two leaders also agreed …", "In the statement, both governments expressed …",
            // "the leaders accused Iran": a definite group of the parties named just before is them.
            // "…, and the two countries signed": "both" or "the two" right before the trigger is the
            // subject even where a name stands before it in the clause.
            if (!passive && scan.GroupSubject(trigger, clauseStart) is var group and > 0
                && (group > 1 || subject.TrueForAll(e => e.Actor is null || e.Actor.StartsWith("---", StringComparison.Ordinal)))
                && (group > 1 ? manyAntecedents ?? pairAntecedents : antecedents) is { Count: > 0 } parties && (parties.Count > 1 || parties[0].Type != "PERSON"))
            {
                subject = [.. parties];
                fromPronoun = true;
            }

            // "was deeply concerned by", "is optimistic": a comment's participle is an adjective.
            passive &= code.Root != "01";
            var reduced = !passive && scan.ReducedPassive(trigger, match.TriggerEnd, clauseStart, code.Root);
            passive |= reduced;
            if (passive)
            {
                // A participle after its noun has its agent right after it or none ("civilians
                // imprisoned for … were released by Putin": Putin released them).
                target ??= subject.Count > 0 ? subject[0] : null;
                if (scan.ByPhrase(match.End, last, reach: reduced ? 1 : 8) is { } agent)
                {
                    // "was condemned by the African Union and ECOWAS": each agent is a source.
                    sources.Add(agent);
                    sources.AddRange(scan.CoordinatedAfter(agent, match.End, last).Where(e => e.Id != agent.Id));
                }

                // "the freed soldiers were being flown to Moscow": whoever is carried somewhere
                // makes no visit, and no carrier is named.
                if (sources.Count == 0 && scan.IsMotion(trigger))
                {
                    yield break;
                }
            }
            // "Pakistan expelled the Indian high commissioner, and in 2023 it accused India": "it"
            // or "they" right before the trigger is its subject, not a name before the pronoun.
            else if (!(antecedents is { Count: > 0 } && scan.PronounIt(trigger, clauseStart) is var ownPronoun and >= 0
                && subject.Count > 0 && subject.TrueForAll(e => FirstMentionToken(d, e, first, trigger) < ownPronoun)))
            {
                sources.AddRange(subject);
            }

            // "The US claimed that they had attacked Iraq": a pronoun after a reporting verb is its subject.
            if (sources.Count == 0 && !passive && scan.PronounReporter(trigger, first) is var said and >= 0)
            {
                sources.AddRange(scan.Subject(said, scan.ClauseStart(said, first), out _));
            }

            // "In a phone call with Nawrocki, Rutte pledged …": a noun trigger in a phrase that
            // opens the sentence is done by the main clause's subject.
            if (sources.Count == 0 && !passive && last < sentenceLast && scan.IsNominal(trigger) && scan.OpeningSubject(trigger, last) is { Count: > 0 } opening)
            {
                sources.AddRange(opening.Where(e => target is null || e.Id != target.Id));
            }

            // "…, where he is expected to meet X": "he" or "she" is the person named last before.
            if (sources.Count == 0 && !passive && scan.PronounSubject(trigger, clauseStart, d.Sentences[Math.Max(0, sentence - 1)].Start) is { } person)
            {
                sources.Add(person);
            }

            // "Hungary criticized the plan. It also accused Brussels …", "Peru and Chile signed a
            // deal. They also agreed to …": "it" or "they" as the subject is the source of the
            // latest event in this sentence or the one before ("it" only for one that is no person).
            if (sources.Count == 0 && !passive && antecedents is { Count: > 0 } && scan.PronounIt(trigger, clauseStart) is var pronoun and >= 0
                && (scan.IsThey(pronoun) ? true : antecedents is [{ Type: not "PERSON" }]))
            {
                sources.AddRange(antecedents);
                fromPronoun = true;
            }
        }
        else if (target is null && sources.Count > 0)
        {
            // The pattern names the source ("received weapons from {S}"): the subject is the target;
            // after a comma, the subject of the event the participle follows ("vetoed the
            // resolution, drawing criticism from Britain and the United States": each criticized
            // the vetoer).
            var source = sources[0];
            target = sharedSources?.FirstOrDefault(e => e.Id != source.Id) ?? scan.Subject(trigger, clauseStart, out _).FirstOrDefault(e => e.Id != source.Id);
            if (match.Source is not null)
            {
                sources.AddRange(scan.CoordinatedAfter(source, trigger, last).Where(e => !sources.Exists(o => o.Id == e.Id)));
            }
        }

        // The cue of a quote ("…,” he said) is said by the quote's speaker; "we" and "I" inside a
        // quote are the speaker too.
        if (cueOf is not null)
        {
            // The speaker the quote stage found, or nobody ("officials said"): never a nearer noun.
            sources = cueOf.Speaker is { } cueSpeaker && d.EntityById(cueSpeaker) is { } said ? [said] : [];
            passive = false;
        }
        else if (sources.Count == 0 && quote is { Speaker: { } speakerId } && scan.FirstPerson(clauseStart, trigger)
                 && d.EntityById(speakerId) is { } speaker)
        {
            sources.Add(speaker);
        }

        // "Russia struck Ukrainian energy facilities", "warplanes struck targets in Gaza": a strike
        // by a state, its forces or rebels is an attack; workers, students and protesters strike (143).
        if (code.Code == "143" && scan.IsStrike(trigger) && sources.Count > 0 && codebook.Find("190") is { } attack
            && sources.TrueForAll(e => RoleActor(e, false) is { } a && (a.Length == 3 || a.StartsWith("IGO", StringComparison.Ordinal)
                || a.EndsWith("MIL", StringComparison.Ordinal) || a.EndsWith("GOV", StringComparison.Ordinal) || a.EndsWith("REB", StringComparison.Ordinal))))
        {
            code = attack;
        }

        // "Manila protests after …", "China protested the visit": a government protesting
        // complains officially (114); crowds, parties and groups demonstrate (140).
        if (code.Code == "140" && sources.Count > 0 && codebook.Find("114") is { } complaint
            && sources.TrueForAll(e => RoleActor(e, true) is { } a && (a.EndsWith("GOV", StringComparison.Ordinal) || a.StartsWith("IGO", StringComparison.Ordinal))))
        {
            code = complaint;
        }

        // "Britain and France clash over Channel crossings": governments that clash over or about
        // an issue argue; no force is used, and the argument is told by its own verbs.
        if (code.Root == "19" && scan.MutualVerb(trigger, match.TriggerEnd) && (scan.IsWord(match.TriggerEnd + 1, "over") || scan.IsWord(match.TriggerEnd + 1, "about"))
            && sources.Count > 0 && sources.TrueForAll(e => RoleActor(e, false) is { } a && (a.Length == 3 || a.EndsWith("GOV", StringComparison.Ordinal))))
        {
            yield break;
        }

        // Statements (root 01) have a target only when the pattern names one ("told X").
        // "Finland expelled two Russian diplomats it accused of spying": the object of a relative
        // clause is the noun it follows.
        if (target is null && !passive && code.Root != "01" && match.Source is null && scan.RelativeObject(trigger) is { } relativeObject
            && !sources.Exists(e => e.Id == relativeObject.Id))
        {
            target = relativeObject;
        }

        if (target is null && !passive && code.Root != "01" && !scan.ObjectPronoun(match.TriggerEnd + 1))
        {
            target = scan.FirstEntityAfter(roleTrigger is null ? match.TriggerEnd : match.End, last, TargetReach, exclude: sources, matchEnd: match.End, purposeStops: code.Root is "14" or "02", agentTargets: code.Root is "11" or "12");
        }

        // "condemned the strikes by Israel and the United States": what is criticized or rejected is
        // the doing of the agent of the noun trigger that follows, so the agent is the target.
        var agentTarget = false;
        if (target is null && !passive && code.Root is "11" or "12" && last < sentenceLast && scan.NominalAgent(last, last, sentenceLast) is { } doer
            && !sources.Exists(e => e.Id == doer.Id))
        {
            target = doer;
            agentTarget = true;
        }

        // "threatened to resume the fighting if Hamas does not return the bodies": a threat that
        // names no one is made against the party its condition names.
        if (target is null && !passive && code.Root == "13" && scan.ConditionSubject(match.End, sentenceLast) is { } conditioned
            && !sources.Exists(e => e.Id == conditioned.Id))
        {
            target = conditioned;
        }

        // "offered to mediate between Kabul and Islamabad", "a deal mediated by the UAE": the
        // parties a mediator goes between, or the deal, are no target of the mediation.
        var mediation = code.Code is "039" or "045" or "028";
        if (mediation && match.Target is null)
        {
            target = null;
        }

        // "“Ethiopia must withdraw its troops,” she said": what a speaker says another must do is
        // demanded of them (CAMEO 10).
        if (!patterns.AnyCode && quote is { Speaker: { } speakerOf } && scan.Must(trigger) && sources.Count > 0
            && d.EntityById(speakerOf) is { } demander && !sources.Exists(e => e.Id == demander.Id)
            && codebook.Find(DemandCode(code.Code)) is { } demand)
        {
            target = sources[0];
            sources = [demander];
            code = demand;
        }

        // An attack with no agent named comes from where it was launched: "a mortar bomb was fired
        // at it from the Gaza Strip", "rockets fired from Lebanon".
        if (sources.Count == 0 && cueOf is null && code.Root is "18" or "19" or "20" && scan.LaunchedFrom(match.End, last) is { } origin)
        {
            sources.Add(origin);
        }

        // "urged Pakistan and Afghanistan to show restraint": each coordinated target is a party
        // (not where the pattern names both sides: "talks between {S} and {T}").
        var moreTargets = target is not null && match.Source is null && !mediation ? scan.CoordinatedAfter(target, trigger, agentTarget ? sentenceLast : last) : [];

        // "urged both parties to resolve the dispute", "called on the two sides to": a definite group
        // as the object is the parties named just before, each a target.
        if (target is null && match.Target is null && !passive && !mediation && (manyAntecedents ?? pairAntecedents) is { Count: > 1 } groupParties
            && scan.GroupObject(match.TriggerEnd, last) && groupParties.Where(e => !sources.Exists(x => x.Id == e.Id)).ToList() is { Count: > 0 } groupTargets)
        {
            target = groupTargets[0];
            moreTargets = [.. groupTargets.Skip(1)];
        }

        // The place may lie beyond the next trigger: "claimed responsibility for an attack at a mall in Nairobi".
        var location = scan.Location(clauseStart, sentenceLast, trigger, target);
        // Talking, reducing relations and administrative sanctions ("closed its border with") are
        // done by governments; force by the country's forces.
        var verbal = code.QuadClass is 1 or 3 || code.Root == "16" || code.Code.StartsWith("172", StringComparison.Ordinal);

        // "The IDF said soldiers opened fire on …": forces with no country of their own, reported by
        // a body of the same kind, are that body's own, wherever the event happens.
        if (code.Root is "18" or "19" or "20" && cueOf is null && sources.Exists(e => e.Id.StartsWith('~') && e.Actor is { Length: 6 } a && a.StartsWith("---", StringComparison.Ordinal) && a != "---REB")
            && scan.ReportingVerb(Math.Min(trigger, FirstMentionToken(d, sources[0], first, trigger)), first) is var reportedBy and >= 0 && reportedBy < trigger
            && scan.Subject(reportedBy, scan.ClauseStart(reportedBy, first), out var reporterPassive) is [var forcesReporter] && !reporterPassive
            && RoleActor(forcesReporter, false) is { Length: 6 } forcesOf && !forcesOf.StartsWith("---", StringComparison.Ordinal) && !forcesOf.StartsWith("IGO", StringComparison.Ordinal))
        {
            for (var k = 0; k < sources.Count; k++)
            {
                if (sources[k].Actor is { Length: 6 } unplaced && unplaced.StartsWith("---", StringComparison.Ordinal) && unplaced[3..] == forcesOf[3..])
                {
                    sources[k] = Localized(sources[k], forcesOf[..3]);
                }
            }
        }

        // A role noun with no country of its own acts in the country the event happens in: "attacked
        // an army base in northern Mali" → MLIMIL (rebels, who may come from anywhere, excepted).
        if (location?.Country is { Length: 3 } here)
        {
            for (var k = 0; k < sources.Count; k++)
            {
                sources[k] = Localized(sources[k], here);
            }

            target = target is null ? null : Localized(target, here);
        }

        // "The opposition accused the government": "the government" with no country, done to by
        // parties of one country that are not a government nor its forces, is that country's
        // ("Peruvian protesters accused the government" → PERGOV).
        if (target is { Actor: "---GOV" } && sources.Count > 0 && sources.Select(e => RoleActor(e, verbal)).Distinct().ToList() is [{ Length: 6 } own]
            && !own.StartsWith("---", StringComparison.Ordinal) && !own.StartsWith("IGO", StringComparison.Ordinal)
            && !own.EndsWith("GOV", StringComparison.Ordinal) && !own.EndsWith("MIL", StringComparison.Ordinal) && !own.EndsWith("COP", StringComparison.Ordinal))
        {
            target = Localized(target, own[..3]);
        }

        // A target no actor code is known for ("Energy Jeffrey Kupfer") gives way to the place or
        // to the pairs of coordinated parties.
        var weakTarget = target is null || (match.Target is null && RoleActor(target, verbal) is null);

        // "Ali and Maduro met on the Caribbean island of St. Vincent", "the United States and
        // Guyana held joint exercises off Georgetown": a region, a nationality or a place in a
        // party's own country is where coordinated parties did it together, not a third party.
        if (!weakTarget && match.Target is null && sources.Count >= 2 && MutualCode(code.Code) && target is { } placeLike
            && (placeLike.Type is "NORP" or "LOC" || (placeLike.Type == "GPE" && sources.Exists(e => e.Country is not null && e.Country == placeLike.Country))))
        {
            weakTarget = true;
        }
        if (PlaceAsTarget && weakTarget && location is not null && !sources.Exists(e => e.Id == location.Id))
        {
            target = location;
            weakTarget = false;
        }
        else if (PlaceAsTarget && target is { Type: "EVENT", Actor: null } && PlaceOfEvent(target) is { } host)
        {
            // "attend the Beijing Olympics": a named event is held in the place its name begins with.
            target = host;
            weakTarget = false;
        }

        // Meetings, talks and cooperation of coordinated parties are between each two of them,
        // both ways, as CAMEO codes a symmetric event: "Russian and Ukrainian delegations met",
        // "A, B and C met", "A and B are seeking to deepen a partnership".
        var pairs = new List<(Entity? Source, Entity? Target)>();
        // "Armenia and Azerbaijan accused each other": a reciprocal object makes every pair, as a
        // mutual verb does with no other target ("exchanged prisoners", "Thai and Cambodian troops
        // clashed"; not "protesters and students clashed with police").
        if (sources.Count >= 2 && ((weakTarget && MutualCode(code.Code) && !mediation) || scan.Reciprocal(match.TriggerEnd) || scan.MutualVerb(trigger, match.TriggerEnd)))
        {
            foreach (var a in sources)
            {
                foreach (var b in sources)
                {
                    if (a.Id != b.Id)
                    {
                        pairs.Add((a, b));
                    }
                }
            }
        }
        else if (sources.Count == 0 && match.Target is null && scan.IsNominal(trigger) && !scan.AfterLightVerb(trigger))
        {
            // "accused Rwanda of the 1994 genocide", "condemned the attack": the clause's subject
            // did something else to the event named by the noun; its own actors are not given.
        }
        else if (sources.Count == 0)
        {
            pairs.Add((null, target));
        }
        else
        {
            pairs.AddRange(sources.Select(s => ((Entity?)s, target)));
            foreach (var other in moreTargets)
            {
                pairs.AddRange(sources.Select(s => ((Entity?)s, (Entity?)other)));
            }
        }

        // The date may lie beyond the next trigger: "will host talks between X and Y next week".
        var (date, dateFrom) = scan.Date(trigger, clauseStart, first, sentenceLast);

        // "agreed on Sunday to hold talks on Thursday": the agreement (036, on Sunday) and the
        // talks planned for their own day are two events; "agreed to hold annual talks", with no
        // day of the talks' own, is the agreement alone.
        var agreedAlso = (CameoCode?)null;
        var (agreedDate, agreedFrom) = ((string?)null, (string?)null);
        var cooperationAgreed = false;
        if (agreed is not null)
        {
            (agreedDate, agreedFrom) = scan.Date(consentVerb, scan.ClauseStart(consentVerb, first), first, sentenceLast, before: trigger);
            if (code.Root == "04" && dateFrom is not (null or "published") && date != agreedDate)
            {
                agreedAlso = agreed;
            }
            else
            {
                // Cooperation agreed to ("agreed last week to hold joint exercises next year") is the
                // intent alone, said when the agreement was made, by governments.
                if (code.Root != "04")
                {
                    cooperationAgreed = true;
                    (date, dateFrom) = (agreedDate, agreedFrom);
                    verbal = true;
                }

                code = agreed;
                reverse = null;
            }
        }

        var modality = cooperationAgreed
            ? scan.Modality(consentVerb, consentVerb, scan.ClauseStart(consentVerb, first), first, last, scan.QuoteAt(consentVerb))
            : scan.Modality(trigger, match.End, clauseStart, first, last, quote);

        // "If the attacks continue, we will strike again", "they would march unless …": a hostile
        // act promised under a condition is a threat (CAMEO 13), made now.
        if (!patterns.AnyCode && modality is "hypothetical" or "planned" && code.Root is "14" or "15" or "16" or "17" or "18" or "19" or "20"
            && scan.ConditionalMain(trigger, first, sentenceLast) && codebook.Find(ThreatCode(code.Code)) is { } conditional)
        {
            code = conditional;
            reverse = null;
            verbal = true;
            modality = quote is null ? scan.Modality(trigger, trigger, first, first, first + 1, null) : "asserted";
        }
        else if (!patterns.AnyCode && modality == "hypothetical" && code.Root == "13" && scan.ConditionalMain(trigger, first, sentenceLast)
            && scan.Modality(trigger, trigger, clauseStart, first, trigger + 1, quote) is var unconditioned && unconditioned != "hypothetical")
        {
            // "said his supporters would protest if the results were rigged": an intention already
            // coded as a threat (133) is made when it is said, whatever the condition after it.
            modality = unconditioned;
        }

        // "warned Belgrade and Pristina that it could freeze accession funds": a hostile act that
        // the warner would or could do is a threat (CAMEO 13) by the warner to the warned.
        if (!patterns.AnyCode && cueOf is null && code.Root is "13" or "15" or "16" or "17" or "18" or "19" or "20"
            && (modality is "hypothetical" or "planned" || scan.Intended(trigger)) && scan.WarningVerb(clauseStart, first) is var warning and >= 0)
        {
            var warnStart = scan.ClauseStart(warning, first);
            var warners = scan.Subject(warning, warnStart, out var warnPassive);
            if (!warnPassive && warners.Count > 0
                && (fromPronoun || sources.TrueForAll(e => warners.Exists(w => w.Id == e.Id || RoleActor(w, true) == RoleActor(e, true))))
                && codebook.Find(ThreatCode(code.Code)) is { } threat)
            {
                var warned = scan.Warned(warning, clauseStart);
                if (warned.Count == 0 && target is not null)
                {
                    warned.Add(target);
                }

                code = threat;
                reverse = null;
                verbal = true;
                modality = scan.Modality(warning, warning, warnStart, first, last, scan.QuoteAt(warning));
                pairs.Clear();
                foreach (var w in warners)
                {
                    if (warned.Count == 0)
                    {
                        pairs.Add((w, null));
                    }

                    pairs.AddRange(warned.Where(t => t.Id != w.Id).Select(t => ((Entity?)w, (Entity?)t)));
                }
            }
        }

        // "agreed on Monday to hold talks in Brussels next week": an event dated after the
        // publication day has not happened yet; a threat of it ("would march on Saturday unless …")
        // has: it is made when it is said.
        if (modality is "asserted" or "reported" && code.Root != "13" && dateFrom is not (null or "published") && scan.AfterPublication(date))
        {
            modality = "planned";
        }

        // "will hold talks …, the first since officials last met in New Delhi in May 2022": an
        // event whose own date ended before the publication day is no plan.
        else if (modality == "planned" && dateFrom is not (null or "published") && scan.BeforePublication(date))
        {
            modality = "asserted";
        }

        // "would not provide support", "will not meet": refusing to cooperate is itself an event,
        // a rejection (CAMEO 12), asserted.
        if (modality == "negated" && !patterns.AnyCode && scan.RefusedIntent(trigger) && codebook.Find(RejectCode(code.Root)) is { } rejection)
        {
            code = rejection;
            modality = "asserted";
            verbal = true;
        }

        var triggerToken = d.Tokens[trigger];
        var triggerEnd = d.Tokens[match.TriggerEnd].End;

        // Security forces fighting protesters or rioters repress them (175) and the protesters
        // riot (145): "police clashed with demonstrators".
        if (code.Code == "190" && pairs is [(var force, var crowd)] && RoleActor(force, false) is { } forceActor && RoleActor(crowd, false) is { } crowdActor
            && (forceActor.EndsWith("MIL", StringComparison.Ordinal) || forceActor.EndsWith("COP", StringComparison.Ordinal))
            && crowdActor.EndsWith("OPP", StringComparison.Ordinal) && codebook.Find("175") is { } repress && codebook.Find("145") is { } riot)
        {
            code = repress;
            reverse = riot;
        }

        // Property destroyed by protesters or rioters is a violent protest ("was vandalized by
        // protesters"); property destroyed with no owner named is no event between actors.
        if (code.Code == "1712" && codebook.Find("145") is { } violentProtest
            && pairs.Exists(p => RoleActor(p.Source, false) is { } a && a.EndsWith("OPP", StringComparison.Ordinal)))
        {
            code = violentProtest;
        }

        foreach (var (party, counterpart) in pairs)
        {
            var other = Counterpart(d, sentence, party, counterpart, verbal);

            // "An Israeli airstrike hit …", "Russia shelled …": force is used by the country's
            // forces (the acted-on country stays the place or state it names).
            var source = code.Root is "18" or "19" or "20" && party is { Type: "GPE" or "NORP", Actor: { Length: 3 } } && party.Country is { Length: 3 } forces
                && party.Actor == forces ? party with { Actor = forces + "MIL" } : party;
            if (RoleActor(source, verbal) is null && RoleActor(other, verbal) is null)
            {
                continue;
            }

            // "an Egyptian official told The Times of Israel", "told reporters": speaking to the
            // press attributes what is told; it is no statement to a party.
            if (code.Code == "010" && RoleActor(other, verbal) is { } told && told.EndsWith("MED", StringComparison.Ordinal))
            {
                continue;
            }

            if ((code.Code == "1712" || (code.Code == "145" && match.Pattern.Code == "1712")) && RoleActor(other, verbal) is null)
            {
                continue;
            }

            // An actor does not act on itself: the same entity, or two mentions coded as the same
            // actor ("the Kremlin … Moscow"), are a misread argument, not an event.
            if (source is not null && other is not null && (source.Id == other.Id || RoleActor(source, verbal) == RoleActor(other, verbal)))
            {
                // "Museveni threatened to route Uganda's fuel imports through Tanzania": a threat's
                // target searched for and found to be the threatener's own country is the owner of
                // what is threatened, not a target: the threat stands with none.
                if (code.Root == "13" && match.Target is null && pairs.Count == 1 && source.Id != other.Id)
                {
                    yield return Coded(code, source, null);
                }

                continue;
            }

            yield return Coded(code, source, other);
            if (reverse is not null && source is not null && other is not null)
            {
                yield return Coded(reverse, other, source);
            }
        }

        if (agreedAlso is not null)
        {
            var verbToken = d.Tokens[consentVerb];
            var agreedModality = scan.Modality(consentVerb, consentVerb, scan.ClauseStart(consentVerb, first), first, last, scan.QuoteAt(consentVerb));
            foreach (var (source, other) in pairs)
            {
                if (RoleActor(source, true) is { } from && RoleActor(other, true) is var to && from != to)
                {
                    yield return Build(
                        agreedAlso, source, other, true, agreedDate, agreedFrom, location?.Id, agreedModality,
                        new Anchor(verbToken.Start, verbToken.End, d.Text[verbToken.Start..verbToken.End]), sentence, quote?.Id);
                }
            }
        }

        // Material cooperation (06-08: aid given, prisoners released, sanctions eased) by or to a
        // country named alone is its government's act too, as every gold set codes it.
        Event Coded(CameoCode c, Entity? from, Entity? to) => Build(
            c, from, to, verbal || c.QuadClass == 2, date, dateFrom, location?.Id, modality,
            new Anchor(triggerToken.Start, triggerEnd, d.Text[triggerToken.Start..triggerEnd]), sentence, quote?.Id);

        // Saying that someone attacked is accusing them (CAMEO 112, as PETRARCH codes "The US
        // said that Iraq had attacked"): the reporter accuses each attacker; the attack stays,
        // reported.
        if (code.Root is "18" or "19" or "20" && cueOf is null && !patterns.AnyCode && codebook.Find("112") is { } accuse)
        {
            var reportingClause = scan.ClauseStart(trigger, first);
            var subjectStart = sources.Count > 0 ? Math.Min(trigger, FirstMentionToken(d, sources[0], first, trigger)) : trigger;

            // With no subject before the trigger ("Armenia said a rocket was fired at it from
            // Azerbaijan"), the reporting verb is looked for from the trigger back.
            // "said Armenian troops had fired on …" (no "that"): from the attacker back.
            var searchFrom = subjectStart < trigger ? subjectStart : trigger;
            var verb = scan.PronounReporter(trigger, first) is var said and >= 0 ? said : scan.ReportingVerb(searchFrom, first);
            var reportedPassive = false;
            var reporters = verb >= 0 ? scan.Subject(verb, scan.ClauseStart(verb, first), out reportedPassive) : [];
            if (reporters.Count > 0 && !reportedPassive && codebook.Find("015") is { } claim)
            {
                var verbToken = d.Tokens[verb];
                var (accuseDate, accuseFrom) = scan.Date(verb, scan.ClauseStart(verb, first), first, last);
                var accuseModality = scan.Modality(verb, verb, scan.ClauseStart(verb, first), first, last, scan.QuoteAt(verb));
                foreach (var reporter in reporters)
                {
                    // A journalist or news agency telling of an attack reports it; it accuses no one
                    // ("…, an AFP correspondent said, after rebels kidnapped …").
                    if (RoleActor(reporter, true) is not { } reporterActor || reporterActor.EndsWith("MED", StringComparison.Ordinal))
                    {
                        continue;
                    }

                    // Saying that one attacked oneself ("Hamas said it fired rockets at Israel") is
                    // claiming responsibility (015) for the attack on its target.
                    foreach (var (attacker, attacked) in pairs)
                    {
                        if (attacker is not null && (attacker.Id == reporter.Id || RoleActor(attacker, true) == reporterActor)
                            && RoleActor(attacked, true) is not null && attacked!.Id != reporter.Id)
                        {
                            yield return Said(claim, reporter, attacked);
                        }
                    }

                    // Those who report together ("Obama and Putin said they will attack") accuse not each other.
                    var accused = pairs.Select(p => p.Source).Where(e => e is not null && !reporters.Exists(r => r.Id == e.Id) && RoleActor(e, true) is { } a && a != reporterActor).Distinct();
                    foreach (var e in accused)
                    {
                        yield return Said(accuse, reporter, e!);
                    }
                }

                Event Said(CameoCode c, Entity from, Entity to) => Build(
                    c, from, to, true, accuseDate, accuseFrom, null, accuseModality,
                    new Anchor(verbToken.Start, verbToken.End, d.Text[verbToken.Start..verbToken.End]), sentence, scan.QuoteAt(verb)?.Id);
            }
        }
    }

    /// <summary>
    /// The latest event with a code of the given prefixes whose source is another actor: what "the demand"
    /// or "the accusation" that is rejected refers to.
    /// </summary>
    private static Event? Referred(ImmutableArray<Event>.Builder events, string[] codes, string? rejecter)
    {
        for (var k = events.Count - 1; k >= 0; k--)
        {
            var e = events[k];
            if (e.SourceActor is { } actor && actor != rejecter && Array.Exists(codes, r => e.Code.StartsWith(r, StringComparison.Ordinal)))
            {
                return e;
            }
        }

        return null;
    }

    /// <summary>
    /// An event whose role actors with no country ("Police detained …", "The army accepted …")
    /// take one from the article before the trigger: the actor of the same role with a country in
    /// the latest event, else the latest such entity ("Sudan's army" … "the army"; not for
    /// governments, which are too many), else the
    /// latest place named after "in", "at", "through" … before it in the article; rebels
    /// are never given one. A demonstration by protesters, civilians, students, workers or
    /// journalists with no target is against the government of their country (one only announced
    /// or called has the target it is given: "announced a protest march for Saturday").
    /// </summary>
    private static Event Anaphoric(Document d, Scan scan, ImmutableArray<Event>.Builder earlier, Event e)
    {
        var at = e.Trigger.Start;
        var source = e.Source is null ? Localize(e.SourceActor) : e.SourceActor;
        var target = e.Target is null ? Localize(e.TargetActor) : e.TargetActor;
        var targetId = e.Target;
        if (e.RootCode == "14" && target is null && source is { Length: 6 } protester && !protester.StartsWith("---", StringComparison.Ordinal)
            && protester[3..] is "OPP" or "CVL" or "EDU" or "LAB" or "MED" && e.Modality is not ("negated" or "planned"))
        {
            target = protester[..3] + "GOV";
            targetId = null;
        }

        return source == e.SourceActor && target == e.TargetActor ? e : e with { SourceActor = source, TargetActor = target, Target = targetId };

        string? Localize(string? actor)
        {
            if (actor is not { Length: 6 } a || !a.StartsWith("---", StringComparison.Ordinal) || a == "---REB")
            {
                return actor;
            }

            var role = a[3..];
            string? country = null;
            var best = -1;
            for (var k = earlier.Count - 1; k >= 0 && country is null && role != "GOV"; k--)
            {
                foreach (var other in (ReadOnlySpan<string?>)[earlier[k].SourceActor, earlier[k].TargetActor])
                {
                    if (other is { Length: 6 } o && o.EndsWith(role, StringComparison.Ordinal) && !o.StartsWith("---", StringComparison.Ordinal))
                    {
                        country = o[..3];
                        break;
                    }
                }
            }

            if (country is null && role != "GOV")
            {
                foreach (var entity in d.Entities)
                {
                    if (entity.Actor is { Length: 6 } ea && ea.EndsWith(role, StringComparison.Ordinal) && !ea.StartsWith("---", StringComparison.Ordinal))
                    {
                        foreach (var m in entity.Mentions)
                        {
                            if (m.Start < at && m.Start > best)
                            {
                                best = m.Start;
                                country = ea[..3];
                            }
                        }
                    }
                }
            }

            // A place after a locative in the event's own sentence ("students marching in Lima"); the
            // government ("the junta", "the interim government") is never the place's, but the story's.
            var sentenceStart = d.Sentences[e.Sentence].Start;
            if (country is null && role != "GOV")
            {
                country = LocativeCountry(sentenceStart);
            }

            // A story about one country names its police, opposition and students without the
            // country ("Police fired tear gas …" in a story from Antananarivo): the story's country,
            // rather than the place of an earlier sentence ("leaders meeting in Gaborone").
            country ??= StoryCountry(d);
            country ??= LocativeCountry(0);
            return country is null ? actor : country + role;

            string? LocativeCountry(int from)
            {
                string? found = null;
                var last = -1;
                foreach (var entity in d.Entities)
                {
                    if (entity.Type is "GPE" or "LOC" && entity.Country is { Length: 3 } c)
                    {
                        foreach (var m in entity.Mentions)
                        {
                            if (m.Start >= from && m.Start < at && m.Start > last && scan.AfterLocative(d.TokenIndexAt(m.Start)))
                            {
                                last = m.Start;
                                found = c;
                            }
                        }
                    }
                }

                return found;
            }
        }
    }

    /// <summary>
    /// The country a story is about: the country of most mentions of places, nationality words and
    /// actors of a country (at least three, and half as many again as any other country's); null when the
    /// story is about several countries alike, or is one or two sentences only.
    /// </summary>
    private static string? StoryCountry(Document d)
    {
        if (d.Sentences.Length < 3)
        {
            return null; // one sentence is no story
        }

        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var entity in d.Entities)
        {
            if (entity.Country is not { Length: 3 } c || entity.Actor is { } media && media.EndsWith("MED", StringComparison.Ordinal))
            {
                continue;
            }

            counts[c] = counts.GetValueOrDefault(c) + entity.Mentions.Length;
        }

        string? best = null;
        int top = 0, second = 0;
        foreach (var (c, n) in counts)
        {
            if (n > top)
            {
                (second, top, best) = (top, n, c);
            }
            else if (n > second)
            {
                second = n;
            }
        }

        return top >= 3 && 2 * top >= 3 * second ? best : null;
    }

    /// <summary>A role actor with no country ("---MIL") in the given country; other actors as they are.</summary>
    private static Entity Localized(Entity entity, string country) =>
        entity.Id.StartsWith('~') && entity.Actor is { Length: 6 } actor && actor.StartsWith("---", StringComparison.Ordinal) && actor != "---REB"
            ? entity with { Id = entity.Id + country, Actor = country + actor[3..], Country = country }
            : entity;

    /// <summary>A named event's host country from the place its name begins with ("Beijing Olympics" → CHN), as an actor with no entity id.</summary>
    private static Entity? PlaceOfEvent(Entity entity)
    {
        var space = entity.Name.IndexOf(' ', StringComparison.Ordinal);
        if (space <= 0)
        {
            return null;
        }

        foreach (var place in Geo.Gazetteer.Default.Lookup(entity.Name.AsSpan(0, space)))
        {
            if (place.Country is { } country)
            {
                return new Entity("~" + entity.Id, "ROLE", entity.Name, [], country, country, null, []);
            }
        }

        return null;
    }

    /// <summary>The first token of the entity's last mention before the trigger in the sentence, else the trigger.</summary>
    private static int FirstMentionToken(Document d, Entity entity, int first, int trigger)
    {
        var best = trigger;
        foreach (var m in entity.Mentions)
        {
            var t = d.TokenIndexAt(m.Start);
            if (t >= first && t < trigger)
            {
                best = t;
            }
        }

        return best;
    }

    private CameoCode? Find(string code) =>
        codebook.Find(code) ?? (patterns.AnyCode && code.Length >= 2 && char.IsAsciiDigit(code[0]) && char.IsAsciiDigit(code[1]) ? new CameoCode(code, "", 0) : null);

    /// <summary>The entity id of an argument; null for a role noun that is no entity ("rebels").</summary>
    /// <summary>An event of code <paramref name="c"/> between two entities, their actors as the event's role reads them.</summary>
    private Event Build(
        CameoCode c, Entity? from, Entity? to, bool verbal, string? date, string? dateFrom, string? location, string modality, Anchor trigger, int sentence, string? quote) =>
        new("", c.Code, c.Base, c.Root, c.Label, c.QuadClass, c.Goldstein, EntityId(from), EntityId(to),
            RoleActor(from, verbal), RoleActor(to, verbal), date, dateFrom, location, modality, trigger, sentence, quote);

    /// <summary>An event's party as an entity: the article's entity, or a role actor ("the opposition" → CMROPP).</summary>
    private static Entity? Party(Document d, string? id, string? actor) =>
        id is not null ? d.EntityById(id)
        : actor is { Length: >= 6 } ? new Entity("~p" + actor, "ROLE", actor, [], actor, actor[..3], null, [])
        : null;

    private static string? EntityId(Entity? entity) => entity is null || entity.Id.StartsWith('~') ? null : entity.Id;

    /// <summary>The CAMEO rejection of a cooperative act refused (root 03–08); "---" for other roots.</summary>
    internal static string RejectCode(string root) => root switch
    {
        "04" => "125",
        "06" or "07" => "121",
        "08" => "124",
        "03" or "05" => "120",
        _ => "---",
    };

    /// <summary>The CAMEO demand for an act another must do: withdraw → 106, release → 1053, meet → 108, aid → 103, else 100.</summary>
    internal static string DemandCode(string code) => code switch
    {
        "0874" or "087" => "106",
        "084" or "0841" => "1053",
        _ => code[..2] switch
        {
            "04" => "108",
            "07" => "103",
            _ => "100",
        },
    };

    /// <summary>The CAMEO threat of a hostile act: the intention's threat where there is one (1312 for sanctions, 138 for force), else 130.</summary>
    internal static string ThreatCode(string code) => IntentCode(code) is var intended && intended.StartsWith("13", StringComparison.Ordinal) ? intended : "130";

    /// <summary>
    /// The CAMEO code for the intention of an act: material cooperation, aid and yielding become
    /// 03 (express intent to …); force, protest and reducing relations become the matching threat
    /// (13: "would impose sanctions" 1312, "would march" 133); coercion ("pledged to expel") and
    /// other codes stay.
    /// </summary>
    /// <summary>The CAMEO code for an act agreed to: an intent to meet (036), to mediate (039), to cooperate (031x); null for other acts.</summary>
    internal static string? ConsentCode(string code) => code switch
    {
        "045" => "039",
        _ when code.StartsWith("04", StringComparison.Ordinal) => "036",
        // "agreed to hold joint exercises", "agreed to expand joint drills": cooperation agreed to
        // is an intent to cooperate (0312), not the cooperation itself.
        _ when code.StartsWith("06", StringComparison.Ordinal) => IntentCode(code),
        _ => null,
    };

    /// <summary>
    /// The CAMEO code for the intention of an act: material cooperation, aid and yielding become
    /// 03 (express intent to …); force, protest and reducing relations become the matching threat
    /// (13: "would impose sanctions" 1312, "would march" 133); coercion ("pledged to expel") and
    /// other codes stay.
    /// </summary>
    internal static string IntentCode(string code) => code switch
    {
        "061" => "0311",
        "062" => "0312",
        "063" => "0313",
        "064" => "0314",
        "071" => "0331",
        "072" => "0332",
        "073" => "0333",
        "074" => "0334",
        "081" => "0351",
        "084" or "0841" or "0842" => "0353",
        "085" => "0354",
        "086" => "0355",
        "087" or "0871" or "0872" or "0873" or "0874" => "0356",
        "192" => "1382",
        "204" => "1385",
        "162" or "1621" or "1622" or "1623" => "1311",
        "163" => "1312",
        "160" or "161" or "164" or "166" => "1313",
        _ => code[..2] switch
        {
            "06" => "031",
            "07" => "033",
            "08" => "035",
            "14" => "133",
            "16" => "131",
            "18" or "19" or "20" => "138",
            _ => code,
        },
    };

    /// <summary>
    /// The actor an entity is in an event: a country named as a party to talk, appeal, criticism
    /// or threat acts through its government ("Putin proposed a meeting to Ukraine" → UKRGOV).
    /// </summary>
    /// <summary>
    /// A person titled by another's office ("met his Philippine counterpart Gilberto Teodoro")
    /// holds the source's office in his own country: the source's sector with the target's country.
    /// </summary>
    private Entity? Counterpart(Document d, int sentence, Entity? source, Entity? target, bool verbal)
    {
        if (source is null || target is null || RoleActor(target, verbal) is not { Length: 6 } theirs || RoleActor(source, verbal) is not { Length: 6 } held
            || held.StartsWith("---", StringComparison.Ordinal) || held.StartsWith("IGO", StringComparison.Ordinal)
            || theirs.StartsWith("---", StringComparison.Ordinal) || theirs.StartsWith("IGO", StringComparison.Ordinal) || theirs[..3] == held[..3] || theirs[3..] == held[3..])
        {
            return target;
        }

        // The counterpart is the titled person, or the nationality before him ("his Philippine
        // counterpart Gilberto Teodoro"), a person of that country so titled in the sentence.
        var span = d.Sentences[sentence];
        var titled = CounterpartTitle(target) || (target.Type == "NORP" && target.Mentions.Any(m => m.Start >= span.Start && m.End <= span.End && CounterpartAfter(m.End)));
        return titled ? target with { Actor = theirs[..3] + held[3..] } : target;

        bool CounterpartAfter(int end)
        {
            var from = end;
            while (from < d.Text.Length && d.Text[from] == ' ')
            {
                from++;
            }

            var to = from;
            while (to < d.Text.Length && char.IsLetter(d.Text[to]))
            {
                to++;
            }

            return to > from && to - from <= 24 && (patterns.Classify(d.Text[from..to].ToLowerInvariant()) & WordClass.Counterpart) != 0;
        }

        bool CounterpartTitle(Entity e) => e.Titles.Any(t => t.IndexOf(' ', StringComparison.Ordinal) < 0 && (patterns.Classify(t.ToLowerInvariant()) & WordClass.Counterpart) != 0);
    }

    private string? RoleActor(Entity? entity, bool verbal)
    {
        // A place with a country but no actor of its own acts for its country (GDELT codes "Gaza" PSE).
        var actor = entity?.Actor ?? (entity?.Type is "GPE" or "LOC" ? entity.Country : null);

        // "Israeli Defence Minister Israel Katz", "Azerbaijan's defence ministry": a cabinet office
        // over the military is the government in events (Phoenix GOVMIL; Data/Events/cabinet.txt).
        if (actor is { Length: 6 } && actor.EndsWith("MIL", StringComparison.Ordinal) && CabinetOffice(entity!))
        {
            return actor[..3] + "GOV";
        }

        // A group named by a nationality and a role noun ("Georgian demonstrators") takes the role
        // the event patterns give that noun (roles.txt: protesters are OPP, as Phoenix codes them).
        if (actor is { Length: 6 } && entity!.Name.LastIndexOf(' ') is var space and > 0 && char.IsLower(entity.Name[space + 1])
            && patterns.Role(entity.Name.AsSpan(space + 1)) is { } role && !actor.EndsWith(role, StringComparison.Ordinal))
        {
            actor = actor[..3] + role;
        }
        // "rejected the Afghan statement", "welcomed the Qatari initiative": a nationality as a
        // party to a verbal event is its country, acting through its government.
        return entity is { Type: "GPE" or "NORP" } && actor is { Length: 3 } && verbal && CountriesActAsGovernments && actor == entity.Country ? actor + "GOV" : actor;
    }

    /// <summary>A pattern matched at a trigger: tokens [Start, End], the slots' entities.</summary>
    internal sealed record Match(EventPattern Pattern, int Start, int TriggerEnd, int End, Entity? Source, Entity? Target)
    {
        public int Length => End - Start + 1;
    }
}
