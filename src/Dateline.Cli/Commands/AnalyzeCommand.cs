using System.CommandLine;
using System.Text;
using Dateline.Extraction;
using Dateline.Json;
using Dateline.Model;

namespace Dateline.Cli.Commands;

/// <summary><c>dateline analyze FILE|-</c>: one article, as a readable summary or contract JSON.</summary>
internal static class AnalyzeCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "The article: a text or HTML file, or - for standard input." };
        var published = new Option<string?>("--published") { Description = "Publication date (ISO 8601: 2025-05-13 or 2025-05-13T09:30:00+03:00); relative dates resolve against it." };
        var json = new Option<bool>("--json") { Description = "Write the document as JSON (dateline.document/1, see docs/CONTRACT.md)." };
        var pretty = new Option<bool>("--pretty") { Description = "Indent the JSON." };
        var format = new Option<InputFormat>("--format") { Description = "How to read the input.", DefaultValueFactory = _ => InputFormat.Auto };
        var maxBytes = new Option<long>("--max-bytes") { Description = "Refuse inputs larger than this many bytes.", DefaultValueFactory = _ => ReadOptions.DefaultMaxBytes };

        var command = new Command("analyze", "Analyse one article and print what it says.")
        {
            file, published, json, pretty, format, maxBytes,
        };

        command.SetAction(parse =>
        {
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
            var read = InputFiles.Read(parse.GetValue(file)!, options);
            if (read.Error is { } error)
            {
                Console.Error.WriteLine($"dateline: {error.Message}");
                return Program.InputErrorExit;
            }

            var document = Pipeline.Default.Analyze(read.Value!);
            if (parse.GetValue(json))
            {
                using var stdout = Console.OpenStandardOutput();
                var buffer = new System.Buffers.ArrayBufferWriter<byte>();
                DocumentJson.Write(document, buffer, parse.GetValue(pretty));
                stdout.Write(buffer.WrittenSpan);
                stdout.Write("\n"u8);
            }
            else
            {
                Console.OutputEncoding = Encoding.UTF8;
                Summary.Render(document);
            }

            return 0;
        });
        return command;
    }
}
