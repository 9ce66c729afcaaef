using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Dateline.Entities;
using Dateline.Extraction;
using Dateline.Model;
using Spectre.Console;

namespace Dateline.Cli.Commands.Eval;

/// <summary>
/// <c>dateline eval quotes PATH</c>: quote spans (precision, recall) and speaker accuracy against
/// gold articles in Dateline's JSON quote format (see docs/EVALUATION.md).
/// </summary>
/// <remarks>
/// A gold file holds <c>{"published": "…", "text": "…", "quotes": [{"kind", "text", "speaker"}]}</c>;
/// a quote split by its cue lists its parts joined by " … ". A predicted quote matches a gold
/// one when their characters overlap by at least half of the longer; matching is one-to-one,
/// in text order.
/// </remarks>
internal static class QuotesEval
{
    private const double MinOverlap = 0.5;

    public static Command Create()
    {
        var path = new Argument<string>("path") { Description = "A gold JSON file or a folder of them, or the MEANTIME corpus (speech events with their Arg0 speaker)." };
        var errors = new Option<string?>("--errors") { Description = "Write every missed, spurious and misattributed quote to this file." };
        var command = new Command("quotes", "Score quote spans and speakers against gold articles (Dateline JSON quote format).") { path, errors };
        command.SetAction(parse =>
        {
            var root = parse.GetValue(path)!;
            var meantime = MeantimeDocument.Files(root).Where(f => f.EndsWith(".xml", StringComparison.OrdinalIgnoreCase)).ToArray();
            if (meantime.Length > 0 && !Directory.EnumerateFiles(Directory.Exists(root) ? root : Path.GetDirectoryName(Path.GetFullPath(root))!, "*.json", SearchOption.AllDirectories).Any())
            {
                return ScoreMeantime(meantime, parse.GetValue(errors));
            }

            var files = GoldFiles.Find(root);
            if (files.Length == 0)
            {
                Console.Error.WriteLine($"dateline: {root}: no gold .json files found");
                return Program.InputErrorExit;
            }

            var report = new StringBuilder();
            var all = new Tally();
            var direct = new Tally();
            foreach (var file in files)
            {
                var gold = ReadGold(file, out var problem);
                if (gold is null)
                {
                    Console.Error.WriteLine($"dateline: skipped {file}: {problem}");
                    continue;
                }

                var read = ArticleReader.Default.Read(gold.Text, new SourceInfo("file", file, null), new ReadOptions { Published = gold.Published, Format = InputFormat.Text });
                if (read.Value is not { } input)
                {
                    Console.Error.WriteLine($"dateline: skipped {file}: {read.Error!.Message}");
                    continue;
                }

                var document = Pipeline.Default.Analyze(input);
                Score(document, gold.Quotes, all, report, Path.GetFileName(file), kind: null);
                Score(document, gold.Quotes, direct, new StringBuilder(), Path.GetFileName(file), kind: "direct");
            }

            var table = new Table().Border(TableBorder.Rounded).AddColumn("quotes")
                .AddColumn(new TableColumn("gold").RightAligned()).AddColumn(new TableColumn("found").RightAligned())
                .AddColumn(new TableColumn("precision").RightAligned()).AddColumn(new TableColumn("recall").RightAligned())
                .AddColumn(new TableColumn("F1").RightAligned()).AddColumn(new TableColumn("speaker accuracy").RightAligned());
            Row(table, "direct", direct);
            Row(table, "all kinds", all);
            AnsiConsole.MarkupLine($"{files.Length} gold articles");
            AnsiConsole.Write(table);
            GoldFiles.WriteErrors(parse.GetValue(errors), report.ToString());

            return 0;
        });
        return command;
    }

    /// <summary>
    /// MEANTIME as a proxy: its speech-cognitive events with an Arg0 participant stand for quote
    /// cues with their speaker. Recall is over those events (many are "think" or "expect", which no
    /// quote marks), speaker accuracy over the ones whose cue Dateline found, precision over
    /// Dateline's cues in the annotated sentences.
    /// </summary>
    private static int ScoreMeantime(string[] files, string? errorFile)
    {
        var report = new StringBuilder();
        int gold = 0, found = 0, cueMatched = 0, foundMatched = 0, speakerRight = 0, documents = 0;
        foreach (var file in files)
        {
            if (MeantimeDocument.Read(file) is not { } doc)
            {
                continue;
            }

            documents++;
            var read = ArticleReader.Default.Read(doc.Text, new SourceInfo("file", file, null), new ReadOptions
            {
                Format = InputFormat.Text,
                Published = doc.Created is { } c ? new PublicationDate(c) : null,
            });
            if (read.Value is not { } input || input.Text != doc.Text)
            {
                continue; // offsets must be the corpus's own
            }

            var d = Pipeline.Default.Analyze(input);
            var speech = SpeechEvents(doc);
            var cues = d.Quotes.Where(q => q.Cue is { } cue && cue.End <= doc.AnnotatedEnd).ToList();
            found += cues.Count;
            foundMatched += cues.Count(q => speech.Any(e => Overlaps(e.Cue, (q.Cue!.Value.Start, q.Cue.Value.End))));
            foreach (var e in speech.Where(e => e.Speaker is not null && e.Cue.End <= doc.AnnotatedEnd))
            {
                gold++;
                var q = cues.FirstOrDefault(q => Overlaps(e.Cue, (q.Cue!.Value.Start, q.Cue.Value.End)));
                if (q is null)
                {
                    report.AppendLine(CultureInfo.InvariantCulture, $"{doc.Name}	missed	{doc.Text[e.Cue.Start..e.Cue.End]}	{doc.Text[e.Speaker!.Value.Start..e.Speaker.Value.End]}");
                    continue;
                }

                cueMatched++;
                var entity = q.Speaker is null ? null : d.Entities.FirstOrDefault(x => x.Id == q.Speaker);
                var right = entity?.Mentions.Any(m => Overlaps(e.Speaker!.Value, (m.Start, m.End))) == true;
                if (right)
                {
                    speakerRight++;
                }
                else
                {
                    report.AppendLine(CultureInfo.InvariantCulture, $"{doc.Name}	speaker	{doc.Text[e.Cue.Start..e.Cue.End]}	gold={doc.Text[e.Speaker!.Value.Start..e.Speaker.Value.End]}	found={q.SpeakerName}");
                }
            }
        }

        var table = new Table().Border(TableBorder.Rounded).AddColumn("MEANTIME speech events (proxy)")
            .AddColumn(new TableColumn("value").RightAligned());
        table.AddRow("documents", documents.ToString(CultureInfo.InvariantCulture));
        table.AddRow("speech events with an Arg0 speaker (annotated sentences)", gold.ToString(CultureInfo.InvariantCulture));
        table.AddRow("Dateline quote cues (annotated sentences)", found.ToString(CultureInfo.InvariantCulture));
        table.AddRow("cue recall (speech events found as quote cues)", Ratio(cueMatched, gold));
        table.AddRow("cue precision (quote cues that are speech events)", Ratio(foundMatched, found));
        table.AddRow("speaker accuracy on found cues (speaker entity covers Arg0)", Ratio(speakerRight, cueMatched));
        AnsiConsole.Write(table);
        GoldFiles.WriteErrors(errorFile, report.ToString());

        return 0;
    }

    private static string Ratio(int n, int d) => d == 0 ? "-" : (n / (double)d).ToString("0.000", CultureInfo.InvariantCulture);

    private static bool Overlaps((int Start, int End) a, (int Start, int End) b) => a.Start < b.End && b.Start < a.End;

    /// <summary>Speech-cognitive event mentions with their Arg0 participant's extent.</summary>
    private static List<((int Start, int End) Cue, (int Start, int End)? Speaker)> SpeechEvents(MeantimeDocument doc)
    {
        var speechEvents = doc.Markables("EVENT")
            .Where(e => (string?)e.Attribute("class") == "SPEECH_COGNITIVE")
            .Select(e => (string)e.Attribute("m_id")!)
            .ToHashSet(StringComparer.Ordinal);
        var speechMentions = new HashSet<string>(StringComparer.Ordinal);
        foreach (var link in doc.Relations("REFERS_TO"))
        {
            if ((string?)link.Element("target")?.Attribute("m_id") is { } target && speechEvents.Contains(target))
            {
                foreach (var source in link.Elements("source"))
                {
                    speechMentions.Add((string)source.Attribute("m_id")!);
                }
            }
        }

        var markables = (doc.Root.Element("Markables")?.Elements() ?? [])
            .Where(m => m.Attribute("m_id") is not null)
            .GroupBy(m => (string)m.Attribute("m_id")!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var arg0 = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var p in doc.Relations("HAS_PARTICIPANT"))
        {
            if ((string?)p.Attribute("sem_role") == "Arg0"
                && (string?)p.Element("source")?.Attribute("m_id") is { } source
                && (string?)p.Element("target")?.Attribute("m_id") is { } target)
            {
                arg0.TryAdd(source, target);
            }
        }

        var events = new List<((int, int), (int, int)?)>();
        foreach (var id in speechMentions)
        {
            if (!markables.TryGetValue(id, out var mention) || doc.Extent(mention) is not { } cue)
            {
                continue;
            }

            (int, int)? speaker = arg0.TryGetValue(id, out var who) && markables.TryGetValue(who, out var w) ? doc.Extent(w) : null;
            events.Add((cue, speaker));
        }

        return events;
    }

    private sealed record GoldQuote(string Kind, List<(int Start, int End)> Parts, string? Speaker, string Text);

    private sealed record GoldArticle(string Text, PublicationDate? Published, List<GoldQuote> Quotes);

    private sealed class Tally
    {
        public int Gold { get; set; }

        public int Found { get; set; }

        public int Matched { get; set; }

        public int SpeakerRight { get; set; }
    }

    private static GoldArticle? ReadGold(string file, out string problem)
    {
        problem = "";
        try
        {
            using var json = JsonDocument.Parse(File.ReadAllText(file));
            var root = json.RootElement;
            var raw = root.GetProperty("text").GetString() ?? "";
            var published = root.TryGetProperty("published", out var p) && p.GetString() is { } ps ? PublicationDate.TryParse(ps) : null;

            // Gold spans are located in the article text as Dateline reads it.
            var text = ArticleReader.Default.Read(raw, SourceInfo.Stdin, new ReadOptions { Format = InputFormat.Text }).Value?.Text ?? "";
            var quotes = new List<GoldQuote>();
            var from = 0;
            foreach (var q in root.GetProperty("quotes").EnumerateArray())
            {
                var quoteText = q.GetProperty("text").GetString() ?? "";
                var parts = new List<(int, int)>();
                foreach (var part in quoteText.Split(" … ", StringSplitOptions.RemoveEmptyEntries))
                {
                    var at = text.IndexOf(part, from, StringComparison.Ordinal);
                    if (at < 0)
                    {
                        problem = $"gold quote not found in the text: \"{part}\"";
                        return null;
                    }

                    parts.Add((at, at + part.Length));
                    from = at + part.Length;
                }

                var speaker = q.TryGetProperty("speaker", out var s) ? s.GetString() : null;
                quotes.Add(new GoldQuote(q.GetProperty("kind").GetString() ?? "direct", parts, speaker, quoteText));
            }

            return new GoldArticle(raw, published, quotes);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            problem = $"not a gold quote file ({ex.Message})";
            return null;
        }
    }

    private static void Score(Document d, List<GoldQuote> goldQuotes, Tally tally, StringBuilder report, string file, string? kind)
    {
        var gold = goldQuotes.Where(g => kind is null || g.Kind == kind).ToList();
        var found = d.Quotes.Where(q => kind is null || q.Kind == kind).ToList();
        tally.Gold += gold.Count;
        tally.Found += found.Count;
        var used = new bool[found.Count];
        foreach (var g in gold)
        {
            var best = -1;
            var bestOverlap = 0.0;
            for (var k = 0; k < found.Count; k++)
            {
                if (used[k])
                {
                    continue;
                }

                var overlap = Overlap(g.Parts, found[k].Parts);
                if (overlap > bestOverlap)
                {
                    best = k;
                    bestOverlap = overlap;
                }
            }

            if (best < 0 || bestOverlap < MinOverlap)
            {
                report.AppendLine(CultureInfo.InvariantCulture, $"{file}\tmissed\t{g.Kind}\t{g.Text}\t{g.Speaker}");
                continue;
            }

            used[best] = true;
            tally.Matched++;
            var q = found[best];
            if (SameSpeaker(d, q, g.Speaker))
            {
                tally.SpeakerRight++;
            }
            else
            {
                report.AppendLine(CultureInfo.InvariantCulture, $"{file}\tspeaker\t{g.Kind}\t{g.Text}\tgold={g.Speaker}\tfound={q.SpeakerName}");
            }
        }

        for (var k = 0; k < found.Count; k++)
        {
            if (!used[k])
            {
                report.AppendLine(CultureInfo.InvariantCulture, $"{file}\tspurious\t{found[k].Kind}\t{found[k].Text}\t{found[k].SpeakerName}");
            }
        }
    }

    /// <summary>Shared characters over the longer of the two, in [0, 1].</summary>
    private static double Overlap(List<(int Start, int End)> gold, System.Collections.Immutable.ImmutableArray<TextSpan> found)
    {
        var shared = 0;
        foreach (var g in gold)
        {
            foreach (var f in found)
            {
                shared += Math.Max(0, Math.Min(g.End, f.End) - Math.Max(g.Start, f.Start));
            }
        }

        var goldLength = gold.Sum(g => g.End - g.Start);
        var foundLength = found.Sum(f => f.Length);
        return shared / (double)Math.Max(1, Math.Max(goldLength, foundLength));
    }

    /// <summary>The same speaker: equal names, or one name's words all within the other's ("Yermak" / "Andriy Yermak"), or no speaker on both sides.</summary>
    private static bool SameSpeaker(Document d, Quote q, string? gold)
    {
        if (gold is null)
        {
            return q.SpeakerName is null && q.Speaker is null;
        }

        var names = new List<string>();
        if (q.SpeakerName is { } n)
        {
            names.Add(n);
        }

        if (q.Speaker is { } id && d.EntityById(id) is { } entity)
        {
            names.Add(entity.Name);
            names.AddRange(entity.Mentions.Where(m => m.Kind == "name").Select(m => m.Text));
        }

        var goldWords = Words(gold);
        return names.Any(name =>
        {
            var words = Words(name);
            return words.Count > 0 && (words.IsSubsetOf(goldWords) || goldWords.IsSubsetOf(words));
        });
    }

    private static HashSet<string> Words(string name) =>
        name.Split([' ', ',', '.', '’', '\''], StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w is not ("the" or "The" or "a" or "A" or "s"))
            .Select(w => w.ToLowerInvariant())
            .ToHashSet(StringComparer.Ordinal);

    private static void Row(Table table, string name, Tally t)
    {
        var p = t.Found == 0 ? 0 : t.Matched / (double)t.Found;
        var r = t.Gold == 0 ? 0 : t.Matched / (double)t.Gold;
        var f = p + r == 0 ? 0 : 2 * p * r / (p + r);
        var s = t.Matched == 0 ? 0 : t.SpeakerRight / (double)t.Matched;
        table.AddRow(
            name,
            t.Gold.ToString(CultureInfo.InvariantCulture),
            t.Found.ToString(CultureInfo.InvariantCulture),
            p.ToString("0.000", CultureInfo.InvariantCulture),
            r.ToString("0.000", CultureInfo.InvariantCulture),
            f.ToString("0.000", CultureInfo.InvariantCulture),
            s.ToString("0.000", CultureInfo.InvariantCulture));
    }
}
