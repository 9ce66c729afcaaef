using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Dateline.Extraction;
using Dateline.Model;
using Spectre.Console;

namespace Dateline.Cli.Commands.Eval;

/// <summary>
/// <c>dateline eval events PATH</c>: CAMEO events of whole articles against gold files in
/// Dateline's JSON event format: <c>{"published", "text", "events": [{"code", "source", "target", "date"}]}</c>.
/// </summary>
/// <remarks>
/// Scored at four levels, each a one-to-one matching in text order: (source, target, root code,
/// date) — the measure —, the same with the full code, the same without the date, and
/// actors' countries (first three letters) with the root code. Null actors match only nulls; a
/// gold event without a date matches any date. As in <c>eval cameo</c>, an event with no source
/// actor, a negated event ("has not responded", "did not impose sanctions") and a hypothetical one
/// ("if they succeed, the two could sign a treaty") are not counted as coded: the gold codes who
/// did what, and nothing that did not or may not happen.
/// </remarks>
internal static class EventsEval
{
    private sealed record GoldEvent(string Code, string? Source, string? Target, string? Date);

    private sealed record Level(string Name, Func<GoldEvent, Event, bool> Same)
    {
        public int Matched { get; set; }
    }

    public static Command Create()
    {
        var path = new Argument<string>("path") { Description = "A gold JSON file or a folder of them." };
        var errors = new Option<string?>("--errors") { Description = "Write missed and spurious events (at the first level) to this file." };
        var command = new Command("events", "Score CAMEO events of whole articles against gold files (Dateline JSON event format).") { path, errors };
        command.SetAction(parse =>
        {
            var root = parse.GetValue(path)!;
            var files = GoldFiles.Find(root);
            if (files.Length == 0)
            {
                Console.Error.WriteLine($"dateline: {root}: no gold .json files found");
                return Program.InputErrorExit;
            }

            static string? Country(string? actor) => actor is { Length: >= 3 } a ? a[..3] : actor;
            var levels = new[]
            {
                new Level("source, target, root code, date", (g, e) => g.Source == e.SourceActor && g.Target == e.TargetActor && g.Code[..2] == e.RootCode && (g.Date is null || g.Date == e.Date)),
                new Level("source, target, full code, date", (g, e) => g.Source == e.SourceActor && g.Target == e.TargetActor && g.Code == e.Code && (g.Date is null || g.Date == e.Date)),
                new Level("source, target, root code", (g, e) => g.Source == e.SourceActor && g.Target == e.TargetActor && g.Code[..2] == e.RootCode),
                new Level("actor countries, root code", (g, e) => Country(g.Source) == Country(e.SourceActor) && Country(g.Target) == Country(e.TargetActor) && g.Code[..2] == e.RootCode),
            };
            int gold = 0, found = 0, articles = 0;
            var report = new StringBuilder();
            foreach (var file in files)
            {
                if (Read(file, out var text, out var published, out var goldEvents) is { } problem)
                {
                    Console.Error.WriteLine($"dateline: skipped {file}: {problem}");
                    continue;
                }

                var read = ArticleReader.Default.Read(text, new SourceInfo("file", file, null), new ReadOptions { Published = published, Format = InputFormat.Text });
                if (read.Value is not { } input)
                {
                    Console.Error.WriteLine($"dateline: skipped {file}: {read.Error!.Message}");
                    continue;
                }

                articles++;
                var events = Pipeline.Default.Analyze(input).Events.Where(e => e.SourceActor is not null && e.Modality is not ("negated" or "hypothetical")).ToArray();
                gold += goldEvents.Count;
                found += events.Length;
                for (var l = 0; l < levels.Length; l++)
                {
                    var used = new bool[events.Length];
                    foreach (var g in goldEvents)
                    {
                        var k = Enumerable.Range(0, events.Length).FirstOrDefault(i => !used[i] && levels[l].Same(g, events[i]), -1);
                        if (k >= 0)
                        {
                            used[k] = true;
                            levels[l].Matched++;
                        }
                        else if (l == 0)
                        {
                            report.AppendLine(CultureInfo.InvariantCulture, $"{Path.GetFileName(file)}\tmissed\t{g.Code}\t{g.Source}\t{g.Target}\t{g.Date}");
                        }
                    }

                    if (l == 0)
                    {
                        for (var i = 0; i < events.Length; i++)
                        {
                            if (!used[i])
                            {
                                var e = events[i];
                                report.AppendLine(CultureInfo.InvariantCulture, $"{Path.GetFileName(file)}\tspurious\t{e.Code}\t{e.SourceActor}\t{e.TargetActor}\t{e.Date}\t{e.Modality}\t{e.Trigger.Text}");
                            }
                        }
                    }
                }
            }

            var table = new Table().Border(TableBorder.Rounded).AddColumn("matched on")
                .AddColumn(new TableColumn("precision").RightAligned()).AddColumn(new TableColumn("recall").RightAligned()).AddColumn(new TableColumn("F1").RightAligned());
            foreach (var level in levels)
            {
                var p = found == 0 ? 0 : level.Matched / (double)found;
                var r = gold == 0 ? 0 : level.Matched / (double)gold;
                var f = p + r == 0 ? 0 : 2 * p * r / (p + r);
                table.AddRow(level.Name, p.ToString("0.000", CultureInfo.InvariantCulture), r.ToString("0.000", CultureInfo.InvariantCulture), f.ToString("0.000", CultureInfo.InvariantCulture));
            }

            AnsiConsole.MarkupLine($"{articles} gold articles, {gold} gold events, {found} found");
            AnsiConsole.Write(table);
            GoldFiles.WriteErrors(parse.GetValue(errors), report.ToString());

            return 0;
        });
        return command;
    }

    /// <summary>Reads a gold file; returns why it cannot be used, or null.</summary>
    private static string? Read(string file, out string text, out PublicationDate? published, out List<GoldEvent> events)
    {
        text = "";
        published = null;
        events = [];
        try
        {
            using var json = JsonDocument.Parse(File.ReadAllText(file));
            var root = json.RootElement;
            text = root.GetProperty("text").GetString() ?? "";
            published = root.TryGetProperty("published", out var p) && p.GetString() is { } ps ? PublicationDate.TryParse(ps) : null;
            foreach (var e in root.GetProperty("events").EnumerateArray())
            {
                var code = e.GetProperty("code").GetString();
                if (code is not { Length: >= 2 })
                {
                    return "an event without a code";
                }

                events.Add(new GoldEvent(
                    code,
                    e.TryGetProperty("source", out var s) ? s.GetString() : null,
                    e.TryGetProperty("target", out var t) ? t.GetString() : null,
                    e.TryGetProperty("date", out var d) ? d.GetString() : null));
            }

            return null;
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return $"not a gold event file ({ex.Message})";
        }
    }
}
