using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dateline.Server.Accounts;
using Dateline.Server.Tests.Support;

namespace Dateline.Server.Tests.Api;

public sealed class AnnotationTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private TestServer Server => fixture.Server;

    private static async Task<JsonElement> Json(HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    private static async Task<JsonElement> Article(HttpClient client, string id) => await Json(await client.GetAsync(new Uri($"/api/articles/{id}", UriKind.Relative)));

    private static JsonElement ById(JsonElement article, string layer, string id) => article.GetProperty(layer).EnumerateArray().Single(x => x.GetProperty("id").GetString() == id);

    private static string EntityNamed(JsonElement article, string name) =>
        article.GetProperty("entities").EnumerateArray().First(e => e.GetProperty("name").GetString() == name).GetProperty("id").GetString()!;

    private static string QuoteOf(JsonElement article, string speakerName) =>
        article.GetProperty("quotes").EnumerateArray().First(q => q.GetProperty("kind").GetString() == "direct" && q.GetProperty("speakerName").GetString() == speakerName).GetProperty("id").GetString()!;

    [Fact]
    public async Task A_reassigned_speaker_shows_in_the_article_the_quotes_and_the_export_and_the_original_is_kept()
    {
        var id = await Server.NewArticleAsync();
        using var analyst = Server.WithKey(Roles.Analyst);
        var before = await Article(analyst, id);
        var quote = QuoteOf(before, "Anna Nowak");
        var merz = EntityNamed(before, "Friedrich Merz");

        using var response = await analyst.PostAsJsonAsync($"/api/articles/{id}/corrections", new { kind = "quote-speaker", target = quote, entity = merz, reason = "the chancellor said it" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var correction = await Json(response);
        Assert.Equal("analyst-user", correction.GetProperty("author").GetString());

        var after = await Article(analyst, id);
        Assert.Equal(merz, ById(after, "quotes", quote).GetProperty("speaker").GetString());
        Assert.Equal("Friedrich Merz", ById(after, "quotes", quote).GetProperty("speakerName").GetString());
        Assert.Equal("the chancellor said it", after.GetProperty("corrections")[0].GetProperty("reason").GetString());

        var quotes = await Json(await analyst.GetAsync(new Uri("/api/quotes?speaker=merz&limit=500", UriKind.Relative)));
        Assert.Contains(quotes.GetProperty("items").EnumerateArray(), q => q.GetProperty("articleId").GetString() == id && q.GetProperty("quoteId").GetString() == quote);

        var export = await analyst.GetStringAsync(new Uri("/api/export/json", UriKind.Relative));
        var line = export.Split('\n').Single(l => l.Contains($"\"id\":\"{id}\"", StringComparison.Ordinal));
        using var exported = JsonDocument.Parse(line);
        Assert.Equal(merz, ById(exported.RootElement, "quotes", quote).GetProperty("speaker").GetString());

        // The stored analysis is untouched: the correction lives beside it.
        var stores = (Dateline.Server.Hosting.StorePool)Server.App.Services.GetService(typeof(Dateline.Server.Hosting.StorePool))!;
        using var original = JsonDocument.Parse(stores.Use(s => s.GetJson(id))!);
        Assert.Equal("Anna Nowak", ById(original.RootElement, "quotes", quote).GetProperty("speakerName").GetString());
    }

    [Fact]
    public async Task A_rejected_event_leaves_the_article_the_event_list_and_the_gdelt_export()
    {
        var id = await Server.NewArticleAsync();
        using var analyst = Server.WithKey(Roles.Analyst);
        var before = await Article(analyst, id);
        var ev = before.GetProperty("events").EnumerateArray().First(e => e.GetProperty("code").GetString() == "112").GetProperty("id").GetString()!;
        using var response = await analyst.PostAsJsonAsync($"/api/articles/{id}/corrections", new { kind = "event-reject", target = ev, reason = "a report, not an accusation" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);

        var after = await Article(analyst, id);
        Assert.DoesNotContain(after.GetProperty("events").EnumerateArray(), e => e.GetProperty("id").GetString() == ev);
        var events = await Json(await analyst.GetAsync(new Uri("/api/events?limit=500", UriKind.Relative)));
        Assert.DoesNotContain(events.GetProperty("items").EnumerateArray(), e => e.GetProperty("articleId").GetString() == id && e.GetProperty("eventId").GetString() == ev);
        var mentions = await analyst.GetStringAsync(new Uri("/api/export/csv", UriKind.Relative));
        Assert.DoesNotContain($",{id},{ev},", mentions, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_changed_event_code_and_date_show_in_the_article_and_the_csv_export()
    {
        var id = await Server.NewArticleAsync();
        using var analyst = Server.WithKey(Roles.Analyst);
        var ev = (await Article(analyst, id)).GetProperty("events").EnumerateArray().First().GetProperty("id").GetString()!;
        using var response = await analyst.PostAsJsonAsync($"/api/articles/{id}/corrections", new { kind = "event", target = ev, code = "111", date = "2026-02-27", reason = "criticism, dated by the ministry" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var corrected = ById(await Article(analyst, id), "events", ev);
        Assert.Equal("111", corrected.GetProperty("code").GetString());
        Assert.Equal("2026-02-27", corrected.GetProperty("date").GetString());
        var csv = await analyst.GetStringAsync(new Uri("/api/export/csv", UriKind.Relative));
        Assert.Contains($",{id},{ev},2026-02-27,111,", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Merged_entities_become_one_with_both_mentions()
    {
        var id = await Server.NewArticleAsync();
        using var analyst = Server.WithKey(Roles.Analyst);
        var before = await Article(analyst, id);
        var poland = EntityNamed(before, "Poland");
        var polish = EntityNamed(before, "Polish");
        var mentions = ById(before, "entities", poland).GetProperty("mentions").GetArrayLength() + ById(before, "entities", polish).GetProperty("mentions").GetArrayLength();
        using var response = await analyst.PostAsJsonAsync($"/api/articles/{id}/corrections", new { kind = "entity-merge", target = polish, entity = poland, reason = "the same country" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var after = await Article(analyst, id);
        Assert.DoesNotContain(after.GetProperty("entities").EnumerateArray(), e => e.GetProperty("id").GetString() == polish);
        Assert.Equal(mentions, ById(after, "entities", poland).GetProperty("mentions").GetArrayLength());
    }

    [Theory]
    [InlineData("{\"kind\": \"quote-speaker\", \"target\": \"Q99\", \"entity\": \"E1\", \"reason\": \"x\"}")]
    [InlineData("{\"kind\": \"event\", \"target\": \"V1\", \"code\": \"999\", \"reason\": \"x\"}")]
    [InlineData("{\"kind\": \"event\", \"target\": \"V1\", \"date\": \"next week\", \"reason\": \"x\"}")]
    [InlineData("{\"kind\": \"event\", \"target\": \"V1\", \"reason\": \"nothing changed\"}")]
    [InlineData("{\"kind\": \"entity-merge\", \"target\": \"E1\", \"entity\": \"E1\", \"reason\": \"x\"}")]
    [InlineData("{\"kind\": \"rename\", \"target\": \"E1\", \"reason\": \"x\"}")]
    [InlineData("{\"kind\": \"event-reject\", \"target\": \"V1\", \"reason\": \"\"}")]
    public async Task A_correction_that_makes_no_sense_is_refused(string json)
    {
        var id = await Server.NewArticleAsync();
        using var analyst = Server.WithKey(Roles.Analyst);
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        using var response = await analyst.PostAsync(new Uri($"/api/articles/{id}/corrections", UriKind.Relative), content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_reader_cannot_correct_and_anonymous_cannot_comment()
    {
        var id = await Server.NewArticleAsync();
        using var reader = Server.WithKey(Roles.Reader);
        using var refused = await reader.PostAsJsonAsync($"/api/articles/{id}/corrections", new { kind = "event-reject", target = "V1", reason = "no" });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);

        using var anonymous = Server.Anonymous();
        using var comment = await anonymous.PostAsJsonAsync($"/api/articles/{id}/comments", new { markdown = "hello" });
        Assert.Equal(HttpStatusCode.Unauthorized, comment.StatusCode);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("[click](javascript:alert(1))")]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>")]
    [InlineData("[x](JaVaScRiPt:alert(1))")]
    [InlineData("<svg onload=alert(1)>")]
    [InlineData("<iframe src=\"https://example.com\"></iframe>")]
    [InlineData("![x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)")]
    public async Task An_xss_payload_in_a_comment_renders_inert(string payload)
    {
        var id = await Server.NewArticleAsync();
        using var reader = Server.WithKey(Roles.Reader);
        using var response = await reader.PostAsJsonAsync($"/api/articles/{id}/comments", new { markdown = "Look: " + payload });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var html = (await Json(response)).GetProperty("html").GetString()!;
        AssertInert(html);

        using var browser = await Server.SignedIn(Roles.Reader);
        var page = await browser.GetStringAsync(new Uri($"/articles/{id}", UriKind.Relative));
        var thread = page[page.IndexOf("class=\"thread\"", StringComparison.Ordinal)..page.IndexOf("</ol>", page.IndexOf("class=\"thread\"", StringComparison.Ordinal), StringComparison.Ordinal)];
        AssertInert(thread);
    }

    // Escaped text may spell "onerror" or "javascript:"; what must not exist is a live element,
    // an event-handler attribute or a script URL inside a tag.
    private static void AssertInert(string html)
    {
        Assert.DoesNotMatch(new System.Text.RegularExpressions.Regex("<(script|img|svg|iframe|object|embed|style|form)\\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase), html);
        Assert.DoesNotMatch(new System.Text.RegularExpressions.Regex("<[^>]*\\son[a-z]+\\s*=", System.Text.RegularExpressions.RegexOptions.IgnoreCase), html);
        Assert.DoesNotMatch(new System.Text.RegularExpressions.Regex("<[^>]*(href|src)\\s*=\\s*\"?\\s*(javascript|data|vbscript):", System.Text.RegularExpressions.RegexOptions.IgnoreCase), html);
    }

    [Fact]
    public async Task Comment_markdown_keeps_its_formatting_and_links()
    {
        var id = await Server.NewArticleAsync();
        using var reader = Server.WithKey(Roles.Reader);
        using var response = await reader.PostAsJsonAsync($"/api/articles/{id}/comments", new { markdown = "**Check** the [ministry](https://example.com/statement)." });
        var html = (await Json(response)).GetProperty("html").GetString()!;
        Assert.Contains("<strong>Check</strong>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://example.com/statement\"", html, StringComparison.Ordinal);
        Assert.Contains("rel=\"nofollow noopener noreferrer\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_form_post_without_the_antiforgery_token_is_refused()
    {
        var id = await Server.NewArticleAsync();
        using var browser = await Server.SignedIn(Roles.Analyst);
        using var without = new FormUrlEncodedContent(new Dictionary<string, string> { ["markdown"] = "no token" });
        using var refused = await browser.PostAsync(new Uri($"/articles/{id}?handler=Comment", UriKind.Relative), without);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);

        var token = TestServer.Token(await browser.GetStringAsync(new Uri($"/articles/{id}", UriKind.Relative)));
        using var with = new FormUrlEncodedContent(new Dictionary<string, string> { ["markdown"] = "with a token", ["__csrf"] = token });
        using var accepted = await browser.PostAsync(new Uri($"/articles/{id}?handler=Comment", UriKind.Relative), with);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        var comments = await Json(await Server.WithKey(Roles.Reader).GetAsync(new Uri($"/api/articles/{id}/comments", UriKind.Relative)));
        Assert.Contains(comments.EnumerateArray(), c => c.GetProperty("markdown").GetString() == "with a token");
    }

    [Fact]
    public async Task A_reader_signed_in_cannot_correct_through_the_page()
    {
        var id = await Server.NewArticleAsync();
        using var browser = await Server.SignedIn(Roles.Reader);
        var page = await browser.GetStringAsync(new Uri($"/articles/{id}", UriKind.Relative));
        Assert.DoesNotContain("handler=Speaker", page, StringComparison.Ordinal);
        var token = TestServer.Token(page);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["event"] = "V1", ["reject"] = "true", ["reason"] = "no", ["__csrf"] = token });
        using var response = await browser.PostAsync(new Uri($"/articles/{id}?handler=Event", UriKind.Relative), form);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/denied", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        using var analyst = Server.WithKey(Roles.Analyst);
        Assert.Equal(0, (await Json(await analyst.GetAsync(new Uri($"/api/articles/{id}/corrections", UriKind.Relative)))).GetArrayLength());
    }
}
