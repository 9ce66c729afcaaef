using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Dateline.Extraction;
using Dateline.Model;
using Spectre.Console;

namespace Dateline.Cli.Commands;

/// <summary>
/// <c>dateline bench FILES…</c>: whole-file throughput of the analysis, in words per second on
/// one core, for the whole pipeline and for each stage alone.
/// </summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("files") { Description = "Articles to analyse (text or HTML).", Arity = ArgumentArity.OneOrMore };
        var seconds = new Option<double>("--seconds") { Description = "Measure each figure for about this long.", DefaultValueFactory = _ => 2.0 };
        var published = new Option<string?>("--published") { Description = "Publication date for every file (ISO 8601)." };
        var command = new Command("bench", "Measure analysis throughput (words per second per core) on some articles.")
        {
            files, seconds, published,
        };

        command.SetAction(parse =>
        {
            var date = parse.GetValue(published) is { } p ? PublicationDate.TryParse(p) : null;
            var documents = new List<Document>();
            foreach (var path in parse.GetValue(files)!)
            {
                var read = InputFiles.Read(path, new ReadOptions { Published = date });
                if (read.Error is { } error)
                {
                    Console.Error.WriteLine($"dateline: skipped {error.Message}");
                    continue;
                }

                documents.Add(read.Value!);
            }

            if (documents.Count == 0)
            {
                Console.Error.WriteLine("dateline: no readable article to measure");
                return Program.InputErrorExit;
            }

            Run(documents, TimeSpan.FromSeconds(Math.Max(0.1, parse.GetValue(seconds))));
            return 0;
        });
        return command;
    }

    private static void Run(List<Document> documents, TimeSpan budget)
    {
        var pipeline = Pipeline.Default;

        // Inputs for each stage: the documents as the stage before left them.
        var inputs = new List<Document[]> { documents.ToArray() };
        foreach (var stage in pipeline.Stages)
        {
            inputs.Add(inputs[^1].Select(d => stage.Process(d, CancellationToken.None)).ToArray());
        }

        var words = inputs[^1].Sum(d => (long)d.WordCount);
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("what").AddColumn(new TableColumn("words/s per core").RightAligned())
            .AddColumn(new TableColumn("µs per article").RightAligned()).AddColumn(new TableColumn("runs").RightAligned());

        void WholePipeline()
        {
            foreach (var d in inputs[0])
            {
                pipeline.Analyze(d);
            }
        }

        // Warm every stage up (tiered JIT reaches its optimized code only after many calls)
        // before the first figure is taken.
        var warm = System.Diagnostics.Stopwatch.StartNew();
        while (warm.Elapsed < TimeSpan.FromSeconds(Math.Max(1, budget.TotalSeconds)))
        {
            WholePipeline();
        }

        var rows = new List<(string What, double Rate, double PerArticle, int Runs)>();
        for (var s = 0; s < pipeline.Stages.Length; s++)
        {
            var stage = pipeline.Stages[s];
            var input = inputs[s];
            var (stageRate, stagePerArticle, stageRuns) = Measure(budget, words, documents.Count, () =>
            {
                foreach (var d in input)
                {
                    stage.Process(d, CancellationToken.None);
                }
            });
            rows.Add(($"stage: {stage.Name}", stageRate, stagePerArticle, stageRuns));
        }

        var (rate, perArticle, runs) = Measure(budget, words, documents.Count, WholePipeline);
        table.AddRow("whole pipeline", Format(rate), Format(perArticle), runs.ToString(CultureInfo.InvariantCulture));
        foreach (var row in rows)
        {
            table.AddRow(row.What, Format(row.Rate), Format(row.PerArticle), row.Runs.ToString(CultureInfo.InvariantCulture));
        }

        AnsiConsole.MarkupLine($"{documents.Count} articles, {words:N0} words, one thread, {Environment.ProcessorCount} cores on this machine");
        AnsiConsole.Write(table);
    }

    private static (double WordsPerSecond, double MicrosPerArticle, int Runs) Measure(TimeSpan budget, long words, int articles, Action run)
    {
        // Warm up (tiered JIT), then run whole passes until the budget is spent.
        var warm = Stopwatch.StartNew();
        while (warm.Elapsed < budget / 4)
        {
            run();
        }

        var runs = 0;
        var clock = Stopwatch.StartNew();
        do
        {
            run();
            runs++;
        }
        while (clock.Elapsed < budget);

        var seconds = clock.Elapsed.TotalSeconds;
        return (words * runs / seconds, seconds * 1e6 / (runs * (double)articles), runs);
    }

    private static string Format(double value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
