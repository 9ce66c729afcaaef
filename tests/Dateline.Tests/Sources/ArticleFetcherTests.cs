using System.IO.Compression;
using System.Net;
using System.Text;
using Dateline.Input;
using Dateline.Sources;
using Dateline.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Dateline.Tests.Sources;

/// <summary>Fetching from a local server: redirects, limits, retries, robots.txt, compression, charsets and refused addresses.</summary>
public sealed class ArticleFetcherTests : IAsyncLifetime
{
    internal const string Page = """
        <!doctype html><html><head><title>Ferry service resumes | Harbour Herald</title>
        <meta property="og:title" content="Ferry service resumes after storm">
        <meta name="author" content="Ines Oyelaran">
        </head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
        <article><h1>Ferry service resumes after storm</h1>
        <p>The island ferry returned to its normal timetable on Tuesday after three days in which high winds kept every boat in port.</p>
        <p>Operators said the first crossing left at seven in the morning with more than two hundred passengers aboard, most of them commuters.</p>
        <p>Repairs to the damaged pier at the northern terminal are expected to take another week, the port authority said.</p>
        </article><footer>Copyright Harbour Herald</footer></body></html>
        """;

    private static readonly FetchOptions Fast = new()
    {
        AllowPrivate = true,
        PolitenessDelay = TimeSpan.Zero,
        RetryDelay = TimeSpan.FromMilliseconds(10),
        Timeout = TimeSpan.FromSeconds(10),
    };

    private readonly List<(string UserAgent, long At)> requests = [];
    private int flaky;
    private int robotsHits;
    private LocalServer server = null!;

    public async Task InitializeAsync()
    {
        server = await LocalServer.StartAsync(app =>
        {
            app.MapGet("/robots.txt", () =>
            {
                Interlocked.Increment(ref robotsHits);
                return Results.Text("User-agent: *\nDisallow: /private/\n\nUser-agent: OtherBot\nDisallow: /\n", "text/plain");
            });
            app.MapGet("/2025/06/10/ferry-service-resumes", () => Results.Content(Page, "text/html; charset=utf-8"));
            app.MapGet("/private/page", () => Results.Content(Page, "text/html"));
            app.MapGet("/moved", () => Results.Redirect("/2025/06/10/ferry-service-resumes"));
            app.MapGet("/loop-a", () => Results.Redirect("/loop-b"));
            app.MapGet("/loop-b", () => Results.Redirect("/loop-a"));
            app.MapGet("/to-private", (HttpContext context) => Results.Redirect($"http://[::1]:{context.Connection.LocalPort}/2025/06/10/ferry-service-resumes"));
            app.MapGet("/slow", async (HttpContext context) =>
            {
                await Task.Delay(TimeSpan.FromSeconds(5), context.RequestAborted);
                return Results.Content(Page, "text/html");
            });
            app.MapGet("/huge", async (HttpContext context) =>
            {
                context.Response.ContentType = "text/html";
                var chunk = Encoding.ASCII.GetBytes(new string('x', 64 * 1024));
                for (var i = 0; i < 64 && !context.RequestAborted.IsCancellationRequested; i++)
                {
                    await context.Response.Body.WriteAsync(chunk, context.RequestAborted);
                }
            });
            app.MapGet("/bomb", async (HttpContext context) =>
            {
                context.Response.ContentType = "text/html";
                context.Response.Headers.ContentEncoding = "gzip";
                await context.Response.Body.WriteAsync(Gzip(new byte[20_000_000]));
            });
            app.MapGet("/gzip", async (HttpContext context) =>
            {
                context.Response.ContentType = "text/html; charset=utf-8";
                context.Response.Headers.ContentEncoding = "gzip";
                await context.Response.Body.WriteAsync(Gzip(Encoding.UTF8.GetBytes(Page)));
            });
            app.MapGet("/greek", async (HttpContext context) =>
            {
                context.Response.ContentType = "text/html; charset=iso-8859-7";
                Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
                var html = "<html><body><article><p>Η κυβέρνηση ανακοίνωσε σήμερα νέα μέτρα για τη στήριξη των νησιών του Αιγαίου μετά την καταιγίδα της εβδομάδας.</p></article></body></html>";
                await context.Response.Body.WriteAsync(Encoding.GetEncoding("iso-8859-7").GetBytes(html));
            });
            app.MapGet("/flaky", () => Interlocked.Increment(ref flaky) <= 2
                ? Results.StatusCode(503)
                : Results.Content(Page, "text/html"));
            app.MapGet("/busy", (HttpContext context) =>
            {
                context.Response.Headers.RetryAfter = "3600";
                return Results.StatusCode(429);
            });
            app.MapGet("/gone", () => Results.StatusCode(410));
            app.MapGet("/brotli", async (HttpContext context) =>
            {
                context.Response.ContentType = "text/html; charset=utf-8";
                context.Response.Headers.ContentEncoding = "br";
                using var packed = new MemoryStream();
                using (var brotli = new BrotliStream(packed, CompressionLevel.Fastest, leaveOpen: true))
                {
                    brotli.Write(Encoding.UTF8.GetBytes(Page));
                }

                await context.Response.Body.WriteAsync(packed.ToArray());
            });
            app.MapGet("/who", (HttpContext context) =>
            {
                lock (requests)
                {
                    requests.Add((context.Request.Headers.UserAgent.ToString(), System.Diagnostics.Stopwatch.GetTimestamp()));
                }

                return Results.Content(Page, "text/html");
            });
            app.MapGet("/image", () => Results.Bytes([0x89, (byte)'P', (byte)'N', (byte)'G', 0, 0, 0, 0], "image/png"));
        });
    }

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task A_page_becomes_a_document_whose_url_is_the_page_and_whose_date_comes_from_the_url()
    {
        using var fetcher = new ArticleFetcher(Fast);

        var read = await fetcher.FetchArticleAsync(server.At("/2025/06/10/ferry-service-resumes"));

        var document = read.Value!;
        Assert.StartsWith("The island ferry returned", document.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Copyright", document.Text, StringComparison.Ordinal);
        Assert.Equal("url", document.Source.Kind);
        Assert.Equal(server.At("/2025/06/10/ferry-service-resumes").AbsoluteUri, document.Source.Uri);
        Assert.Equal(new DateOnly(2025, 6, 10), document.Published?.Date);
        Assert.Equal("url", document.PublishedFrom);
    }

    [Fact]
    public async Task A_brotli_encoded_page_is_decompressed()
    {
        using var fetcher = new ArticleFetcher(Fast);

        var read = await fetcher.FetchArticleAsync(server.At("/brotli"));

        Assert.StartsWith("The island ferry returned", read.Value!.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Requests_name_dateline_in_the_user_agent_and_wait_the_politeness_delay_between_two_to_one_host()
    {
        using var fetcher = new ArticleFetcher(Fast with { PolitenessDelay = TimeSpan.FromMilliseconds(300) });

        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        await fetcher.FetchAsync(server.At("/who"));
        await fetcher.FetchAsync(server.At("/who"));
        var both = System.Diagnostics.Stopwatch.GetElapsedTime(started);

        Assert.Equal(2, requests.Count);
        Assert.All(requests, r => Assert.StartsWith("Dateline/", r.UserAgent, StringComparison.Ordinal));
        // A lower bound only, taken by the client from before the first request to after the
        // second: a loaded machine makes it longer, never shorter. (Times the server records
        // can lie closer together when the first request reaches it late.)
        Assert.True(both >= TimeSpan.FromMilliseconds(290), $"two requests to one host took {both.TotalMilliseconds:F0} ms");
    }

    [Fact]
    public async Task A_redirect_is_followed_and_the_final_address_is_the_documents_url()
    {
        using var fetcher = new ArticleFetcher(Fast);

        var page = (await fetcher.FetchAsync(server.At("/moved"))).Value!;

        Assert.Equal(server.At("/moved"), page.RequestedUri);
        Assert.Equal(server.At("/2025/06/10/ferry-service-resumes"), page.Uri);
    }

    [Fact]
    public async Task A_redirect_loop_is_a_clear_error()
    {
        using var fetcher = new ArticleFetcher(Fast);

        var error = (await fetcher.FetchAsync(server.At("/loop-a"))).Error!;

        Assert.Equal(InputErrorCode.TooManyRedirects, error.Code);
        Assert.Contains("loop", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_redirect_to_a_loopback_address_is_refused_without_allow_private()
    {
        // The test server itself is allowed; the redirect target (::1) is not.
        using var fetcher = new ArticleFetcher(Fast with { AllowPrivate = false, AlsoAllowed = [IPAddress.Loopback] });

        var error = (await fetcher.FetchAsync(server.At("/to-private"))).Error!;

        Assert.Equal(InputErrorCode.RefusedAddress, error.Code);
        Assert.Equal("refused-address", error.Reason);
        Assert.Contains("loopback", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_loopback_server_is_refused_without_allow_private()
    {
        using var fetcher = new ArticleFetcher(Fast with { AllowPrivate = false });

        var error = (await fetcher.FetchAsync(server.At("/2025/06/10/ferry-service-resumes"))).Error!;

        Assert.Equal(InputErrorCode.RefusedAddress, error.Code);
    }

    [Fact]
    public async Task A_slow_server_times_out()
    {
        using var fetcher = new ArticleFetcher(Fast with { Timeout = TimeSpan.FromMilliseconds(300) });

        var error = (await fetcher.FetchAsync(server.At("/slow"))).Error!;

        Assert.Equal(InputErrorCode.Timeout, error.Code);
    }

    [Fact]
    public async Task A_body_over_the_cap_is_refused_while_streaming()
    {
        using var fetcher = new ArticleFetcher(Fast with { MaxBytes = 100_000 });

        var error = (await fetcher.FetchAsync(server.At("/huge"))).Error!;

        Assert.Equal(InputErrorCode.TooLarge, error.Code);
    }

    [Fact]
    public async Task A_gzip_bomb_is_refused_at_the_decompressed_cap()
    {
        using var fetcher = new ArticleFetcher(Fast with { MaxBytes = 1_000_000 });

        var error = (await fetcher.FetchAsync(server.At("/bomb"))).Error!;

        Assert.Equal(InputErrorCode.TooLarge, error.Code);
    }

    [Fact]
    public async Task A_gzip_encoded_page_is_decompressed()
    {
        using var fetcher = new ArticleFetcher(Fast);

        var document = (await fetcher.FetchArticleAsync(server.At("/gzip"))).Value!;

        Assert.Contains("two hundred passengers", document.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_charset_of_the_content_type_header_decodes_the_page()
    {
        using var fetcher = new ArticleFetcher(Fast);

        var document = (await fetcher.FetchArticleAsync(server.At("/greek"))).Value!;

        Assert.StartsWith("Η κυβέρνηση ανακοίνωσε", document.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_error_is_retried_until_the_page_comes()
    {
        using var fetcher = new ArticleFetcher(Fast);

        var page = (await fetcher.FetchAsync(server.At("/flaky"))).Value!;

        Assert.Equal(3, flaky);
        Assert.NotEmpty(page.Body);
    }

    [Fact]
    public async Task A_retry_after_beyond_the_longest_wait_ends_the_retries_with_the_status()
    {
        using var fetcher = new ArticleFetcher(Fast);

        var error = (await fetcher.FetchAsync(server.At("/busy"))).Error!;

        Assert.Equal(InputErrorCode.HttpStatus, error.Code);
        Assert.Contains("429", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_error_status_is_reported_with_its_number()
    {
        using var fetcher = new ArticleFetcher(Fast);

        var error = (await fetcher.FetchAsync(server.At("/gone"))).Error!;

        Assert.Equal(InputErrorCode.HttpStatus, error.Code);
        Assert.Contains("HTTP 410", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_path_disallowed_by_robots_txt_is_not_fetched_and_robots_txt_is_read_once_per_host()
    {
        using var fetcher = new ArticleFetcher(Fast);

        var error = (await fetcher.FetchAsync(server.At("/private/page"))).Error!;
        var allowed = await fetcher.FetchAsync(server.At("/2025/06/10/ferry-service-resumes"));

        Assert.Equal(InputErrorCode.RobotsDisallowed, error.Code);
        Assert.True(allowed.Succeeded);
        Assert.Equal(1, robotsHits);
    }

    [Fact]
    public async Task An_image_is_not_read_as_an_article()
    {
        using var fetcher = new ArticleFetcher(Fast);

        var error = (await fetcher.FetchArticleAsync(server.At("/image"))).Error!;

        Assert.Equal(InputErrorCode.Unsupported, error.Code);
        Assert.Contains("image/png", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_url_that_is_not_http_is_refused()
    {
        using var fetcher = new ArticleFetcher(Fast);

        var error = (await fetcher.FetchAsync(new Uri("file:///etc/passwd"))).Error!;

        Assert.Equal(InputErrorCode.InvalidUrl, error.Code);
    }

    [Fact]
    public async Task A_closed_port_is_unreachable()
    {
        using var fetcher = new ArticleFetcher(Fast with { HonourRobots = false });

        var error = (await fetcher.FetchAsync(new Uri("http://127.0.0.1:9/"))).Error!;

        Assert.Equal(InputErrorCode.Unreachable, error.Code);
    }

    private static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }
}
