using System.CommandLine;
using System.Text;
using Dateline.Store;
using Dateline.Store.Export;

namespace Dateline.Cli.Commands.Store;

/// <summary>What <c>dateline export</c> writes.</summary>
internal enum ExportFormat
{
    /// <summary>Every article's contract JSON, one per line.</summary>
    Json,
    /// <summary>Every event mention as CSV with a header row.</summary>
    Csv,
    /// <summary>GDELT 2.0's event table: deduplicated events, 61 tab-separated columns.</summary>
    GdeltEvents,
    /// <summary>GDELT 2.0's mentions table: one row per event per article, 16 columns.</summary>
    GdeltMentions,
}

/// <summary><c>dateline export</c>: streams the store out row by row, in constant memory.</summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var db = StoreOptions.Db();
        var format = new Option<ExportFormat>("--format")
        {
            Description = "json, csv, gdelt-events or gdelt-mentions.",
            DefaultValueFactory = _ => ExportFormat.Json,
            CustomParser = r =>
            {
                if (Parse(r.Tokens[0].Value) is { } known)
                {
                    return known;
                }

                r.AddError($"unknown export format '{r.Tokens[0].Value}' (json, csv, gdelt-events, gdelt-mentions)");
                return default;
            },
        };
        var output = new Option<string?>("--output", "-o") { Description = "Write to this file instead of standard output." };
        var command = new Command("export", "Export the store: contract JSON, CSV, or GDELT 2.0 event and mention tables.") { db, format, output };
        command.SetAction((parse, cancellationToken) =>
        {
            using var store = StoreOptions.Open(parse.GetValue(db), mustExist: true);
            if (store is null)
            {
                return Task.FromResult(StoreOptions.StoreErrorExit);
            }

            try
            {
                using var stream = parse.GetValue(output) is { } path ? File.Create(path) : Console.OpenStandardOutput();
                using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
                var rows = Export(store, parse.GetValue(format), writer, cancellationToken);
                writer.Flush();
                Console.Error.WriteLine($"dateline: exported {rows:N0} rows");
                return Task.FromResult(0);
            }
            catch (StoreException ex)
            {
                Console.Error.WriteLine($"dateline: {ex.Message}");
                return Task.FromResult(StoreOptions.StoreErrorExit);
            }
            catch (IOException ex)
            {
                Console.Error.WriteLine($"dateline: cannot write the export: {ex.Message}");
                return Task.FromResult(Program.InputErrorExit);
            }
        });
        return command;
    }

    private static ExportFormat? Parse(string value) => value.ToLowerInvariant() switch
    {
        "json" or "jsonl" => ExportFormat.Json,
        "csv" => ExportFormat.Csv,
        "gdelt-events" => ExportFormat.GdeltEvents,
        "gdelt-mentions" => ExportFormat.GdeltMentions,
        _ => null,
    };

    internal static long Export(IArticleStore store, ExportFormat format, TextWriter writer, CancellationToken cancellationToken)
    {
        // Analysts' corrections (made in the server) are applied, as in the server's exports.
        var corrections = store is Dateline.Store.Annotations.IAnnotationStore annotations
            ? new Dateline.Store.Annotations.CorrectionSet(annotations.AllCorrections())
            : Dateline.Store.Annotations.CorrectionSet.Empty;
        var kind = format switch
        {
            ExportFormat.Json => ExportKind.Json,
            ExportFormat.Csv => ExportKind.Csv,
            ExportFormat.GdeltEvents => ExportKind.GdeltEvents,
            _ => ExportKind.GdeltMentions,
        };
        return StoreExport.Write(store, kind, writer, corrections, cancellationToken);
    }
}
