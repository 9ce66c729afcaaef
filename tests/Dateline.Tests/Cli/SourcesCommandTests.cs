using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Dateline.Tests.Sources;
using Dateline.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Dateline.Tests.Cli;

/// <summary><c>analyze</c> and <c>ingest</c> on URLs, feeds, web archives and JSON Lines, as a user runs them.</summary>
public sealed class SourcesCommandTests : IAsyncLifetime
{
    private readonly string scratch = Directory.CreateTempSubdirectory("dateline-sources-").FullName;
    private readonly Dictionary<string, int> hits = new(StringComparer.Ordinal);
    private int feedVersion = 1;
    private LocalServer server = null!;

    public async Task InitializeAsync()
    {
        server = await LocalServer.StartAsync(app =>
        {
            app.MapGet("/2025/06/10/ferry-service-resumes", () => Results.Content(ArticleFetcherTests.Page, "text/html; charset=utf-8"));
            app.MapGet("/feed.xml", () => Results.Content(Feed(), "application/rss+xml"));
            app.MapGet("/story/{n:int}", (int n) =>
            {
                lock (hits)
                {
                    hits[$"/story/{n}"] = hits.GetValueOrDefault($"/story/{n}") + 1;
                }

                return Results.Content(Story(n), "text/html");
            });
        });
    }

    public async Task DisposeAsync()
    {
        await server.DisposeAsync();
        Directory.Delete(scratch, recursive: true);
    }

    [Fact]
    public void Analyze_reads_a_page_by_url_and_the_url_is_the_documents()
    {
        var url = server.At("/2025/06/10/ferry-service-resumes").AbsoluteUri;

        var run = CliRunner.Run(null, "analyze", url, "--allow-private", "--delay", "0", "--json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Stdout);
        var root = json.RootElement;
        Assert.Equal("url", root.GetProperty("source").GetProperty("kind").GetString());
        Assert.Equal(url, root.GetProperty("source").GetProperty("uri").GetString());
        Assert.Equal("2025-06-10", root.GetProperty("published").GetString());
        Assert.StartsWith("The island ferry returned", root.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_refuses_a_loopback_url_without_allow_private_in_one_clear_line()
    {
        var run = CliRunner.Run(null, "analyze", server.At("/2025/06/10/ferry-service-resumes").AbsoluteUri, "--delay", "0");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("loopback address; refused (allow it with --allow-private)", run.Stderr, StringComparison.Ordinal);
        Assert.Single(run.Stderr.Trim().Split('\n'));
    }

    [Fact]
    public void Ingest_of_a_feed_fetches_its_entries_and_a_second_run_only_the_new_one()
    {
        var db = Path.Combine(scratch, "feed.db");
        var feed = server.At("/feed.xml").AbsoluteUri;

        var first = CliRunner.Run(null, "ingest", feed, "--db", db, "--allow-private", "--delay", "0", "--quiet");
        feedVersion = 2;
        var second = CliRunner.Run(null, "ingest", feed, "--db", db, "--allow-private", "--delay", "0", "--quiet");

        Assert.Equal(0, first.ExitCode);
        Assert.Contains("2 stored", first.Stdout, StringComparison.Ordinal);
        Assert.Contains("3 entries, 1 new", second.Stderr, StringComparison.Ordinal);
        Assert.Contains("1 stored", second.Stdout, StringComparison.Ordinal);
        Assert.Equal(1, hits["/story/1"]);
        Assert.Equal(1, hits["/story/2"]);
        Assert.Equal(1, hits["/story/3"]);
    }

    [Fact]
    public void Ingest_mixes_files_and_urls_and_records_each_failure_with_its_reason()
    {
        var db = Path.Combine(scratch, "mixed.db");
        var file = Path.Combine(scratch, "note.txt");
        File.WriteAllText(file, "The harbour council approved a new budget on Monday after a long debate about repairs.");

        var run = CliRunner.Run(
            null, "ingest", file, server.At("/2025/06/10/ferry-service-resumes").AbsoluteUri, server.At("/missing").AbsoluteUri, "http://127.0.0.1:9/closed",
            "--db", db, "--allow-private", "--delay", "0", "--timeout", "5", "--quiet");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("2 stored", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("failed (http-status): 1", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("failed (unreachable): 1", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Ingest_refuses_an_article_over_max_bytes_with_its_reason_and_the_option_raises_the_limit()
    {
        var file = Path.Combine(scratch, "long.txt");
        File.WriteAllText(file, string.Concat(Enumerable.Repeat("The harbour council met again on Monday to discuss the repairs. ", 40)));

        var capped = CliRunner.Run(null, "ingest", file, "--db", Path.Combine(scratch, "capped.db"), "--max-bytes", "1000", "--quiet");
        var raised = CliRunner.Run(null, "ingest", file, "--db", Path.Combine(scratch, "raised.db"), "--max-bytes", "100000", "--quiet");

        Assert.Equal(0, capped.ExitCode);
        Assert.Contains("failed (too-large): 1", capped.Stdout, StringComparison.Ordinal);
        Assert.Contains("over the limit of 1,000", capped.Stdout, StringComparison.Ordinal);
        Assert.Contains("1 stored", raised.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Ingest_of_a_gzipped_web_archive_stores_the_html_responses_and_counts_what_it_skipped()
    {
        var db = Path.Combine(scratch, "warc.db");
        var warc = Path.Combine(scratch, "crawl.warc.gz");
        using (var output = File.Create(warc))
        {
            foreach (var record in new[]
            {
                WarcRecord("request", "https://news.example/story/1", "GET /story/1 HTTP/1.1\r\n\r\n"u8.ToArray()),
                WarcRecord("response", "https://news.example/story/1", Http("text/html; charset=utf-8", Encoding.UTF8.GetBytes(Story(1)))),
                WarcRecord("response", "https://news.example/logo.png", Http("image/png", [0x89, 0x50, 0x4E, 0x47])),
                WarcRecord("response", "https://news.example/story/2", Http("text/html", Encoding.UTF8.GetBytes(Story(2)))),
            })
            {
                using var member = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true);
                member.Write(record);
            }
        }

        var run = CliRunner.Run(null, "ingest", warc, "--db", db, "--quiet");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("2 stored", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("2 skipped (not articles)", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("skipped (a request record, not a response): 1", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("skipped (image/png, not HTML): 1", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_of_a_web_archive_prints_one_json_document_per_page_with_the_target_uri_and_crawl_date()
    {
        var warc = Path.Combine(scratch, "one.warc");
        File.WriteAllBytes(warc, WarcRecord("response", "https://news.example/story/5", Http("text/html", Encoding.UTF8.GetBytes(Story(5)))));

        var run = CliRunner.Run(null, "analyze", warc, "--json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(Assert.Single(run.Stdout.Trim().Split('\n')));
        Assert.Equal("https://news.example/story/5", json.RootElement.GetProperty("source").GetProperty("uri").GetString());
        Assert.Equal("crawl", json.RootElement.GetProperty("publishedFrom").GetString());
        Assert.Equal("2025-06-12", json.RootElement.GetProperty("published").GetString()![..10]);
    }

    [Fact]
    public void Analyze_of_json_lines_prints_each_article_and_reports_a_bad_line()
    {
        var jsonl = Path.Combine(scratch, "articles.jsonl");
        File.WriteAllLines(jsonl,
        [
            """{"text": "The city council approved the new tram line on Tuesday after months of debate.", "url": "https://city.example/tram", "published": "2025-06-10", "title": "Tram approved"}""",
            """{"url": "https://city.example/empty"}""",
            """{"html": "<html><body><article><p>Flood defences along the river were raised by a metre this spring, engineers said.</p></article></body></html>"}""",
        ]);

        var run = CliRunner.Run(null, "analyze", jsonl, "--json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(2, run.Stdout.Trim().Split('\n').Length);
        Assert.Contains("neither", run.Stderr, StringComparison.Ordinal);
    }

    private string Feed()
    {
        var items = new StringBuilder();
        for (var n = 1; n <= feedVersion + 1; n++)
        {
            items.Append(CultureInfoInvariant($"<item><title>Story {n}</title><link>{server.At($"/story/{n}").AbsoluteUri}</link><guid>story-{n}</guid></item>"));
        }

        return $"<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Local</title><link>{server.BaseUri}</link><description>d</description>{items}</channel></rss>";
    }

    private static string CultureInfoInvariant(FormattableString text) => FormattableString.Invariant(text);

    private static string Story(int n) => $"""
        <html><head><title>Story {n}</title></head><body><article>
        <p>Workers at the northern quarry number {n} returned to their jobs on Thursday after a week-long dispute over safety equipment ended.</p>
        <p>The company agreed to replace helmets and harnesses within a month, a union spokesperson said, and to publish inspection results for site {n}.</p>
        </article></body></html>
        """;

    private static byte[] WarcRecord(string type, string uri, byte[] block)
    {
        var header = $"WARC/1.0\r\nWARC-Type: {type}\r\nWARC-Date: 2025-06-12T08:30:00Z\r\nWARC-Target-URI: {uri}\r\nContent-Length: {block.Length}\r\n\r\n";
        return [.. Encoding.ASCII.GetBytes(header), .. block, .. "\r\n\r\n"u8];
    }

    private static byte[] Http(string contentType, byte[] body) =>
        [.. Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Type: {contentType}\r\n\r\n"), .. body];
}
