using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dateline.Server.Accounts;
using Dateline.Server.Tests.Support;

namespace Dateline.Server.Tests.Api;

public sealed class ApiTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private TestServer Server => fixture.Server;

    private static async Task<JsonElement> Json(HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    [Fact]
    public async Task Health_answers_without_signing_in_and_counts_articles()
    {
        using var client = Server.Anonymous();
        using var response = await client.GetAsync(new Uri("/health", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await Json(response);
        Assert.Equal("ok", body.GetProperty("status").GetString());
        Assert.Equal("sqlite", body.GetProperty("store").GetString());
    }

    [Fact]
    public async Task Anonymous_reads_nothing_and_gets_problem_details()
    {
        using var client = Server.Anonymous();
        foreach (var path in (string[])["/api/articles", "/api/events", "/api/stories", "/api/export/csv"])
        {
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        using var analyze = await client.PostAsJsonAsync("/api/analyze", new { text = "Poland accused Russia of jamming signals." });
        Assert.Equal(HttpStatusCode.Unauthorized, analyze.StatusCode);
    }

    [Fact]
    public async Task A_wrong_api_key_is_refused()
    {
        using var client = Server.Anonymous();
        client.DefaultRequestHeaders.Add("X-Api-Key", "dl_not-a-key");
        using var response = await client.GetAsync(new Uri("/api/articles", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Analyze_returns_the_contract_json_without_storing()
    {
        using var client = Server.WithKey(Roles.Reader);
        var before = (await Json(await client.GetAsync(new Uri("/health", UriKind.Relative)))).GetProperty("articles").GetInt64();
        using var response = await client.PostAsJsonAsync("/api/analyze", new { text = TestServer.Article + " Analysed only.", published = "2026-03-02" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await Json(response);
        Assert.Equal("dateline.document/1", body.GetProperty("schema").GetString());
        Assert.Equal("2026-03-02", body.GetProperty("published").GetString());
        Assert.Contains(body.GetProperty("quotes").EnumerateArray(), q => q.GetProperty("speakerName").GetString() == "Anna Nowak");
        var after = (await Json(await client.GetAsync(new Uri("/health", UriKind.Relative)))).GetProperty("articles").GetInt64();
        Assert.Equal(before, after);
    }

    [Theory]
    [InlineData("{\"text\": \"\"}", 400)]
    [InlineData("{\"text\": \"Poland spoke.\", \"published\": \"yesterday\"}", 400)]
    [InlineData("{\"url\": \"http://127.0.0.1:8080/admin\"}", 422)]
    [InlineData("{\"url\": \"http://localhost/story\"}", 422)]
    [InlineData("{\"url\": \"http://[::1]/story\"}", 422)]
    [InlineData("{\"url\": \"http://10.1.2.3/story\"}", 422)]
    [InlineData("{\"url\": \"http://169.254.169.254/latest/meta-data\"}", 422)]
    [InlineData("{\"url\": \"https://unreachable.invalid/story\"}", 502)]
    [InlineData("{\"url\": \"file:///etc/passwd\"}", 400)]
    public async Task Analyze_refuses_bad_requests_with_problem_details(string json, int status)
    {
        using var client = Server.WithKey(Roles.Reader);
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(new Uri("/api/analyze", UriKind.Relative), content);
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(status, (await Json(response)).GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task A_request_over_the_size_limit_is_refused()
    {
        using var client = Server.WithKey(Roles.Reader);
        var text = new string('a', 6_500_000);

        // The body's length is declared and the client waits for "100 Continue" before sending it,
        // as a well-behaved client does: the server refuses on the header alone, and the test does not
        // race the server closing the connection against a client still writing 6.5 MB.
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/analyze") { Content = JsonContent.Create(new { text }) };
        await request.Content.LoadIntoBufferAsync();
        request.Headers.ExpectContinue = true;
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task An_analyst_ingests_once_and_the_same_text_again_is_a_duplicate()
    {
        var id = await Server.NewArticleAsync();
        using var client = Server.WithKey(Roles.Analyst);
        using var article = await client.GetAsync(new Uri($"/api/articles/{id}", UriKind.Relative));
        var text = (await Json(article)).GetProperty("text").GetString()!;
        using var again = await client.PostAsJsonAsync("/api/articles", new { text, published = "2026-03-02" });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("duplicate", (await Json(again)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_reader_cannot_ingest_and_a_browser_cookie_cannot_write_through_the_api()
    {
        using var reader = Server.WithKey(Roles.Reader);
        using var refused = await reader.PostAsJsonAsync("/api/articles", new { text = "Poland accused Russia of jamming signals." });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);

        using var browser = await Server.SignedIn(Roles.Admin);
        using var cookie = await browser.PostAsJsonAsync("/api/articles", new { text = "Poland accused Russia of jamming signals." });
        Assert.Equal(HttpStatusCode.Unauthorized, cookie.StatusCode);
    }

    [Fact]
    public async Task An_unknown_article_is_a_404_problem()
    {
        using var client = Server.WithKey(Roles.Reader);
        using var response = await client.GetAsync(new Uri("/api/articles/d-0000000000000000", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Listings_page_with_a_next_link_until_the_end()
    {
        await Server.NewArticleAsync();
        await Server.NewArticleAsync();
        using var client = Server.WithKey(Roles.Reader);
        var first = await Json(await client.GetAsync(new Uri("/api/articles?limit=1", UriKind.Relative)));
        Assert.Single(first.GetProperty("items").EnumerateArray());
        var next = first.GetProperty("next").GetString()!;
        Assert.Contains("offset=1", next, StringComparison.Ordinal);
        var second = await Json(await client.GetAsync(new Uri(next, UriKind.Relative)));
        Assert.NotEqual(
            first.GetProperty("items")[0].GetProperty("article").GetProperty("id").GetString(),
            second.GetProperty("items")[0].GetProperty("article").GetProperty("id").GetString());
        var all = await Json(await client.GetAsync(new Uri("/api/articles?limit=500", UriKind.Relative)));
        Assert.Equal(JsonValueKind.Null, all.GetProperty("next").ValueKind);

        using var bad = await client.GetAsync(new Uri("/api/articles?limit=0", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task Search_finds_a_stored_article_by_its_words()
    {
        var id = await Server.NewArticleAsync();
        using var client = Server.WithKey(Roles.Reader);
        var hits = await Json(await client.GetAsync(new Uri("/api/articles?q=freight%20engineers&limit=100", UriKind.Relative)));
        Assert.Contains(hits.GetProperty("items").EnumerateArray(), h => h.GetProperty("article").GetProperty("id").GetString() == id);
    }

    [Fact]
    public async Task Events_timeline_network_quotes_and_stories_answer_json()
    {
        await Server.NewArticleAsync();
        using var client = Server.WithKey(Roles.Reader);
        var events = await Json(await client.GetAsync(new Uri("/api/events?actor=POLGOV", UriKind.Relative)));
        Assert.Contains(events.GetProperty("items").EnumerateArray(), e => e.GetProperty("code").GetString() == "112");
        var timeline = await Json(await client.GetAsync(new Uri("/api/timeline?actor=RUSGOV", UriKind.Relative)));
        Assert.NotEmpty(timeline.GetProperty("items").EnumerateArray());
        var network = await Json(await client.GetAsync(new Uri("/api/network", UriKind.Relative)));
        Assert.Contains(network.EnumerateArray(), e => e.GetProperty("source").GetString() == "POLGOV" && e.GetProperty("target").GetString() == "RUSGOV");
        var quotes = await Json(await client.GetAsync(new Uri("/api/quotes?speaker=nowak", UriKind.Relative)));
        Assert.NotEmpty(quotes.GetProperty("items").EnumerateArray());
        var stories = await Json(await client.GetAsync(new Uri("/api/stories", UriKind.Relative)));
        Assert.NotEmpty(stories.GetProperty("items").EnumerateArray());
        using var csv = await client.GetAsync(new Uri("/api/events?actor=POLGOV&format=csv", UriKind.Relative));
        Assert.StartsWith("day,code,label", await csv.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var noActor = await client.GetAsync(new Uri("/api/timeline", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, noActor.StatusCode);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_api_and_the_reference_page_uses_local_scripts()
    {
        using var client = Server.Anonymous();
        var document = await Json(await client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative)));
        var paths = document.GetProperty("paths");
        foreach (var path in (string[])["/api/analyze", "/api/articles", "/api/articles/{id}", "/api/events", "/api/timeline", "/api/network", "/api/quotes", "/api/stories", "/api/export/{format}"])
        {
            Assert.True(paths.TryGetProperty(path, out _), path);
        }

        var page = await client.GetStringAsync(new Uri("/api-docs/", UriKind.Relative));
        Assert.DoesNotContain("https://", page, StringComparison.Ordinal);
        using var script = await client.GetAsync(new Uri("/api-docs/scalar.js", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
    }

    [Fact]
    public async Task Every_response_carries_the_security_headers()
    {
        using var client = Server.Anonymous();
        using var response = await client.GetAsync(new Uri("/login", UriKind.Relative));
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.DoesNotContain("script-src", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }
}
