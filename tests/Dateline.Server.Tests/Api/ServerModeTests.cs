using System.Net;
using System.Net.Http.Json;
using Dateline.Server.Tests.Support;

namespace Dateline.Server.Tests.Api;

public sealed class ServerModeTests
{
    [Fact]
    public async Task A_public_server_lets_anyone_read_and_analyze_but_never_write()
    {
        await using var server = await TestServer.StartAsync(publicRead: true);
        using var client = server.Anonymous();
        using var list = await client.GetAsync(new Uri("/api/articles", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        using var analyze = await client.PostAsJsonAsync("/api/analyze", new { text = "Poland accused Russia of jamming signals." });
        Assert.Equal(HttpStatusCode.OK, analyze.StatusCode);
        using var page = await client.GetAsync(new Uri("/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        using var ingest = await client.PostAsJsonAsync("/api/articles", new { text = "Poland accused Russia of jamming signals." });
        Assert.Equal(HttpStatusCode.Unauthorized, ingest.StatusCode);
        using var comment = await client.PostAsJsonAsync("/api/articles/d-0000000000000000/comments", new { markdown = "hi" });
        Assert.Equal(HttpStatusCode.Unauthorized, comment.StatusCode);
    }

    [Fact]
    public async Task A_private_server_sends_anonymous_pages_to_the_sign_in_form()
    {
        await using var server = await TestServer.StartAsync();
        using var client = server.Anonymous();
        using var page = await client.GetAsync(new Uri("/events", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/login", page.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_client_over_the_rate_limit_gets_429()
    {
        await using var server = await TestServer.StartAsync(rateLimitPerMinute: 60);
        using var client = server.WithKey("reader");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 15; i++)
        {
            using var response = await client.GetAsync(new Uri("/api/stories", UriKind.Relative));
            statuses.Add(response.StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, statuses[0]);
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }
}
