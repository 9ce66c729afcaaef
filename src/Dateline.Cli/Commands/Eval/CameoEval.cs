using System.CommandLine;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Dateline.Events.Dictionaries;
using Dateline.Extraction;
using Dateline.Model;

namespace Dateline.Cli.Commands.Eval;

/// <summary>One expected or coded event of a PETRARCH record: source, target and CAMEO code ("---" for no actor).</summary>
internal readonly record struct Triple(string Source, string Target, string Code)
{
    public override string ToString() => $"{Source} {Target} {Code}";
}

/// <summary>
/// One PETRARCH validation record: its sentence, date, expected codings (or none, or an expected
/// rejection) and the coder options in force (from the <c>&lt;Config&gt;</c> records before it).
/// </summary>
internal sealed record PetrarchRecord(
    string Id,
    string Category,
    string RawDate,
    DateOnly? Date,
    string Text,
    IReadOnlyList<Triple> Expected,
    bool NoEvents,
    string? Error,
    IReadOnlyDictionary<string, string> Options)
{
    /// <summary>PETRARCH's require_dyad: an event needs both a source and a target (absent: false, as the GSR codes "---" targets).</summary>
    public bool RequireDyad => Options.TryGetValue("require_dyad", out var v) && v.Equals("true", StringComparison.OrdinalIgnoreCase);
}

/// <summary>How a gold coding is compared with a coded one.</summary>
internal enum CameoLevel
{
    /// <summary>Identical source, target and code strings.</summary>
    Strict,

    /// <summary>Identical code; actors equal, or equal in country where one side names only the country ("USA" ~ "USAGOV").</summary>
    Exact,

    /// <summary>Same 2-digit root code and same actor countries (first three letters).</summary>
    RootCountry,
}

/// <summary>Counts of one comparison level over many records.</summary>
internal sealed class CameoTally
{
    public int Gold { get; set; }

    public int Coded { get; set; }

    public int Matched { get; set; }

    public double Precision => Coded == 0 ? 0 : (double)Matched / Coded;

    public double Recall => Gold == 0 ? 0 : (double)Matched / Gold;

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

/// <summary>
/// <c>dateline eval cameo FILE</c>: PETRARCH validation records (the PETRARCH-2 GSR file, the
/// PETRARCH unit-test records) coded by Dateline's pipeline and compared with the expected
/// (source, target, code) triples. See docs/EVALUATION.md.
/// </summary>
/// <remarks>
/// The files are read record by record with patterns, not as XML: the GSR file is not
/// well-formed. Dateline's actors are compared at three levels (<see cref="CameoLevel"/>):
/// PETRARCH codes a country named alone as the bare country ("USA") where Dateline codes the
/// government acting ("USAGOV"), so the strict figure understates agreement; the pipeline is
/// built with <c>UsePetrarchConventions</c>. Negated and hypothetical events and events without a
/// source actor are not counted as coded.
/// </remarks>
internal static partial class CameoEval
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "A PETRARCH validation records file (PETR2_GSR_validation.xml or PETR.UnitTest.records.xml)." };
        var actors = new Option<string[]>("--actors") { Description = "PETRARCH/Phoenix actor dictionary files to code actors with.", AllowMultipleArgumentsPerToken = true };
        var agents = new Option<string[]>("--agents") { Description = "PETRARCH/Phoenix agent dictionary files.", AllowMultipleArgumentsPerToken = true };
        var verbs = new Option<string[]>("--verbs") { Description = "PETRARCH verb pattern dictionary files to code events with, instead of Dateline's patterns.", AllowMultipleArgumentsPerToken = true };
        var errors = new Option<string?>("--errors") { Description = "Write every record with a missed or extra coding to this file." };
        var dyad = new Option<bool>("--require-dyad") { Description = "Start with PETRARCH's require_dyad on (the unit-test records assume it); <Config> records change it." };
        var command = new Command("cameo", "Score CAMEO event coding against PETRARCH validation records.") { file, actors, agents, verbs, errors, dyad };
        command.SetAction(parse => Run(parse.GetValue(file)!, parse.GetValue(actors) ?? [], parse.GetValue(agents) ?? [], parse.GetValue(verbs) ?? [], parse.GetValue(errors), parse.GetValue(dyad)));
        return command;
    }

    private static int Run(string file, string[] actorFiles, string[] agentFiles, string[] verbFiles, string? errorsPath, bool requireDyad)
    {
        foreach (var path in actorFiles.Prepend(file).Concat(agentFiles).Concat(verbFiles))
        {
            if (!File.Exists(path))
            {
                Console.Error.WriteLine($"dateline: {path}: no such file");
                return Program.InputErrorExit;
            }
        }

        var records = ReadRecords(File.ReadAllText(file), requireDyad);
        if (records.Count == 0)
        {
            Console.Error.WriteLine($"dateline: {file}: no <Sentence> records found");
            return Program.InputErrorExit;
        }

        var builder = new PipelineBuilder().UseDefaultStages();
        if (actorFiles.Length + agentFiles.Length > 0)
        {
            var dictionary = PetrarchActors.Parse(actorFiles.Select(File.ReadAllText), agentFiles.Select(File.ReadAllText));
            builder.UsePetrarchActors(dictionary);
        }

        var patterns = verbFiles.Length > 0 ? PetrarchVerbs.Parse(verbFiles.Select(File.ReadAllText)) : null;
        var pipeline = builder.UsePetrarchConventions(patterns).Build();

        var coded = records.Select(r => Code(pipeline, r)).ToList();
        var report = Score(records, coded, out var errors);
        Console.Write(report);
        if (errorsPath is not null)
        {
            File.WriteAllText(errorsPath, errors);
            Console.WriteLine($"errors written to {errorsPath}");
        }

        return 0;
    }

    /// <summary>The distinct triples Dateline codes for a record's text, dated by the record.</summary>
    internal static IReadOnlyList<Triple> Code(Pipeline pipeline, PetrarchRecord record)
    {
        var options = new ReadOptions { Format = InputFormat.Text, Published = record.Date is { } d ? new PublicationDate(d) : null };
        var read = ArticleReader.Default.Read(record.Text, new SourceInfo("file", record.Id, null), options);
        if (read.Value is not { } input)
        {
            return [];
        }

        var document = pipeline.Analyze(input);
        var triples = new List<Triple>();
        foreach (var e in document.Events)
        {
            // PETRARCH codes no negated event and none without a source actor; the GSR's gold codes
            // no event that may not happen (docs/EVALUATION.md).
            if (e.Modality is "negated" or "hypothetical" || e.SourceActor is null || (record.RequireDyad && e.TargetActor is null))
            {
                continue;
            }

            // A dictionary phrase with several codes ("FRO/BIL/SAM") is that many actors, as PETRARCH codes it.
            foreach (var source in (e.SourceActor ?? "---").Split('/'))
            {
                foreach (var target in (e.TargetActor ?? "---").Split('/'))
                {
                    var t = new Triple(source, target, e.Code);
                    if (!triples.Contains(t))
                    {
                        triples.Add(t);
                    }
                }
            }
        }

        return triples;
    }

    /// <summary>
    /// Reads PETRARCH validation records in document order: each <c>&lt;Sentence …&gt;</c> with the
    /// <c>&lt;EventCoding …&gt;</c> and <c>&lt;Text&gt;</c> after it, and the options of the
    /// <c>&lt;Config option value&gt;</c> records met so far.
    /// </summary>
    internal static List<PetrarchRecord> ReadRecords(string content, bool requireDyad = false)
    {
        var records = new List<PetrarchRecord>();
        var options = new Dictionary<string, string>(StringComparer.Ordinal) { ["require_dyad"] = requireDyad ? "true" : "false" };
        var tags = TagPattern().Matches(content);
        for (var i = 0; i < tags.Count; i++)
        {
            var tag = tags[i];
            var attributes = Attributes(tag.Groups["attrs"].Value);
            if (tag.Groups["name"].Value == "Config")
            {
                if (attributes.TryGetValue("option", out var option) && attributes.TryGetValue("value", out var value))
                {
                    options[option] = value;
                }

                continue;
            }

            var end = i + 1 < tags.Count ? tags[i + 1].Index : content.Length;
            var body = content[(tag.Index + tag.Length)..end];
            var expected = new List<Triple>();
            var noEvents = false;
            string? error = null;
            foreach (Match coding in CodingPattern().Matches(body))
            {
                var a = Attributes(coding.Groups["attrs"].Value);
                if (a.TryGetValue("noevents", out var ne) && ne.Equals("true", StringComparison.OrdinalIgnoreCase))
                {
                    noEvents = true;
                }
                else if (a.TryGetValue("error", out var err))
                {
                    error = err;
                }
                else if (a.TryGetValue("eventcode", out var code))
                {
                    expected.Add(new Triple(Actor(a.GetValueOrDefault("sourcecode")), Actor(a.GetValueOrDefault("targetcode")), code.Trim()));
                }
            }

            var text = TextPattern().Match(body) is { Success: true } m
                ? WebUtility.HtmlDecode(Whitespace().Replace(m.Groups[1].Value, " ").Trim())
                : "";
            if (text.Length == 0 && ParsePattern().Match(body) is { Success: true } parse)
            {
                // A record whose <Text> is empty still has its words in a CoNLL-U <Parse>.
                text = FromConllU(parse.Groups[1].Value);
            }
            var rawDate = attributes.GetValueOrDefault("date") ?? "";
            records.Add(new PetrarchRecord(
                attributes.GetValueOrDefault("id") ?? $"record-{records.Count + 1}",
                attributes.GetValueOrDefault("category") ?? "",
                rawDate,
                ParseDate(rawDate),
                text,
                expected,
                noEvents,
                error,
                new Dictionary<string, string>(options, StringComparer.Ordinal)));
        }

        return records;
    }

    /// <summary>The sentence of a CoNLL-U parse: each token's form, then a space unless SpaceAfter=No.</summary>
    internal static string FromConllU(string parse)
    {
        var text = new StringBuilder();
        foreach (var line in parse.Split('\n'))
        {
            var columns = line.Trim().Split('\t');
            if (columns.Length >= 10 && int.TryParse(columns[0], NumberStyles.None, CultureInfo.InvariantCulture, out _))
            {
                text.Append(columns[1]);
                if (!columns[9].Contains("SpaceAfter=No", StringComparison.Ordinal))
                {
                    text.Append(' ');
                }
            }
        }

        return WebUtility.HtmlDecode(text.ToString().Trim());
    }

    /// <summary>A record date: yyyymmdd, or yymmdd as PETRARCH's dictionaries write dates; null otherwise.</summary>
    internal static DateOnly? ParseDate(string text)
    {
        var format = text.Length switch { 8 => "yyyyMMdd", 6 => "yyMMdd", _ => null };
        return format is not null && DateOnly.TryParseExact(text, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
    }

    /// <summary>Whether a coded triple agrees with a gold triple at a level.</summary>
    internal static bool Agrees(Triple gold, Triple coded, CameoLevel level) => level switch
    {
        CameoLevel.Strict => gold == coded,
        CameoLevel.Exact => gold.Code == coded.Code && ActorAgrees(gold.Source, coded.Source) && ActorAgrees(gold.Target, coded.Target),
        _ => Root(gold.Code) == Root(coded.Code) && Country(gold.Source) == Country(coded.Source) && Country(gold.Target) == Country(coded.Target),
    };

    /// <summary>One-to-one matches between a record's gold and coded triples at a level, in gold order.</summary>
    internal static int Matches(IReadOnlyList<Triple> gold, IReadOnlyList<Triple> coded, CameoLevel level, List<Triple>? missed = null)
    {
        var used = new bool[coded.Count];
        var matched = 0;
        foreach (var g in gold)
        {
            var hit = -1;
            for (var k = 0; k < coded.Count && hit < 0; k++)
            {
                if (!used[k] && Agrees(g, coded[k], level))
                {
                    hit = k;
                }
            }

            if (hit >= 0)
            {
                used[hit] = true;
                matched++;
            }
            else
            {
                missed?.Add(g);
            }
        }

        return matched;
    }

    /// <summary>The figures for coded records against their gold, and the text of the errors file.</summary>
    internal static string Score(IReadOnlyList<PetrarchRecord> records, IReadOnlyList<IReadOnlyList<Triple>> coded, out string errors)
    {
        var levels = new[] { CameoLevel.Strict, CameoLevel.Exact, CameoLevel.RootCountry };
        var tallies = levels.ToDictionary(l => l, _ => new CameoTally());
        var errorText = new StringBuilder();
        var bareStatements = 0;
        var dyadFound = 0;
        int noEvents = 0, noEventsClean = 0, rejections = 0, scored = 0, passed = 0, passedExact = 0, rootFound = 0;
        for (var r = 0; r < records.Count; r++)
        {
            var record = records[r];
            var system = coded[r];
            if (record.Error is not null)
            {
                rejections++;
                continue;
            }

            scored++;
            if (record.NoEvents)
            {
                noEvents++;
                noEventsClean += system.Count == 0 ? 1 : 0;
            }

            foreach (var level in levels)
            {
                var t = tallies[level];
                t.Gold += record.Expected.Count;
                t.Coded += system.Count;
                t.Matched += Matches(record.Expected, system, level);
            }

            rootFound += record.Expected.Count(g => system.Any(s => Root(s.Code) == Root(g.Code)));
            dyadFound += record.Expected.Count(g => system.Any(s => s.Source == g.Source && s.Target == g.Target));
            var missed = new List<Triple>();
            var strict = Matches(record.Expected, system, CameoLevel.Strict, missed);
            if (record.Expected.Count > 0 && strict == record.Expected.Count)
            {
                passed++;
            }

            if (record.Expected.Count > 0 && Matches(record.Expected, system, CameoLevel.Exact) == record.Expected.Count)
            {
                passedExact++;
            }

            var missedExact = new List<Triple>();
            var missedRoot = new List<Triple>();
            Matches(record.Expected, system, CameoLevel.Exact, missedExact);
            Matches(record.Expected, system, CameoLevel.RootCountry, missedRoot);
            var extra = system.Where(s => !record.Expected.Contains(s)).ToList();
            bareStatements += system.Count(s => s.Code == "010" && s.Target == "---");
            if (missed.Count > 0 || extra.Count > 0)
            {
                errorText.Append(CultureInfo.InvariantCulture, $"{record.Id} [{record.Category}] {record.RawDate}\n  {record.Text}\n");
                foreach (var g in missed)
                {
                    // How far the miss goes: matched at a looser level, or missed at every level.
                    var level = missedRoot.Contains(g) ? "every level" : missedExact.Contains(g) ? "root ok" : "exact ok";
                    errorText.Append(CultureInfo.InvariantCulture, $"  missed {g}  [{level}]\n");
                }

                foreach (var s in extra)
                {
                    errorText.Append(CultureInfo.InvariantCulture, $"  extra  {s}\n");
                }

                if (record.NoEvents)
                {
                    errorText.Append("  (gold: no events)\n");
                }

                errorText.Append('\n');
            }
        }

        var withGold = records.Count(r => r.Error is null && r.Expected.Count > 0);
        var o = new StringBuilder();
        var ci = CultureInfo.InvariantCulture;
        o.Append(ci, $"{records.Count} records: {scored} scored, {rejections} expected rejections not scored; {tallies[CameoLevel.Strict].Gold} gold codings, {tallies[CameoLevel.Strict].Coded} coded\n");
        o.Append(ci, $"{"level",-28} {"matched",8} {"of gold",8} {"P",6} {"R",6} {"F1",6} {"uncoded",8} {"extra",6} {"FP/rec",7}\n");
        foreach (var level in levels)
        {
            var t = tallies[level];
            var name = level switch
            {
                CameoLevel.Strict => "strict (src, tgt, code)",
                CameoLevel.Exact => "exact (country ~ its GOV)",
                _ => "root code + countries",
            };
            o.Append(ci, $"{name,-28} {t.Matched,8} {t.Recall,8:0.000} {t.Precision,6:0.000} {t.Recall,6:0.000} {t.F1,6:0.000} {t.Gold - t.Matched,8} {t.Coded - t.Matched,6} {(scored == 0 ? 0 : (double)(t.Coded - t.Matched) / scored),7:0.000}\n");
        }

        var gold = tallies[CameoLevel.Strict].Gold;
        o.Append(ci, $"2-digit root coded in the sentence: {rootFound}/{gold} = {(gold == 0 ? 0 : (double)rootFound / gold):0.000}\n");
        o.Append(ci, $"gold (source, target) pairs coded with any code: {dyadFound}/{gold} = {(gold == 0 ? 0 : (double)dyadFound / gold):0.000}\n");
        o.Append(ci, $"no-event sentences left clean: {noEventsClean}/{noEvents}\n");
        o.Append(ci, $"coded statements with no target (010 X ---; PETRARCH gold has none): {bareStatements}\n");
        o.Append(ci, $"records with every expected coding matched: strict {passed}/{withGold} = {(withGold == 0 ? 0 : (double)passed / withGold):0.000}, exact {passedExact}/{withGold} = {(withGold == 0 ? 0 : (double)passedExact / withGold):0.000}\n");
        o.Append("UD-PETRARCH convention: TP = matched/(matched+uncoded) = recall above; FP = extra/records.\n");
        errors = errorText.ToString();
        return o.ToString();
    }

    private static string Actor(string? code) => string.IsNullOrWhiteSpace(code) ? "---" : code.Trim();

    private static string Root(string code) => code.Length >= 2 ? code[..2] : code;

    private static string Country(string actor) => actor.Length >= 3 ? actor[..3] : actor;

    private static bool ActorAgrees(string gold, string coded) =>
        gold == coded || ((gold.Length == 3 || coded.Length == 3) && Country(gold) == Country(coded) && gold != "---" && coded != "---");

    private static Dictionary<string, string> Attributes(string text)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match a in AttributePattern().Matches(text))
        {
            result[a.Groups[1].Value] = WebUtility.HtmlDecode(a.Groups[2].Value);
        }

        return result;
    }

    [GeneratedRegex("<(?<name>Sentence|Config)\\b(?<attrs>[^>]*)>")]
    private static partial Regex TagPattern();

    [GeneratedRegex("<EventCoding\\b(?<attrs>[^>]*)>")]
    private static partial Regex CodingPattern();

    [GeneratedRegex("<Text>(.*?)</Text>", RegexOptions.Singleline)]
    private static partial Regex TextPattern();

    [GeneratedRegex("<Parse>(.*?)</Parse>", RegexOptions.Singleline)]
    private static partial Regex ParsePattern();

    [GeneratedRegex("(\\w+)\\s*=\\s*\"([^\"]*)\"")]
    private static partial Regex AttributePattern();

    [GeneratedRegex("\\s+")]
    private static partial Regex Whitespace();
}
