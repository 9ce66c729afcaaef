using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Dateline.Entities;
using Dateline.Model;

namespace Dateline.Cli.Commands.Eval;

/// <summary>
/// <c>dateline eval entities PATH</c>: named-entity mention scores against the MEANTIME corpus
/// (CAT XML; named PER/ORG/LOC mentions) or CoNLL-2003-style column files (PER/ORG/LOC/MISC),
/// exact and partial span match, micro precision/recall/F1 per type.
/// </summary>
/// <remarks>
/// Both formats give tokens, not text: the tokens are joined back into text with the usual
/// spacing rules, analysed as one article per document, and the system's name mentions mapped to
/// the data set's types (PERSON → PER; GPE, LOC, FAC → LOC; NORP, EVENT → MISC).
/// </remarks>
internal static class EntitiesEval
{
    // MEANTIME annotates the headline, the dateline and the first four sentences of the body
    // (MeantimeDocument.AnnotatedEnd); mentions after them are neither gold nor scored.
    public static Command Create()
    {
        var path = new Argument<string>("path") { Description = "A MEANTIME folder (…/meantime-en or one of its corpus folders), a CAT XML file, or a CoNLL-2003-style file." };
        var errors = new Option<int>("--errors") { Description = "Print up to this many missed and spurious mentions.", DefaultValueFactory = _ => 0 };
        var command = new Command("entities", "Score entity mentions on MEANTIME (CAT XML) or CoNLL-2003 column files.") { path, errors };
        command.SetAction(parse =>
        {
            var root = parse.GetValue(path)!;
            var clock = Stopwatch.StartNew();
            _ = EntityLexicons.Default.Titles.Count;
            var loadMs = clock.Elapsed.TotalMilliseconds;

            List<GoldDocument> docs;
            string format;
            if (Directory.Exists(root) || root.EndsWith(".xml", StringComparison.OrdinalIgnoreCase))
            {
                var files = Directory.Exists(root)
                    ? Directory.GetFiles(root, "*.xml", SearchOption.AllDirectories)
                        .Where(f => !f.Contains("intra_cross-doc", StringComparison.Ordinal))
                        .Order(StringComparer.Ordinal).ToList()
                    : [root];
                docs = [.. files.Select(ReadMeantime).OfType<GoldDocument>()];
                format = "MEANTIME (named mentions)";
            }
            else if (File.Exists(root) && root.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            {
                docs = ReadJson(root);
                format = "Dateline JSON gold (entities and actors)";
            }
            else if (File.Exists(root))
            {
                docs = ReadConll(root);
                format = "CoNLL-2003 columns";
            }
            else
            {
                Console.Error.WriteLine($"dateline: no such file or folder: {root}");
                return Program.InputErrorExit;
            }

            if (docs.Count == 0)
            {
                Console.Error.WriteLine($"dateline: no documents found under {root}");
                return Program.InputErrorExit;
            }

            Score(docs, format, loadMs, parse.GetValue(errors));
            return 0;
        });
        return command;
    }

    /// <param name="Type">PER, ORG, LOC or MISC; NOM for a group nominal of our JSON gold ("Kenyan police"),
    /// scored for its actor only, never as a name.</param>
    /// <param name="Entity">The data set's entity the mention refers to, where it says (MEANTIME), for finding double annotations.</param>
    private sealed record GoldMention(int Start, int End, string Type, string? Actor = null, bool HasActor = false, string? Entity = null);

    /// <param name="Annotated">Extents of every other entity mention the data set annotates (MEANTIME's
    /// premodifier names, appositions, nominals, products…): a system name inside one is a name the data set
    /// saw but did not score as a PER/ORG/LOC name.</param>
    private sealed record GoldDocument(string Name, string Text, List<GoldMention> Gold, int ScoredEnd, List<(int Start, int End)>? Annotated = null)
    {
        /// <summary>MEANTIME's appositions (<c>APP</c>) of PER, ORG or LOC entities: "Apple CEO Steve Jobs", whose
        /// named mention is the name inside ("Steve Jobs").</summary>
        public List<GoldMention> Appositions { get; init; } = [];

        /// <summary>MEANTIME's mentions of PER, ORG or LOC entities whose syntactic type the annotators left
        /// empty ("Ford", "GM", "Barack Obama" in some documents): neither named nor unnamed as far as the gold says.</summary>
        public List<GoldMention> Untyped { get; init; } = [];

        /// <summary>The publication date, where the gold gives one (office holders' dates depend on it).</summary>
        public PublicationDate? Published { get; init; }
    }

    private static GoldDocument? ReadMeantime(string file)
    {
        if (MeantimeDocument.Read(file) is not { } doc)
        {
            return null;
        }

        var offsets = doc.Tokens;
        var markables = doc.Root.Element("Markables");
        if (markables is null)
        {
            return null;
        }

        var entityTypes = markables.Elements("ENTITY")
            .ToDictionary(e => (string)e.Attribute("m_id")!, e => (string?)e.Attribute("ent_type") ?? "", StringComparer.Ordinal);
        var mentionType = new Dictionary<string, string>(StringComparer.Ordinal);
        var mentionEntity = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var link in doc.Relations("REFERS_TO"))
        {
            var target = (string?)link.Element("target")?.Attribute("m_id");
            if (target is not null && entityTypes.TryGetValue(target, out var type))
            {
                foreach (var source in link.Elements("source"))
                {
                    mentionType[(string)source.Attribute("m_id")!] = type;
                    mentionEntity[(string)source.Attribute("m_id")!] = target;
                }
            }
        }

        var gold = new List<GoldMention>();
        var annotated = new List<(int Start, int End)>();
        var appositions = new List<GoldMention>();
        var untyped = new List<GoldMention>();
        foreach (var m in markables.Elements("ENTITY_MENTION"))
        {
            var anchors = m.Elements("token_anchor").Select(a => (string)a.Attribute("t_id")!).Where(offsets.ContainsKey).ToList();
            if (anchors.Count == 0)
            {
                continue;
            }

            var (start, end) = (anchors.Min(a => offsets[a].Start), anchors.Max(a => offsets[a].End));
            if ((string?)m.Attribute("syntactic_type") == "APP"
                && mentionType.TryGetValue((string)m.Attribute("m_id")!, out var appType) && appType is "PER" or "ORG" or "LOC")
            {
                appositions.Add(new GoldMention(start, end, appType, Entity: mentionEntity[(string)m.Attribute("m_id")!]));
            }

            if (string.IsNullOrEmpty((string?)m.Attribute("syntactic_type"))
                && mentionType.TryGetValue((string)m.Attribute("m_id")!, out var untypedType) && untypedType is "PER" or "ORG" or "LOC")
            {
                untyped.Add(new GoldMention(start, end, untypedType));
            }

            if ((string?)m.Attribute("syntactic_type") != "NAM"
                || !mentionType.TryGetValue((string)m.Attribute("m_id")!, out var type) || type is not ("PER" or "ORG" or "LOC"))
            {
                annotated.Add((start, end));
                continue;
            }

            gold.Add(new GoldMention(start, end, type, Entity: mentionEntity[(string)m.Attribute("m_id")!]));
        }

        return new GoldDocument(doc.Name, doc.Text, gold, doc.AnnotatedEnd, annotated) { Appositions = appositions, Untyped = untyped };
    }

    /// <summary>
    /// Our own gold format: <c>{ "articles": [{ "id", "published"?, "text", "entities": [{ "type", "actor",
    /// "mentions": ["exact string", …] }] }] }</c>; every whole-word occurrence of a mention string is
    /// a gold mention of that entity's type, and the entity's actor is scored on the system entity
    /// that holds its first occurrence. An entity of type <c>NOM</c> is a group nominal ("Indian
    /// police"): its strings claim their words and score its actor, but are no name mentions.
    /// </summary>
    private static List<GoldDocument> ReadJson(string file)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(file));
        var docs = new List<GoldDocument>();
        foreach (var article in json.RootElement.GetProperty("articles").EnumerateArray())
        {
            var text = article.GetProperty("text").GetString()!;
            var gold = new List<GoldMention>();
            var pairs = article.GetProperty("entities").EnumerateArray()
                .SelectMany(e => e.GetProperty("mentions").EnumerateArray().Select(m => (Entity: e, Text: m.GetString()!)))
                .OrderByDescending(p => p.Text.Length) // longer names claim their words first: "European Union" before "European"
                .ToList();
            foreach (var (entity, m) in pairs)
            {
                var type = entity.GetProperty("type").GetString() is "NOM" ? "NOM" : MapType(entity.GetProperty("type").GetString()!) ?? "MISC";
                var actor = entity.TryGetProperty("actor", out var a) && a.ValueKind == JsonValueKind.String ? a.GetString() : null;
                var first = entity.GetProperty("mentions")[0].GetString() == m;
                {
                    for (var at = text.IndexOf(m, StringComparison.Ordinal); at >= 0; at = text.IndexOf(m, at + m.Length, StringComparison.Ordinal))
                    {
                        var end = at + m.Length;
                        if ((at > 0 && char.IsLetterOrDigit(text[at - 1])) || (end < text.Length && char.IsLetterOrDigit(text[end]))
                            || gold.Any(g => g.Start < end && at < g.End))
                        {
                            continue;
                        }

                        gold.Add(new GoldMention(at, end, type, actor, first));
                        first = false;
                    }
                }
            }

            var published = article.TryGetProperty("published", out var p) && p.ValueKind == JsonValueKind.String
                ? PublicationDate.TryParse(p.GetString()) : null;
            docs.Add(new GoldDocument(article.GetProperty("id").GetString()!, text, gold, text.Length) { Published = published });
        }

        return docs;
    }

    private static List<GoldDocument> ReadConll(string file)
    {
        var docs = new List<GoldDocument>();
        var builder = new NewsSpacing();
        var gold = new List<GoldMention>();
        (int Start, int End, string Type)? open = null;
        var n = 0;

        void Close()
        {
            if (open is { } o)
            {
                gold.Add(new GoldMention(o.Start, o.End, o.Type));
                open = null;
            }
        }

        void Flush()
        {
            Close();
            if (builder.ToString().Length > 0)
            {
                docs.Add(new GoldDocument($"doc {++n}", builder.ToString(), gold, builder.ToString().Length));
            }

            builder = new NewsSpacing();
            gold = [];
        }

        foreach (var raw in File.ReadLines(file))
        {
            var line = raw.Trim();
            if (line.StartsWith("-DOCSTART-", StringComparison.Ordinal))
            {
                Flush();
                continue;
            }

            if (line.Length == 0)
            {
                Close();
                builder.Break("\n\n");
                continue;
            }

            var fields = line.Split(' ', '\t');
            var tag = fields[^1];
            var (start, end) = builder.Add(fields[0]);
            var type = tag.Length > 2 ? tag[2..] : "";
            if (tag == "O" || tag.StartsWith("B-", StringComparison.Ordinal) || (open is { } o && o.Type != type))
            {
                Close();
            }

            if (tag != "O")
            {
                open = open is { } cur ? (cur.Start, end, cur.Type) : (start, end, type);
            }
        }

        Flush();
        return docs;
    }

    private static string? MapType(string type) => type switch
    {
        "PERSON" => "PER",
        "ORG" => "ORG",
        "GPE" or "LOC" or "FAC" => "LOC",
        "NORP" or "EVENT" => "MISC",
        _ => null,
    };

    /// <summary>
    /// CoNLL-2003 tags a nationality word MISC wherever it stands; Dateline makes a nationality word before a
    /// group noun part of one group nominal ("Mexican soldiers", "the Sri Lankan army": docs/EVALUATION.md, a
    /// nationality before a group noun). For CoNLL files the word (or country name) that opens such a nominal,
    /// after "the", counts as the name CoNLL sees there: "Sri Lankan" MISC, "Kenya" in "Kenya police" LOC.
    /// </summary>
    private static IEnumerable<GoldMention> NationalityWordsOfGroups(Document d, List<GoldMention> names, int scoredEnd)
    {
        var tokens = d.Tokens;
        foreach (var m in d.Entities.SelectMany(e => e.Mentions).Where(m => m.Kind == "nominal" && m.End <= scoredEnd))
        {
            var i = 0;
            while (i < tokens.Length && tokens[i].Start < m.Start)
            {
                i++;
            }

            var end = i;
            while (end < tokens.Length && tokens[end].End <= m.End)
            {
                end++;
            }

            if (i < end && d.Text.AsSpan(tokens[i].Start, tokens[i].Length) is "the" or "The")
            {
                i++;
            }

            if (i >= end)
            {
                continue;
            }

            var n = EntityLexicons.Default.Match(d.Text, tokens, i, end, out var phrase);
            if (n == 0 || phrase!.Kind is not (PhraseKind.Norp or PhraseKind.Name) || MapType(phrase.Type ?? "") is not { } type)
            {
                continue;
            }

            var word = new GoldMention(tokens[i].Start, tokens[i + n - 1].End, type);
            if (!names.Any(o => o.Start < word.End && word.Start < o.End))
            {
                yield return word;
            }
        }
    }

    private static void Score(List<GoldDocument> docs, string format, double loadMs, int errors)
    {
        var types = new[] { "PER", "ORG", "LOC", "MISC" };
        // gold, system, exact, partial-gold, partial-system, name inside the gold extent (one-to-one)
        var counts = types.ToDictionary(t => t, _ => new int[6], StringComparer.Ordinal);
        var phraseCounts = types.ToDictionary(t => t, _ => new int[6], StringComparer.Ordinal);
        var mergedCounts = types.ToDictionary(t => t, _ => new int[6], StringComparer.Ordinal);
        var classes = new ErrorClasses();
        var doubles = 0;
        var untypedLeftOut = 0;
        int spuriousInAnnotated = 0, spuriousOutside = 0;
        var words = 0L;
        var missed = new List<string>();
        var spurious = new List<string>();
        var actorErrors = new List<string>();
        int actorTotal = 0, actorCorrect = 0;
        var clock = Stopwatch.StartNew();
        foreach (var doc in docs)
        {
            var d = Pipeline.Default.Analyze(new Document(doc.Text, new SourceInfo("file", doc.Name, null)) { Published = doc.Published });
            words += d.WordCount;
            var system = d.Entities
                .SelectMany(e => e.Mentions.Where(m => m.Kind == "name").Select(m => new GoldMention(m.Start, m.End, MapType(e.Type) ?? "")))
                .Where(m => m.Type.Length > 0 && m.End <= doc.ScoredEnd)
                .ToList();
            if (format.StartsWith("CoNLL", StringComparison.Ordinal))
            {
                system.AddRange(NationalityWordsOfGroups(d, system, doc.ScoredEnd));
            }

            var hasMisc = doc.Gold.Any(g => g.Type == "MISC");
            if (!hasMisc && format.StartsWith("MEANTIME", StringComparison.Ordinal))
            {
                system.RemoveAll(m => m.Type == "MISC");
            }

            foreach (var g in doc.Gold.Where(g => g.HasActor))
            {
                var holder = d.Entities.FirstOrDefault(e => e.Mentions.Any(m => m.Start < g.End && g.Start < m.Start + (m.End - m.Start)));
                actorTotal++;
                if (holder is not null && holder.Actor == g.Actor)
                {
                    actorCorrect++;
                }
                else if (actorErrors.Count < errors)
                {
                    actorErrors.Add($"{doc.Name}: actor of '{doc.Text[g.Start..g.End]}' is {holder?.Actor ?? "null"}, gold {g.Actor ?? "null"}");
                }
            }

            var names = doc.Gold.Where(g => g.Type != "NOM").ToList();
            var meantime = format.StartsWith("MEANTIME", StringComparison.Ordinal);
            Tally(doc, names, system, counts, ref spuriousInAnnotated, ref spuriousOutside, meantime ? [] : missed, meantime ? [] : spurious, errors);
            if (meantime)
            {
                var trimmed = names.Select(g => Trim(doc.Text, g)).ToList();
                var phrases = NamesOfAppositions(PhraseMentions(d, doc.ScoredEnd), trimmed, [.. doc.Appositions.Select(a => Trim(doc.Text, a))]);
                var untyped = doc.Untyped.Select(u => Trim(doc.Text, u)).ToList();
                untypedLeftOut += phrases.RemoveAll(s => untyped.Any(u => u.Start == s.Start && u.End == s.End && u.Type == s.Type)
                    && !trimmed.Any(g => g.Start == s.Start && g.End == s.End && g.Type == s.Type));
                int ignoredIn = 0, ignoredOut = 0;
                Tally(doc, trimmed, phrases, phraseCounts, ref ignoredIn, ref ignoredOut, missed, spurious, errors, classes);
                var (merged, dropped) = MergeDoubles(trimmed, phrases);
                doubles += dropped;
                Tally(doc, merged, phrases, mergedCounts, ref ignoredIn, ref ignoredOut, [], [], 0);
            }
        }

        var seconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine($"{format}: {docs.Count} documents, {words:N0} words; lexicons loaded in {loadMs:0} ms; analysed at {words / seconds:N0} words/s (whole pipeline, one thread, cold)");
        Console.WriteLine();
        PrintTable("name extents (the system's names, types mapped PERSON → PER; GPE, LOC, FAC → LOC):", counts, types);
        if (phraseCounts.Values.Any(c => c[0] > 0))
        {
            PrintTable($"phrase extents (MEANTIME's conventions: the noun phrase each name heads, ends trimmed of punctuation; a GPE that is an event's source in its sentence → ORG, a country's government, a seat of government named for its building, the EU and the European Commission → LOC; a phrase that is a gold apposition (APP, \"Apple CEO Steve Jobs\") counts as the name inside it; a phrase that is exactly a mention the gold leaves without a syntactic type is not scored: {untypedLeftOut} left out):", phraseCounts, types);
            PrintTable($"phrase extents, double annotations as alternatives (a gold name inside another gold name of the same entity, \"Lufthansa\" in \"German airline Lufthansa\", is one mention annotated twice: the group counts the system's exact matches, or one miss; {doubles} gold names left out):", mergedCounts, types);
            classes.Print(types);
        }

        Console.WriteLine("exact: same extent and type; partial: overlapping extents of the same type; inside: the system's name lies");
        Console.WriteLine("within the gold extent (same type, each gold and system mention used once), for data sets whose extents");
        Console.WriteLine("are whole noun phrases (\"the Pentagon\", \"truck maker Volvo\") where Dateline marks the name.");
        if (spuriousInAnnotated + spuriousOutside > 0)
        {
            Console.WriteLine($"system names overlapping no gold name of any type: {spuriousInAnnotated} inside another annotated mention (premodifier, apposition, product, nominal), {spuriousOutside} outside every annotation");
        }

        if (actorTotal > 0)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"actor codes: {actorCorrect}/{actorTotal} entities = {(double)actorCorrect / actorTotal:0.000} accuracy (null must match null)"));
        }

        foreach (var line in missed.Concat(spurious).Concat(actorErrors))
        {
            Console.WriteLine(line);
        }
    }

    /// <summary>Adds one document's gold and system mentions to the per-type counts and error lists.</summary>
    private static void Tally(
        GoldDocument doc, List<GoldMention> names, List<GoldMention> system, Dictionary<string, int[]> counts,
        ref int spuriousInAnnotated, ref int spuriousOutside, List<string> missed, List<string> spurious, int errors, ErrorClasses? classes = null)
    {
        foreach (var g in names)
        {
            counts[g.Type][0]++;
            if (system.Any(s => s.Type == g.Type && s.Start < g.End && g.Start < s.End))
            {
                counts[g.Type][3]++;
            }

            if (system.Any(x => x.Start == g.Start && x.End == g.End && x.Type == g.Type))
            {
                counts[g.Type][2]++;
                continue;
            }

            classes?.Add(g.Type, 0, system, g);
            if (missed.Count < errors)
            {
                missed.Add($"{doc.Name}: missed {g.Type} '{doc.Text[g.Start..g.End]}' (system: {Describe(system, g, doc.Text)})");
            }
        }

        foreach (var (type, count) in NamesInsideExtents(names, system))
        {
            counts[type][5] += count;
        }

        foreach (var s in system)
        {
            counts[s.Type][1]++;
            if (!names.Any(g => g.Start == s.Start && g.End == s.End && g.Type == s.Type))
            {
                classes?.Add(s.Type, 3, names, s);
            }

            if (names.Any(g => g.Type == s.Type && s.Start < g.End && g.Start < s.End))
            {
                counts[s.Type][4]++;
                continue;
            }

            if (doc.Annotated is { } annotated && !names.Any(g => s.Start < g.End && g.Start < s.End))
            {
                _ = annotated.Any(a => s.Start < a.End && a.Start < s.End) ? spuriousInAnnotated++ : spuriousOutside++;
            }

            if (spurious.Count < errors)
            {
                spurious.Add($"{doc.Name}: spurious {s.Type} '{doc.Text[s.Start..s.End]}' (gold: {Describe(names, s, doc.Text)})");
            }
        }
    }

    /// <summary>
    /// The system's mentions as MEANTIME marks them: the noun phrase each name heads
    /// (<see cref="Mention.Phrase"/>), typed by MEANTIME's conventions. A name that only modifies
    /// another noun heads no phrase and is left out, as MEANTIME leaves its premodifier names
    /// (PRE.NAM) out of the named mentions. A country or city (GPE) is an organization (ORG) in a
    /// sentence where it is the source of an event ("Qatar ordered planes"), a place (LOC) elsewhere;
    /// a country's government named as such ("the US Government", actor …GOV) or by its building ("the
    /// White House") is the country (LOC), and so are the EU and its executive, the European Commission.
    /// </summary>
    private static List<GoldMention> PhraseMentions(Document d, int scoredEnd)
    {
        var acting = d.Events.Where(e => e.Source is not null).Select(e => (e.Source!, e.Sentence)).ToHashSet();
        var list = new List<GoldMention>();
        foreach (var e in d.Entities)
        {
            foreach (var m in e.Mentions)
            {
                if (m.Kind != "name" || m.Phrase is not { } p || p.End > scoredEnd)
                {
                    continue;
                }

                var type = MapType(e.Type);
                if (e.Type == "GPE" && acting.Contains((e.Id, SentenceOf(d, m.Start))))
                {
                    type = "ORG";
                }
                else if (e.Type == "ORG" && e.Actor is { Length: 6 } actor && actor.EndsWith("GOV", StringComparison.Ordinal)
                    && m.Text.EndsWith("overnment", StringComparison.Ordinal))
                {
                    // "the Canadian Government": MEANTIME, like ACE, takes a country's government for the country
                    // (a name headed by "Government", not one that only has the word: "Government Accountability Office").
                    type = "LOC";
                }
                else if (e.Type == "ORG" && e.Actor is { Length: 6 } seat && seat.EndsWith("GOV", StringComparison.Ordinal)
                    && (e.Name.EndsWith(" House", StringComparison.Ordinal) || e.Name.EndsWith(" Palace", StringComparison.Ordinal) || e.Name.EndsWith(" Street", StringComparison.Ordinal)))
                {
                    // "the White House", "Downing Street": a government named by the building it sits in is the place too.
                    type = "LOC";
                }
                else if (e.Type == "ORG" && e.Actor == "IGOEUREEC" && e.Name is "European Union" or "European Commission")
                {
                    // "the EU" and its executive, "the European Commission": MEANTIME types the union of
                    // states as a place, and its government with it as it does a country's.
                    type = "LOC";
                }

                if (type is "PER" or "ORG" or "LOC")
                {
                    list.Add(Trim(d.Text, new GoldMention(p.Start, p.End, type)));
                }
            }
        }

        return list;
    }

    /// <summary>
    /// MEANTIME's appositions: where a name and a noun phrase that describes it stand side by side ("Apple CEO
    /// Steve Jobs", "US bank chief Ben Bernanke", "The Beatles' label Apple Corps"), MEANTIME marks the whole as
    /// an apposition (<c>APP</c>) and only the name inside as the named mention (<c>NAM</c>); the same words with
    /// a title are elsewhere one named mention ("President Dmitry Medvedev", "Airbus chief executive Noel
    /// Forgeard"). A system phrase that is exactly such an apposition is scored as its named mention, the name
    /// of the same entity at the apposition's end (or, failing one, at its start), unless the system also has
    /// that name as a phrase of its own. One phrase stands for one gold mention, so precision and recall move
    /// together; phrases that match no apposition are unchanged.
    /// </summary>
    private static List<GoldMention> NamesOfAppositions(List<GoldMention> system, List<GoldMention> gold, List<GoldMention> appositions)
    {
        if (appositions.Count == 0)
        {
            return system;
        }

        var mapped = new List<GoldMention>(system.Count);
        foreach (var s in system)
        {
            var app = appositions.FirstOrDefault(a => a.Start == s.Start && a.End == s.End && a.Type == s.Type);
            var inside = app is null ? [] : gold.Where(g => g.Entity == app.Entity && g.Type == s.Type
                && app.Start <= g.Start && g.End <= app.End && (g.Start, g.End) != (app.Start, app.End)).ToList();
            var name = inside.FirstOrDefault(g => g.End == app!.End) ?? inside.FirstOrDefault(g => g.Start == app!.Start);
            var exact = gold.Any(g => g.Start == s.Start && g.End == s.End && g.Type == s.Type);
            mapped.Add(name is not null && !exact && !system.Any(o => o.Start == name.Start && o.End == name.End && o.Type == name.Type)
                ? s with { Start = name.Start, End = name.End }
                : s);
        }

        return mapped;
    }

    /// <summary>
    /// MEANTIME's double annotations: a gold name inside another gold name of the same entity ("German
    /// airline Lufthansa" and "Lufthansa", "General Motors (GM" and "GM") is one mention annotated twice,
    /// and a system that marks one phrase per name can match only one of them. As MUC's alternative
    /// extents did, each such group counts as many gold mentions as the system matches exactly, and one
    /// (a miss) when it matches none; the system's mentions are unchanged, so precision is the phrase
    /// table's. Returns the gold mentions to score and the number of gold names left out.
    /// </summary>
    private static (List<GoldMention> Gold, int Dropped) MergeDoubles(List<GoldMention> gold, List<GoldMention> system)
    {
        static bool Inside(GoldMention a, GoldMention b) =>
            a.Entity is not null && a.Entity == b.Entity && b.Start <= a.Start && a.End <= b.End && (a.Start, a.End) != (b.Start, b.End);

        bool Matched(GoldMention g) => system.Any(s => s.Start == g.Start && s.End == g.End && s.Type == g.Type);

        var kept = new List<GoldMention>();
        foreach (var outer in gold.Where(g => !gold.Any(o => Inside(g, o))))
        {
            var group = gold.Where(g => g == outer || Inside(g, outer)).ToList();
            var matched = group.Where(Matched).ToList();
            kept.AddRange(matched.Count > 0 ? matched : [outer]);
        }

        return (kept, gold.Count - kept.Count);
    }

    /// <summary>
    /// The phrase table's errors by class, per type: a missed gold name overlapped by a system mention of
    /// its type (a boundary error), only by other types (a type error) or by none (a miss); a spurious
    /// system mention likewise against the gold (boundary, type, or a false positive overlapping no gold
    /// name).
    /// </summary>
    private sealed class ErrorClasses
    {
        private readonly Dictionary<string, int[]> counts = new(StringComparer.Ordinal);

        /// <param name="side">0 for a missed gold name, 3 for a spurious system mention.</param>
        public void Add(string type, int side, List<GoldMention> others, GoldMention m)
        {
            var overlapping = others.Where(o => o.Start < m.End && m.Start < o.End).ToList();
            var k = overlapping.Any(o => o.Type == m.Type) ? 0 : overlapping.Count > 0 ? 1 : 2;
            if (!counts.TryGetValue(type, out var c))
            {
                counts[type] = c = new int[6];
            }

            c[side + k]++;
        }

        public void Print(string[] types)
        {
            Console.WriteLine("phrase-table errors by class (missed gold / spurious system): boundary = overlaps one of its type, type = overlaps only other types, none = overlaps nothing");
            Console.WriteLine("type   missed: boundary  type  none   spurious: boundary  type  none");
            foreach (var t in types.Where(counts.ContainsKey))
            {
                var c = counts[t];
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{t,-5}  {c[0],16} {c[1],5} {c[2],5} {c[3],19} {c[4],5} {c[5],5}"));
            }

            Console.WriteLine();
        }
    }

    private static int SentenceOf(Document d, int offset)
    {
        for (var k = 0; k < d.Sentences.Length; k++)
        {
            if (offset < d.Sentences[k].End)
            {
                return k;
            }
        }

        return d.Sentences.Length - 1;
    }

    /// <summary>
    /// An extent without punctuation at its ends: MEANTIME's token anchors take in a bracket or
    /// comma on one side only ("the Royal Canadian Navy (RCN", "Apple Inc.,"), and a phrase's
    /// bracketed abbreviation closes its bracket; scoring compares what lies between.
    /// </summary>
    private static GoldMention Trim(string text, GoldMention m)
    {
        var (start, end) = (m.Start, m.End);
        while (start < end && !char.IsLetterOrDigit(text[start]))
        {
            start++;
        }

        while (end > start && !char.IsLetterOrDigit(text[end - 1]))
        {
            end--;
        }

        return start < end ? m with { Start = start, End = end } : m;
    }

    /// <summary>
    /// Pairs each gold mention with one system name of its type lying inside its extent: smaller gold
    /// extents first, the longest such name (the last of equal length), each system name used once.
    /// Returns the number of pairs per type.
    /// </summary>
    private static Dictionary<string, int> NamesInsideExtents(List<GoldMention> gold, List<GoldMention> system)
    {
        var used = new bool[system.Count];
        var pairs = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var g in gold.OrderBy(g => g.End - g.Start).ThenBy(g => g.Start))
        {
            var best = -1;
            for (var k = 0; k < system.Count; k++)
            {
                var s = system[k];
                if (!used[k] && s.Type == g.Type && g.Start <= s.Start && s.End <= g.End
                    && (best < 0 || s.End - s.Start >= system[best].End - system[best].Start))
                {
                    best = k;
                }
            }

            if (best >= 0)
            {
                used[best] = true;
                pairs[g.Type] = pairs.GetValueOrDefault(g.Type) + 1;
            }
        }

        return pairs;
    }

    private static void PrintTable(string title, Dictionary<string, int[]> counts, string[] types)
    {
        Console.WriteLine(title);
        Console.WriteLine("type   gold  system   exact P     R     F1   partial P     R     F1    inside P     R     F1");
        var total = new int[6];
        foreach (var t in types)
        {
            var c = counts[t];
            if (c[0] == 0 && (c[1] == 0 || t == "MISC"))
            {
                continue;
            }

            for (var k = 0; k < total.Length; k++)
            {
                total[k] += c[k];
            }

            Console.WriteLine(Row(t, c));
        }

        Console.WriteLine(Row("all", total));
        Console.WriteLine();
    }

    private static string Describe(List<GoldMention> others, GoldMention m, string text)
    {
        var overlapping = others.Where(o => o.Start < m.End && m.Start < o.End).Select(o => $"{o.Type} '{text[o.Start..o.End]}'").ToList();
        return overlapping.Count == 0 ? "none" : string.Join(", ", overlapping);
    }

    private static string Row(string type, int[] c)
    {
        static double Ratio(int a, int b) => b == 0 ? 0 : (double)a / b;
        static double F1(double p, double r) => p + r == 0 ? 0 : 2 * p * r / (p + r);
        var (p, r) = (Ratio(c[2], c[1]), Ratio(c[2], c[0]));
        var (pp, pr) = (Ratio(c[4], c[1]), Ratio(c[3], c[0]));
        var (ip, ir) = (Ratio(c[5], c[1]), Ratio(c[5], c[0]));
        return string.Create(CultureInfo.InvariantCulture,
            $"{type,-5} {c[0],5} {c[1],7}   {p,7:0.000} {r,5:0.000} {F1(p, r),5:0.000}   {pp,9:0.000} {pr,5:0.000} {F1(pp, pr),5:0.000}   {ip,8:0.000} {ir,5:0.000} {F1(ip, ir),5:0.000}");
    }
}
