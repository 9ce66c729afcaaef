using System.Collections.Frozen;
using System.Collections.Immutable;
using Dateline.Data;
using Dateline.Entities;
using Dateline.Geo;
using Dateline.Model;

namespace Dateline.Actors;

/// <summary>
/// Resolves each person, organization, place and group of <see cref="Document.Entities"/> to the
/// CAMEO actor it acts for (<see cref="Entity.Actor"/>) and its country (<see cref="Entity.Country"/>).
/// </summary>
/// <remarks>
/// The text comes first: the country the entity stage read from nationality words, titles and
/// affiliations ("Kremlin spokesperson", "Zelensky’s chief of staff") and the role a title gives;
/// the actor dictionary (<c>Data/Actors/people.txt</c>) and the known organizations fill what the
/// text leaves open. A capital is its government only where it acts ("Kyiv called on…", "according
/// to Kyiv", "Moscow’s claims"); "talks in Istanbul" stays a place with no actor.
/// </remarks>
public sealed partial class ActorStage(EntityLexicons lexicons) : IStage
{
    /// <summary>Capitals that stand for an organization seated there when they act (<c>Data/Actors/seats.txt</c>).</summary>
    private static readonly Lazy<FrozenDictionary<string, string>> Seats = new(
        () => DataFile.KeyedLines("Actors/seats.txt").ToFrozenDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal),
        LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>A stage with the lexicons shipped with the library.</summary>
    public ActorStage()
        : this(EntityLexicons.Default)
    {
    }

    /// <inheritdoc />
    public string Name => "actors";

    /// <inheritdoc />
    public Document Process(Document document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document.Entities.IsEmpty)
        {
            return document;
        }

        var entities = ImmutableArray.CreateBuilder<Entity>(document.Entities.Length);
        foreach (var entity in document.Entities)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (actor, country) = Resolve(document, entity);
            entities.Add(entity with { Actor = actor, Country = country });
        }

        // "KUWAIT CITY, June 3 (Gulf Courier) —": an organization no list knows, in the credit of the
        // dateline, is the outlet that files the story: media, of no country the text gives. A name that
        // opens with a region's word ("Gulf Courier") is the outlet there too, not the region.
        for (var i = 0; i < entities.Count; i++)
        {
            if (entities[i] is { Type: "ORG" or "LOC", Actor: null } e && e.Mentions.Length == 1 && InCredit(document, e)
                && (e.Type == "ORG" || e.Name.Contains(' ', StringComparison.Ordinal)))
            {
                entities[i] = e with { Type = "ORG", Actor = "MED", Country = null };
            }

            // "HOUSTON--(BUSINESS WIRE)--": a credit in capitals is the listed outlet of that name.
            if (entities[i] is { Type: "ORG", Actor: null or "MED" } credit && credit.Mentions.Length == 1 && InCredit(document, credit)
                && !credit.Name.AsSpan().ContainsAnyInRange('a', 'z')
                && lexicons.Lookup(System.Globalization.CultureInfo.InvariantCulture.TextInfo.ToTitleCase(credit.Name.ToLowerInvariant()), PhraseKind.Name)
                    is { Type: "ORG", Actor: [_, _, _, 'M', 'E', 'D'] outlet } listed)
            {
                entities[i] = credit with { Actor = outlet, Country = listed.Country };
            }
        }

        // "the Philippine Senate … the Senate president": a body named again by the last words of its
        // longer name, in the same role, is that body, not the listed one of the bare name.
        for (var i = 0; i < entities.Count; i++)
        {
            var e = entities[i];
            if (e is { Type: "ORG", Actor: [_, _, _, _, _, _] bare })
            {
                foreach (var o in entities)
                {
                    if (o != e && o is { Type: "ORG", Actor: [_, _, _, _, _, _] longer, Country: { Length: 3 } } && longer != bare && longer[3..] == bare[3..]
                        && o.Name.EndsWith(" " + e.Name, StringComparison.Ordinal) && o.Mentions[0].Start < e.Mentions[0].Start)
                    {
                        entities[i] = e with { Actor = longer, Country = o.Country };
                        break;
                    }
                }
            }
        }

        // "the Portuguese energy group Galp", "Galp, the Portuguese energy group", "the Bengaluru-based
        // payments firm Razorpay": a company phrase with a nationality word or a "-based" place right
        // before an organization's name, or in apposition after it, gives an unlisted organization its
        // country and the role of the phrase's nouns.
        for (var i = 0; i < entities.Count; i++)
        {
            var e = entities[i];
            if (e is { Type: "ORG", Country: null } && e.Actor is null or { Length: 3 } && !InCredit(document, e) && Known(e, PhraseKind.Name) is null)
            {
                foreach (var m in e.Mentions)
                {
                    if (m.Kind == "name" && Described(document, m) is { } described)
                    {
                        entities[i] = e with { Actor = described.Country + (described.Role ?? e.Actor ?? "BUS"), Country = described.Country };
                        break;
                    }
                }
            }
        }

        // A story about one country names its officials without their nationality: "Security
        // Minister X" in a story from Buenos Aires, and "Congress" there is Argentina's. A story filed
        // from the country it names most ("DHAKA - ... the army chief, General X") is about that country.
        if (FiledMain(document, entities) is { } storyMain)
        {
            for (var i = 0; i < entities.Count; i++)
            {
                var e = entities[i];

                // "In Dublin, the Data Protection Commission said": a sentence that opens on another
                // country's place moves the scene there.
                if (e.Type == "PERSON" && e.Actor is null && e.Country is null && OfficialRole(e) is { } role && !TitledByOrganization(document, entities, e))
                {
                    var main = SceneCountry(document, entities, e) ?? storyMain;
                    entities[i] = e with { Actor = main + role, Country = main };
                }
                else if (e is { Type: "ORG", Country: null, Actor: null or { Length: 3 } } && e.Mentions.Any(m => m.Kind == "name")
                    && (Known(e, PhraseKind.Name) is null ? OrganizationRole(e.Name) : e.Actor is "PTY" or "OPP" ? e.Actor : null) is { } orgRole && IsInstitution(orgRole))
                {
                    // "the Defense Ministry", "the Liberal Party", a listed "Social Democrats" of a story about one country
                    // (listed courts and legislatures take their sentence's country below).
                    var main = SceneCountry(document, entities, e) ?? storyMain;
                    entities[i] = e with { Actor = main + orgRole, Country = main };
                }
            }
        }

        // A story about two countries: "Trade Minister X" acts for the one country named in the
        // sentence ("Togolese traders cheered, and Trade Minister X said"), else in the paragraph. A
        // country the sentence names only after the official, where the story's lead is about another
        // ("Sudan's government cut ties with the UAE. … Defence Minister X said the drones came from a
        // base run with Emirati support"), is what the official speaks of, not whom they act for.
        var lead = LeadCountry(document, entities);
        for (var i = 0; i < entities.Count; i++)
        {
            var e = entities[i];
            if (e.Type == "PERSON" && e.Actor is null && e.Country is null && OfficialRole(e) is { } role && !TitledByOrganization(document, entities, e)
                && (SentenceCountry(document, entities, e) is { } named && lead is not null && named != lead && !NamedBefore(document, entities, e, named)
                    ? lead : SentenceCountry(document, entities, e) ?? ParagraphCountry(document, entities, e)) is { } country)
            {
                entities[i] = e with { Actor = country + role, Country = country };
            }
            else if (e is { Type: "ORG", Country: null, Actor: null } && e.Mentions.Any(m => m.Kind == "name")
                && Known(e, PhraseKind.Name) is null && OrganizationRole(e.Name) is { } orgRole && IsInstitution(orgRole)
                && (SentenceCountry(document, entities, e) ?? ParagraphCountry(document, entities, e)) is { } orgCountry)
            {
                // "the Ministry of Defence", "the Interior Ministry" of the country its sentence names.
                entities[i] = e with { Actor = orgCountry + orgRole, Country = orgCountry };
            }
        }

        // "SEOUL - ... Trade Minister X said talks would continue": a story filed from a national capital
        // is about that country for officials that neither the text nor the story gives another.
        if (DatelineCapital(document, entities) is { } capitalCountry)
        {
            for (var i = 0; i < entities.Count; i++)
            {
                var e = entities[i];
                // Only a capitalized office right before the name ("Trade Minister X"), not "his deputy, X".
                if (e.Type == "PERSON" && e.Actor is null && e.Country is null && OfficialRole(e) is { } role and not "ELI" && !TitledByOrganization(document, entities, e)
                    && NameTitles(document.Text, e).Any(t => t.TitleStart >= 0 && char.IsUpper(document.Text[t.TitleStart])))
                {
                    entities[i] = e with { Actor = capitalCountry + role, Country = capitalCountry };
                }
            }
        }

        // "Foreign Minister X said Argentina would keep pressing … deals with Washington": an official
        // that neither the sentence nor the paragraph places acts for the country the story leads with.
        for (var i = 0; lead is not null && i < entities.Count; i++)
        {
            var e = entities[i];
            if (e.Type == "PERSON" && e.Actor is null && e.Country is null && OfficialRole(e) is { } role and not "ELI" && !TitledByOrganization(document, entities, e)
                && NameTitles(document.Text, e).Any(t => t.TitleStart >= 0))
            {
                entities[i] = e with { Actor = lead + role, Country = lead };
            }
        }

        // "the Supreme Court", listed with a role and no country: the country of its sentence.
        for (var i = 0; i < entities.Count; i++)
        {
            var e = entities[i];
            if (e is { Type: "ORG", Country: null, Actor: { Length: 3 } role } && IsOfficial(role) && SentenceCountry(document, entities, e) is { } country)
            {
                entities[i] = e with { Actor = country + role, Country = country };
            }
        }

        // "The Constitutional Court … said it would review the decree" in a story filed from Quito: a
        // court or other public body with a role and no country that its sentence does not place is of
        // its paragraph's country, else of the story's; "Aarhus University and the Technical University
        // of Denmark": a university or church only by its sentence.
        var bodyStory = FiledMain(document, entities) ?? lead;
        for (var i = 0; i < entities.Count; i++)
        {
            var e = entities[i];
            if (e is { Type: "ORG", Country: null, Actor: { Length: 3 } role } && e.Mentions.Any(m => m.Kind == "name") && !InCredit(document, e)
                && (IsOfficial(role) ? SentenceCountry(document, entities, e) ?? ParagraphCountry(document, entities, e) ?? bodyStory
                    : role is "EDU" or "REL" ? SentenceCountry(document, entities, e) : null) is { } country)
            {
                entities[i] = e with { Actor = country + role, Country = country };
            }
        }

        // "Congress", "the Senate", "the Supreme Court" are listed as the United States' bodies: in a
        // story that never names the United States they are those of the country named in their
        // sentence ("President Javier Milei vetoed a bill passed by Congress"), else of the story's.
        // ("Washington had offered to mediate" names the US government, not a place of the story.)
        var namesUs = NamesPlaceOf(entities, "USA", placesOnly: true);
        if (!namesUs)
        {
            // "Congress leader Rahul Gandhi": a person the dictionary knows keeps the dictionary's
            // country where only such a body made the person American.
            for (var i = 0; i < entities.Count; i++)
            {
                var e = entities[i];
                if (e is { Type: "PERSON", Country: "USA" } && Known(e, PhraseKind.Name) is { Type: "PERSON" } known
                    && lexicons.People.TryGetValue(known.Canonical, out var entry) && !entry.Actor.StartsWith("USA", StringComparison.Ordinal))
                {
                    var (actor, country) = Person(e with { Country = null }, null, document.Published?.Date);
                    entities[i] = e with { Actor = actor, Country = country };
                }
            }
        }

        // In a story about another country that also names American places ("In Washington, the White
        // House …"), such a body is that country's where its own sentence names that country's actors
        // and places ("In Congress, the Liberal Party pressed ahead …" in a Brazilian story).
        var about = MainCountry(entities);
        if (!namesUs || about is not null && about != "USA")
        {
            for (var i = 0; i < entities.Count; i++)
            {
                var e = entities[i];
                if (e is { Type: "ORG", Country: "USA", Actor: [_, _, _, ..] actor } && actor.EndsWith("LEG", StringComparison.Ordinal) | actor.EndsWith("JUD", StringComparison.Ordinal)
                    && UnmarkedUsInstitution(e)
                    && (namesUs ? SentenceCountry(document, entities, e) : MentionSentenceCountry(document, entities, e) ?? about ?? DatelinePlace(document, entities)) is { } country
                    && country != "USA" && (!namesUs || country == about))
                {
                    // "The Congress, which failed to win a seat" in an Indian story: where the country has a
                    // listed party of that name ("Congress party"), the name is the party's.
                    entities[i] = lexicons.Lookup(e.Name + " party", PhraseKind.Name) is { Type: "ORG", Country: { } namedPartyCountry, Actor: { } party } && namedPartyCountry == country
                        ? e with { Actor = party, Country = country }
                        : e with { Actor = country + actor[3..], Country = country };
                }
            }
        }

        // "Senate President Efraín Cepeda" in a Colombian story: an official whom only a listed American
        // body before the title made American acts for that body once it is another country's.
        for (var i = 0; i < entities.Count; i++)
        {
            var e = entities[i];
            if (e is { Type: "PERSON", Country: "USA" } && Known(e, PhraseKind.Name) is not { Type: "PERSON" }
                && TitleOrganization(document, entities, e) is { Type: "ORG", Country: { } bodyCountry, Actor: { Length: >= 6 } body }
                && bodyCountry != "USA" && IsOfficial(body[3..6]))
            {
                entities[i] = e with { Actor = body, Country = bodyCountry };
            }
        }

        // "Labour Party" is listed as Britain's: in a story about another country that never names
        // Britain it is that country's party of the name ("Prime Minister Jonas Gahr Støre's Labour Party").
        if (MainCountry(entities) is { } partyStory)
        {
            for (var i = 0; i < entities.Count; i++)
            {
                var e = entities[i];
                if (e is { Type: "ORG", Country: { Length: 3 } listedCountry, Actor: [_, _, _, ..] listedParty } && listedCountry != partyStory
                    && listedParty.StartsWith(listedCountry, StringComparison.Ordinal) && listedParty[3..] is "PTY" or "OPP"
                    && Known(e, PhraseKind.Name) is { Country: { } known } && known == listedCountry && !NamesPlaceOf(entities, listedCountry))
                {
                    entities[i] = e with { Actor = partyStory + listedParty[3..], Country = partyStory };
                }
            }
        }

        // Local news rarely names its country: a mayor or a council member acts for the one
        // country every place of the story lies in.
        if (StoryCountry(entities) is { } story)
        {
            for (var i = 0; i < entities.Count; i++)
            {
                var e = entities[i];
                if (e.Type == "PERSON" && e.Actor is null && e.Country is null && OfficialRole(e) is { } role && !TitledByOrganization(document, entities, e))
                {
                    entities[i] = e with { Actor = story + role, Country = story };
                }
                else if (e is { Type: "ORG", Country: null } && e.Actor is null or { Length: 3 } && e.Mentions.Any(m => m.Kind == "name") && !InCredit(document, e)
                    && (Known(e, PhraseKind.Name) is null ? OrganizationRole(e.Name) : e.Actor is { } listed && IsOfficial(listed) ? listed : null) is { } orgRole)
                {
                    // A listed institution with a role but no country ("Supreme Court") is the story's;
                    // a listed news agency or company is not.
                    // "West Yorkshire Police", "Yorkshire Evening Post": a local institution of the story's country.
                    entities[i] = e with { Actor = story + orgRole, Country = story };
                }
            }
        }

        // "SEOUL - ... the Joint Chiefs of Staff said": a listed body with a role and no country that the
        // text never places, in a story naming several countries, is the one of the place it is filed from.
        if (DatelinePlace(document, entities) is { } filedFrom)
        {
            for (var i = 0; i < entities.Count; i++)
            {
                var e = entities[i];
                if (e is { Type: "ORG", Country: null, Actor: { Length: 3 } listedRole } && IsOfficial(listedRole) && !InCredit(document, e)
                    && Known(e, PhraseKind.Name) is { Country: null, Actor: { Length: 3 } })
                {
                    entities[i] = e with { Actor = filedFrom + listedRole, Country = filedFrom };
                }
            }
        }

        // "LONDON - ... Judge Caroline Fenwick warned jurors": a court sits where the story is filed, so
        // a judge or prosecutor no sentence places acts for the dateline's country.
        if (DatelinePlace(document, entities) is { } filed)
        {
            for (var i = 0; i < entities.Count; i++)
            {
                var e = entities[i];
                if (e.Type == "PERSON" && e.Actor is null && e.Country is null && OfficialRole(e) is "JUD" && !TitledByOrganization(document, entities, e))
                {
                    entities[i] = e with { Actor = filed + "JUD", Country = filed };
                }
            }
        }

        // "Marduk Technologies, a Tallinn start-up", "X, an Estonian defence firm": a place or nationality
        // right after ", a" describes where an organization with a role and no country is from.
        for (var i = 0; i < entities.Count; i++)
        {
            var e = entities[i];
            if (e is { Type: "ORG", Country: null, Actor: { Length: 3 } orgRole } && !InCredit(document, e) && AppositiveCountry(document, entities, e) is { } from)
            {
                entities[i] = e with { Actor = from + orgRole, Country = from };
            }
        }

        // "electricity retailer Coastline Energy", "Chief executive Laura Bennett said": a company the
        // dictionary does not list, and a business or labour leader, that the text gives no country belong to the
        // country the story is about or filed from (the project's convention, docs/EVALUATION.md).
        var homeCountry = MainCountry(entities) ?? DatelineCountry(document, entities) ?? DatelinePlace(document, entities);
        if ((homeCountry ?? lead) is { } home)
        {
            for (var i = 0; i < entities.Count; i++)
            {
                var e = entities[i];
                if (e is { Type: "ORG" or "PERSON", Country: null, Actor: "BUS" or "NGO" or "EDU" or "REL" } && homeCountry is not null && !InCredit(document, e) && Known(e, PhraseKind.Name) is null)
                {
                    // The same for a foundation, a university or a church and their officers ("Rector X").
                    entities[i] = e with { Actor = home + e.Actor, Country = home };
                }
                else if (e is { Type: "PERSON", Country: null, Actor: "LAB" } && Known(e, PhraseKind.Name) is null)
                {
                    // "union leaders A, B and C": labour leaders of the story's country.
                    entities[i] = e with { Actor = home + "LAB", Country = home };
                }
            }
        }

        // "the Viv Ansanm gang coalition", "the opposition Isamaa party": an unlisted name right before a
        // lower-case group noun has that noun's role (a gang is criminal, a party a party), of the
        // country the story is about.
        var groupStory = FiledMain(document, entities) ?? lead ?? MainCountry(entities) ?? StoryCountry(entities);
        for (var i = 0; i < entities.Count; i++)
        {
            var e = entities[i];
            if (e is { Type: "ORG", Actor: null } && Known(e, PhraseKind.Name) is null && !InCredit(document, e)
                && e.Mentions.FirstOrDefault(m => m.Kind == "name") is { Text: not null } first && GroupNounAfter(document, first) is { } nounRole
                && (e.Country ?? groupStory) is { } groupCountry)
            {
                entities[i] = e with { Actor = groupCountry + nounRole, Country = groupCountry };
            }
        }

        // "Bank Indonesia Governor X", "X, the Bank of Ghana's governor": a bank the dictionary does not
        // list whose head is a governor is the country's central bank, a body of its government.
        for (var i = 0; i < entities.Count; i++)
        {
            var e = entities[i];
            if (e.Type == "PERSON" && e.Titles.Any(t => ContextWords.IsBankHead(LastWord(t)))
                && TitleOrganization(document, entities, e) is { Actor: [_, _, _, 'B', 'U', 'S'] bankActor } bank
                && HasBankWord(bank.Name) && Known(bank, PhraseKind.Name) is null)
            {
                var at = entities.IndexOf(bank);
                entities[at] = bank with { Actor = bankActor[..3] + "GOV" };
            }
        }

        // "Sarah Cardell, the CMA's chief executive", "Lenovo chairman Yang Yuanqing": an office held
        // in a named organization acts for that organization, where the dictionary does not know the person.
        for (var i = 0; i < entities.Count; i++)
        {
            var e = entities[i];
            if (e.Type == "PERSON" && e.Actor is null or { Length: <= 6 } && (Known(e, PhraseKind.Name) is not { Type: "PERSON" })
                && TitleOrganization(document, entities, e) is { Actor: { Length: >= 6 } orgActor } org
                && (e.Actor is null || e.Actor.Length == 3 || e.Actor.StartsWith(org.Country ?? e.Actor[..3], StringComparison.Ordinal)))
            {
                // An official of an international organization has no country of the story's.
                entities[i] = e with { Actor = orgActor, Country = org.Country ?? (orgActor.StartsWith("IGO", StringComparison.Ordinal) ? null : e.Country) };
            }
        }

        // "the Conservative leader", "Democrats in Congress": a party word acts for the listed party of
        // that name in the country the story is about ("Conservative Party" in a British story).
        var partyCountry = MainCountry(entities) ?? StoryCountry(entities);
        for (var i = 0; partyCountry is not null && i < entities.Count; i++)
        {
            var e = entities[i];
            if (e is { Type: "NORP", Actor: null } && PartyOfWord(e.Name) is { Country: { } c, Actor: { } party } && c == partyCountry)
            {
                entities[i] = e with { Actor = party, Country = c };
            }
        }

        // "the opposition X, led by former prime minister Y", "Y, the candidate of X": a person who
        // leads or stands for an opposition party is the opposition, whatever office they once held.
        for (var i = 0; i < entities.Count; i++)
        {
            var e = entities[i];
            if (e.Type == "PERSON" && (e.Actor is null or { Length: 3 } || e.Actor.EndsWith("ELI", StringComparison.Ordinal))
                && PartyOf(document, entities, e) is { Actor: { } party } && party.EndsWith("OPP", StringComparison.Ordinal))
            {
                entities[i] = e with { Actor = party, Country = party.Length >= 6 ? party[..3] : e.Country };
            }
        }

        // "the opposition Peronist movement", "the ruling Chama Cha Mapinduzi": a stance word before
        // a party's name says whether it governs (PTY) or opposes (OPP), whatever its name suggests.
        var storyCountry = MainCountry(entities) ?? StoryCountry(entities);
        for (var i = 0; i < entities.Count; i++)
        {
            var e = entities[i];
            if (e.Type is "ORG" or "NORP" && (e.Actor is null or { Length: 3 } || e.Actor.EndsWith("PTY", StringComparison.Ordinal) || e.Actor.EndsWith("OPP", StringComparison.Ordinal))
                && Stance(document, e) is { } stance && (e.Country ?? storyCountry) is { } country)
            {
                entities[i] = e with { Actor = country + stance, Country = country };
            }
        }

        // "Opposition leader X … X's Democratic Party of Ivory Coast": a party named with the possessive
        // of a person who is the opposition is the opposition too.
        for (var i = 0; i < entities.Count; i++)
        {
            var e = entities[i];
            if (e is { Type: "ORG", Actor: [_, _, _, 'P', 'T', 'Y'] party } && e.Mentions.FirstOrDefault(m => m.Kind == "name") is { Text: not null } first
                && PossessorBefore(document, entities, first.Start) is { Type: "PERSON", Actor: [_, _, _, 'O', 'P', 'P'] leader } && leader[..3] == party[..3])
            {
                entities[i] = e with { Actor = leader };
            }
        }

        // "Labour's finance spokesperson X", "the Greens' health critic X": a party's portfolio title
        // (a portfolio word before "spokesperson", or "shadow" opening it) is the opposition's, since a
        // governing party's portfolios are held by ministers; the person and the party are the opposition.
        for (var i = 0; i < entities.Count; i++)
        {
            var e = entities[i];
            if (e.Type == "PERSON" && Known(e, PhraseKind.Name) is not { Type: "PERSON" } && ShadowParty(document, entities, e) is { Actor: [_, _, _, ..] code } party
                && (code.EndsWith("PTY", StringComparison.Ordinal) || code.EndsWith("OPP", StringComparison.Ordinal)) && entities.IndexOf(party) is >= 0 and var at)
            {
                var opposition = code[..3] + "OPP";
                entities[at] = party with { Actor = opposition };
                entities[i] = e with { Actor = opposition, Country = party.Country ?? code[..3] };
            }
        }

        // "The commander of the Estonian Defence Forces, Gen. X said Russian drones …": an office of a
        // named national body right before the name outweighs a country the rest of the sentence names.
        for (var i = 0; i < entities.Count; i++)
        {
            var e = entities[i];
            if (e.Type == "PERSON" && e.Actor is null or { Length: <= 6 } && Known(e, PhraseKind.Name) is not { Type: "PERSON" }
                && OfficeBeforeName(document, entities, e) is { Actor: { Length: 6 } orgActor, Country: { Length: 3 } orgCountry })
            {
                entities[i] = e with { Actor = orgActor, Country = orgCountry };
            }
        }

        // "the South African Football Association, whose president X": a sports body the dictionary
        // does not list, and the officials it titles, act for no actor of ours (the project's convention).
        for (var i = 0; i < entities.Count; i++)
        {
            var e = entities[i];
            if (e.Type == "ORG" && e.Actor is not null && IsSportsBody(e))
            {
                entities[i] = e with { Actor = null };
            }
        }

        var anySportsBody = false;
        foreach (var e in entities)
        {
            anySportsBody |= e.Type == "ORG" && e.Actor is null && IsSportsBody(e);
        }

        for (var i = 0; anySportsBody && i < entities.Count; i++)
        {
            var e = entities[i];
            if (e.Type == "PERSON" && e.Actor is not null && Known(e, PhraseKind.Name) is not { Type: "PERSON" }
                && TitleOrganization(document, entities, e) is { } body && IsSportsBody(body))
            {
                entities[i] = e with { Actor = null, Country = body.Country };
            }
        }

        // "the UN refugee agency said": an international organization's name before lower-case words
        // that, capitalized, name one of its listed agencies ("UN Refugee Agency") is that agency, where
        // every mention is so followed and the article names the agency no other way.
        for (var i = 0; i < entities.Count; i++)
        {
            var e = entities[i];
            if (e is { Type: "ORG", Actor: { } igo } && igo.StartsWith("IGO", StringComparison.Ordinal) && AgencyNamed(document, e) is { } agency
                && !entities.Any(other => other.Actor == agency))
            {
                entities[i] = e with { Actor = agency };
            }
        }

        // "A Belgian diplomat said Brussels shared some of his doubts": a seat of an international
        // organization acting in a sentence that names its own country and nothing of that organization
        // is its country's government.
        for (var i = 0; i < entities.Count; i++)
        {
            var e = entities[i];
            if (e is { Type: "GPE", Country: { Length: 3 } seatCountry, Actor: { } seat } && Seats.Value.TryGetValue(e.Name, out var seated) && seat == seated
                && e.Mentions.FirstOrDefault(m => m.Kind == "name" && ActsAsActor(document, m)) is { Text: not null } acting
                && document.Sentences.FirstOrDefault(x => x.Start <= acting.Start && acting.Start < x.End) is { Length: > 0 } sentence
                && NamedIn(entities, sentence, other => other != e && other.Country == seatCountry)
                && !NamedIn(entities, sentence, other => other != e && other.Actor is { } a && a.StartsWith(seat, StringComparison.Ordinal)))
            {
                entities[i] = e with { Actor = seatCountry + "GOV" };
            }
        }

        // "Defence Minister X and his Lithuanian counterpart Y": an office named by another person's is
        // that person's kind of office (a defence minister's counterpart is MIL, not GOV).
        for (var i = 0; i < entities.Count; i++)
        {
            var e = entities[i];
            if (e is { Type: "PERSON", Actor: [_, _, _, 'G', 'O', 'V'] actor } && e.Titles.Length > 0
                && e.Titles.All(t => ContextWords.IsCounterpart(LastWord(t))) && Known(e, PhraseKind.Name) is not { Type: "PERSON" }
                && CounterpartOf(document, entities, e) is [_, _, _, _, _, _] other && IsOfficial(other[3..6]))
            {
                entities[i] = e with { Actor = actor[..3] + other[3..6] };
            }
        }

        // "X, a spokeswoman for opposition candidate Y": an office held "for" someone named right after
        // the title is held for that actor (Y's party, Y's government), not for the story's government.
        for (var i = 0; i < entities.Count; i++)
        {
            var e = entities[i];
            if (e is { Type: "PERSON" } && e.Titles.Length > 0 && Known(e, PhraseKind.Name) is not { Type: "PERSON" }
                && ServedFor(document, entities, e) is { Actor: { Length: >= 6 } patron } served)
            {
                entities[i] = e with { Actor = patron, Country = served.Country ?? e.Country };
            }
        }

        // "NAIROBI, May 3 (Dateline Health) -": the outlet that filed the story is a news medium.
        for (var i = 0; i < entities.Count; i++)
        {
            // "(Dateline Energy)": a subject word in the outlet's name gives it no other role.
            if (entities[i] is { Type: "ORG" } e && e.Actor is null or { Length: 3 } && InCredit(document, e))
            {
                entities[i] = e with { Actor = "MED" };
            }
        }

        return document with { Entities = entities.MoveToImmutable() };
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^, [^.\n()]{0,40}?\d[^.\n()]{0,20}\([^)\n]{1,40}\)\s*[-\u2013\u2014]")]
    private static partial System.Text.RegularExpressions.Regex MixedCaseDateline();

    /// <summary>"Kathmandu, November 30 —": a place in mixed case, then a date of a month's name and a day and a dash, no credit.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"^, (?:[A-Z][a-z]{2,8}\.? \d{1,2}|\d{1,2} [A-Z][a-z]{2,8})(?:, \d{4})? [-\u2013\u2014]")]
    private static partial System.Text.RegularExpressions.Regex MixedCaseDateOnlyDateline();

    /// <summary>True where a mixed-case dateline's place with a date and no credit ends at <paramref name="end"/>.</summary>
    private static bool DateOnlyDatelineAt(string text, int end) =>
        MixedCaseDateOnlyDateline().IsMatch(text.AsSpan(end, Math.Min(70, text.Length - end)));

    /// <summary>True where a mixed-case dateline's place ends at <paramref name="end"/>: a date and a credit, or a date alone, before a dash.</summary>
    private static bool MixedCaseDatelineAt(string text, int end)
    {
        var after = text.AsSpan(end, Math.Min(70, text.Length - end));
        return MixedCaseDateline().IsMatch(after) || MixedCaseDateOnlyDateline().IsMatch(after);
    }

    /// <summary>
    /// The person or organization a person's title is held for, in an apposition after the name:
    /// "X, a spokeswoman for opposition candidate Y", "X, the spokesman for the Y party" (the first
    /// name within a few words after "for", in the same clause); null otherwise.
    /// </summary>
    private static Entity? ServedFor(Document document, ImmutableArray<Entity>.Builder entities, Entity person)
    {
        var text = document.Text;
        foreach (var m in person.Mentions)
        {
            if (m.Kind != "name" || m.End + 2 >= text.Length || text[m.End] != ',')
            {
                continue;
            }

            var rest = text.AsSpan(m.End + 1).TrimStart();
            var at = text.Length - rest.Length;
            var article = rest.StartsWith("a ", StringComparison.Ordinal) ? 2 : rest.StartsWith("an ", StringComparison.Ordinal) ? 3 : rest.StartsWith("the ", StringComparison.Ordinal) ? 4 : 0;
            foreach (var title in person.Titles)
            {
                var t = at + article;
                if (t + title.Length + 5 >= text.Length || !text.AsSpan(t, title.Length).Equals(title, StringComparison.OrdinalIgnoreCase)
                    || text.AsSpan(t + title.Length, 5) is not " for ")
                {
                    continue;
                }

                var from = t + title.Length + 5;
                var stop = text.AsSpan(from).IndexOfAny(",.;\n");
                var limit = Math.Min(from + 60, stop < 0 ? text.Length : from + stop);
                Entity? best = null;
                var bestStart = int.MaxValue;
                foreach (var o in entities)
                {
                    if (o == person || o.Actor is not { Length: >= 6 })
                    {
                        continue; // "for Zambian opposition leader Y": the nationality word is Y's
                    }

                    foreach (var om in o.Mentions)
                    {
                        if (om.Kind == "name" && om.Start >= from && om.Start < limit && om.Start < bestStart)
                        {
                            best = o;
                            bestStart = om.Start;
                        }
                    }
                }

                if (best is not null)
                {
                    return best;
                }
            }
        }

        return null;
    }

    /// <summary>An organization the dictionary does not list with a sport word in its name ("Nigeria Football Federation").</summary>
    private bool IsSportsBody(Entity org)
    {
        var name = org.Name.AsSpan();
        foreach (var range in name.Split(' '))
        {
            if (Entities.ContextWords.IsSport(name[range]))
            {
                return Known(org, PhraseKind.Name) is null;
            }
        }

        return false;
    }

    /// <summary>OPP or PTY where a stance word of <c>context-words.txt</c> stands right before one of the entity's names, else null.</summary>
    private static string? Stance(Document document, Entity entity)
    {
        var tokens = document.Tokens;
        foreach (var m in entity.Mentions)
        {
            var previous = FirstTokenAt(tokens, m.Start) - 1;
            if (m.Kind != "name")
            {
                continue;
            }

            // "the opposition X", "the main opposition party X", "the ruling coalition X".
            for (var k = previous; k >= 0 && k >= previous - 2 && tokens[k].Kind == TokenKind.Word; k--)
            {
                var word = document.Text.AsSpan(tokens[k].Start, tokens[k].Length);
                if (StanceOf(word) is { } before)
                {
                    return before;
                }

                if (!ContextWords.IsPartyNoun(word))
                {
                    break;
                }
            }

            // "X, the main opposition party,": a stance word in an apposition headed by a party noun.
            var next = FirstTokenAt(tokens, m.End);
            if (next + 2 < tokens.Length && document.Text.AsSpan(tokens[next].Start, tokens[next].Length) is ","
                && document.Text.AsSpan(tokens[next + 1].Start, tokens[next + 1].Length) is "the" or "a")
            {
                string? stance = null;
                for (var k = next + 2; k < tokens.Length && k <= next + 6 && tokens[k].Kind == TokenKind.Word; k++)
                {
                    var word = document.Text.AsSpan(tokens[k].Start, tokens[k].Length);
                    stance ??= StanceOf(word);
                    if (ContextWords.IsPartyNoun(word))
                    {
                        if (stance is not null)
                        {
                            return stance;
                        }

                        break;
                    }
                }
            }
        }

        return null;
    }

    private static string? StanceOf(ReadOnlySpan<char> word) =>
        Entities.ContextWords.IsOpposing(word) ? "OPP" : Entities.ContextWords.IsRuling(word) ? "PTY" : null;

    /// <summary>
    /// The country whose officials a story names without their nationality: the main country, or the
    /// dateline's; but a story filed from a national capital that leads with that country ("SEOUL -
    /// South Korean President X and Vietnam's Y agreed …") is about it, however often it names the
    /// places of the other.
    /// </summary>
    private string? FiledMain(Document document, ImmutableArray<Entity>.Builder entities)
    {
        var main = MainCountry(entities) ?? DatelineCountry(document, entities);
        if (main is not null && DatelineCapital(document, entities) is { } filed && filed != main && LeadCountry(document, entities) == filed)
        {
            return filed;
        }

        return main;
    }

    /// <summary>
    /// The country a story is about: the country of most mentions of places and nationality words,
    /// at least two of them and at least twice as many as any other country's; null when the story
    /// is shared ("talks between Ethiopia and Eritrea") or names no country. The United States
    /// counts only through places and nationality words, never through a listed institution.
    /// </summary>
    private static string? MainCountry(ImmutableArray<Entity>.Builder entities)
    {
        Dictionary<string, int>? counts = null;
        foreach (var e in entities)
        {
            if (e.Type is "GPE" or "LOC" or "FAC" or "NORP" && e.Country is { Length: 3 } c)
            {
                counts ??= new Dictionary<string, int>(StringComparer.Ordinal);
                counts[c] = counts.GetValueOrDefault(c) + e.Mentions.Length;
            }
        }

        if (counts is null)
        {
            return null;
        }

        string? best = null;
        int top = 0, second = 0;
        foreach (var (country, n) in counts)
        {
            if (n > top || (n == top && string.CompareOrdinal(country, best) < 0))
            {
                second = Math.Max(second, top);
                (best, top) = (country, n);
            }
            else
            {
                second = Math.Max(second, n);
            }
        }

        return top >= 2 && top >= 2 * second ? best : null;
    }

    /// <summary>
    /// The country of the dateline ("DHAKA, Nov 20 -") where places and nationality words of that
    /// country outnumber those of every other (at least two); null otherwise.
    /// </summary>
    private static string? DatelineCountry(Document document, ImmutableArray<Entity>.Builder entities)
    {
        if (document.Paragraphs.Length == 0)
        {
            return null;
        }

        string? dateline = null;
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var e in entities)
        {
            if (e.Type is "GPE" or "LOC" or "FAC" or "NORP" && e.Country is { Length: 3 } c)
            {
                counts[c] = counts.GetValueOrDefault(c) + e.Mentions.Length;
                if (e.Type == "GPE" && OpensDateline(document, e.Mentions[0].Start)
                    && (!e.Mentions[0].Text.AsSpan().ContainsAnyInRange('a', 'z') || DateOnlyDatelineAt(document.Text, e.Mentions[0].End)))
                {
                    dateline = c;
                }
            }
        }

        if (dateline is null || counts[dateline] < 2)
        {
            return null;
        }

        foreach (var (country, n) in counts)
        {
            if (country != dateline && n >= counts[dateline])
            {
                return null;
            }
        }

        return dateline;
    }

    /// <summary>True when an entity that <paramref name="fits"/> has a mention inside <paramref name="span"/>.</summary>
    private static bool NamedIn(ImmutableArray<Entity>.Builder entities, TextSpan span, Func<Entity, bool> fits)
    {
        foreach (var e in entities)
        {
            if (fits(e) && e.Mentions.Any(m => m.Start >= span.Start && m.End <= span.End))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True where <paramref name="at"/> opens the story's dateline paragraph: the first paragraph, or
    /// the second after a headline line ("EU leaders put off Ukraine loan\n\nBRUSSELS, Oct 24 -").
    /// </summary>
    private static bool OpensDateline(Document document, int at) =>
        document.Paragraphs.Length > 0 && (at == document.Paragraphs[0].Start || (document.Paragraphs.Length > 1 && at == document.Paragraphs[1].Start));

    /// <summary>
    /// The country whose national capital opens the story in capitals ("SEOUL, Oct 30 -"), or null; a
    /// capital that also seats an international organization ("BRUSSELS") says nothing of the story.
    /// </summary>
    private string? DatelineCapital(Document document, ImmutableArray<Entity>.Builder entities)
    {
        foreach (var e in entities)
        {
            if (e.Type == "GPE" && OpensDateline(document, e.Mentions[0].Start)
                    && (!e.Mentions[0].Text.AsSpan().ContainsAnyInRange('a', 'z') || DateOnlyDatelineAt(document.Text, e.Mentions[0].End)))
            {
                // "NEW DELHI" is looked up as "New Delhi".
                var name = string.Create(e.Name.Length, e.Name, static (chars, upper) =>
                {
                    for (var k = 0; k < chars.Length; k++)
                    {
                        chars[k] = k > 0 && char.IsLetter(upper[k - 1]) ? char.ToLowerInvariant(upper[k]) : upper[k];
                    }
                });
                return lexicons.Gazetteer.Lookup(name) is [{ CapitalOf: { } capitalOf } place, ..] && !Seats.Value.ContainsKey(place.Name) ? capitalOf : null;
            }
        }

        return null;
    }

    /// <summary>The country of the place that opens the story in capitals ("LONDON, Oct 9 -"), or null.</summary>
    private static string? DatelinePlace(Document document, ImmutableArray<Entity>.Builder entities)
    {
        if (document.Paragraphs.Length == 0)
        {
            return null;
        }

        foreach (var e in entities)
        {
            if (e is { Type: "GPE", Country: { Length: 3 } c } && OpensDateline(document, e.Mentions[0].Start)
                && (!e.Mentions[0].Text.AsSpan().ContainsAnyInRange('a', 'z') || DateOnlyDatelineAt(document.Text, e.Mentions[0].End)))
            {
                return c;
            }
        }

        return null;
    }

    /// <summary>Roles of bodies that belong to the country of their story: its institutions, parties and gangs ("the Gulf Cartel").</summary>
    private static bool IsInstitution(string role) => role is "GOV" or "MIL" or "COP" or "JUD" or "LEG" or "PTY" or "OPP" or "CRM";

    /// <summary>The one country of the places, nationality words and officials named in the sentence of the entity's first mention, or null.</summary>
    /// <summary>
    /// The country of the place a sentence opens on ("In Dublin, …", "In Taipei, …") for an entity
    /// first named in that sentence, or null.
    /// </summary>
    private static string? SceneCountry(Document document, ImmutableArray<Entity>.Builder entities, Entity entity)
    {
        var at = entity.Mentions[0].Start;
        var sentence = document.Sentences.FirstOrDefault(x => x.Start <= at && at < x.End);
        var text = document.Text;
        if (sentence.End > sentence.Start + 4 && !text.AsSpan(sentence.Start).StartsWith("In ", StringComparison.Ordinal)
            && SpanCountry(entities, entity, sentence) is null
            && document.Paragraphs.FirstOrDefault(p => p.Start <= at && at < p.End) is { Length: > 0 } paragraph)
        {
            // "In Karachi, the State Bank held its rate. Finance Minister X said …": the scene a
            // paragraph opens on holds for its later sentences that name no country of their own.
            sentence = document.Sentences.FirstOrDefault(x => x.Start == paragraph.Start);
        }

        if (sentence.End <= sentence.Start + 4 || !text.AsSpan(sentence.Start).StartsWith("In ", StringComparison.Ordinal))
        {
            return null;
        }

        foreach (var e in entities)
        {
            if (e != entity && e.Type is "GPE" or "LOC" && e.Country is { Length: 3 } c
                && e.Mentions.Any(m => m.Kind == "name" && m.Start == sentence.Start + 3 && m.End < text.Length && text[m.End] == ','))
            {
                return c;
            }
        }

        return null;
    }

    private static string? SentenceCountry(Document document, ImmutableArray<Entity>.Builder entities, Entity entity)
    {
        var at = entity.Mentions[0].Start;
        return SpanCountry(entities, entity, document.Sentences.FirstOrDefault(x => x.Start <= at && at < x.End));
    }

    /// <summary>
    /// The country of the first sentence, among those of the entity's mentions in text order, that
    /// names one: "Students rally at House …" in a headline names none, the lead's "outside the
    /// House of Representatives in … Jakarta" does.
    /// </summary>
    private static string? MentionSentenceCountry(Document document, ImmutableArray<Entity>.Builder entities, Entity entity)
    {
        foreach (var m in entity.Mentions.OrderBy(m => m.Start))
        {
            if (document.Sentences.FirstOrDefault(x => x.Start <= m.Start && m.Start < x.End) is { } sentence
                && SpanCountry(entities, entity, sentence) is { } country)
            {
                return country;
            }
        }

        return null;
    }

    /// <summary>The one country of the places, nationality words and officials named in the paragraph of the entity's first mention, or null.</summary>
    private static string? ParagraphCountry(Document document, ImmutableArray<Entity>.Builder entities, Entity entity)
    {
        var at = entity.Mentions[0].Start;
        foreach (var paragraph in document.Paragraphs)
        {
            if (paragraph.Start <= at && at < paragraph.End)
            {
                return SpanCountry(entities, entity, paragraph);
            }
        }

        return null;
    }

    private static string? SpanCountry(ImmutableArray<Entity>.Builder entities, Entity entity, TextSpan sentence)
    {
        if (sentence.End <= sentence.Start)
        {
            return null;
        }

        string? found = null;
        foreach (var e in entities)
        {
            if (e == entity || e.Country is not { Length: 3 } c || e.Type is not ("GPE" or "LOC" or "FAC" or "NORP" or "PERSON"))
            {
                continue;
            }

            foreach (var m in e.Mentions)
            {
                if (m.Start >= sentence.Start && m.End <= sentence.End)
                {
                    if (found is not null && found != c)
                    {
                        return null;
                    }

                    found = c;
                }
            }
        }

        return found;
    }

    private static bool NamesPlaceOf(ImmutableArray<Entity>.Builder entities, string country, bool placesOnly = false)
    {
        foreach (var e in entities)
        {
            if (e.Type is "GPE" or "LOC" or "FAC" or "NORP" && e.Country == country && !(placesOnly && e.Type == "GPE" && e.Actor is { Length: 6 }))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when the institution is named and no name mention says it is American ("US Congress");
    /// false for a group nominal, whose nationality word gave it its country ("American lawmakers").
    /// </summary>
    private static bool UnmarkedUsInstitution(Entity e)
    {
        var named = false;
        foreach (var m in e.Mentions)
        {
            if (m.Kind == "name" && (m.Text.StartsWith("US", StringComparison.Ordinal) || m.Text.StartsWith("U.S.", StringComparison.Ordinal)))
            {
                return false;
            }

            named |= m.Kind == "name";
        }

        return named;
    }

    /// <summary>
    /// The one country all places, nationality words and organizations of the article belong to
    /// (at least two such mentions), or null.
    /// </summary>
    private static string? StoryCountry(ImmutableArray<Entity>.Builder entities)
    {
        string? story = null;
        var mentions = 0;
        foreach (var e in entities)
        {
            if (e.Type is not ("GPE" or "LOC" or "FAC" or "NORP" or "ORG") || e.Country is null)
            {
                continue;
            }

            if (story is not null && story != e.Country)
            {
                return null;
            }

            story = e.Country;
            mentions += e.Mentions.Length;
        }

        return mentions >= 2 ? story : null;
    }

    /// <summary>
    /// The country the story leads with: that of the first name with a country in the first sentence
    /// after the dateline ("Sudan's army-backed government …", "Argentine President X …"), unless
    /// it is joined by "and" or "," to a name of another country ("Chile and Peru signed …"); or null.
    /// </summary>
    private static string? LeadCountry(Document document, ImmutableArray<Entity>.Builder entities)
    {
        if (document.Sentences.Length == 0)
        {
            return null;
        }

        var text = document.Text;
        var sentence = document.Sentences[0];
        Mention? first = null;
        string? country = null;
        foreach (var e in entities)
        {
            if (e.Type is not ("GPE" or "NORP" or "PERSON" or "ORG") || e.Country is not { Length: 3 } c || InCredit(document, e))
            {
                continue;
            }

            foreach (var m in e.Mentions)
            {
                if (m.Kind == "name" && m.Start >= sentence.Start && m.End <= sentence.End && (first is null || m.Start < first.Start)
                    && !(e.Type == "GPE" && OpensDateline(document, m.Start) && !m.Text.AsSpan().ContainsAnyInRange('a', 'z')))
                {
                    (first, country) = (m, c);
                }
            }
        }

        if (first is null)
        {
            return null;
        }

        // The lead names its subject first: at most three words before it, after the dateline's dash.
        var from = sentence.Start;
        var dash = text.AsSpan(sentence.Start, Math.Min(90, first.Start - sentence.Start)).LastIndexOfAny('-', '\u2013', '\u2014');
        if (dash >= 0)
        {
            from = sentence.Start + dash + 1;
        }

        if (text.AsSpan(from, first.Start - from).Trim().Count(' ') > 2)
        {
            return null;
        }

        // "Chile and Peru", "Japan and the Philippines": a shared lead names no one country.
        var rest = text.AsSpan(first.End).TrimStart();
        if (rest.StartsWith("and ", StringComparison.Ordinal) || rest.StartsWith(",", StringComparison.Ordinal))
        {
            var next = first.End + (text.Length - first.End - rest.Length) + (rest[0] == ',' ? 1 : 4);
            foreach (var e in entities)
            {
                if (e.Country is { Length: 3 } other && other != country && e.Mentions.Any(m => m.Kind == "name" && m.Start >= next && m.Start <= next + 5))
                {
                    return null;
                }
            }
        }

        return country;
    }

    /// <summary>True when a name of <paramref name="country"/> stands before the official's first mention in its sentence.</summary>
    private static bool NamedBefore(Document document, ImmutableArray<Entity>.Builder entities, Entity official, string country)
    {
        var at = official.Mentions[0].Start;
        var sentence = document.Sentences.FirstOrDefault(x => x.Start <= at && at < x.End);
        foreach (var e in entities)
        {
            if (e != official && e.Country == country && e.Mentions.Any(m => m.Start >= sentence.Start && m.End <= at))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The actor of the nearest titled person named before the counterpart in its sentence, else of the
    /// first after it ("Alongside his Lithuanian counterpart X, Pistorius said"), or null.
    /// </summary>
    private static string? CounterpartOf(Document document, ImmutableArray<Entity>.Builder entities, Entity person)
    {
        var at = person.Mentions.First(m => m.Kind == "name").Start;
        var sentence = document.Sentences.FirstOrDefault(x => x.Start <= at && at < x.End);
        string? best = null, after = null;
        int bestAt = -1, afterAt = int.MaxValue;
        foreach (var e in entities)
        {
            if (e == person || e.Type != "PERSON" || e.Titles.Length == 0 || e.Actor is not { Length: >= 6 })
            {
                continue;
            }

            foreach (var m in e.Mentions)
            {
                if (m.Kind == "name" && m.Start >= sentence.Start && m.End <= at && m.Start > bestAt)
                {
                    (best, bestAt) = (e.Actor, m.Start);
                }
                else if (m.Kind == "name" && m.Start > at && m.End <= sentence.End && (after is null || m.Start < afterAt))
                {
                    (after, afterAt) = (e.Actor, m.Start);
                }
            }
        }

        return best ?? after;
    }

    /// <summary>The public-office role (GOV, MIL, COP, JUD, LEG) or the opposition (OPP) a person's titles give, ELI for a former office, or null.</summary>
    private string? OfficialRole(Entity person)
    {
        foreach (var title in person.Titles)
        {
            if (title.StartsWith("former ", StringComparison.OrdinalIgnoreCase))
            {
                return "ELI"; // "Former president X" acts for no office, as in Person
            }

            var role = TitleRole(title);
            if (role is not null && (IsOfficial(role) || role == "OPP"))
            {
                return role;
            }
        }

        return null;
    }

    /// <summary>
    /// True when an organization's name stands right before the person's title ("FIFA President
    /// Gianni Infantino", "Lenovo chairman X"): the title is an office of that organization, not of a
    /// government, so no country's government role is inferred for the person.
    /// </summary>
    private static bool TitledByOrganization(Document document, ImmutableArray<Entity>.Builder entities, Entity person)
    {
        var text = document.Text;
        foreach (var (_, _, titleStart) in NameTitles(text, person))
        {
            var start = titleStart;
            if (start <= 0)
            {
                continue;
            }

            while (start > 0 && text[start - 1] == ' ')
            {
                start--;
            }

            foreach (var e in entities)
            {
                if (e.Type == "ORG" && e.Country is null && e.Actor is null or { Length: 3 } && e.Mentions.Any(o => o.Kind == "name" && o.End == start))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Each name mention of a person with each of the person's titles, and where that title starts right before the name (-1 when it does not).</summary>
    private static IEnumerable<(Mention Name, string Title, int TitleStart)> NameTitles(string text, Entity person)
    {
        foreach (var m in person.Mentions)
        {
            if (m.Kind != "name")
            {
                continue;
            }

            foreach (var title in person.Titles)
            {
                yield return (m, title, TitleBefore(text, m.Start, title));
            }
        }
    }

    /// <summary>
    /// The organization whose office a person's title names: right before the title ("CMA chief
    /// executive X") or as a possessive in an apposition after the name ("X, the CMA's chief
    /// executive"); null when there is none.
    /// </summary>
    private Entity? TitleOrganization(Document document, ImmutableArray<Entity>.Builder entities, Entity person)
    {
        var text = document.Text;

        // "the EU's ambassador, X", "its ambassador X", "Its commander, X": the organization that
        // owns the title, named with a possessive or the one "its" stands for.
        foreach (var m in person.Mentions)
        {
            if (m.Kind == "name" && OwnerOfTitle(document, entities, person, m) is { } owner)
            {
                return owner;
            }
        }

        foreach (var (m, title, start) in NameTitles(text, person))
        {
            // Before the name: "ORG title Name".
            if (start > 1 && text[start - 1] == ' ' && OrganizationEndingAt(entities, start - 1) is { } before)
            {
                return before;
            }

            // After the name: "Name, the ORG's title".
            var after = m.End;
            if (after + 2 < text.Length && text[after] == ',')
            {
                var rest = text.AsSpan(after + 1).TrimStart();
                var at = text.Length - rest.Length;
                if (rest.StartsWith("the ", StringComparison.Ordinal))
                {
                    at += 4;
                }

                // "Name, the director of the Office of Management and Budget"; "Name, acting chairman of
                // the Bangladesh Nationalist Party": no article, or one lower-case word before the title.
                var titleAt = at;
                if (!(titleAt + title.Length <= text.Length && text.AsSpan(titleAt, title.Length).Equals(title, StringComparison.OrdinalIgnoreCase))
                    && text.AsSpan(titleAt).IndexOf(' ') is > 0 and var space && char.IsLower(text[titleAt]))
                {
                    titleAt += space + 1;
                }

                var of = titleAt + title.Length;
                if (of + 4 < text.Length && text.AsSpan(titleAt, title.Length).Equals(title, StringComparison.OrdinalIgnoreCase)
                    && text.AsSpan(of, 4) is " of ")
                {
                    of += 4;
                    if (text.AsSpan(of).StartsWith("the ", StringComparison.Ordinal))
                    {
                        of += 4;
                    }

                    // With no article before the title only a party's office counts: "Name, president of
                    // a football federation and Morocco's budget minister" holds another office besides.
                    var articled = rest.StartsWith("the ", StringComparison.Ordinal) && titleAt == at;
                    foreach (var e in entities)
                    {
                        if (e.Type == "ORG" && e.Mentions.Any(o => o.Kind == "name" && o.Start == of)
                            && (articled || e.Actor is { } party && (party.EndsWith("OPP", StringComparison.Ordinal) || party.EndsWith("PTY", StringComparison.Ordinal))))
                        {
                            return e;
                        }
                    }
                }

                foreach (var e in entities)
                {
                    if (e.Type != "ORG")
                    {
                        continue;
                    }

                    foreach (var o in e.Mentions)
                    {
                        if (o.Kind == "name" && o.Start == at && o.End + 3 + title.Length <= text.Length
                            && text.AsSpan(o.End, 2) is "'s" or "’s" && text[o.End + 2] == ' '
                            && text.AsSpan(o.End + 3, title.Length).Equals(title, StringComparison.OrdinalIgnoreCase))
                        {
                            return e;
                        }

                        // "Name, the Senate president": the body's name right before the title.
                        if (o.Kind == "name" && o.Start == at && rest.StartsWith("the ", StringComparison.Ordinal) && o.End + 1 + title.Length <= text.Length
                            && text[o.End] == ' ' && text.AsSpan(o.End + 1, title.Length).Equals(title, StringComparison.OrdinalIgnoreCase))
                        {
                            return e;
                        }
                    }
                }
            }
        }

        return null;
    }

    /// <summary>
    /// The organization a possessive before a person's title names ("the IMF's mission chief, X",
    /// "the EU's ambassador X") or that "its" before the title stands for ("its acting chairman X",
    /// "Its regional director, X": the last organization named before it in its sentence or the one
    /// before); null otherwise. The words between the owner and the name end with a title of
    /// titles.txt, all in lower case but a rank before the name ("Its commander, General X").
    /// </summary>
    private Entity? OwnerOfTitle(Document document, ImmutableArray<Entity>.Builder entities, Entity person, Mention name)
    {
        var text = document.Text;
        var end = name.Start;
        foreach (var t in person.Titles)
        {
            if (TitleBefore(text, name.Start, t) is >= 0 and var ts && ts < end)
            {
                end = ts; // a rank right before the name
            }
        }

        while (end > 0 && text[end - 1] == ' ')
        {
            end--;
        }

        // "its envoy X": the title right before the name; "Its commander, General X": a title
        // before the comma (a rank before the name says nothing of the owner).
        var titled = end < name.Start;
        if (end > 0 && text[end - 1] == ',')
        {
            end--;
            titled = false;
            if (OfficeOf(entities, text, end) is { } office)
            {
                return office;
            }
        }

        // Up to four lower-case words back, the last of them ending a listed title.
        var start = end;
        var words = 0;
        while (words < 4)
        {
            var p = start;
            while (p > 0 && (char.IsAsciiLetterLower(text[p - 1]) || text[p - 1] == '-'))
            {
                p--;
            }

            if (p == start || p == 0 || text[p - 1] != ' ')
            {
                break;
            }

            if (text.AsSpan(p, start - p) is "its" or "Its")
            {
                return titled ? LastOrganizationBefore(document, entities, p) : null;
            }

            if (text.AsSpan(p, start - p) is "whose" && titled && p >= 3 && text[p - 1] == ' ' && text[p - 2] == ',')
            {
                return OrganizationEndingAt(entities, p - 2); // "the X Association, whose president Y"
            }

            start = p - 1;
            words++;
            titled |= lexicons.Titles.ContainsKey(text[p..end]);
        }

        if (titled && start >= 2 && text[start - 2] is '\'' or '\u2019' && text[start - 1] == 's')
        {
            return OrganizationEndingAt(entities, start - 2); // "the IMF's mission chief, X"
        }

        // "Its chairman, X" at the start of a sentence.
        var q = start;
        while (q > 0 && char.IsAsciiLetter(text[q - 1]))
        {
            q--;
        }

        return titled && text.AsSpan(q, start - q) is "Its" && (q == 0 || !char.IsLetter(text[q - 1]))
            ? LastOrganizationBefore(document, entities, q)
            : null;
    }

    /// <summary>
    /// The role of a lower-case group noun of groups.txt right after a name ("Isamaa party", "Viv Ansanm
    /// gang"): only criminal groups and parties.
    /// </summary>
    private string? GroupNounAfter(Document document, Mention name)
    {
        var text = document.Text;
        var tokens = document.Tokens;
        var j = FirstTokenAt(tokens, name.Start);
        while (j < tokens.Length && tokens[j].End <= name.End)
        {
            j++;
        }

        if (j >= tokens.Length || !IsLowerWord(text, tokens[j]))
        {
            return null;
        }

        var role = lexicons.GroupRole(text.AsSpan(tokens[j].Start, tokens[j].Length));
        return role is "CRM" or "PTY" ? role : null;
    }

    /// <summary>The entity named right before "'s " that ends at <paramref name="at"/> ("Thiam's Democratic Party"), or null.</summary>
    private static Entity? PossessorBefore(Document document, ImmutableArray<Entity>.Builder entities, int at)
    {
        var text = document.Text;
        if (at < 4 || text[at - 1] != ' ' || text[at - 2] != 's' || text[at - 3] is not ('\'' or '\u2019'))
        {
            return null;
        }

        var end = at - 3;
        foreach (var e in entities)
        {
            if (e.Mentions.Any(m => m.Kind == "name" && m.End == end))
            {
                return e;
            }
        }

        return null;
    }

    /// <summary>
    /// The party of "PARTY's finance spokesperson NAME", "PARTY's shadow chancellor NAME": a possessive,
    /// then two to four lower-case words, the last a shadow head or the first "shadow", right before a name.
    /// </summary>
    private static Entity? ShadowParty(Document document, ImmutableArray<Entity>.Builder entities, Entity person)
    {
        var text = document.Text;
        foreach (var m in person.Mentions)
        {
            if (m.Kind != "name" || m.Start < 2 || text[m.Start - 1] != ' ')
            {
                continue;
            }

            var start = m.Start - 1;
            var words = 0;
            var nearest = false;
            var farthest = false;
            while (words < 4 && start > 0)
            {
                var end = start;
                var p = end;
                while (p > 0 && char.IsAsciiLetterLower(text[p - 1]))
                {
                    p--;
                }

                if (p == end)
                {
                    break;
                }

                var word = text.AsSpan(p, end - p);
                nearest |= words == 0 && Entities.ContextWords.IsShadowWord(word) && !word.SequenceEqual("shadow");
                farthest = word.SequenceEqual("shadow");
                words++;
                start = p;
                if (p < 1 || text[p - 1] != ' ')
                {
                    break;
                }

                if (PossessorBefore(document, entities, p) is { Type: "ORG" } owner)
                {
                    return words >= 2 && (nearest || farthest) ? owner : null;
                }

                start = p - 1;
            }
        }

        return null;
    }

    /// <summary>The organization of "the TITLE of the ORG, [rank] NAME" for one of the person's name mentions, or null.</summary>
    private Entity? OfficeBeforeName(Document document, ImmutableArray<Entity>.Builder entities, Entity person)
    {
        var text = document.Text;
        foreach (var m in person.Mentions)
        {
            if (m.Kind != "name")
            {
                continue;
            }

            var end = m.Start;
            foreach (var t in person.Titles)
            {
                if (TitleBefore(text, m.Start, t) is >= 0 and var ts && ts < end)
                {
                    end = ts;
                }
            }

            while (end > 0 && text[end - 1] == ' ')
            {
                end--;
            }

            if (end > 0 && text[end - 1] == ',' && OfficeOf(entities, text, end - 1) is { } office)
            {
                return office;
            }
        }

        return null;
    }

    /// <summary>
    /// "The commander of the Estonian Defence Forces, Gen. X", "the chairman of the opposition Isamaa
    /// party, X": a listed title, "of", the article and an organization's name (one lower-case word
    /// may stand on either side of the name) right before the comma that opens the person's name;
    /// that organization, or null.
    /// </summary>
    private Entity? OfficeOf(ImmutableArray<Entity>.Builder entities, string text, int comma)
    {
        var orgEnd = comma;
        var org = OrganizationEndingAt(entities, orgEnd);
        if (org is null)
        {
            var p = orgEnd;
            while (p > 0 && char.IsAsciiLetterLower(text[p - 1]))
            {
                p--;
            }

            if (p == orgEnd || p < 2 || text[p - 1] != ' ')
            {
                return null;
            }

            orgEnd = p - 1;
            org = OrganizationEndingAt(entities, orgEnd);
        }

        if (org?.Mentions.FirstOrDefault(m => m.Kind == "name" && m.End == orgEnd) is not { Text: not null } mention)
        {
            return null;
        }

        var before = text.AsSpan(0, mention.Start).TrimEnd(' ');
        var last = before.LastIndexOf(' ');
        if (last >= 0 && before[(last + 1)..] is var modifier && modifier.Length > 0 && char.IsAsciiLetterLower(modifier[0]) && modifier is not "the" and not "of")
        {
            before = before[..last].TrimEnd(' '); // "of the opposition Isamaa party"
        }

        if (before.EndsWith(" the", StringComparison.Ordinal))
        {
            before = before[..^4];
        }

        if (!before.EndsWith(" of", StringComparison.Ordinal))
        {
            return null;
        }

        before = before[..^3];
        var space = before.LastIndexOf(' ');
        var title = before[(space + 1)..].ToString().ToLowerInvariant();
        return lexicons.Titles.ContainsKey(title) ? org : null;
    }

    /// <summary>The organization last named before <paramref name="at"/> in its sentence or the one before (a dateline's outlet never).</summary>
    private static Entity? LastOrganizationBefore(Document document, ImmutableArray<Entity>.Builder entities, int at)
    {
        var from = 0;
        for (var k = document.Sentences.Length - 1; k >= 0; k--)
        {
            if (document.Sentences[k].Start <= at)
            {
                from = document.Sentences[Math.Max(0, k - 1)].Start;
                break;
            }
        }

        Entity? owner = null;
        var ownerEnd = -1;
        foreach (var e in entities)
        {
            if (e.Type != "ORG" || InCredit(document, e))
            {
                continue;
            }

            foreach (var o in e.Mentions)
            {
                if (o.Kind == "name" && o.Start >= from && o.End <= at && o.End > ownerEnd)
                {
                    (owner, ownerEnd) = (e, o.End);
                }
            }
        }

        return owner;
    }

    /// <summary>Where the title starts when it stands right before a name (spaces between); -1 when it does not.</summary>
    private static int TitleBefore(string text, int nameStart, string title)
    {
        var end = nameStart;
        while (end > 0 && text[end - 1] == ' ')
        {
            end--;
        }

        var start = end - title.Length;
        return start >= 0 && text.AsSpan(start, title.Length).Equals(title, StringComparison.OrdinalIgnoreCase) ? start : -1;
    }

    private static Entity? OrganizationEndingAt(ImmutableArray<Entity>.Builder entities, int end)
    {
        foreach (var e in entities)
        {
            if (e.Type == "ORG" && e.Mentions.Any(o => o.Kind == "name" && o.End == end))
            {
                return e;
            }
        }

        return null;
    }

    /// <summary>
    /// True for an organization first named in the dateline's credit ("LILONGWE (Dateline Wire) -"):
    /// the outlet that filed the story, which the story's places say nothing about.
    /// </summary>
    private static bool InCredit(Document document, Entity e)
    {
        var m = e.Mentions[0];
        var text = document.Text;
        // The credit sits in the dateline's paragraph, the first or the one after a headline line.
        if (document.Paragraphs.Length == 0 || m.Start >= document.Paragraphs[Math.Min(1, document.Paragraphs.Length - 1)].End || m.Start == 0 || m.End >= text.Length
            || text[m.Start - 1] != '(' || text[m.End] != ')')
        {
            return false;
        }

        var after = text.AsSpan(m.End + 1).TrimStart();
        return after.Length > 0 && after[0] is '-' or '\u2013' or '\u2014';
    }

    private static bool IsOfficial(string role) => role is "GOV" or "MIL" or "COP" or "JUD" or "LEG";

    private (string? Actor, string? Country) Resolve(Document document, Entity entity)
    {
        var country = entity.Country;
        switch (entity.Type)
        {
            case "PERSON":
                return Person(entity, country, document.Published?.Date);
            case "ORG":
                return Organization(entity, country);
            case "NORP":
                {
                    var norp = Known(entity, PhraseKind.Norp);
                    var code = norp?.Country;
                    return (code, country ?? (code is not null && lexicons.Gazetteer.Countries.ContainsKey(code) ? code : null));
                }

            case "GPE" or "LOC" or "FAC":
                return Place(document, entity, country);
            default:
                return (null, country);
        }
    }

    private (string? Actor, string? Country) Person(Entity entity, string? country, DateOnly? published)
    {
        EntityLexicons.PersonEntry? entry = null;
        foreach (var m in entity.Mentions)
        {
            if (m.Kind == "name" && lexicons.Lookup(m.Text, PhraseKind.Name) is { Type: "PERSON" } p
                && lexicons.People.TryGetValue(p.Canonical, out var e))
            {
                entry = e;
                break;
            }
        }

        string? role = null;
        foreach (var title in entity.Titles)
        {
            role = TitleRole(title);
            if (role is not null)
            {
                break;
            }
        }

        var known = entry?.Actor;
        var former = entity.Titles.Any(t => t.StartsWith("former ", StringComparison.OrdinalIgnoreCase));
        if (entry is not null && !former && role is "GOV" or "MIL" or "JUD" or "LEG" or "COP"
            && known is { Length: >= 6 } && !known.StartsWith("IGO", StringComparison.Ordinal) && known[3..6] != role
            && IsOfficial(known[3..6]) && !entity.Titles.Any(t => t.Equals(entry.Title, StringComparison.OrdinalIgnoreCase)))
        {
            // "Defence Minister Pedro Sánchez" in a Colombian story is not Spain's prime minister of
            // that name: a public office the text gives that the dictionary's person does not hold makes
            // the name another person's, whose country comes from the text or the story (not from the
            // dictionary's entry, which lent the mention its country).
            var stated = country == known[..3] ? null : country;
            return (stated is null ? null : stated + role, stated);
        }

        var dated = published is not { } day || Held(entry?.Held ?? "", day);
        if (former && dated && known is { Length: >= 6 } && known.EndsWith("OPP", StringComparison.Ordinal))
        {
            // "former prime minister Muhyiddin Yassin" leads the opposition now: the office was
            // in the past, the dictionary's opposition role is the present one.
            former = false;
        }

        if (known is { Length: >= 6 } && !known.StartsWith("IGO", StringComparison.Ordinal)
            && (former || !dated))
        {
            // Out of office on the day of the article: an elite of that country (CAMEO ELI).
            known = known[..3] + "ELI";
        }

        if (former)
        {
            role = "ELI"; // "former prime minister Imran Khan" acts for no office
        }

        var knownCountry = known is { Length: >= 6 } && !known.StartsWith("IGO", StringComparison.Ordinal) ? known[..3] : null;
        country ??= knownCountry;
        if (known is not null && (country is null || country == knownCountry || known.StartsWith("IGO", StringComparison.Ordinal)))
        {
            // The dictionary agrees with the text (or the text is silent): its code is the most specific.
            return (known, country);
        }

        if (country is null)
        {
            // A chief executive or an editor acts for a company or outlet even where its country is unknown.
            return (role is "BUS" or "MED" or "NGO" or "EDU" or "REL" or "LAB" ? role : null, null);
        }

        return (country + (role ?? (known is { Length: >= 6 } ? known[3..6] : "")), country);
    }

    /// <summary>
    /// The role of an organization's last institution word: "Oregon Department of Transportation" →
    /// GOV; two words before one ("Xinhua News Agency" is a news agency, not a government agency).
    /// </summary>
    private string? OrganizationRole(string name)
    {
        // "Bank of Japan", "Bank of England": a country's central bank.
        if (name.StartsWith("Bank of ", StringComparison.Ordinal)
            && lexicons.Gazetteer.Lookup(name.AsSpan(8)) is [{ Feature: "country" or "admin1" }, ..])
        {
            return "GOV";
        }

        // "Syrian Democratic Forces", "National Liberation Army": an armed group, not a state's army.
        if (name.Split(' ') is [.., var head] words0 && Entities.ContextWords.IsArmedHead(head)
            && words0.Any(w => Entities.ContextWords.IsInsurgent(w)))
        {
            return "REB";
        }

        var words = name.ToLowerInvariant().Split(' ');
        string? role = null;
        for (var k = words.Length - 1; role is null && k >= 0; k--)
        {
            role = (k > 0 ? lexicons.GroupRole(words[k - 1] + " " + words[k]) : null) ?? lexicons.GroupRole(words[k]);
        }

        return role;
    }

    /// <summary>True when <paramref name="date"/> lies in a dictionary range "2012-05-07.." or "2020-02-11..2025-11-28".</summary>
    internal static bool Held(string range, DateOnly date)
    {
        var dots = range.IndexOf("..", StringComparison.Ordinal);
        if (dots < 0)
        {
            return true;
        }

        var from = range[..dots];
        var to = range[(dots + 2)..];
        var format = System.Globalization.CultureInfo.InvariantCulture;
        if (from.Length > 0 && DateOnly.TryParseExact(from, "yyyy-MM-dd", format, System.Globalization.DateTimeStyles.None, out var start) && date < start)
        {
            return false;
        }

        return to.Length == 0 || !DateOnly.TryParseExact(to, "yyyy-MM-dd", format, System.Globalization.DateTimeStyles.None, out var end) || date <= end;
    }

    private (string? Actor, string? Country) Organization(Entity entity, string? country)
    {
        if (Known(entity, PhraseKind.Name) is { Type: "ORG" } org)
        {
            if (country is not null && org.Country is not null && country != org.Country && org.Actor is { Length: >= 6 } listed
                && listed.StartsWith(org.Country, StringComparison.Ordinal))
            {
                // "Brazil’s Senate": the listed institution's role, the country of the text.
                return (country + listed[3..], country);
            }

            if (country is not null && org.Country is null && org.Actor is { Length: 3 } listedRole)
            {
                return (country + listedRole, country); // "Pakistan’s Supreme Court"
            }

            // A listed organization with no code (a sports club) acts for no one.
            return (org.Actor, country ?? org.Country);
        }

        var name = entity.Name;
        var role = OrganizationRole(name);

        // "Toyota Motor Corp.", "Meta Platforms", "SoftBank Group": a listed company or outlet
        // opening the name is the company itself or its unit, and acts as it does.
        if (ListedCompanyOpening(name) is { Actor: { } companyActor } company && (role is null || companyActor.EndsWith(role, StringComparison.Ordinal)))
        {
            // "MTN Ghana", "Nestlé India": a listed company's name before a country's names its unit
            // in that country, a company of that country.
            var last = name.LastIndexOf(' ');
            if (lexicons.Gazetteer.Countries.ContainsKey(companyActor[..Math.Min(3, companyActor.Length)])
                && lexicons.Gazetteer.Lookup(name.AsSpan(last + 1)) is [{ Feature: "country", Country: { } unitCountry }, ..]
                && (country is null || country == company.Country || country == unitCountry))
            {
                return (unitCountry + "BUS", unitCountry);
            }

            return (companyActor, country ?? company.Country);
        }

        // "Transparency International Georgia", "Amnesty International Kenya": a listed non-governmental
        // organization's name before a country's names its national chapter, an NGO of that country.
        if (role is null or "NGO" && name.LastIndexOf(' ') is > 0 and var chapterSpace && ListedNgoOpening(name[..chapterSpace]) is not null
            && lexicons.Gazetteer.Lookup(name.AsSpan(chapterSpace + 1)) is [{ Feature: "country", Country: { Length: 3 } chapterCountry }, ..]
            && (country is null || country == chapterCountry))
        {
            return (chapterCountry + "NGO", chapterCountry);
        }

        // "African Union Commission", "ASEAN Secretariat": an institution of a listed international
        // organization opening the name acts for that organization.
        if (role is null or "GOV" or "LEG" or "JUD" && ListedIgoOpening(name) is { Actor: { } igoActor })
        {
            return (igoActor, null);
        }

        if (country is not null)
        {
            return (country + (role ?? ""), country);
        }

        // "Western governments", "European officials": a region word gives a region code.
        var space = name.IndexOf(' ', StringComparison.Ordinal);
        if (space > 0 && lexicons.MatchWord(name.AsSpan(0, space)) is { Kind: PhraseKind.Norp, Country: { } region })
        {
            return (region + (role ?? ""), null);
        }

        return (role is "BUS" or "MED" or "NGO" or "EDU" or "REL" ? role : null, null);
    }

    private (string? Actor, string? Country) Place(Document document, Entity entity, string? country)
    {
        var places = Lookup(entity);
        if (places.IsEmpty)
        {
            return (null, country);
        }

        var place = places[0];
        country ??= place.Country;
        var seat = Seats.Value.TryGetValue(place.Name, out var seated) ? seated : null;
        if (place.CapitalOf is not null || seat is not null)
        {
            // A capital acts for its government when it is a subject or object, not a location.
            foreach (var m in entity.Mentions)
            {
                if (m.Kind == "name" && ActsAsActor(document, m) && !Attributive(document, m))
                {
                    // "Brussels warned Budapest": the organization seated there, not Belgium's government.
                    return (seat ?? place.CapitalOf + "GOV", country);
                }
            }

            return (null, country);
        }

        return (place.Actor, country);
    }

    /// <summary>
    /// "a Tallinn start-up", "Manila Archbishop X": a capital after "a"/"an", or right before a title,
    /// says where someone or something is from; it does not act.
    /// </summary>
    private bool Attributive(Document document, Mention mention)
    {
        var text = document.Text;
        var tokens = document.Tokens;
        var index = FirstTokenAt(tokens, mention.Start);
        if (index > 0 && tokens[index - 1].Kind == TokenKind.Word && text.AsSpan(tokens[index - 1].Start, tokens[index - 1].Length) is "a" or "an")
        {
            return true;
        }

        var next = index;
        while (next < tokens.Length && tokens[next].Start < mention.End)
        {
            next++;
        }

        return next < tokens.Length && tokens[next].Kind == TokenKind.Word && char.IsUpper(text[tokens[next].Start])
            && lexicons.Match(text, tokens, next, Math.Min(tokens.Length, next + 4), out var title) > 0 && title!.Kind == PhraseKind.Title && title.Role is not null;
    }

    private ImmutableArray<Place> Lookup(Entity entity)
    {
        foreach (var m in entity.Mentions)
        {
            if (m.Kind == "name")
            {
                var places = lexicons.Gazetteer.Lookup(m.Text);
                if (!places.IsEmpty)
                {
                    return places;
                }
            }
        }

        // "State of Kuwait", "Kingdom of Bahrain": a state's formal name is the country after "of".
        if (entity.Type == "GPE" && entity.Name.IndexOf(" of ", StringComparison.Ordinal) is > 0 and var of
            && !entity.Name.AsSpan(0, of).Contains(' ') && lexicons.Gazetteer.Lookup(entity.Name.AsSpan(of + 4)) is [{ Feature: "country" }, ..] country)
        {
            return country;
        }

        return [];
    }

    /// <summary>
    /// The party a person leads or stands for, by the words between the two names in one sentence
    /// (<c>context-words.txt</c>: "X, led by Y", "X, whose leader Y", "Y, the candidate of X"), or null.
    /// </summary>
    private static Entity? PartyOf(Document document, ImmutableArray<Entity>.Builder entities, Entity person)
    {
        var text = document.Text;
        foreach (var m in person.Mentions)
        {
            if (m.Kind != "name")
            {
                continue;
            }

            foreach (var e in entities)
            {
                if (e.Type != "ORG" || e.Actor is not { } actor || !(actor.EndsWith("OPP", StringComparison.Ordinal) || actor.EndsWith("PTY", StringComparison.Ordinal)))
                {
                    continue;
                }

                foreach (var o in e.Mentions)
                {
                    if (o.End <= m.Start && m.Start - o.End <= 60 && !text.AsSpan(o.End, m.Start - o.End).ContainsAny('.', ';')
                        && Entities.ContextWords.LinksPartyBefore(text.AsSpan(o.End, m.Start - o.End)))
                    {
                        return e; // "Perikatan Nasional, led by former prime minister Muhyiddin Yassin"
                    }

                    if (m.End <= o.Start && o.Start - m.End <= 40 && !text.AsSpan(m.End, o.Start - m.End).ContainsAny('.', ';')
                        && Entities.ContextWords.LinksPartyAfter(text.AsSpan(m.End, o.Start - m.End)))
                    {
                        return e; // "Luhaga Mpina, the candidate of ACT-Wazalendo"
                    }

                    if (o.Kind == "name" && o.Start == m.End + 3 && text.AsSpan(m.End, 3) is "'s " or "’s ")
                    {
                        return e; // "Hasina's Awami League"
                    }
                }
            }
        }

        return null;
    }

    /// <summary>The listed party a political word names: "Conservative" → Conservative Party, "Democrats" → Democratic Party.</summary>
    private Phrase? PartyOfWord(string word)
    {
        var singular = word.EndsWith('s') ? word[..^1] : word;
        foreach (var name in (ReadOnlySpan<string>)[singular + " Party", singular + "ic Party"])
        {
            if (lexicons.Lookup(name, PhraseKind.Name) is { Type: "ORG" } party)
            {
                return party;
            }
        }

        return null;
    }

    /// <summary>The longest listed company or outlet (actor …BUS or …MED) whose name opens <paramref name="name"/>, or null.</summary>
    private Phrase? ListedIgoOpening(string name)
    {
        for (var end = name.LastIndexOf(' '); end > 0; end = name.LastIndexOf(' ', end - 1))
        {
            if (lexicons.Lookup(name[..end], PhraseKind.Name) is { Type: "ORG", Actor: { } actor } p && actor.StartsWith("IGO", StringComparison.Ordinal))
            {
                return p;
            }
        }

        return null;
    }

    /// <summary>The country of a place or nationality opening ", a PLACE noun" right after one of the entity's names, or null.</summary>
    private static string? AppositiveCountry(Document document, ImmutableArray<Entity>.Builder entities, Entity entity)
    {
        var text = document.Text;
        foreach (var m in entity.Mentions)
        {
            if (m.Kind != "name")
            {
                continue;
            }

            var rest = text.AsSpan(m.End);
            var at = rest.StartsWith(", a ", StringComparison.Ordinal) ? m.End + 4 : rest.StartsWith(", an ", StringComparison.Ordinal) ? m.End + 5 : -1;
            if (at < 0)
            {
                continue;
            }

            foreach (var other in entities)
            {
                if (other is { Type: "GPE" or "NORP", Country: { Length: 3 } country }
                    && other.Mentions.FirstOrDefault(o => o.Start == at) is { } place
                    && place.End + 1 < text.Length && text[place.End] == ' ' && char.IsAsciiLetterLower(text[place.End + 1]))
                {
                    return country;
                }
            }
        }

        return null;
    }

    /// <summary>The listed non-governmental organization named exactly <paramref name="opening"/>, or null.</summary>
    private Phrase? ListedNgoOpening(string opening) =>
        lexicons.Lookup(opening, PhraseKind.Name) is { Type: "ORG", Actor: { } actor } p
        && (actor.StartsWith("NGO", StringComparison.Ordinal) || actor.EndsWith("NGO", StringComparison.Ordinal)) ? p : null;

    private Phrase? ListedCompanyOpening(string name)
    {
        for (var end = name.LastIndexOf(' '); end > 0; end = name.LastIndexOf(' ', end - 1))
        {
            if (lexicons.Lookup(name[..end], PhraseKind.Name) is { Type: "ORG", Actor: { } actor } p
                && (actor.EndsWith("BUS", StringComparison.Ordinal) || actor.EndsWith("MED", StringComparison.Ordinal)))
            {
                return p;
            }
        }

        return null;
    }

    private Phrase? Known(Entity entity, PhraseKind kind)
    {
        foreach (var m in entity.Mentions)
        {
            if (m.Kind == "name" && lexicons.Lookup(m.Text, kind) is { } p)
            {
                return p;
            }

            // "U.S. Federal Reserve", "US Treasury Department": the country's name before a listed
            // institution of that country is that institution.
            if (m.Kind == "name" && kind == PhraseKind.Name && m.Text.IndexOf(' ', StringComparison.Ordinal) is > 0 and var space
                && lexicons.Lookup(m.Text[..space], PhraseKind.Name) is { Type: "GPE", Country: { Length: 3 } country }
                && lexicons.Lookup(m.Text[(space + 1)..], PhraseKind.Name) is { Type: "ORG" } inner && inner.Country == country)
            {
                return inner;
            }
        }

        return null;
    }

    /// <summary>The CAMEO role of a title: the whole title, else its last words ("deputy chief of staff").</summary>
    private string? TitleRole(string title)
    {
        var lower = title.ToLowerInvariant();
        while (true)
        {
            if (lexicons.Titles.TryGetValue(lower, out var t) && t.Role is not null)
            {
                return t.Role;
            }

            var space = lower.IndexOf(' ', StringComparison.Ordinal);
            if (space < 0)
            {
                break;
            }

            lower = lower[(space + 1)..];
        }

        // "Energy Minister Prince X": a rank with no role of its own after the office is the person's
        // rank; the office before it gives the role.
        var last = title.LastIndexOf(' ');
        return last > 0 && lexicons.Titles.TryGetValue(title[(last + 1)..].ToLowerInvariant(), out var rank) && rank.Role is null
            ? TitleRole(title[..last])
            : null;
    }

    /// <summary>
    /// False where the words before the mention make it a location ("in", "to", "from", "near"…),
    /// or a hyphenated "-based"; true otherwise ("Moscow has avoided", "called on Moscow",
    /// "according to Kyiv", "Kyiv’s appeal").
    /// </summary>
    internal static bool ActsAsActor(Document document, Mention mention)
    {
        var text = document.Text;
        if (mention.End < text.Length && text[mention.End] == '-')
        {
            return !text.AsSpan(mention.End).StartsWith("-based", StringComparison.Ordinal);
        }

        // A dateline ("KYIV, March 3 -") names where the story was filed.
        if (mention.Text.Length > 2 && !mention.Text.AsSpan().ContainsAnyInRange('a', 'z') && mention.End < text.Length && text[mention.End] is ',' or ' ' or '(')
        {
            return false;
        }

        // "Buenos Aires, July 4th 2025 (MercoPress) -": a dateline in mixed case, a date and a credit before a dash.
        if (OpensDateline(document, mention.Start) && MixedCaseDatelineAt(text, mention.End))
        {
            return false;
        }

        var tokens = document.Tokens;
        var index = FirstTokenAt(tokens, mention.Start);
        var previous = index - 1;
        if (InPlaceList(text, tokens, index, mention.End))
        {
            return false; // "in Lusaka, Harare, and Maputo"
        }

        if (previous < 0 || tokens[previous].Kind != TokenKind.Word)
        {
            return true;
        }

        var word = text.AsSpan(tokens[previous].Start, tokens[previous].Length);
        if (word is "to" && previous > 0 && text.AsSpan(tokens[previous - 1].Start, tokens[previous - 1].Length) is "according")
        {
            return true;
        }

        if (word is "from" or "to" && previous > 0 && Entities.ContextWords.IsReaction(text.AsSpan(tokens[previous - 1].Start, tokens[previous - 1].Length)))
        {
            return true; // "criticism from Washington", "pressure from Beijing", "a reference to Moscow"
        }

        if (word is "and" or "or")
        {
            // "brokered by Washington and Paris", "talks in Doha and Cairo": the second of two
            // names joined by "and" stands where the first one stands.
            var before = previous - 1;
            while (before >= 0 && tokens[before].Kind == TokenKind.Word && char.IsUpper(text[tokens[before].Start]))
            {
                before--;
            }

            if (before < previous - 1)
            {
                if (before < 0 || tokens[before].Kind != TokenKind.Word)
                {
                    return true;
                }

                var first = text.AsSpan(tokens[before].Start, tokens[before].Length);
                return !Entities.ContextWords.IsLocative(first)
                    || (first is "from" or "to" && before > 0 && Entities.ContextWords.IsReaction(text.AsSpan(tokens[before - 1].Start, tokens[before - 1].Length)));
            }

            // "condemned the killings, and Abuja promised…": after a comma and a lower-case word the
            // name opens a new clause, as a sentence's subject does ("in Doha, Cairo, and Amman" is a list).
            if (previous >= 2 && text.AsSpan(tokens[previous - 1].Start, tokens[previous - 1].Length) is ","
                && tokens[previous - 2].Kind == TokenKind.Word && char.IsLower(text[tokens[previous - 2].Start]))
            {
                return true;
            }
        }

        return !Entities.ContextWords.IsLocative(word);
    }

    /// <summary>
    /// True when the mention at token <paramref name="index"/> follows other names in a list ("A, B,
    /// and C", "A, B or C") that a locative word opens ("in", "near"), unless it is a noun of reaction's
    /// "from"/"to" ("pressure from Washington, Paris and Berlin"). A name after a bare comma counts as
    /// listed only when the list goes on after it ("in Kyiv, Moscow said" is a clause).
    /// </summary>
    private static bool InPlaceList(string text, ImmutableArray<Token> tokens, int index, int end)
    {
        bool Is(int t, string word) => t >= 0 && t < tokens.Length && text.AsSpan(tokens[t].Start, tokens[t].Length).SequenceEqual(word);
        bool IsName(int t) => t >= 0 && tokens[t].Kind == TokenKind.Word && char.IsUpper(text[tokens[t].Start]);

        var p = index - 1;
        if (Is(p, ",") && !Is(p + 1, "and") && !Is(p + 1, "or"))
        {
            var next = index;
            while (next < tokens.Length && tokens[next].End <= end)
            {
                next++;
            }

            if (!Is(next, ",") && !Is(next, "and") && !Is(next, "or"))
            {
                return false;
            }
        }

        var items = 0;
        while (p >= 0)
        {
            var separated = false;
            if (Is(p, "and") || Is(p, "or"))
            {
                p--;
                separated = true;
            }

            if (Is(p, ","))
            {
                p--;
                separated = true;
            }

            if (!separated)
            {
                break;
            }

            var q = p;
            while (IsName(q))
            {
                q--;
            }

            if (q == p)
            {
                return false; // "the killings, and Abuja promised": no name before the separator
            }

            items++;
            p = q;
        }

        if (items == 0 || p < 0 || tokens[p].Kind != TokenKind.Word)
        {
            return false;
        }

        var opener = text.AsSpan(tokens[p].Start, tokens[p].Length);
        return Entities.ContextWords.IsLocative(opener)
            && !(opener is "from" or "to" && p > 0 && Entities.ContextWords.IsReaction(text.AsSpan(tokens[p - 1].Start, tokens[p - 1].Length)));
    }

    /// <summary>
    /// The actor of the listed agency every name mention of an international organization opens with
    /// the lower-case words after it ("UN refugee agency" → "UN Refugee Agency"), or null.
    /// </summary>
    private string? AgencyNamed(Document document, Entity igo)
    {
        var text = document.Text;
        var tokens = document.Tokens;
        string? found = null;
        foreach (var m in igo.Mentions)
        {
            if (m.Kind != "name")
            {
                continue;
            }

            var t = FirstTokenAt(tokens, m.End);
            var words = new List<string>(3);
            while (t < tokens.Length && words.Count < 3 && IsLowerWord(text, tokens[t]))
            {
                var w = text.AsSpan(tokens[t].Start, tokens[t].Length);
                words.Add(string.Concat(w[..1].ToString().ToUpperInvariant(), w[1..]));
                t++;
            }

            string? actor = null;
            for (var k = words.Count; actor is null && k > 0; k--)
            {
                var tail = string.Join(' ', words.Take(k));
                actor = (lexicons.Lookup(m.Text + " " + tail, PhraseKind.Name) ?? lexicons.Lookup(m.Text.Replace(".", "", StringComparison.Ordinal) + " " + tail, PhraseKind.Name))
                    is { Type: "ORG", Actor: { } a } && a != igo.Actor ? a : null;
            }

            if (actor is null || (found is not null && found != actor))
            {
                return null;
            }

            found = actor;
        }

        return found;
    }

    /// <summary>
    /// The country and role a company phrase gives the name it describes: a nationality word or a
    /// "-based" place, then lower-case words ending in a company noun (<c>context-words.txt</c>
    /// companynoun), right before the name ("the Portuguese energy group Galp") or in apposition after
    /// it ("Galp, the Portuguese energy group,"). The role is that of the phrase's last noun with one
    /// in <c>groups.txt</c> ("energy" BUS, "privacy group" NGO, "regulator" GOV), else null.
    /// </summary>
    private (string Country, string? Role)? Described(Document document, Mention name)
    {
        var text = document.Text;
        var tokens = document.Tokens;
        var index = FirstTokenAt(tokens, name.Start);

        // Before: NORP lower* noun NAME.
        var k = index - 1;
        if (k >= 0 && IsLowerWord(text, tokens[k]) && ContextWords.IsCompanyNoun(text.AsSpan(tokens[k].Start, tokens[k].Length)))
        {
            var nounEnd = k + 1;
            while (k >= 0 && nounEnd - k <= 3 && IsLowerWord(text, tokens[k]) && !lexicons.IsFunctionWord(text.AsSpan(tokens[k].Start, tokens[k].Length)))
            {
                k--;
            }

            if (k >= 0 && CountryWordEndingAt(document, k) is { } before)
            {
                return (before, PhraseRole(text, tokens, k + 1, nounEnd));
            }
        }

        // After: NAME , the|a|an NORP lower* noun.
        var j = index;
        while (j < tokens.Length && tokens[j].End <= name.End)
        {
            j++;
        }

        if (j + 2 < tokens.Length && text.AsSpan(tokens[j].Start, tokens[j].Length) is ","
            && text.AsSpan(tokens[j + 1].Start, tokens[j + 1].Length) is "the" or "a" or "an")
        {
            var start = j + 2;
            var n = lexicons.Match(text, tokens, start, Math.Min(tokens.Length, start + 3), out var phrase);
            if (n > 0 && phrase is { Kind: PhraseKind.Norp, Country: { Length: 3 } country } && lexicons.Gazetteer.Countries.ContainsKey(country))
            {
                var w = start + n;
                while (w < tokens.Length && w - start - n < 4 && IsLowerWord(text, tokens[w]))
                {
                    if (ContextWords.IsCompanyNoun(text.AsSpan(tokens[w].Start, tokens[w].Length))
                        && !(w + 1 < tokens.Length && IsLowerWord(text, tokens[w + 1]) && ContextWords.IsCompanyNoun(text.AsSpan(tokens[w + 1].Start, tokens[w + 1].Length))))
                    {
                        return (country, PhraseRole(text, tokens, start + n, w + 1));
                    }

                    w++;
                }
            }
        }

        return null;
    }

    /// <summary>The country of a nationality word ("Portuguese", "South African") or a "-based" place ("Bengaluru-based") whose last token is <paramref name="last"/>.</summary>
    private string? CountryWordEndingAt(Document document, int last)
    {
        var text = document.Text;
        var tokens = document.Tokens;
        var word = text.AsSpan(tokens[last].Start, tokens[last].Length);
        if (word.EndsWith("-based", StringComparison.Ordinal) && word.Length > 6)
        {
            return lexicons.Gazetteer.Lookup(word[..^6]) is [{ Country: { Length: 3 } based }, ..] ? based : null;
        }

        for (var first = last; first >= 0 && first > last - 3; first--)
        {
            if (lexicons.Match(text, tokens, first, last + 1, out var phrase) == last + 1 - first
                && phrase is { Kind: PhraseKind.Norp, Country: { Length: 3 } country } && lexicons.Gazetteer.Countries.ContainsKey(country))
            {
                return country;
            }
        }

        return null;
    }

    /// <summary>The role of the last noun of tokens [from, to) that groups.txt gives one (two words before one), or null.</summary>
    private string? PhraseRole(string text, ImmutableArray<Token> tokens, int from, int to)
    {
        for (var k = to - 1; k >= from; k--)
        {
            var word = text.AsSpan(tokens[k].Start, tokens[k].Length);
            var role = (k > from ? lexicons.GroupRole(string.Concat(text.AsSpan(tokens[k - 1].Start, tokens[k - 1].Length), " ", word)) : null) ?? lexicons.GroupRole(word);
            if (role is "MIL" && k < to - 1)
            {
                continue; // "the Latvian defence firm X": a military word before the head names what a company makes
            }

            if (role is not null)
            {
                return role;
            }
        }

        return null;
    }

    private static bool IsLowerWord(string text, Token token) =>
        token.Kind == TokenKind.Word && char.IsLower(text[token.Start]);

    private static int FirstTokenAt(ImmutableArray<Token> tokens, int start)
    {
        int lo = 0, hi = tokens.Length - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            if (tokens[mid].End <= start)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return lo;
    }

    private static ReadOnlySpan<char> LastWord(string title) => title.AsSpan(title.LastIndexOf(' ') + 1);

    private static bool HasBankWord(string name)
    {
        foreach (var range in name.AsSpan().Split(' '))
        {
            if (ContextWords.IsBankWord(name.AsSpan()[range]))
            {
                return true;
            }
        }

        return false;
    }
}
