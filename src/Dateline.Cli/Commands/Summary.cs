using Dateline.Model;
using Spectre.Console;

namespace Dateline.Cli.Commands;

/// <summary>The readable terminal view of an analysed document.</summary>
internal static class Summary
{
    private const int MaxRows = 40;

    public static void Render(Document d)
    {
        var console = AnsiConsole.Console;
        var overview = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
        overview.AddRow("[bold]id[/]", d.Id);
        overview.AddRow("[bold]title[/]", Markup.Escape(d.Title ?? "(none)"));
        overview.AddRow("[bold]source[/]", Markup.Escape($"{d.Source.Kind} {d.Source.Uri}".Trim()));
        overview.AddRow("[bold]published[/]", d.Published is { } p ? $"{p} [grey](from {d.PublishedFrom})[/]" : "[grey]unknown[/]");
        overview.AddRow("[bold]language[/]", d.Language ?? "[grey]unknown[/]");
        overview.AddRow("[bold]size[/]", $"{d.WordCount:N0} words, {d.Paragraphs.Length} paragraphs, {d.Sentences.Length} sentences");
        overview.AddRow(
            "[bold]found[/]",
            $"{d.Entities.Length} entities, {d.Quotes.Length} quotes, {d.Timexes.Length} dates, {d.Events.Length} events, {d.Figures.Length} figures");
        console.Write(new Panel(overview).Header("[bold]Dateline[/]").Expand());

        if (d.Language is not (null or "en"))
        {
            console.MarkupLine($"[yellow]Language '{d.Language}' is not analysed beyond text structure.[/]");
        }

        if (!d.Removed.IsEmpty)
        {
            var removed = NewTable("Removed from the input", "reason", "text");
            foreach (var r in d.Removed)
            {
                removed.AddRow(Markup.Escape(r.Reason), Markup.Escape(r.Text));
            }

            console.Write(removed);
        }

        var sentences = NewTable("Sentences", "#", "¶", "text");
        var paragraph = 0;
        for (var s = 0; s < d.Sentences.Length && s < MaxRows; s++)
        {
            var span = d.Sentences[s];
            while (paragraph < d.Paragraphs.Length - 1 && d.Paragraphs[paragraph].End < span.Start)
            {
                paragraph++;
            }

            sentences.AddRow((s + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), (paragraph + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), Markup.Escape(d[span].ToString()));
        }

        console.Write(sentences);
        More(console, d.Sentences.Length, "sentences");

        if (!d.Entities.IsEmpty)
        {
            var table = NewTable("Entities", "id", "type", "name", "actor", "mentions");
            foreach (var e in d.Entities.Take(MaxRows))
            {
                table.AddRow(e.Id, e.Type, Markup.Escape(e.Name), e.Actor ?? "", e.Mentions.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            console.Write(table);
            More(console, d.Entities.Length, "entities");
        }

        if (!d.Quotes.IsEmpty)
        {
            var table = NewTable("Quotes", "id", "kind", "speaker", "text");
            foreach (var q in d.Quotes.Take(MaxRows))
            {
                table.AddRow(q.Id, q.Kind, Markup.Escape(q.SpeakerName ?? "?"), Markup.Escape(q.Text));
            }

            console.Write(table);
            More(console, d.Quotes.Length, "quotes");
        }

        if (!d.Timexes.IsEmpty)
        {
            var table = NewTable("Dates and times", "id", "text", "type", "value");
            foreach (var t in d.Timexes.Take(MaxRows))
            {
                table.AddRow(t.Id, Markup.Escape(t.Text), t.Type, Markup.Escape(t.Value));
            }

            console.Write(table);
            More(console, d.Timexes.Length, "dates");
        }

        if (!d.Events.IsEmpty)
        {
            var table = NewTable("Events", "id", "code", "label", "source", "target", "date", "modality");
            foreach (var v in d.Events.Take(MaxRows))
            {
                table.AddRow(v.Id, v.Code, Markup.Escape(v.Label), v.SourceActor ?? "", v.TargetActor ?? "", v.Date ?? "", v.Modality);
            }

            console.Write(table);
            More(console, d.Events.Length, "events");
        }

        if (!d.Figures.IsEmpty)
        {
            var table = NewTable("Figures", "text", "value", "unit", "measures");
            foreach (var f in d.Figures.Take(MaxRows))
            {
                table.AddRow(Markup.Escape(f.Text), f.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), f.Unit ?? "", Markup.Escape(f.Measures ?? ""));
            }

            console.Write(table);
        }
    }

    private static Table NewTable(string title, params string[] columns)
    {
        var table = new Table().Title($"[bold]{title}[/]").Border(TableBorder.Rounded).Expand();
        foreach (var c in columns)
        {
            table.AddColumn(c);
        }

        return table;
    }

    private static void More(IAnsiConsole console, int total, string what)
    {
        if (total > MaxRows)
        {
            console.MarkupLine($"[grey]… and {total - MaxRows} more {what} (use --json for everything)[/]");
        }
    }
}
