using System.CommandLine;
using System.Text;
using Dateline.Extraction;
using Dateline.Json;
using Dateline.Cli.Commands.Store;
using Dateline.Model;

namespace Dateline.Cli.Commands;

/// <summary>
/// <c>dateline analyze FILE|URL|-</c>: one article, as a readable summary or contract JSON. A
/// web archive (.warc, .warc.gz), a JSON Lines file or a feed URL holds many: each is analysed
/// and printed in turn (JSON: one document per line), and each that fails is reported and skipped.
/// </summary>
internal static class AnalyzeCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "The article: a text or HTML file, an http(s) URL, or - for standard input; a .warc, .warc.gz or .jsonl file or a feed URL for many." };
        var published = new Option<string?>("--published") { Description = "Publication date (ISO 8601: 2025-05-13 or 2025-05-13T09:30:00+03:00); relative dates resolve against it." };
        var json = new Option<bool>("--json") { Description = "Write the document as JSON (dateline.document/1, see docs/CONTRACT.md)." };
        var pretty = new Option<bool>("--pretty") { Description = "Indent the JSON." };
        var format = new Option<InputFormat>("--format") { Description = "How to read the input.", DefaultValueFactory = _ => InputFormat.Auto };
        var maxBytes = new Option<long>("--max-bytes") { Description = "Refuse inputs larger than this many bytes.", DefaultValueFactory = _ => ReadOptions.DefaultMaxBytes };

        var command = new Command("analyze", "Analyse one article and print what it says.")
        {
            file, published, json, pretty, format, maxBytes,
        };
        var web = new WebOptions();
        web.AddTo(command);

        command.SetAction(parse =>
        {
            var cancellationToken = CancellationToken.None;
            PublicationDate? date = null;
            if (parse.GetValue(published) is { } value)
            {
                date = PublicationDate.TryParse(value);
                if (date is null)
                {
                    Console.Error.WriteLine($"dateline: --published '{value}' is not an ISO 8601 date (use 2025-05-13 or 2025-05-13T09:30:00+03:00)");
                    return Program.InputErrorExit;
                }
            }

            var max = parse.GetValue(maxBytes);
            if (max <= 0)
            {
                Console.Error.WriteLine("dateline: --max-bytes must be a positive number of bytes");
                return Program.InputErrorExit;
            }

            var options = new ReadOptions { Published = date, MaxBytes = max, Format = parse.GetValue(format) };
            var input = parse.GetValue(file)!;
            if (web.Read(parse, max) is not { } fetchOptions)
            {
                return Program.InputErrorExit;
            }

            if (WebSources.IsUrl(input) || IsCollection(input))
            {
                using var fetcher = new Dateline.Sources.ArticleFetcher(fetchOptions);
                var items = IngestSources.Enumerate([input], IngestFormat.Auto, options, new WebSources(fetcher, FeedSeen.None), cancellationToken);
                return AnalyzeMany(items, parse.GetValue(json), parse.GetValue(pretty), cancellationToken);
            }

            var read = InputFiles.Read(input, options);
            if (read.Error is { } error)
            {
                Console.Error.WriteLine($"dateline: {error.Message}");
                return Program.InputErrorExit;
            }

            Print(Pipeline.Default.Analyze(read.Value!, cancellationToken), parse.GetValue(json), parse.GetValue(pretty));
            return 0;
        });
        return command;
    }

    private static bool IsCollection(string path) =>
        path.EndsWith(".warc", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".warc.gz", StringComparison.OrdinalIgnoreCase)
        || path.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".ndjson", StringComparison.OrdinalIgnoreCase);

    /// <summary>Analyses every item; exit 0 when at least one was analysed, else the input error code.</summary>
    private static int AnalyzeMany(IEnumerable<IngestItem> items, bool json, bool pretty, CancellationToken cancellationToken)
    {
        var analysed = 0;
        var failed = 0;
        foreach (var item in items)
        {
            var read = item.Read();
            if (read.Error is { } error)
            {
                // Records that are not articles (WARC requests, non-HTML responses) are passed over quietly.
                if (error.Code != Input.InputErrorCode.Unsupported)
                {
                    Console.Error.WriteLine($"dateline: {error.Message} [{error.Reason}]");
                    failed++;
                }

                continue;
            }

            Print(Pipeline.Default.Analyze(read.Value!, cancellationToken), json, pretty, analysed > 0);
            analysed++;
        }

        if (analysed + failed > 1)
        {
            Console.Error.WriteLine($"dateline: {analysed} analysed, {failed} failed");
        }

        return analysed > 0 ? 0 : Program.InputErrorExit;
    }

    private static void Print(Document document, bool json, bool pretty, bool separate = false)
    {
        if (json)
        {
            using var stdout = Console.OpenStandardOutput();
            var buffer = new System.Buffers.ArrayBufferWriter<byte>();
            DocumentJson.Write(document, buffer, pretty);
            stdout.Write(buffer.WrittenSpan);
            stdout.Write("\n"u8);
        }
        else
        {
            Console.OutputEncoding = Encoding.UTF8;
            if (separate)
            {
                Console.WriteLine();
            }

            Summary.Render(document);
        }
    }
}
