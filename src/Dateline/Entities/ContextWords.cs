using System.Collections.Frozen;
using Dateline.Data;

namespace Dateline.Entities;

/// <summary>
/// Plain words around a name that decide what it is or whom it acts for, from
/// <c>Data/Entities/context-words.txt</c>: amount words, verbs of motion, nouns of reaction,
/// locative words and the plural nouns that own a possessive inside an organization's name. Loaded once; matched exactly on the token's text.
/// </summary>
internal static class ContextWords
{
    // One line a class of context-words.txt. The lines are read once, before the first field below; a class the
    // file lacks fails loudly at start-up.
    private static readonly Dictionary<string, string[]> Lines = DataFile.KeyedLines("Entities/context-words.txt")
        .ToDictionary(kv => kv.Key, kv => kv.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Amount = Class("amount");
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Motion = Class("motion");
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Reaction = Class("reaction");
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Locative = Class("locative");
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Possessor = Class("possessor");
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Insurgent = Class("insurgent");
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Armed = Class("armed");
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Compound = Class("compound");
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Opposing = Class("opposing");
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Ruling = Class("ruling");
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> PlaceNoun = Class("placenoun");
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Surname = Class("surname");
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> DivisionAfter = Class("divisionafter");
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> FeatureAfter = Class("featureafter");
    private static readonly string[] PartyBefore = Phrases("partybefore");
    private static readonly string[] PartyAfter = Phrases("partyafter");
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Service = Class("service");
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> PartyNoun = Class("partynoun");
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Compass = Class("compass");
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Sport = Class("sport");
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Disease = Class("disease");
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> BankWord = Class("bankword");
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> BankHead = Class("bankhead");
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> CompanyNoun = Class("companynoun");
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Counterpart = Class("counterpart");
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ClubPlace = Class("clubplace");
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Accord = Class("accord");
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Passage = Class("passage");
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ResultVerb = Class("resultverb");
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Portfolio = Class("portfolio");
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> GroupModified = Class("groupmodified");
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> DeskRole = Class("deskrole");
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> NamedVenue = Class("namedvenue");
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Shadow = Class("shadow");

    /// <summary>"million", "euros": after a number, an amount.</summary>
    public static bool IsAmount(ReadOnlySpan<char> word) => Amount.Contains(word);

    /// <summary>"fled", "arrived": before "from"/"to", movement between places.</summary>
    public static bool IsMotion(ReadOnlySpan<char> word) => Motion.Contains(word);

    /// <summary>"criticism", "pressure": before "from", a sender.</summary>
    public static bool IsReaction(ReadOnlySpan<char> word) => Reaction.Contains(word);

    /// <summary>"People", "Workers": before a possessive inside an organization's name ("People's Party").</summary>
    public static bool IsPossessor(ReadOnlySpan<char> word) => Possessor.Contains(word);

    /// <summary>"Liberation", "Democratic": in an armed group's name, a group that fights a state.</summary>
    public static bool IsInsurgent(ReadOnlySpan<char> word) => Insurgent.Contains(word);

    /// <summary>"Forces", "Army": the head noun of an armed force's name.</summary>
    public static bool IsArmedHead(ReadOnlySpan<char> word) => Armed.Contains(word);

    /// <summary>"led", "based": after a hyphen, a compound modifier ("Arab-led"), not a given name's syllable.</summary>
    public static bool IsCompound(ReadOnlySpan<char> word) => Compound.Contains(word);

    /// <summary>"in", "near", "visited": before a capital, a place.</summary>
    public static bool IsLocative(ReadOnlySpan<char> word) => Locative.Contains(word);

    /// <summary>"opposition": before a party's name, a party that opposes the government.</summary>
    public static bool IsOpposing(ReadOnlySpan<char> word) => Opposing.Contains(word);

    /// <summary>"ruling", "governing": before a party's name, the party in government.</summary>
    public static bool IsRuling(ReadOnlySpan<char> word) => Ruling.Contains(word);

    /// <summary>"party", "coalition": a party noun between a stance word and a party's name ("the main opposition party X").</summary>
    public static bool IsPartyNoun(ReadOnlySpan<char> word) => PartyNoun.Contains(word);

    /// <summary>"province", "town": before "of" and a name, a place of that kind ("the province of Sweida").</summary>
    public static bool IsPlaceNoun(ReadOnlySpan<char> word) => PlaceNoun.Contains(word);

    /// <summary>"Press", "Post": a name's last word that is an organization cue and also a common surname ("Jim Press").</summary>
    public static bool IsSurname(ReadOnlySpan<char> word) => Surname.Contains(word);

    /// <summary>
    /// The type a lower-case place noun after a name gives it: GPE for a division ("Idlib province"),
    /// LOC for a natural feature ("Borneo island"); null for other words.
    /// </summary>
    public static string? PlaceAfter(ReadOnlySpan<char> word) =>
        DivisionAfter.Contains(word) ? "GPE" : FeatureAfter.Contains(word) ? "LOC" : null;

    /// <summary>True where the words between a party's name and a person's name make the person its leader ("led by", "whose leader").</summary>
    public static bool LinksPartyBefore(ReadOnlySpan<char> between) => ContainsAny(between, PartyBefore);

    /// <summary>True where the words between a person's name and a party's name make the person its leader or candidate ("the candidate of").</summary>
    public static bool LinksPartyAfter(ReadOnlySpan<char> between) => ContainsAny(between, PartyAfter);

    private static bool ContainsAny(ReadOnlySpan<char> between, string[] phrases)
    {
        foreach (var p in phrases)
        {
            if (between.Contains(p, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"Flight": after an airline's name and before a number, the number of one of its services ("Adam Air Flight 574").</summary>
    public static bool IsServiceWord(ReadOnlySpan<char> word) => Service.Contains(word);

    /// <summary>"West", "East": a compass word that may end a name after its cue word ("Queen Street West").</summary>
    public static bool IsCompass(ReadOnlySpan<char> word) => Compass.Contains(word);

    /// <summary>"Football", "Cricket": a word in a sports body's name.</summary>
    public static bool IsSport(ReadOnlySpan<char> word) => Sport.Contains(word);

    /// <summary>"fever", "virus": after a name, the name of a disease ("Lassa fever").</summary>
    public static bool IsDisease(ReadOnlySpan<char> word) => Disease.Contains(word);

    /// <summary>"Bank": a word that makes a name a bank's, where its head's title may make it the central bank.</summary>
    public static bool IsBankWord(ReadOnlySpan<char> word) => BankWord.Contains(word);

    /// <summary>"Governor": the last word of the title of a central bank's head.</summary>
    public static bool IsBankHead(ReadOnlySpan<char> word) => BankHead.Contains(word);

    /// <summary>"group", "miner", "carrier": a noun for a company or other body that a nationality word before it gives a country ("the Portuguese energy group Galp").</summary>
    public static bool IsCompanyNoun(ReadOnlySpan<char> word) => CompanyNoun.Contains(word);

    /// <summary>"counterpart": a title that names an office by another person's ("his Lithuanian counterpart X").</summary>
    public static bool IsCounterpart(ReadOnlySpan<char> word) => Counterpart.Contains(word);

    /// <summary>"crossing", "tunnel", "circuit": after an unknown name, a place of passage or a venue ("the Erez crossing").</summary>
    public static bool IsPassage(ReadOnlySpan<char> word) => Passage.Contains(word);

    /// <summary>"airport", "stadium": after a name (and "international"), a place named for a person ("Jorge Chavez international airport").</summary>
    public static bool IsNamedVenue(ReadOnlySpan<char> word) => NamedVenue.Contains(word);

    /// <summary>"beat", "defeated": between two sides and before a score, a result in prose ("Saracens beat Bristol 24-19").</summary>
    public static bool IsResultVerb(ReadOnlySpan<char> word) => ResultVerb.Contains(word);

    /// <summary>"minister", "secretary", "commissioner": a title's canonical head after which capitalized words name a portfolio ("Information Minister").</summary>
    /// <remarks>A title of two words or more whose last word is such a head counts too ("Interior Cabinet Secretary X").</remarks>
    public static bool IsPortfolioTitle(ReadOnlySpan<char> canonical) =>
        Portfolio.Contains(canonical) || (canonical.LastIndexOf(' ') is > 0 and var space && Portfolio.Contains(canonical[(space + 1)..]));

    /// <summary>"in", "at", "from": before a club's name, the town the club is named for ("fans in Leeds").</summary>
    public static bool IsClubPlace(ReadOnlySpan<char> word) => ClubPlace.Contains(word);

    /// <summary>"accord", "treaty", "criteria": after "the" and a town's name, the name of a pact ("the Dayton peace accord").</summary>
    public static bool IsAccord(ReadOnlySpan<char> word) => Accord.Contains(word);

    /// <summary>"conference", "plant": after a group noun, a noun the group noun modifies ("a New York press conference", "the Romanian assembly plant").</summary>
    public static bool IsGroupModified(ReadOnlySpan<char> word) => GroupModified.Contains(word);

    /// <summary>"analyst", "trader": a market job before "at" and a name: the name is the employer ("a trader at Rudolf Wolff").</summary>
    public static bool IsDeskRole(ReadOnlySpan<char> word) => DeskRole.Contains(word);

    /// <summary>"spokesperson", "critic", "shadow": a word of an opposition portfolio title after a party's possessive ("Labour's finance spokesperson X").</summary>
    public static bool IsShadowWord(ReadOnlySpan<char> word) => Shadow.Contains(word);

    private static FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Class(string key) =>
        Words(key).ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Multi-word entries of a class, written with '_' for the space ("led_by").</summary>
    private static string[] Phrases(string key) => Words(key).Select(w => w.Replace('_', ' ')).ToArray();

    private static string[] Words(string key) =>
        Lines.TryGetValue(key, out var words) ? words : throw new InvalidDataException($"Entities/context-words.txt has no class '{key}'.");
}
