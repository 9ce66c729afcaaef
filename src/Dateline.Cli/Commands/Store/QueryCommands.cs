using System.CommandLine;
using System.Text.Json;
using Dateline.Store;
using Spectre.Console;

namespace Dateline.Cli.Commands.Store;

/// <summary>
/// The query commands over a store: <c>search</c>, <c>show</c>, <c>events</c>, <c>timeline</c>,
/// <c>network</c>, <c>quotes</c>. Each prints a table on a terminal and JSON Lines (or CSV with
/// <c>--csv</c>) for programs.
/// </summary>
internal static class QueryCommands
{
    private static readonly Column<EventRow>[] EventColumns =
    [
        new("day", e => e.Day, OnTerminal: false),
        new("code", e => e.Code),
        new("label", e => e.Label),
        new("source", e => e.SourceActor ?? e.SourceName),
        new("sourceName", e => e.SourceName, OnTerminal: false),
        new("target", e => e.TargetActor ?? e.TargetName),
        new("targetName", e => e.TargetName, OnTerminal: false),
        new("goldstein", e => e.Goldstein, OnTerminal: false),
        new("quadClass", e => e.QuadClass, OnTerminal: false),
        new("modality", e => e.Modality),
        new("trigger", e => e.Trigger, OnTerminal: false),
        new("date", e => e.Date),
        new("eventId", e => e.EventId, OnTerminal: false),
        new("globalEventId", e => e.GroupId, OnTerminal: false),
        new("article", e => e.ArticleId, OnTerminal: false),
        new("published", e => e.Published, OnTerminal: false),
        new("outlet", e => e.Outlet, OnTerminal: false),
    ];

    public static IEnumerable<Command> Create() => [Search(), Show(), Events(), Timeline(), Network(), Quotes()];

    private static Command Search()
    {
        var text = new Argument<string>("text") { Description = "Words to find (all of them; stemmed, case- and accent-insensitive)." };
        var (db, json, csv, from, to) = Common();
        var outlet = new Option<string?>("--outlet") { Description = "Only articles of this outlet (e.g. example.com)." };
        var limit = StoreOptions.Limit(20);
        var command = new Command("search", "Full-text search of stored articles, best matches first.") { text, db, json, csv, from, to, outlet, limit };
        command.SetAction(parse => Run(parse.GetValue(db), parse.GetValue(from), parse.GetValue(to), (store, days) =>
        {
            var hits = store.Search(new SearchQuery(parse.GetValue(text)!) { Days = days, Outlet = parse.GetValue(outlet), Limit = parse.GetValue(limit) });
            RowOutput.Write(hits, [
                new Column<SearchHit>("id", h => h.Article.Id),
                new("published", h => h.Article.Published),
                new("outlet", h => h.Article.Outlet),
                new("title", h => h.Article.Title),
                new("snippet", h => h.Snippet),
                new("copyOf", h => h.Article.OriginalId),
                new("story", h => h.Article.StoryId),
            ], RowOutput.Choose(parse.GetValue(json), parse.GetValue(csv)), "Search: " + parse.GetValue(text));
        }));
        return command;
    }

    private static Command Show()
    {
        var id = new Argument<string>("id") { Description = "The article's id (d-…)." };
        var db = StoreOptions.Db();
        var json = StoreOptions.Json();
        var pretty = new Option<bool>("--pretty") { Description = "Indent the JSON." };
        var command = new Command("show", "Print one stored article: its contract JSON with --json, a summary on a terminal.") { id, db, json, pretty };
        command.SetAction(parse => Run(parse.GetValue(db), null, null, (store, _) =>
        {
            var stored = store.GetJson(parse.GetValue(id)!);
            if (stored is null)
            {
                Console.Error.WriteLine($"dateline: no article with id {parse.GetValue(id)} in {store.Description}");
                return Program.InputErrorExit;
            }

            using var document = JsonDocument.Parse(stored);
            if (parse.GetValue(json) || Console.IsOutputRedirected)
            {
                Console.Out.Write(parse.GetValue(pretty) ? JsonSerializer.Serialize(document.RootElement, Indented) : stored);
                Console.Out.Write('\n');
                return 0;
            }

            var summary = store.GetArticle(parse.GetValue(id)!)!;
            var root = document.RootElement;
            var grid = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
            grid.AddRow("[bold]id[/]", summary.Id);
            grid.AddRow("[bold]title[/]", Markup.Escape(summary.Title ?? "(none)"));
            grid.AddRow("[bold]outlet[/]", Markup.Escape(summary.Outlet ?? "(unknown)"));
            grid.AddRow("[bold]source[/]", Markup.Escape(summary.Uri ?? ""));
            grid.AddRow("[bold]published[/]", summary.Published ?? "[grey]unknown[/]");
            grid.AddRow("[bold]copy of[/]", summary.OriginalId ?? "[grey]an original[/]");
            grid.AddRow("[bold]story[/]", summary.StoryId);
            grid.AddRow("[bold]found[/]", string.Join(", ", Layers.Select(a => $"{root.GetProperty(a).GetArrayLength()} {a}")));
            AnsiConsole.Write(new Panel(grid).Header("[bold]Dateline[/]").Expand());
            AnsiConsole.WriteLine(root.GetProperty("text").GetString() ?? "");
            return 0;
        }));
        return command;
    }

    private static readonly string[] Layers = ["entities", "quotes", "timexes", "events", "figures"];

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static Command Events()
    {
        var (db, json, csv, from, to) = Common();
        var actor = new Option<string?>("--actor") { Description = "Source actor: a CAMEO code (RUSGOV) or any part of a name (putin)." };
        var target = new Option<string?>("--target") { Description = "Target actor: a CAMEO code or any part of a name." };
        var code = new Option<string?>("--code") { Description = "CAMEO event code prefix (03 is every 'express intent to cooperate')." };
        var limit = StoreOptions.Limit(1000);
        var command = new Command("events", "Events by actor, target, CAMEO code and day, in order of their own dates.") { db, json, csv, actor, target, code, from, to, limit };
        command.SetAction(parse => Run(parse.GetValue(db), parse.GetValue(from), parse.GetValue(to), (store, days) =>
        {
            var rows = store.Events(new EventQuery { Actor = parse.GetValue(actor), Target = parse.GetValue(target), Code = parse.GetValue(code), Days = days, Limit = parse.GetValue(limit) });
            RowOutput.Write(rows, EventColumns, RowOutput.Choose(parse.GetValue(json), parse.GetValue(csv)), "Events");
        }));
        return command;
    }

    private static Command Timeline()
    {
        var (db, json, csv, from, to) = Common();
        var actor = new Option<string?>("--actor") { Description = "Events with this actor on either side: a CAMEO code or any part of a name." };
        var story = new Option<string?>("--story") { Description = "Events of one story: a story id, or the id of any article in it." };
        var limit = StoreOptions.Limit(1000);
        var command = new Command("timeline", "Events of an actor or a story in order of their own dates (not publication).") { db, json, csv, actor, story, from, to, limit };
        command.SetAction(parse =>
        {
            if (parse.GetValue(actor) is null == parse.GetValue(story) is null)
            {
                Console.Error.WriteLine("dateline: timeline needs exactly one of --actor and --story");
                return Program.InputErrorExit;
            }

            return Run(parse.GetValue(db), parse.GetValue(from), parse.GetValue(to), (store, days) =>
            {
                var rows = store.Events(new EventQuery { EitherSide = parse.GetValue(actor), Story = parse.GetValue(story), Days = days, Limit = parse.GetValue(limit) });
                RowOutput.Write(rows, EventColumns, RowOutput.Choose(parse.GetValue(json), parse.GetValue(csv)), "Timeline: " + (parse.GetValue(actor) ?? parse.GetValue(story)));
            });
        });
        return command;
    }

    private static Command Network()
    {
        var (db, json, csv, from, to) = Common();
        var limit = StoreOptions.Limit(100);
        var command = new Command("network", "Actor pairs with their number of events and mean Goldstein score (cooperation > 0 > conflict).") { db, json, csv, from, to, limit };
        command.SetAction(parse => Run(parse.GetValue(db), parse.GetValue(from), parse.GetValue(to), (store, days) =>
        {
            var edges = store.Network(new NetworkQuery { Days = days, Limit = parse.GetValue(limit) });
            RowOutput.Write(edges, [
                new Column<NetworkEdge>("source", e => e.Source),
                new("target", e => e.Target),
                new("events", e => e.Events),
                new("articles", e => e.Articles),
                new("meanGoldstein", e => e.MeanGoldstein),
            ], RowOutput.Choose(parse.GetValue(json), parse.GetValue(csv)), "Network");
        }));
        return command;
    }

    private static Command Quotes()
    {
        var db = StoreOptions.Db();
        var json = StoreOptions.Json();
        var csv = StoreOptions.Csv();
        var speaker = new Option<string?>("--speaker") { Description = "Speaker: a CAMEO actor code or any part of a name." };
        var limit = StoreOptions.Limit(100);
        var command = new Command("quotes", "Quotes by speaker, newest articles first.") { db, json, csv, speaker, limit };
        command.SetAction(parse => Run(parse.GetValue(db), null, null, (store, _) =>
        {
            var rows = store.Quotes(new QuoteQuery(parse.GetValue(speaker)) { Limit = parse.GetValue(limit) });
            RowOutput.Write(rows, [
                new Column<QuoteRow>("published", q => q.Published),
                new("speaker", q => q.Speaker),
                new("actor", q => q.SpeakerActor),
                new("kind", q => q.Kind),
                new("text", q => q.Text),
                new("article", q => q.ArticleId),
                new("outlet", q => q.Outlet),
            ], RowOutput.Choose(parse.GetValue(json), parse.GetValue(csv)), "Quotes");
        }));
        return command;
    }

    private static (Option<string?> Db, Option<bool> Json, Option<bool> Csv, Option<string?> From, Option<string?> To) Common() =>
        (StoreOptions.Db(), StoreOptions.Json(), StoreOptions.Csv(), StoreOptions.From(), StoreOptions.To());

    private static int Run(string? db, string? from, string? to, Action<IArticleStore, DayRange> action) =>
        Run(db, from, to, (store, days) =>
        {
            action(store, days);
            return 0;
        });

    /// <summary>Parses the days, opens the store, runs the query; store failures are one clear line and exit code 3.</summary>
    private static int Run(string? db, string? from, string? to, Func<IArticleStore, DayRange, int> action)
    {
        if (StoreOptions.Days(from, to) is not { } days)
        {
            return Program.InputErrorExit;
        }

        using var store = StoreOptions.Open(db, mustExist: true);
        if (store is null)
        {
            return StoreOptions.StoreErrorExit;
        }

        try
        {
            return action(store, days);
        }
        catch (StoreException ex)
        {
            Console.Error.WriteLine($"dateline: {ex.Message}");
            return StoreOptions.StoreErrorExit;
        }
    }
}
