using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Dateline.Store.Export;
using Spectre.Console;

namespace Dateline.Cli.Commands.Store;

/// <summary>How query results are printed.</summary>
internal enum OutputFormat
{
    /// <summary>A table, for a person at a terminal.</summary>
    Table,
    /// <summary>One JSON object per line.</summary>
    Json,
    /// <summary>CSV with a header row.</summary>
    Csv,
}

/// <summary>
/// A result column: its name and how to get its value (string, number or null) from a row.
/// Columns marked not <paramref name="OnTerminal"/> go to JSON and CSV only, so a terminal table
/// stays readable at 80 columns.
/// </summary>
internal sealed record Column<T>(string Name, Func<T, object?> Value, bool OnTerminal = true);

/// <summary>Prints query results as a table on a terminal, or as JSON Lines or CSV for programs.</summary>
internal static class RowOutput
{
    /// <summary>--json or --csv when given; a table on a terminal; JSON Lines when the output goes to a program or file.</summary>
    public static OutputFormat Choose(bool json, bool csv) =>
        json ? OutputFormat.Json : csv ? OutputFormat.Csv : Console.IsOutputRedirected ? OutputFormat.Json : OutputFormat.Table;

    public static void Write<T>(IEnumerable<T> rows, IReadOnlyList<Column<T>> columns, OutputFormat format, string title)
    {
        switch (format)
        {
            case OutputFormat.Json:
                WriteJson(rows, columns);
                break;
            case OutputFormat.Csv:
                Console.Out.Write(Csv.Line(columns.Select(c => c.Name)) + "\n");
                foreach (var row in rows)
                {
                    Console.Out.Write(Csv.Line(columns.Select(c => Text(c.Value(row)))) + "\n");
                }

                break;
            default:
                var table = new Table().Border(TableBorder.Rounded).Title($"[bold]{Markup.Escape(title)}[/]");
                var shown = columns.Where(c => c.OnTerminal).ToList();
                foreach (var c in shown)
                {
                    table.AddColumn(c.Name);
                }

                var count = 0;
                foreach (var row in rows)
                {
                    table.AddRow(shown.Select(c => Markup.Escape(Text(c.Value(row)) ?? "")).ToArray());
                    count++;
                }

                if (count == 0)
                {
                    AnsiConsole.MarkupLine($"[grey]{Markup.Escape(title)}: nothing found[/]");
                    return;
                }

                AnsiConsole.Write(table);
                break;
        }
    }

    private static void WriteJson<T>(IEnumerable<T> rows, IReadOnlyList<Column<T>> columns)
    {
        using var stdout = Console.OpenStandardOutput();
        var options = new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        foreach (var row in rows)
        {
            using (var w = new Utf8JsonWriter(stdout, options))
            {
                w.WriteStartObject();
                foreach (var c in columns)
                {
                    switch (c.Value(row))
                    {
                        case null:
                            w.WriteNull(c.Name);
                            break;
                        case int i:
                            w.WriteNumber(c.Name, i);
                            break;
                        case long l:
                            w.WriteNumber(c.Name, l);
                            break;
                        case double d:
                            w.WriteNumber(c.Name, d);
                            break;
                        case var v:
                            w.WriteString(c.Name, Text(v));
                            break;
                    }
                }

                w.WriteEndObject();
            }

            stdout.Write("\n"u8);
        }
    }

    private static string? Text(object? value) => value switch
    {
        null => null,
        double d => d.ToString("0.###", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
