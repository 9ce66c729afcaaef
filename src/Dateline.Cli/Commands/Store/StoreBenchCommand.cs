using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Dateline.Store;
using Dateline.Store.Sqlite;

namespace Dateline.Cli.Commands.Store;

/// <summary>
/// <c>dateline bench-store --db PATH --articles N</c>: fills a store with a generated corpus (when it
/// holds fewer articles) and measures query latency (p50/p95 of search, timeline, events, network),
/// store size per article and export rate, for BENCHMARKS.md.
/// </summary>
internal static class StoreBenchCommand
{
    public static Command Create()
    {
        var db = StoreOptions.Db();
        var articles = new Option<int>("--articles") { Description = "Fill the store up to this many generated articles first.", DefaultValueFactory = _ => 0 };
        var queries = new Option<int>("--queries") { Description = "Runs of each query kind.", DefaultValueFactory = _ => 200 };
        var command = new Command("bench-store", "Measure the store: query latency (p50/p95), size per article, export rate.") { db, articles, queries };
        command.SetAction(parse =>
        {
            using var store = StoreOptions.Open(parse.GetValue(db));
            if (store is null)
            {
                return StoreOptions.StoreErrorExit;
            }

            try
            {
                Fill(store, parse.GetValue(articles));
                Measure(store, Math.Max(10, parse.GetValue(queries)));
                return 0;
            }
            catch (StoreException ex)
            {
                Console.Error.WriteLine($"dateline: {ex.Message}");
                return StoreOptions.StoreErrorExit;
            }
        });
        return command;
    }

    private static readonly string[] FileSuffixes = ["", "-wal"];

    private static void Fill(IArticleStore store, int target)
    {
        var have = store.Stats().Articles;
        if (have >= target)
        {
            return;
        }

        var corpus = new SyntheticCorpus(seed: 8);
        var n = 0;
        while (have < target)
        {
            var lap = Stopwatch.StartNew();
            var count = (int)Math.Min(1000, target - have);
            var batch = Enumerable.Range(n, count).Select(corpus.Next).ToList();
            n += count;
            have += store.Write(batch).Count(o => o.Status == WriteStatus.Stored);
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"dateline: {have:N0} articles, last 1,000 at {count / lap.Elapsed.TotalSeconds:N0}/s (generate, analyse and write on one thread)"));
        }
    }

    private static void Measure(IArticleStore store, int runs)
    {
        var stats = store.Stats();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"store: {store.Kind} {store.Description}: {stats.Articles:N0} articles, {stats.Events:N0} events, {stats.Quotes:N0} quotes, {stats.Copies:N0} copies"));
        if (store is SqliteStore)
        {
            var bytes = FileSuffixes.Select(s => new FileInfo(store.Description + s)).Where(f => f.Exists).Sum(f => f.Length);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"size: {bytes / 1048576.0:N1} MiB, {bytes / (double)Math.Max(1, stats.Articles):N0} bytes per article"));
        }

        var random = new Random(5);
        var actors = SyntheticCorpus.ActorCodes;
        var terms = SyntheticCorpus.SearchTerms;
        var people = SyntheticCorpus.People;

        // Stories to ask for: those of a fixed sample of articles.
        var sample = store.StoredIds().Order(StringComparer.Ordinal).Where((_, i) => i % 997 == 0).ToArray();
        Report("search (20 hits)", runs, () => store.Search(new SearchQuery(terms[random.Next(terms.Length)]) { Limit = 20 }).Count);
        Report("search + day range", runs, () =>
        {
            var from = new DateOnly(2024, 1, 1).AddDays(random.Next(700));
            return store.Search(new SearchQuery(terms[random.Next(terms.Length)]) { Days = new(from, from.AddDays(30)), Limit = 20 }).Count;
        });
        Report("search + outlet", runs, () => store.Search(new SearchQuery(terms[random.Next(terms.Length)]) { Outlet = $"news{random.Next(37)}.example", Limit = 20 }).Count);
        Report("search + day range + outlet", runs, () =>
        {
            var from = new DateOnly(2024, 1, 1).AddDays(random.Next(700));
            return store.Search(new SearchQuery(terms[random.Next(terms.Length)]) { Days = new(from, from.AddDays(30)), Outlet = $"news{random.Next(37)}.example", Limit = 20 }).Count;
        });
        Report("timeline --actor (code, 1 month)", runs, () =>
        {
            var from = new DateOnly(2024, 1, 1).AddDays(random.Next(700));
            return store.Events(new EventQuery { EitherSide = actors[random.Next(actors.Length)], Days = new(from, from.AddDays(30)) }).Count;
        });
        Report("timeline --actor (name, 100 rows)", runs, () => store.Events(new EventQuery { EitherSide = "varga", Days = new(new DateOnly(2024, 1, 1).AddDays(random.Next(700)), null), Limit = 100 }).Count);
        Report("timeline --actor (full name, 1 month)", runs, () =>
        {
            var from = new DateOnly(2024, 1, 1).AddDays(random.Next(700));
            return store.Events(new EventQuery { EitherSide = people[random.Next(people.Length)], Days = new(from, from.AddDays(30)) }).Count;
        });
        Report("timeline --story", runs, () => store.Events(new EventQuery { Story = sample[random.Next(sample.Length)], Limit = 1000 }).Count);
        Report("events --actor --target --code", runs, () => store.Events(new EventQuery { Actor = actors[random.Next(actors.Length)], Target = "OST", Code = "1", Limit = 100 }).Count);
        Report("events --actor NAME --code --from --to", runs, () =>
        {
            var from = new DateOnly(2024, 1, 1).AddDays(random.Next(700));
            return store.Events(new EventQuery { Actor = people[random.Next(people.Length)], Code = "0", Days = new(from, from.AddDays(60)), Limit = 100 }).Count;
        });
        Report("quotes --speaker NAME (100 rows)", runs, () => store.Quotes(new QuoteQuery(people[random.Next(people.Length)]) { Limit = 100 }).Count);
        Report("network (1 month)", Math.Max(10, runs / 10), () =>
        {
            var from = new DateOnly(2024, 1, 1).AddDays(random.Next(700));
            return store.Network(new NetworkQuery { Days = new(from, from.AddDays(30)) }).Count;
        });

        var clock = Stopwatch.StartNew();
        var rows = ExportCommand.Export(store, ExportFormat.GdeltEvents, TextWriter.Null, CancellationToken.None);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"export gdelt-events: {rows:N0} rows in {clock.Elapsed.TotalSeconds:N2} s ({rows / clock.Elapsed.TotalSeconds:N0} rows/s)"));
        clock.Restart();
        rows = ExportCommand.Export(store, ExportFormat.Json, TextWriter.Null, CancellationToken.None);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"export json: {rows:N0} articles in {clock.Elapsed.TotalSeconds:N2} s ({rows / clock.Elapsed.TotalSeconds:N0} articles/s)"));
    }

    private static void Report(string name, int runs, Func<int> query)
    {
        for (var i = 0; i < 5; i++)
        {
            query();
        }

        var times = new double[runs];
        long found = 0;
        // CPU time of the process over all runs: on a shared machine the wall-clock times include
        // waiting for a core, the CPU time does not.
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        for (var i = 0; i < runs; i++)
        {
            var clock = Stopwatch.StartNew();
            found += query();
            times[i] = clock.Elapsed.TotalMilliseconds;
        }

        var cpuPerRun = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / runs;
        Array.Sort(times);
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{name}: p50 {times[runs / 2]:N1} ms, p95 {times[(int)(runs * 0.95)]:N1} ms, max {times[^1]:N1} ms, CPU {cpuPerRun:N1} ms per run ({runs} runs, {found / (double)runs:N0} rows each)"));
    }
}
