using System.Collections.Concurrent;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Threading.Channels;
using Dateline.Extraction;
using Dateline.Input;
using Dateline.Model;
using Dateline.Store;
using Spectre.Console;

namespace Dateline.Cli.Commands.Store;

/// <summary>
/// <c>dateline ingest SOURCES…</c>: reads, analyses (on every core) and stores articles, one writer
/// committing one transaction per batch. Idempotent and resumable: what is stored is skipped before
/// analysis, and a run killed at any point leaves whole batches only.
/// </summary>
internal static class IngestCommand
{
    public static Command Create()
    {
        var sources = new Argument<string[]>("sources") { Description = "Files, directories, globs (quote them: 'news/**/*.html'), JSON Lines files (.jsonl), web archives (.warc, .warc.gz), Reuters SGML (.sgm, .sgm.gz), page or feed URLs (RSS, Atom, JSON Feed: only new entries are fetched), or - for JSON Lines on standard input.", Arity = ArgumentArity.OneOrMore };
        var db = StoreOptions.Db();
        var format = new Option<IngestFormat>("--format") { Description = "How to read the sources (auto decides by file name).", DefaultValueFactory = _ => IngestFormat.Auto };
        var published = new Option<string?>("--published") { Description = "Publication date for articles that carry none (ISO 8601)." };
        var batch = new Option<int>("--batch-size") { Description = "Articles per transaction.", DefaultValueFactory = _ => 256 };
        var threads = new Option<int>("--threads") { Description = "Analysis threads (default: one per core).", DefaultValueFactory = _ => Environment.ProcessorCount };
        var quiet = new Option<bool>("--quiet") { Description = "No progress, only the summary." };
        var maxBytes = new Option<long>("--max-bytes") { Description = "Refuse articles (files, pages, archive records) larger than this many bytes.", DefaultValueFactory = _ => ReadOptions.DefaultMaxBytes };
        var command = new Command("ingest", "Read, analyse and store articles; re-running skips what is stored and finishes the rest.")
        {
            sources, db, format, published, batch, threads, quiet, maxBytes,
        };
        var web = new WebOptions();
        web.AddTo(command);

        command.SetAction((parse, cancellationToken) =>
        {
            PublicationDate? date = null;
            if (parse.GetValue(published) is { } value && (date = PublicationDate.TryParse(value)) is null)
            {
                Console.Error.WriteLine($"dateline: --published '{value}' is not an ISO 8601 date (use 2025-05-13)");
                return Task.FromResult(Program.InputErrorExit);
            }

            var batchSize = parse.GetValue(batch);
            var workers = parse.GetValue(threads);
            var max = parse.GetValue(maxBytes);
            if (batchSize < 1 || workers < 1 || max < 1)
            {
                Console.Error.WriteLine("dateline: --batch-size, --threads and --max-bytes must be positive");
                return Task.FromResult(Program.InputErrorExit);
            }

            using var store = StoreOptions.Open(parse.GetValue(db));
            if (store is null)
            {
                return Task.FromResult(StoreOptions.StoreErrorExit);
            }

            if (web.Read(parse, max) is not { } fetchOptions)
            {
                return Task.FromResult(Program.InputErrorExit);
            }

            var arguments = parse.GetValue(sources)!;
            using var fetcher = new Dateline.Sources.ArticleFetcher(fetchOptions);
            var seen = FeedMemory.Load(store, arguments);
            if (seen is null)
            {
                return Task.FromResult(StoreOptions.StoreErrorExit);
            }

            var run = new IngestRun(store, batchSize, workers);
            var items = IngestSources.Enumerate(arguments, parse.GetValue(format), new ReadOptions { Published = date, MaxBytes = max }, new WebSources(fetcher, seen), cancellationToken);
            var exit = run.Execute(items, parse.GetValue(quiet), cancellationToken);
            return Task.FromResult(exit == 0 ? FeedMemory.Save(store, seen) : exit);
        });
        return command;
    }
}

/// <summary>One ingest: a producer, analysis workers, one writer, and the tallies they share.</summary>
internal sealed class IngestRun(IArticleStore store, int batchSize, int workers)
{
    private readonly ConcurrentDictionary<string, byte> seen = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<(string Name, string Reason, string Message)> failures = new();
    private readonly Stopwatch clock = new();
    private long enumerated;
    private long done;
    private long stored;
    private long duplicates;
    private long copies;
    private long failed;
    private long skipped;
    private readonly ConcurrentDictionary<string, long> skippedWhy = new(StringComparer.Ordinal);
    private volatile bool enumerationComplete;

    public int Execute(IEnumerable<IngestItem> items, bool quiet, CancellationToken cancellationToken)
    {
        clock.Start();
        IReadOnlySet<string> known;
        try
        {
            known = store.StoredIds(cancellationToken);
        }
        catch (StoreException ex)
        {
            Console.Error.WriteLine($"dateline: {ex.Message}");
            return StoreOptions.StoreErrorExit;
        }

        var work = Channel.CreateBounded<IngestItem>(new BoundedChannelOptions(workers * 64) { SingleWriter = true });
        var results = Channel.CreateBounded<Document>(new BoundedChannelOptions(batchSize * 4) { SingleReader = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var token = stop.Token;

        var producer = Task.Run(
            async () =>
            {
                try
                {
                    foreach (var item in items)
                    {
                        Interlocked.Increment(ref enumerated);
                        await work.Writer.WriteAsync(item, token).ConfigureAwait(false);
                    }
                }
                finally
                {
                    enumerationComplete = true;
                    work.Writer.TryComplete();
                }
            },
            token);

        var analysers = Enumerable.Range(0, workers).Select(_ => Task.Run(
            async () =>
            {
                await foreach (var item in work.Reader.ReadAllAsync(token).ConfigureAwait(false))
                {
                    if (Analyse(item, known, token) is { } document)
                    {
                        await results.Writer.WriteAsync(document, token).ConfigureAwait(false);
                    }
                }
            },
            token)).ToArray();
        _ = Task.WhenAll(analysers).ContinueWith(_ => results.Writer.TryComplete(), TaskScheduler.Default);

        Exception? storeFailure = null;
        var interactive = !quiet && !Console.IsErrorRedirected && AnsiConsole.Profile.Capabilities.Interactive;
        try
        {
            if (interactive)
            {
                AnsiConsole.Progress()
                    .AutoClear(true)
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
                    .Start(context =>
                    {
                        var task = context.AddTask("ingest", maxValue: 1);
                        WriteAll(results.Reader, () =>
                        {
                            task.MaxValue = Math.Max(1, Interlocked.Read(ref enumerated));
                            task.Value = Interlocked.Read(ref done);
                            task.Description = Markup.Escape(Line());
                        }, token);
                    });
            }
            else
            {
                var last = Stopwatch.StartNew();
                WriteAll(results.Reader, () =>
                {
                    if (!quiet && last.Elapsed >= TimeSpan.FromSeconds(2))
                    {
                        Console.Error.WriteLine("dateline: ingest " + Line());
                        last.Restart();
                    }
                }, token);
            }
        }
        catch (StoreException ex)
        {
            storeFailure = ex;
        }
        catch (OperationCanceledException)
        {
            // Ctrl-C: what was committed stays; the summary says where it stopped.
        }
        finally
        {
            stop.Cancel();
        }

        try
        {
            Task.WaitAll([producer, .. analysers]);
        }
        catch (AggregateException ex) when (ex.InnerExceptions.All(e => e is OperationCanceledException))
        {
        }
        catch (AggregateException ex) when (ex.InnerExceptions.FirstOrDefault(e => e is not OperationCanceledException) is { } inner)
        {
            storeFailure ??= inner;
        }

        PrintSummary(cancellationToken.IsCancellationRequested);
        if (storeFailure is not null)
        {
            Console.Error.WriteLine($"dateline: {storeFailure.Message}");
            Console.Error.WriteLine("dateline: every committed batch is kept; run the same command again to finish.");
            return StoreOptions.StoreErrorExit;
        }

        return cancellationToken.IsCancellationRequested ? 130 : 0;
    }

    private Document? Analyse(IngestItem item, IReadOnlySet<string> known, CancellationToken token)
    {
        try
        {
            var read = item.Read();
            if (read.Error is { Code: InputErrorCode.Unsupported } unsupported)
            {
                // Not an article at all (a WARC request or metadata record, a non-HTML response): skipped, not failed.
                var why = unsupported.Message[(unsupported.Message.LastIndexOf(": ", StringComparison.Ordinal) + 1)..].Trim();
                skippedWhy.AddOrUpdate(why, 1, (_, n) => n + 1);
                Interlocked.Increment(ref skipped);
                Interlocked.Increment(ref done);
                return null;
            }

            if (read.Error is { } error)
            {
                Fail(item.Name, error.Reason, error.Message);
                return null;
            }

            var document = read.Value!;
            if (known.Contains(document.Id) || !seen.TryAdd(document.Id, 0))
            {
                Interlocked.Increment(ref duplicates);
                Interlocked.Increment(ref done);
                return null;
            }

            return Pipeline.Default.Analyze(document, token);
        }
        catch (StageFailedException ex)
        {
            Fail(item.Name, "analysis", $"{item.Name}: {ex.Message}");
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Fail(item.Name, "unreadable", $"{item.Name}: cannot be read ({ex.Message})");
            return null;
        }
    }

    private void Fail(string name, string reason, string message)
    {
        failures.Enqueue((name, reason, message));
        Interlocked.Increment(ref failed);
        Interlocked.Increment(ref done);
    }

    private void WriteAll(ChannelReader<Document> reader, Action report, CancellationToken token)
    {
        var batch = new List<Document>(batchSize);
        while (true)
        {
            // Wait for the next analysed article, reporting progress while waiting.
            var wait = reader.WaitToReadAsync(token).AsTask();
            while (!wait.Wait(TimeSpan.FromMilliseconds(200), token))
            {
                report();
            }

            if (!wait.Result)
            {
                break;
            }

            while (batch.Count < batchSize && reader.TryRead(out var document))
            {
                batch.Add(document);
            }

            foreach (var outcome in store.Write(batch, token))
            {
                if (outcome.Status == WriteStatus.Stored)
                {
                    stored++;
                    copies += outcome.CopyOf is null ? 0 : 1;
                }
                else
                {
                    Interlocked.Increment(ref duplicates);
                }
            }

            Interlocked.Add(ref done, batch.Count);
            batch.Clear();
            report();
        }

        report();
    }

    private string Line()
    {
        var seconds = Math.Max(clock.Elapsed.TotalSeconds, 0.001);
        var rate = Interlocked.Read(ref done) / seconds;
        var total = enumerationComplete ? Interlocked.Read(ref enumerated).ToString("N0", CultureInfo.InvariantCulture) : "?";
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{Interlocked.Read(ref done):N0}/{total} articles, {stored:N0} stored, {Interlocked.Read(ref duplicates):N0} duplicates, {Interlocked.Read(ref failed):N0} failed, {rate:N0}/s");
    }

    private void PrintSummary(bool interrupted)
    {
        var seconds = clock.Elapsed.TotalSeconds;
        var rate = seconds > 0 ? stored / seconds : 0;
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{(interrupted ? "Interrupted" : "Ingested")} into {store.Kind} {store.Description}: {stored:N0} stored ({copies:N0} linked as copies), {duplicates:N0} duplicates, {failed:N0} failed{(skipped > 0 ? $", {skipped:N0} skipped (not articles)" : "")}, in {seconds:N1} s ({rate:N0} articles/s)"));
        foreach (var (why, count) in skippedWhy.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Take(10))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  skipped ({why}): {count:N0}"));
        }

        if (failures.IsEmpty)
        {
            return;
        }

        foreach (var group in failures.GroupBy(f => f.Reason, StringComparer.Ordinal).OrderByDescending(g => g.Count()))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  failed ({group.Key}): {group.Count():N0}"));
            foreach (var f in group.OrderBy(f => f.Name, StringComparer.Ordinal).Take(10))
            {
                Console.WriteLine($"    {f.Message}");
            }

            if (group.Count() > 10)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    … and {group.Count() - 10:N0} more"));
            }
        }
    }
}
