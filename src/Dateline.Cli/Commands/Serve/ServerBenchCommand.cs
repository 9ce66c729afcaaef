using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Dateline.Cli.Commands.Store;
using Dateline.Server;
using Dateline.Store;

namespace Dateline.Cli.Commands.Serve;

/// <summary>
/// <c>dateline bench-server</c>: a load generator on loopback. Starts a server in this process
/// (rate limit and request logs off), then N clients post one article to <c>POST /api/analyze</c>
/// as fast as answers come, for a fixed time: requests/s and latency percentiles. With a store,
/// also times article pages (<c>GET /articles/{id}</c>) one at a time.
/// </summary>
internal static partial class ServerBenchCommand
{
    public static Command Create()
    {
        var db = StoreOptions.Db();
        var file = new Option<string?>("--file") { Description = "The article to post (default: the samples joined and cut to about 600 words)." };
        var words = new Option<int>("--words") { Description = "Cut the article to this many words.", DefaultValueFactory = _ => 600 };
        var clients = new Option<int>("--clients") { Description = "Concurrent clients.", DefaultValueFactory = _ => 32 };
        var seconds = new Option<int>("--seconds") { Description = "Measured seconds (after 3 s of warm-up).", DefaultValueFactory = _ => 10 };
        var pages = new Option<int>("--pages") { Description = "Article pages to time (needs --db with articles).", DefaultValueFactory = _ => 200 };
        var command = new Command("bench-server", "Measure the server on loopback: POST /api/analyze throughput and latency, article page time.") { db, file, words, clients, seconds, pages };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var text = parse.GetValue(file) is { } path ? await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false) : Samples();
            text = Cut(text, parse.GetValue(words));
            var temporary = parse.GetValue(db) is null ? Path.Combine(Path.GetTempPath(), $"dateline-bench-{Environment.ProcessId}.db") : null;
            var app = DatelineServer.Build(new ServerOptions
            {
                Db = parse.GetValue(db) ?? temporary,
                Urls = "http://127.0.0.1:0",
                PublicRead = true,
                RateLimitPerMinute = 0,
                RequestLogs = false,
            });
            await using (app.ConfigureAwait(false))
            {
                await app.StartAsync(cancellationToken).ConfigureAwait(false);
                var baseUrl = new Uri(app.Urls.First());
                Console.WriteLine($"server {baseUrl}, {Environment.ProcessorCount} cores, article of {WordCount(text)} words, {parse.GetValue(clients)} clients");
                await Analyze(baseUrl, text, parse.GetValue(clients), parse.GetValue(seconds), cancellationToken).ConfigureAwait(false);
                if (parse.GetValue(db) is not null)
                {
                    await Pages(app, baseUrl, parse.GetValue(pages), cancellationToken).ConfigureAwait(false);
                }

                await app.StopAsync(cancellationToken).ConfigureAwait(false);
            }

            if (temporary is not null)
            {
                foreach (var suffix in (ReadOnlySpan<string>)["", "-wal", "-shm"])
                {
                    File.Delete(temporary + suffix);
                }
            }

            return 0;
        });
        return command;
    }

    private static async Task Analyze(Uri baseUrl, string text, int clients, int seconds, CancellationToken cancellationToken)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = clients, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
        using var http = new HttpClient(handler) { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(30) };
        var body = new { text, published = "2026-03-04" };
        var latencies = new List<double>[clients];
        var failures = 0;
        var warmUntil = Stopwatch.GetTimestamp() + (3 * Stopwatch.Frequency);
        var endAt = warmUntil + (seconds * Stopwatch.Frequency);
        var cpuAtWarm = TimeSpan.Zero;
        var cpuWatch = Task.Run(async () =>
        {
            // The process's CPU time over the measured window: with other work on the machine,
            // requests per CPU-second tell what the server costs, whatever share it was given.
            await Task.Delay(TimeSpan.FromSeconds(3), cancellationToken).ConfigureAwait(false);
            cpuAtWarm = Process.GetCurrentProcess().TotalProcessorTime;
        }, cancellationToken);
        var workers = Enumerable.Range(0, clients).Select(async i =>
        {
            var mine = latencies[i] = [];
            while (Stopwatch.GetTimestamp() < endAt && !cancellationToken.IsCancellationRequested)
            {
                var start = Stopwatch.GetTimestamp();
                using var response = await http.PostAsJsonAsync("/api/analyze", body, cancellationToken).ConfigureAwait(false);
                await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
                if (!response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref failures);
                }
                else if (start >= warmUntil)
                {
                    mine.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                }
            }
        }).ToArray();
        await Task.WhenAll(workers).ConfigureAwait(false);
        await cpuWatch.ConfigureAwait(false);
        var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuAtWarm).TotalSeconds;
        var all = latencies.SelectMany(l => l).Order().ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"POST /api/analyze: {all.Count / (double)seconds:N0} requests/s over {seconds} s, p50 {Percentile(all, 0.50):0.0} ms, p99 {Percentile(all, 0.99):0.0} ms, {failures} failed"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"CPU: {cpu:0.0} core-seconds for {all.Count:N0} requests = {all.Count / Math.Max(0.001, cpu):N0} requests per core-second (server and clients together); load average {LoadAverage()}"));
    }

    private static async Task Pages(Microsoft.AspNetCore.Builder.WebApplication app, Uri baseUrl, int count, CancellationToken cancellationToken)
    {
        var stores = (Dateline.Server.Hosting.StorePool)app.Services.GetService(typeof(Dateline.Server.Hosting.StorePool))!;
        var total = stores.Use(s => s.Stats().Articles);
        if (total == 0 || count <= 0)
        {
            return;
        }

        // Articles spread over the store: the latest page's first ids are the newest; take ids from many pages.
        var ids = new List<string>();
        for (var offset = 0; ids.Count < count && offset < total; offset += (int)Math.Max(1, total / count))
        {
            ids.AddRange(stores.Use(s => s.Latest(DayRange.All, 1, offset)).Select(a => a.Id));
        }

        using var http = new HttpClient { BaseAddress = baseUrl };
        var times = new List<double>();
        long bytes = 0;
        foreach (var id in ids.Take(count))
        {
            var start = Stopwatch.GetTimestamp();
            using var response = await http.GetAsync(new Uri($"/articles/{id}", UriKind.Relative), cancellationToken).ConfigureAwait(false);
            var page = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            response.EnsureSuccessStatusCode();
            bytes += page.Length;
        }

        // The first pages compile and warm caches; time the rest.
        var measured = times.Skip(Math.Min(10, times.Count / 4)).Order().ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"GET /articles/{{id}} on a store of {total:N0} articles: {measured.Count} pages, p50 {Percentile(measured, 0.50):0.0} ms, p95 {Percentile(measured, 0.95):0.0} ms, max {measured.LastOrDefault():0.0} ms, {bytes / Math.Max(1, times.Count) / 1024.0:0.0} KiB per page"));
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static double Percentile(List<double> sorted, double p) => sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)(p * sorted.Count))];

    private static string Samples()
    {
        var folder = Directory.Exists("samples") ? "samples" : throw new FileNotFoundException("no samples folder here: give --file");
        return string.Join("\n\n", Directory.EnumerateFiles(folder, "*.txt").Order(StringComparer.Ordinal).Select(File.ReadAllText));
    }

    private static string Cut(string text, int words)
    {
        var count = 0;
        foreach (Match match in Word().Matches(text))
        {
            if (++count == words)
            {
                return text[..(match.Index + match.Length)] + ".";
            }
        }

        return text;
    }

    private static int WordCount(string text) => Word().Count(text);

    [GeneratedRegex(@"\S+", RegexOptions.CultureInvariant)]
    private static partial Regex Word();
}
