using System.Net;
using System.Security.Claims;
using System.Text;
using Dateline.Extraction;
using Dateline.Input;
using Dateline.Json;
using Dateline.Model;
using Dateline.Server.Accounts;
using Dateline.Server.Hosting;
using Dateline.Sources;
using Dateline.Store;
using Dateline.Store.Annotations;
using Dateline.Store.Export;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Dateline.Server.Api;

/// <summary>An article to analyse or ingest: its text, its HTML page or its URL (fetched safely), and when it was published.</summary>
/// <param name="Published">ISO 8601 date or date-time; relative dates resolve against it.</param>
public sealed record ArticleRequest(string? Text = null, string? Html = null, string? Url = null, string? Published = null, string? Title = null, string? Outlet = null);

/// <summary>What ingesting one article did.</summary>
/// <param name="Status">stored, or duplicate when the same text was stored before.</param>
public sealed record IngestResult(string Id, string Status, string? CopyOf);

/// <summary>One page of a listing: its items, where it starts, and the URL of the next page (null at the end).</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int Offset, int Limit, string? Next);

/// <summary>The HTTP API under <c>/api</c>: JSON per the contract, problem details for errors, paging for lists.</summary>
public static class ApiEndpoints
{
    private const int MaxLimit = 500;

    /// <summary>Maps the endpoints on <paramref name="api"/>.</summary>
    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.WithTags("Dateline");
        api.MapPost("/analyze", Analyze).RequireAuthorization(Policies.Read)
            .WithSummary("Analyse an article without storing it; returns the contract JSON (dateline.document/1).")
            .Produces(StatusCodes.Status200OK, contentType: "application/json").ProducesProblem(400).ProducesProblem(413).ProducesProblem(422).ProducesProblem(501);
        api.MapPost("/articles", Ingest).RequireAuthorization(Policies.ApiWrite)
            .WithSummary("Analyse and store an article (API key of an analyst).").ProducesProblem(400).ProducesProblem(413);
        api.MapGet("/articles", Articles).RequireAuthorization(Policies.Read)
            .WithSummary("Search articles (q: words, all required; from/to: publication days), or list the latest without q.");
        api.MapGet("/articles/{id}", Article).RequireAuthorization(Policies.Read)
            .WithSummary("One article's contract JSON, with analysts' corrections applied and listed under corrections.")
            .Produces(StatusCodes.Status200OK, contentType: "application/json").ProducesProblem(404);
        api.MapGet("/articles/{id}/comments", Comments).RequireAuthorization(Policies.Read).WithSummary("The comment thread of an article and its events.");
        api.MapPost("/articles/{id}/comments", AddComment).RequireAuthorization(Policies.ApiComment)
            .WithSummary("Comment on an article or one of its events (Markdown; rendered sanitized).").ProducesProblem(400).ProducesProblem(404);
        api.MapGet("/articles/{id}/corrections", Corrections).RequireAuthorization(Policies.Read).WithSummary("The corrections of an article.");
        api.MapPost("/articles/{id}/corrections", AddCorrection).RequireAuthorization(Policies.ApiWrite)
            .WithSummary("Correct an extraction: quote-speaker, event, event-reject or entity-merge (analysts).").ProducesProblem(400).ProducesProblem(404);
        api.MapGet("/events", Events).RequireAuthorization(Policies.Read)
            .WithSummary("Events (actor, target: code or name part; code: CAMEO prefix; from/to: the events' own days; story); format=csv for CSV.");
        api.MapGet("/timeline", Timeline).RequireAuthorization(Policies.Read)
            .WithSummary("Events of one actor (either side) or one story, at their own dates.");
        api.MapGet("/network", Network).RequireAuthorization(Policies.Read)
            .WithSummary("Actor pairs with their event counts and mean Goldstein score.");
        api.MapGet("/quotes", Quotes).RequireAuthorization(Policies.Read).WithSummary("Quotes by speaker (code or name part).");
        api.MapGet("/stories", Stories).RequireAuthorization(Policies.Read).WithSummary("Stories: articles linked by shared events and people, latest first.");
        api.MapGet("/export/{format}", Export).RequireAuthorization(Policies.Read)
            .WithSummary("The store as json (contract JSON lines), csv, gdelt-events or gdelt-mentions, with corrections applied.").ProducesProblem(400);
    }

    private static async Task<IResult> Analyze(ArticleRequest request, AnalysisGate gate, ArticleFetcher fetcher, CancellationToken cancellationToken)
    {
        var (document, problem) = await ReadAsync(request, new SourceInfo("api", null, request.Outlet), fetcher, cancellationToken).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        var analysed = await gate.RunAsync(() => Pipeline.Default.Analyze(document!, cancellationToken), cancellationToken).ConfigureAwait(false);
        return new ContractJson(analysed);
    }

    private static async Task<IResult> Ingest(ArticleRequest request, StorePool stores, AnalysisGate gate, ArticleFetcher fetcher, CancellationToken cancellationToken)
    {
        var (document, problem) = await ReadAsync(request, new SourceInfo("api", null, request.Outlet), fetcher, cancellationToken).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        var analysed = await gate.RunAsync(() => Pipeline.Default.Analyze(document!, cancellationToken), cancellationToken).ConfigureAwait(false);
        var outcome = stores.Use(s => s.Write([analysed], cancellationToken))[0];
        var result = new IngestResult(outcome.Id, outcome.Status == WriteStatus.Stored ? "stored" : "duplicate", outcome.CopyOf);
        return outcome.Status == WriteStatus.Stored ? Results.Created($"/api/articles/{outcome.Id}", result) : Results.Ok(result);
    }

    /// <summary>A document written as contract JSON straight into the response, with no string in between.</summary>
    private sealed class ContractJson(Document document) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.ContentType = "application/json; charset=utf-8";
            DocumentJson.Write(document, httpContext.Response.BodyWriter);
            await httpContext.Response.BodyWriter.FlushAsync(httpContext.RequestAborted).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Reads the request into a document ready for analysis, fetching its URL when it gives one:
    /// the fetcher refuses non-public addresses after DNS resolution and on every redirect, honours
    /// robots.txt and caps time and size; each refusal or failure becomes a problem response.
    /// </summary>
    internal static async Task<(Document? Document, IResult? Problem)> ReadAsync(ArticleRequest request, SourceInfo source, ArticleFetcher fetcher, CancellationToken cancellationToken)
    {
        if (request?.Url is not { Length: > 0 } url || request.Text is { Length: > 0 } || request.Html is { Length: > 0 })
        {
            return Read(request!, source);
        }

        if (CheckUrl(url, out var uri) is { } refused)
        {
            return (null, refused);
        }

        if (Published(request, out var published) is { } badDate)
        {
            return (null, badDate);
        }

        var fetched = await fetcher.FetchArticleAsync(uri!, new ReadOptions { Published = published }, cancellationToken).ConfigureAwait(false);
        if (fetched.Error is { } error)
        {
            var status = error.Code switch
            {
                InputErrorCode.RefusedAddress or InputErrorCode.RobotsDisallowed or InputErrorCode.Unsupported or InputErrorCode.Empty or InputErrorCode.Binary => 422,
                InputErrorCode.TooLarge => 413,
                InputErrorCode.Timeout => 504,
                _ => 502,
            };
            return (null, Problem(status, error.Message));
        }

        return (WithTitle(fetched.Value!, request), null);
    }

    /// <summary>Reads the request into a document ready for analysis, or the problem with it.</summary>
    internal static (Document? Document, IResult? Problem) Read(ArticleRequest request, SourceInfo source)
    {
        if (request is null)
        {
            return (null, Problem(400, "Send JSON: {\"text\": \"…\"} or {\"html\": \"…\"}, with \"published\": \"2025-05-13\""));
        }

        if (request.Url is { Length: > 0 } url && request.Text is not { Length: > 0 } && request.Html is not { Length: > 0 })
        {
            return (null, CheckUrl(url, out _) ?? Problem(400, "Send the page as html (or its text as text): URLs are fetched by the API only"));
        }

        var given = request.Html ?? request.Text;
        if (string.IsNullOrEmpty(given))
        {
            return (null, Problem(400, "Send the article as text or html"));
        }

        if (Published(request, out var published) is { } badDate)
        {
            return (null, badDate);
        }

        if (Encoding.UTF8.GetMaxByteCount(given.Length) > ReadOptions.DefaultMaxBytes && Encoding.UTF8.GetByteCount(given) > ReadOptions.DefaultMaxBytes)
        {
            return (null, Problem(413, $"the article is over {ReadOptions.DefaultMaxBytes:N0} bytes"));
        }

        var options = new ReadOptions { Published = published, Format = request.Html is not null ? InputFormat.Html : InputFormat.Text };
        var read = ArticleReader.Default.Read(given, source, options);
        if (read.Error is { } error)
        {
            return (null, Problem(422, error.Message));
        }

        return (WithTitle(read.Value!, request), null);
    }

    /// <summary>The request's title fills in for a page or text that has none.</summary>
    private static Document WithTitle(Document document, ArticleRequest request) =>
        request.Title is { Length: > 0 } title && document.Title is null ? document with { Title = title } : document;

    /// <summary>The request's publication date (null when not given), or the problem with it.</summary>
    private static IResult? Published(ArticleRequest request, out PublicationDate? published)
    {
        published = null;
        return request.Published is { Length: > 0 } p && (published = PublicationDate.TryParse(p)) is null
            ? Problem(400, $"published '{p}' is not an ISO 8601 date (use 2025-05-13 or 2025-05-13T09:30:00+03:00)")
            : null;
    }

    /// <summary>An absolute http(s) URL whose host is not a literal private address or local name; else the problem.</summary>
    private static IResult? CheckUrl(string url, out Uri? uri)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out uri) || uri.Scheme is not ("http" or "https"))
        {
            return Problem(400, "url must be an absolute http or https URL");
        }

        return IsPrivate(uri) ? Problem(422, "URL analysis refuses private, loopback and link-local addresses") : null;
    }

    /// <summary>True for a host that is a loopback, private, link-local or unspecified address, or a local name.</summary>
    internal static bool IsPrivate(Uri uri)
    {
        var host = uri.IdnHost.TrimEnd('.');
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase)
            || host.EndsWith(".local", StringComparison.OrdinalIgnoreCase) || host.EndsWith(".internal", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        // A literal address is judged by the fetcher's own policy; a name is checked again after DNS by the fetcher.
        return IPAddress.TryParse(host.Trim('[', ']'), out var address) && !AddressPolicy.IsPublic(address);
    }

    private static IResult Articles(HttpContext context, StorePool stores, string? q, string? from, string? to, string? outlet, int? limit, int? offset, CancellationToken cancellationToken)
    {
        if (Paging(limit, offset, 20) is not ({ } l, { } o))
        {
            return Problem(400, $"limit is 1 to {MaxLimit}, offset 0 or more");
        }

        if (Days(from, to) is not { } days)
        {
            return Problem(400, "from and to are ISO 8601 days (2025-05-13)");
        }

        if (string.IsNullOrWhiteSpace(q))
        {
            var latest = stores.Use(s => s.Latest(days, l + 1, o));
            return Results.Ok(PageOf(context, latest.Select(a => new SearchHit(a, "")).ToList(), l, o, skipped: true));
        }

        var hits = stores.Use(s => s.Search(new SearchQuery(q) { Days = days, Outlet = outlet, Limit = o + l + 1 }, cancellationToken));
        return Results.Ok(PageOf(context, hits, l, o));
    }

    private static IResult Article(string id, StorePool stores)
    {
        using var lease = stores.Rent();
        var json = lease.Store.GetJson(id);
        if (json is null)
        {
            return Problem(404, $"no article with id {id}");
        }

        var corrections = new CorrectionSet(lease.Store.Corrections(id));
        return Results.Text(corrections.Apply(json, id), "application/json", Encoding.UTF8);
    }

    private static IResult Comments(string id, StorePool stores) =>
        stores.Use(s => s.GetArticle(id) is null ? null : s.Comments(id)) is { } comments
            ? Results.Ok(comments.Select(c => new CommentView(c.Id, c.EventId, c.Author, c.Created, c.Markdown, Rendering.CommentHtml.Render(c.Markdown))).ToList())
            : Problem(404, $"no article with id {id}");

    private static IResult AddComment(string id, CommentRequest request, Annotations annotations, ClaimsPrincipal user)
    {
        var (comment, error) = annotations.Comment(id, user.Identity!.Name!, request);
        if (comment is null)
        {
            return Problem(error == "no such article" ? 404 : 400, error!);
        }

        return Results.Created($"/api/articles/{id}/comments", new CommentView(comment.Id, comment.EventId, comment.Author, comment.Created, comment.Markdown, Rendering.CommentHtml.Render(comment.Markdown)));
    }

    private static IResult Corrections(string id, StorePool stores) =>
        stores.Use(s => s.GetArticle(id) is null ? null : s.Corrections(id)) is { } list
            ? Results.Ok(list)
            : Problem(404, $"no article with id {id}");

    private static IResult AddCorrection(string id, CorrectionRequest request, Annotations annotations, ClaimsPrincipal user)
    {
        var (correction, error) = annotations.Correct(id, user.Identity!.Name!, request);
        return correction is null
            ? Problem(error == "no such article" ? 404 : 400, error!)
            : Results.Created($"/api/articles/{id}/corrections", correction);
    }

    private static IResult Events(HttpContext context, StorePool stores, string? actor, string? target, string? code, string? from, string? to, string? story, string? format, int? limit, int? offset, CancellationToken cancellationToken) =>
        EventList(context, stores, new EventQuery { Actor = Blank(actor), Target = Blank(target), Code = Blank(code), Story = Blank(story) }, from, to, format, limit, offset, cancellationToken);

    private static IResult Timeline(HttpContext context, StorePool stores, string? actor, string? story, string? from, string? to, int? limit, int? offset, CancellationToken cancellationToken) =>
        Blank(actor) is null && Blank(story) is null
            ? Problem(400, "name an actor (code or name) or a story")
            : EventList(context, stores, new EventQuery { EitherSide = Blank(actor), Story = Blank(story) }, from, to, null, limit ?? 200, offset, cancellationToken);

    private static IResult EventList(HttpContext context, StorePool stores, EventQuery query, string? from, string? to, string? format, int? limit, int? offset, CancellationToken cancellationToken)
    {
        if (Paging(limit, offset, 100) is not ({ } l, { } o) || Days(from, to) is not { } days)
        {
            return Problem(400, $"limit is 1 to {MaxLimit}, offset 0 or more; from and to are ISO 8601 days");
        }

        var rows = CorrectedEvents(stores, query with { Days = days, Limit = o + l + 1 }, cancellationToken);
        if (format is "csv")
        {
            var csv = new StringBuilder();
            csv.Append(Csv.Line(["day", "code", "label", "sourceActor", "sourceName", "targetActor", "targetName", "goldstein", "quadClass", "modality", "date", "trigger", "article", "event", "published", "outlet"])).Append('\n');
            foreach (var e in rows.Skip(o).Take(l))
            {
                csv.Append(Csv.Line([e.Day, e.Code, e.Label, e.SourceActor, e.SourceName, e.TargetActor, e.TargetName, Num(e.Goldstein), Num(e.QuadClass), e.Modality, e.Date, e.Trigger, e.ArticleId, e.EventId, e.Published, e.Outlet])).Append('\n');
            }

            return Results.Text(csv.ToString(), "text/csv; charset=utf-8", Encoding.UTF8);
        }

        return Results.Ok(PageOf(context, rows, l, o));
    }

    /// <summary>Events from the store with corrections applied and rejected events left out.</summary>
    internal static List<EventRow> CorrectedEvents(StorePool stores, EventQuery query, CancellationToken cancellationToken)
    {
        var corrections = stores.Corrections();
        var rows = stores.Use(s => s.Events(query, cancellationToken));
        return corrections.IsEmpty ? rows.ToList() : rows.Select(corrections.Apply).OfType<EventRow>().ToList();
    }

    private static IResult Network(StorePool stores, string? from, string? to, int? limit, CancellationToken cancellationToken)
    {
        if (Days(from, to) is not { } days || limit is < 1 or > MaxLimit)
        {
            return Problem(400, $"from and to are ISO 8601 days; limit is 1 to {MaxLimit}");
        }

        return Results.Ok(stores.Use(s => s.Network(new NetworkQuery { Days = days, Limit = limit ?? 100 }, cancellationToken)));
    }

    private static IResult Quotes(HttpContext context, StorePool stores, string? speaker, int? limit, int? offset, CancellationToken cancellationToken)
    {
        if (Paging(limit, offset, 50) is not ({ } l, { } o))
        {
            return Problem(400, $"limit is 1 to {MaxLimit}, offset 0 or more");
        }

        return Results.Ok(PageOf(context, CorrectedQuotes(stores, Blank(speaker), o + l + 1, cancellationToken), l, o));
    }

    /// <summary>
    /// Quotes by speaker as corrected: the store finds them by the speaker it extracted, so a quote
    /// reassigned away from the speaker is dropped, and one reassigned to the speaker is added.
    /// </summary>
    internal static List<QuoteRow> CorrectedQuotes(StorePool stores, string? speaker, int limit, CancellationToken cancellationToken)
    {
        var corrections = stores.Corrections();
        bool Matches(QuoteRow q) => speaker is null
            || (q.Speaker?.Contains(speaker, StringComparison.OrdinalIgnoreCase) ?? false)
            || string.Equals(q.SpeakerActor, speaker, StringComparison.OrdinalIgnoreCase);
        var rows = stores.Use(s => s.Quotes(new QuoteQuery(speaker) { Limit = limit }, cancellationToken)).Select(corrections.Apply).Where(Matches).ToList();
        if (speaker is null || corrections.IsEmpty)
        {
            return rows;
        }

        var seen = rows.Select(r => (r.ArticleId, r.QuoteId)).ToHashSet();
        var reassigned = stores.Use(s => s.AllCorrections())
            .Where(c => c.Kind == CorrectionKinds.QuoteSpeaker && !seen.Contains((c.ArticleId, c.Target)))
            .Select(c => (c.ArticleId, c.Target)).Distinct().ToList();
        foreach (var (articleId, quoteId) in reassigned)
        {
            if (stores.Use(s => s.GetJson(articleId)) is not { } json)
            {
                continue;
            }

            var view = Rendering.ArticleView.Parse(corrections.Apply(json, articleId));
            if (view.Quotes.FirstOrDefault(q => q.Id == quoteId) is { } quote)
            {
                var entity = view.Entity(quote.Speaker);
                var row = new QuoteRow(articleId, quoteId, quote.Kind, quote.Text, entity?.Name ?? quote.SpeakerName, entity?.Actor, view.Published, view.Outlet, view.Title);
                if (Matches(row))
                {
                    rows.Add(row);
                }
            }
        }

        return rows;
    }

    private static IResult Stories(HttpContext context, StorePool stores, int? limit, int? offset)
    {
        if (Paging(limit, offset, 50) is not ({ } l, { } o))
        {
            return Problem(400, $"limit is 1 to {MaxLimit}, offset 0 or more");
        }

        var stories = stores.Use(s => s.Stories(l + 1, o));
        return Results.Ok(PageOf(context, stories, l, o, skipped: true));
    }

    private static IResult Export(string format, StorePool stores, HttpContext context)
    {
        if (StoreExport.Parse(format) is not { } kind)
        {
            return Problem(400, $"unknown export format '{format}' (json, csv, gdelt-events, gdelt-mentions)");
        }

        var (type, extension) = kind switch
        {
            ExportKind.Json => ("application/x-ndjson", "jsonl"),
            ExportKind.Csv => ("text/csv", "csv"),
            _ => ("text/tab-separated-values", "tsv"),
        };
        return Results.Stream(async body =>
        {
            // The store reads synchronously; rows go through a buffered writer to the response.
            var corrections = stores.Corrections();
            await using var writer = new StreamWriter(body, new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
            using var lease = stores.Rent();
            await Task.Run(() => StoreExport.Write(lease.Store, kind, writer, corrections, context.RequestAborted), context.RequestAborted).ConfigureAwait(false);
            await writer.FlushAsync(context.RequestAborted).ConfigureAwait(false);
        }, $"{type}; charset=utf-8", $"dateline-{format}.{extension}");
    }

    private static Page<T> PageOf<T>(HttpContext context, IReadOnlyList<T> rows, int limit, int offset, bool skipped = false)
    {
        // Rows come either from the offset on (skipped) or from the start; one more than the page tells whether a next page exists.
        var items = (skipped ? rows : rows.Skip(offset)).Take(limit).ToList();
        var more = (skipped ? rows.Count : rows.Count - offset) > limit;
        string? next = null;
        if (more)
        {
            var query = System.Web.HttpUtility.ParseQueryString(context.Request.QueryString.Value ?? "");
            query["offset"] = (offset + limit).ToString(System.Globalization.CultureInfo.InvariantCulture);
            query["limit"] = limit.ToString(System.Globalization.CultureInfo.InvariantCulture);
            next = context.Request.Path + "?" + query;
        }

        return new Page<T>(items, offset, limit, next);
    }

    private static (int?, int?) Paging(int? limit, int? offset, int defaultLimit)
    {
        var l = limit ?? defaultLimit;
        var o = offset ?? 0;
        return l is < 1 or > MaxLimit || o is < 0 or > 100_000 ? (null, null) : (l, o);
    }

    private static DayRange? Days(string? from, string? to)
    {
        DateOnly? f = null, t = null;
        if (!string.IsNullOrEmpty(from))
        {
            if (!DateOnly.TryParseExact(from, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d))
            {
                return null;
            }

            f = d;
        }

        if (!string.IsNullOrEmpty(to))
        {
            if (!DateOnly.TryParseExact(to, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d))
            {
                return null;
            }

            t = d;
        }

        return new DayRange(f, t);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string Num(double value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>An RFC 9457 problem details answer.</summary>
    internal static IResult Problem(int status, string detail) => Results.Problem(detail: detail, statusCode: status);
}

/// <summary>A comment as the API shows it: the Markdown and its sanitized HTML.</summary>
public sealed record CommentView(long Id, string? EventId, string Author, string Created, string Markdown, string Html);
