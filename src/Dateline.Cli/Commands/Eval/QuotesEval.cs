using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
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
        var path = new Argument<string>("path") { Description = "A gold JSON file or a folder of them." };
        var errors = new Option<string?>("--errors") { Description = "Write every missed, spurious and misattributed quote to this file." };
        var command = new Command("quotes", "Score quote spans and speakers against gold articles (Dateline JSON quote format).") { path, errors };
        command.SetAction(parse =>
        {
            var root = parse.GetValue(path)!;
            var files = Directory.Exists(root)
                ? Directory.GetFiles(root, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray()
                : File.Exists(root) ? [root] : [];
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
            if (parse.GetValue(errors) is { } errorFile)
            {
                File.WriteAllText(errorFile, report.ToString());
                AnsiConsole.MarkupLine($"errors written to {Markup.Escape(errorFile)}");
            }

            return 0;
        });
        return command;
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

        if (q.Speaker is { } id && d.Entities.FirstOrDefault(e => e.Id == id) is { } entity)
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
