using System.Collections.Immutable;
using Dateline.Model;

namespace Dateline.Entities;

/// <summary>
/// Groups an article's mentions into entities, one per referent: the same name, a surname after
/// the full name ("Putin" after "Vladimir Putin"), a title nominal ("the Russian leader") to the
/// person who holds that title, an organization alias ("the presidency") to the named one, and
/// "he"/"she" to the nearest person of a compatible gender.
/// </summary>
internal sealed class Coreference(EntityLexicons lexicons)
{
    // How many sentences back a pronoun looks for its antecedent.
    private const int PronounWindow = 3;

    private sealed class Cluster
    {
        public required string Type { get; set; }

        public required string Key { get; init; }

        public List<Candidate> Mentions { get; } = [];

        public List<string> Titles { get; } = [];

        public string? Country { get; set; }

        public char Gender { get; set; } = '-';

        public string? Head { get; set; }
    }

    public ImmutableArray<Entity> Resolve(string text, List<Candidate> candidates)
    {
        candidates.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.End.CompareTo(a.End));
        RemoveOverlaps(candidates);
        DecideUnknowns(text, candidates);
        ShortForms(text, candidates);

        var clusters = new List<Cluster>();
        var byKey = new Dictionary<string, Cluster>(StringComparer.Ordinal);
        var bySurname = new Dictionary<string, Cluster>(StringComparer.Ordinal);
        var owners = new Cluster?[candidates.Count];

        // Names first, so nominals and pronouns can find people named later in the same sentence.
        for (var i = 0; i < candidates.Count; i++)
        {
            var c = candidates[i];
            if (c.Kind != "name")
            {
                continue;
            }

            var cluster = FindNamed(c, byKey, bySurname);
            if (cluster is null)
            {
                cluster = new Cluster { Type = c.Type, Key = c.Type + "\u0001" + c.Key };
                byKey[cluster.Key] = cluster;
                clusters.Add(cluster);
            }

            if (c.Type == "PERSON" && c.Key.Contains(' ', StringComparison.Ordinal))
            {
                bySurname[LastWord(c.Key)] = cluster;
                if (FamilyNameFirst(c.Key) is { } family)
                {
                    bySurname[family] = cluster; // "Lee Jae-myung" … "Lee"
                }

                if (MiddleSurname(c.Key) is { } middle)
                {
                    bySurname.TryAdd(middle, cluster); // "Issa Tchiroma Bakary" … "Tchiroma"
                }
            }

            Join(cluster, c);
            owners[i] = cluster;
        }

        // "Bolivia orders arrest of Morales" … "former President Evo Morales": a headline may name a
        // person by the surname alone before the story gives the full name; that word, there and
        // after, is that person (the one person whose full name it ends). Only a name never written
        // longer: "Ford Motor Company … Ford" in a headline is the company, not Bill Ford.
        var headlineEnd = text.IndexOf('\n', StringComparison.Ordinal);
        if (headlineEnd > 0 && text.AsSpan(0, headlineEnd).TrimEnd() is { Length: > 0 } headline && headline[^1] is not ('.' or '?' or '!' or ':' or '"' or '\u201d'))
        {
            foreach (var k in clusters)
            {
                var word = k.Key[(k.Key.IndexOf('\u0001', StringComparison.Ordinal) + 1)..];
                if (k.Type is "PERSON" or "ORG" && k.Mentions.Count > 0 && k.Mentions[0].End <= headlineEnd && k.Mentions.TrueForAll(m => m.Kind == "name" && !text.AsSpan(m.Start, m.End - m.Start).Contains(' '))
                    && !word.Contains(' ', StringComparison.Ordinal) && bySurname.TryGetValue(word, out var person) && person != k
                    && clusters.Count(o => o.Type == "PERSON" && o.Key.Contains(' ', StringComparison.Ordinal) && LastWord(o.Key) == word) == 1)
                {
                    foreach (var m in k.Mentions)
                    {
                        m.Type = "PERSON";
                        Join(person, m);
                    }

                    k.Mentions.Clear();
                    for (var i = 0; i < owners.Length; i++)
                    {
                        if (owners[i] == k)
                        {
                            owners[i] = person;
                        }
                    }
                }
            }
        }

        // Nominals and pronouns in text order: each looks back at what came before it.
        for (var i = 0; i < candidates.Count; i++)
        {
            var c = candidates[i];
            if (c.Kind == "name")
            {
                continue;
            }

            var cluster = c.Kind == "pronoun" ? Pronoun(i, candidates, owners) : Nominal(i, candidates, owners, clusters, byKey);
            if (cluster is not null)
            {
                Join(cluster, c);
                owners[i] = cluster;
            }
            else if (c.Inner is { } inner)
            {
                // An unresolved "the Russian leader" still mentions "Russian".
                var named = FindNamed(inner, byKey, bySurname);
                if (named is null)
                {
                    named = new Cluster { Type = inner.Type, Key = inner.Type + "\u0001" + inner.Key };
                    byKey[named.Key] = named;
                    clusters.Add(named);
                }

                Join(named, inner);
            }
        }

        // Order entities by first mention, mentions by position.
        var ordered = clusters
            .Where(k => k.Mentions.Count > 0 && k.Mentions.Any(m => m.Kind != "pronoun"))
            .Select(k => (Cluster: k, First: k.Mentions.Min(m => m.Start)))
            .OrderBy(k => k.First)
            .ToList();

        var entities = ImmutableArray.CreateBuilder<Entity>(ordered.Count);
        for (var e = 0; e < ordered.Count; e++)
        {
            var k = ordered[e].Cluster;
            var mentions = k.Mentions
                .OrderBy(m => m.Start)
                .Select(m => new Mention(m.Start, m.End, text[m.Start..m.End], m.Kind))
                .ToImmutableArray();
            entities.Add(new Entity(
                "E" + (e + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
                k.Type,
                CanonicalName(k, text),
                [.. k.Titles],
                null,
                k.Country is { Length: 3 } country && IsCountry(country) ? country : null,
                null,
                mentions));
        }

        return entities.MoveToImmutable();
    }

    private bool IsCountry(string code) => lexicons.Gazetteer.Countries.ContainsKey(code);

    private static void RemoveOverlaps(List<Candidate> candidates)
    {
        var kept = 0;
        var lastEnd = -1;
        for (var i = 0; i < candidates.Count; i++)
        {
            var c = candidates[i];
            if (c.Start < lastEnd || c.End <= c.Start)
            {
                continue;
            }

            candidates[kept++] = c;
            lastEnd = c.End;
        }

        candidates.RemoveRange(kept, candidates.Count - kept);
    }

    /// <summary>
    /// "Harcourt Bridge Capital" … "Harcourt Bridge": a name no lexicon knows, typed a facility or a
    /// natural place by its last word, whose words open an organization's name met
    /// earlier in the article is that organization, unless a locative puts it in place ("in …").
    /// </summary>
    private static void ShortForms(string text, List<Candidate> candidates)
    {
        List<Candidate>? organizations = null;
        foreach (var c in candidates)
        {
            if (c.Kind != "name")
            {
                continue;
            }

            if (organizations is not null && c.Known is null && c.Type is "FAC" or "LOC" && !IsAfterLocative(text, c.Start))
            {
                var name = text.AsSpan(c.Start, c.End - c.Start);
                foreach (var o in organizations)
                {
                    if (o.End <= c.Start && o.End - o.Start > name.Length + 1 && text[o.Start + name.Length] == ' '
                        && text.AsSpan(o.Start, o.End - o.Start).StartsWith(name, StringComparison.Ordinal))
                    {
                        c.Type = "ORG";
                        c.Key = o.Key;
                        c.Weak = false;
                        break;
                    }
                }
            }

            // "the European Commission" … "the Commission said": a single capitalized word no lexicon
            // knows that is the last word of one international body's name met earlier is that
            // body (two such names make it ambiguous, and it stays as it is).
            else if (organizations is not null && c.Known is null && c.TokenEnd - c.TokenStart == 1 && c.Type is "ORG" or "UNK"
                && HeadOf(text, c, organizations) is { } head)
            {
                c.Type = "ORG";
                c.Key = head.Key;
                c.Known = head.Known;
                c.Country = head.Country;
                c.Weak = false;
            }

            if (c.Type == "ORG" && c.TokenEnd - c.TokenStart >= 2)
            {
                (organizations ??= []).Add(c);
            }
        }
    }

    /// <summary>The one earlier organization of no country whose name ends with the single word <paramref name="c"/>, else null.</summary>
    private static Candidate? HeadOf(string text, Candidate c, List<Candidate> organizations)
    {
        var word = text.AsSpan(c.Start, c.End - c.Start);
        Candidate? found = null;
        foreach (var o in organizations)
        {
            var name = text.AsSpan(o.Start, o.End - o.Start);
            // Only a body of no one country ("the European Commission" … "the Commission"): "the
            // Treasury" after "the US Treasury" may be another country's.
            if (o.End > c.Start || o.Known?.Actor is not { } actor || !actor.StartsWith("IGO", StringComparison.Ordinal) || name.Length <= word.Length + 1 || name[^(word.Length + 1)] != ' ' || !name.EndsWith(word, StringComparison.Ordinal))
            {
                continue;
            }

            if (found is not null && found.Key != o.Key)
            {
                return null;
            }

            found = o;
        }

        return found;
    }

    /// <summary>
    /// Names typed by shape alone take the type their words have elsewhere in the article: a
    /// company is later called by its first word ("Lockheed Martin" … "Lockheed"), a person by the
    /// last; a single word takes its name's type, or is a town before ", State" ("Dayton, Ohio").
    /// </summary>
    private void DecideUnknowns(string text, List<Candidate> candidates)
    {
        // Sets of names, built once, so that deciding is linear in the number of mentions.
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var o in candidates)
        {
            if (o.Kind == "name")
            {
                names.Add(o.Key);
            }
        }

        var retyped = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in candidates)
        {
            if (!c.Weak)
            {
                continue;
            }

            if (IsAfterLocative(text, c.Start, strict: true))
            {
                c.Type = "GPE"; // "near Khan Younis"
                continue;
            }

            var space = c.Key.AsSpan().IndexOfAny(WordBreaks);
            if (space < 0)
            {
                continue;
            }

            var firstWord = c.Key[..space];
            if (names.Contains(firstWord) && !names.Contains(LastWord(c.Key)))
            {
                c.Type = "ORG";
                retyped.Add(firstWord);
            }
        }

        var personLastWords = new HashSet<string>(StringComparer.Ordinal);
        var multiWordPersonLastWords = new HashSet<string>(StringComparer.Ordinal);
        var typeByKey = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var o in candidates)
        {
            if (o.Type == "UNK" && retyped.Contains(o.Key))
            {
                o.Type = "ORG";
            }

            if (o.Kind != "name" || o.Type == "UNK")
            {
                continue;
            }

            typeByKey.TryAdd(o.Key, o.Type);
            if (o.Type == "PERSON")
            {
                personLastWords.Add(LastWord(o.Key));
                if (o.Key.Contains(' ', StringComparison.Ordinal))
                {
                    multiWordPersonLastWords.Add(LastWord(o.Key));
                    if (FamilyNameFirst(o.Key) is { } family)
                    {
                        personLastWords.Add(family);
                        multiWordPersonLastWords.Add(family); // "Lai" after "Lai Ching-te" is no town in Chad
                    }

                    if (MiddleSurname(o.Key) is { } middle)
                    {
                        personLastWords.Add(middle);
                    }
                }
            }
        }

        // "Matsumoto" after "Shigeki Matsumoto" is the person, not the city of that name; "Jordan told
        // reporters" after "Neil Jordan" is the person, not the country, where no locative word stands before it.
        foreach (var c in candidates)
        {
            if (c.Kind == "name" && c.Type is "GPE" or "LOC" && c.Known is { } place && c.TokenEnd - c.TokenStart == 1
                && multiWordPersonLastWords.Contains(c.Key)
                && lexicons.Gazetteer.Lookup(place.Canonical) is [{ Feature: var feature }, ..]
                && (feature == "city" || (feature == "country" && !ContextWords.IsLocative(PrecedingWord(text, c.Start)))))
            {
                c.Type = "PERSON";
                c.Known = null;
                c.Country = null;
            }
        }

        for (var k = 0; k < candidates.Count; k++)
        {
            var c = candidates[k];
            if (c.Type != "UNK")
            {
                continue;
            }

            if (c.TokenStart == c.TokenEnd - 1 && IsAfterLocative(text, c.Start))
            {
                c.Type = "GPE"; // "in Tromsø", "near Kupiansk"
                continue;
            }

            // "camps around Tawila"; "from Adré, on the border with Chad"; "from Okinawa to Guam".
            if (c.TokenStart == c.TokenEnd - 1
                && (PrecedingWord(text, c.Start) is "around"
                    || text.AsSpan(c.End).StartsWith(", on the border", StringComparison.Ordinal)
                    || text.AsSpan(c.End).StartsWith(", near the border", StringComparison.Ordinal)
                    || (k > 0 && candidates[k - 1] is { Type: "GPE" or "LOC", Kind: "name" } from && text.AsSpan(from.End, c.Start - from.End) is " to "
                        && PrecedingWord(text, from.Start) is "from")))
            {
                c.Type = "GPE";
                continue;
            }

            // "marched in Manila and Cebu", "sent teams to Owo and Irrua": a single word joined by "and" or
            // "or" to a place after a locative is a place too.
            if (c.TokenStart == c.TokenEnd - 1 && k > 0 && candidates[k - 1] is { Type: "GPE", Kind: "name" } first
                && text.AsSpan(first.End, c.Start - first.End) is " and " or " or " && IsAfterLocative(text, first.Start))
            {
                c.Type = "GPE";
                continue;
            }

            // "a cafe owner from Kozarac in north-west Bosnia": a single word after "from" and before "in" and a
            // country or first-level division (a lower-case direction word between or not) is a place in it.
            if (c.TokenStart == c.TokenEnd - 1 && PrecedingWord(text, c.Start) is "from" && k + 1 < candidates.Count
                && candidates[k + 1] is { Type: "GPE", Kind: "name" } within && IsInDirection(text.AsSpan(c.End, within.Start - c.End))
                && lexicons.Gazetteer.Lookup(within.Key) is [{ Feature: "country" or "admin1" }, ..])
            {
                c.Type = "GPE";
                continue;
            }

            if (k + 1 < candidates.Count && candidates[k + 1] is { Type: "GPE" } next && next.Start == c.End + 2 && text[c.End] == ','
                && lexicons.Gazetteer.Lookup(next.Key) is [{ Feature: "country" or "admin1" or "capital" }, ..])
            {
                c.Type = "GPE"; // "Dayton, Ohio"
                continue;
            }

            c.Type = personLastWords.Contains(c.Key) ? "PERSON" : typeByKey.GetValueOrDefault(c.Key, "ORG");
        }
    }

    /// <summary>" in ", " in north-west ", " in eastern ": "in" and at most one lower-case word between a place and the larger place it lies in.</summary>
    private static bool IsInDirection(ReadOnlySpan<char> between)
    {
        if (!between.StartsWith(" in ", StringComparison.Ordinal))
        {
            return false;
        }

        var rest = between[4..];
        return rest.IsEmpty || (rest[^1] == ' ' && rest[..^1].IndexOf(' ') < 0 && char.IsAsciiLetterLower(rest[0]));
    }

    /// <summary>The lower-case word right before <paramref name="start"/> (over spaces), or an empty string.</summary>
    private static string PrecedingWord(string text, int start)
    {
        var (p, end) = LowerWordBefore(text, start);
        return p >= 0 && char.IsLetter(text[p]) ? "" : text[(p + 1)..end];
    }

    private static bool IsAfterLocative(string text, int start, bool strict = false)
    {
        var (p, end) = LowerWordBefore(text, start);
        var word = text.AsSpan(p + 1, end - p - 1);
        if (!strict && word is "from" or "to" && AfterMotionVerb(text, p))
        {
            return true; // "arrived from Daraa", "fled to Renk"
        }

        return strict
            ? word is "in" or "near" or "outside"
            : word is "in" or "near" or "outside" or "into"; // "to AirTran", "at Fiat" are as often companies
    }

    /// <summary>True when the word ending at <paramref name="end"/> (inclusive) is a verb of moving from or to a place.</summary>
    private static bool AfterMotionVerb(string text, int end)
    {
        var (p, last) = LowerWordBefore(text, end + 1);
        return ContextWords.IsMotion(text.AsSpan(p + 1, last - p - 1));
    }

    /// <summary>
    /// The run of lower-case letters before <paramref name="start"/> over spaces: <c>Before</c> is the
    /// index just before the run (-1 at the text's start), <c>End</c> the index just after it.
    /// </summary>
    private static (int Before, int End) LowerWordBefore(string text, int start)
    {
        var p = start - 1;
        while (p >= 0 && text[p] == ' ')
        {
            p--;
        }

        var end = p + 1;
        while (p >= 0 && char.IsAsciiLetterLower(text[p]))
        {
            p--;
        }

        return (p, end);
    }

    private static readonly System.Buffers.SearchValues<char> WordBreaks = System.Buffers.SearchValues.Create(" \t\n\r\u00A0");

    /// <summary>
    /// The family name of a Korean or Chinese name of two or three words written family name first
    /// ("Lee" of "Lee Jae-myung", "Wang" of "Wang Yi"; Data/Entities/family-names.txt), else null.
    /// </summary>
    private string? FamilyNameFirst(string name)
    {
        var space = name.AsSpan().IndexOfAny(WordBreaks);
        if (space <= 0 || name.AsSpan().Count(' ') > 2)
        {
            return null;
        }

        return lexicons.FamilyFirst.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(name.AsSpan(0, space), out var family) ? family : null;
    }

    /// <summary>
    /// The middle word of a three-word name that is no given name ("Tchiroma" of "Issa Tchiroma
    /// Bakary", a name of two surnames, as in much of Africa and Latin America), which the article
    /// may use alone for the person; else null.
    /// </summary>
    private string? MiddleSurname(string name)
    {
        var first = name.AsSpan().IndexOfAny(WordBreaks);
        var last = name.AsSpan().LastIndexOfAny(WordBreaks);
        if (first <= 0 || last <= first + 3 || name.AsSpan(first + 1, last - first - 1).IndexOfAny(WordBreaks) >= 0)
        {
            return null;
        }

        var middle = name.AsSpan(first + 1, last - first - 1);
        return char.IsUpper(middle[0]) && middle.Length >= 3 && !middle.EndsWith(".") && lexicons.FirstName(middle) == '\0'
            ? middle.ToString() : null;
    }

    private static string LastWord(string name)
    {
        var space = name.AsSpan().LastIndexOfAny(WordBreaks);
        if (space > 0 && name.AsSpan(space + 1) is "Jr." or "Jr" or "Sr." or "Sr" or "II" or "III" or "IV")
        {
            // "Ferdinand Marcos Jr." … "Marcos": a generational suffix is no surname.
            var before = name.AsSpan(0, space).LastIndexOfAny(WordBreaks);
            return before < 0 ? name[..space] : name[(before + 1)..space];
        }

        return space < 0 ? name : name[(space + 1)..];
    }

    private static Cluster? FindNamed(Candidate c, Dictionary<string, Cluster> byKey, Dictionary<string, Cluster> bySurname)
    {
        if (byKey.TryGetValue(c.Type + "\u0001" + c.Key, out var same))
        {
            return same;
        }

        // A surname after a full name: the most recent person whose name it ends.
        return c.Type == "PERSON" && !c.Key.Contains(' ', StringComparison.Ordinal) && bySurname.TryGetValue(c.Key, out var person)
            ? person
            : null;
    }

    private void Join(Cluster k, Candidate c)
    {
        k.Mentions.Add(c);
        if (c.Titles is not null)
        {
            foreach (var t in c.Titles)
            {
                if (!k.Titles.Contains(t) && c.Kind == "name")
                {
                    k.Titles.Add(t);
                }
            }
        }

        if (k.Country is null)
        {
            k.Country = c.Country;
            if (k.Country is null && c.Affiliation is { } affiliation)
            {
                k.Country = affiliation.Country ?? KnownCountry(affiliation);
            }
        }

        if (k.Country is null && c.Known is { Type: "PERSON" } && lexicons.People.TryGetValue(c.Known.Canonical, out var entry))
        {
            k.Country = entry.Actor[..3];
        }

        if (k.Gender == '-')
        {
            k.Gender = c.Gender;
        }

        k.Head ??= c.Head;
    }

    private string? KnownCountry(Candidate c) =>
        c.Known is { Type: "PERSON" } && lexicons.People.TryGetValue(c.Known.Canonical, out var entry) ? entry.Actor[..3] : null;

    /// <summary>"the Russian leader" → the person of that country with a title of that class; "the presidency" → that organization.</summary>
    private Cluster? Nominal(int index, List<Candidate> candidates, Cluster?[] owners, List<Cluster> clusters, Dictionary<string, Cluster> byKey)
    {
        var c = candidates[index];
        if (c.Type == "ORG")
        {
            if (c.Country is not null)
            {
                var key = "ORG\u0001" + c.Country + " " + c.Key;
                if (!byKey.TryGetValue(key, out var group))
                {
                    group = new Cluster { Type = "ORG", Key = key, Country = c.Country, Head = c.Head };
                    byKey[key] = group;
                    clusters.Add(group);
                }

                return group;
            }

            if (c.Head is not null && lexicons.DefiniteHeads.TryGetValue(c.Head, out var heads))
            {
                return Definite(index, candidates, owners, heads);
            }

            // "the presidency": the organization named with that noun before.
            for (var i = index - 1; i >= 0; i--)
            {
                if (owners[i] is { Type: "ORG" } k && k.Head == c.Head)
                {
                    return k;
                }
            }

            return null;
        }

        // A person: the most recently mentioned one whose title and country fit. Without a
        // country, "the president" is resolved only when one president was named before.
        Cluster? best = null;
        var fits = new Dictionary<Cluster, bool>();
        for (var i = index - 1; i >= 0; i--)
        {
            if (owners[i] is not { Type: "PERSON" } k || (c.Country is not null && k.Country != c.Country))
            {
                continue;
            }

            if (!fits.TryGetValue(k, out var fit))
            {
                fits[k] = fit = TitleFits(c, k);
            }

            if (!fit)
            {
                continue;
            }

            if (best is null)
            {
                best = k;
                if (c.Country is not null)
                {
                    return best;
                }
            }
            else if (best != k)
            {
                return null;
            }
        }

        return best;
    }

    /// <summary>
    /// "the bloc" after "the European Union", "the firm" after a company: the most recent organization
    /// named within a few sentences whose kind fits the head noun; none when two fit in that sentence.
    /// </summary>
    private Cluster? Definite(int index, List<Candidate> candidates, Cluster?[] owners, string[] fits)
    {
        var c = candidates[index];
        Cluster? best = null;
        var bestSentence = -1;
        for (var i = index - 1; i >= 0 && c.Sentence - candidates[i].Sentence <= PronounWindow; i--)
        {
            var m = candidates[i];
            // A name of a fitting kind, or a group nominal with the same noun ("the Sudanese army" … "the army").
            if (owners[i] is not { Type: "ORG" } k || k == best
                || (m.Kind == "name" ? !DefiniteFits(m, fits) : m.Kind != "nominal" || k.Head != c.Head || k.Mentions.Any(n => n.Kind == "name")))
            {
                continue;
            }

            if (best is not null)
            {
                return m.Sentence == bestSentence ? null : best;
            }

            best = k;
            bestSentence = m.Sentence;
        }

        return best;
    }

    /// <summary>True when a named organization is of a kind a definite head noun can stand for (Data/Entities/definite-heads.txt).</summary>
    private bool DefiniteFits(Candidate name, string[] fits)
    {
        var actor = name.Known?.Actor;
        var role = actor is { Length: >= 6 } && !actor.StartsWith("IGO", StringComparison.Ordinal) ? actor[3..6]
            : actor is { Length: 3 } ? actor
            : null;
        var words = name.Key.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (role is null && actor is null)
        {
            // A name found by its shape takes the role of its institution word ("Ministry", "Bank").
            for (var k = words.Length - 1; role is null && k >= 0; k--)
            {
                role = lexicons.GroupRole(words[k]);
            }
        }

        foreach (var f in fits)
        {
            if (char.IsAsciiLetterLower(f[0]))
            {
                if (Array.IndexOf(words, f) >= 0)
                {
                    return true;
                }
            }
            else if (f.Length == 3)
            {
                if (role == f)
                {
                    return true;
                }
            }
            else if (actor is not null && (f[^1] == '+'
                ? actor.Length > f.Length - 1 && actor.StartsWith(f[..^1], StringComparison.Ordinal)
                : actor.StartsWith(f, StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }

    private bool TitleFits(Candidate nominal, Cluster person)
    {
        var head = nominal.Head ?? "";
        var titles = person.Titles.Select(t => t.ToLowerInvariant()).ToList();
        foreach (var m in person.Mentions)
        {
            if (m.Known is { Type: "PERSON" } && lexicons.People.TryGetValue(m.Known.Canonical, out var entry))
            {
                titles.Add(entry.Title.ToLowerInvariant());
            }
        }

        foreach (var t in titles)
        {
            if (t == head || t.EndsWith(" " + head, StringComparison.Ordinal))
            {
                return true;
            }

            if (head == "leader" && lexicons.Titles.TryGetValue(t, out var title) && title.Class == "head")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The nearest person before the pronoun, within a few sentences, whose gender fits.</summary>
    private static Cluster? Pronoun(int index, List<Candidate> candidates, Cluster?[] owners)
    {
        var c = candidates[index];
        for (var i = index - 1; i >= 0 && c.Sentence - candidates[i].Sentence <= PronounWindow; i--)
        {
            var m = candidates[i];
            if (m.Kind != "pronoun" && owners[i] is { Type: "PERSON" } k && (k.Gender == '-' || k.Gender == c.Gender))
            {
                return k;
            }
        }

        return null;
    }

    /// <summary>The longest name mention (the first of equal length); for nominal-only groups, the nominal without "the".</summary>
    private static string CanonicalName(Cluster k, string text)
    {
        Candidate? best = null;
        foreach (var m in k.Mentions)
        {
            if (m.Kind == "name" && (best is null || m.End - m.Start > best.End - best.Start))
            {
                best = m;
            }
        }

        if (best is not null)
        {
            return text[best.Start..best.End];
        }

        var first = k.Mentions.Where(m => m.Kind == "nominal").OrderBy(m => m.Start).First();
        var name = text[first.Start..first.End];

        // "Chadian" of "Chadian and Cameroonian troops": a nationality word that shares the group noun
        // coordinated after it is named with that noun ("Chadian troops"), which gives it its role.
        if (k.Type == "ORG" && k.Head is { } head && !name.EndsWith(head, StringComparison.OrdinalIgnoreCase))
        {
            return name + " " + head;
        }

        return name.StartsWith("the ", StringComparison.OrdinalIgnoreCase) ? name[4..] : name;
    }
}
