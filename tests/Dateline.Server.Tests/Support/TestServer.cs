using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Dateline.Server;
using Dateline.Server.Accounts;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Dateline.Server.Tests.Support;

/// <summary>
/// A real server on Kestrel over loopback (a free port), on a new SQLite store in a temporary
/// folder, with one account per role. Articles are written for these tests.
/// </summary>
public sealed partial class TestServer : IAsyncDisposable
{
    /// <summary>An article written for these tests: a quote with its speaker, dates, an accusation.</summary>
    public const string Article =
        "Rail link talks end with a deal\n\n"
        + "WARSAW, March 2, 2026 (Test Wire) - Poland and Germany agreed on Monday to reopen the northern rail link that closed last year, officials said.\n\n"
        + "Polish Transport Minister Anna Nowak said the line would carry freight again by June. \"We have waited long enough for the trains to run,\" Nowak told reporters in Warsaw.\n\n"
        + "German Chancellor Friedrich Merz promised to send engineers next week. Poland accused Russia of jamming signals along the border.";

    private readonly string folder;
    private int articles;

    private TestServer(WebApplication app, string folder)
    {
        App = app;
        this.folder = folder;
        BaseAddress = new Uri(app.Urls.First());
    }

    public WebApplication App { get; }

    public Uri BaseAddress { get; }

    public Dictionary<string, NewAccount> Accounts { get; } = new(StringComparer.Ordinal);

    public static async Task<TestServer> StartAsync(bool publicRead = false, int rateLimitPerMinute = 0)
    {
        var folder = Path.Combine(Path.GetTempPath(), "dateline-server-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var app = DatelineServer.Build(new ServerOptions
        {
            Db = Path.Combine(folder, "test.db"),
            Urls = "http://127.0.0.1:0",
            PublicRead = publicRead,
            RateLimitPerMinute = rateLimitPerMinute,
            RequestLogs = false,
        });
        await app.StartAsync();
        var server = new TestServer(app, folder);
        var accounts = app.Services.GetRequiredService<AccountService>();
        foreach (var role in Roles.All)
        {
            server.Accounts[role] = accounts.Create(role + "-user", role);
        }

        return server;
    }

    /// <summary>A client without credentials.</summary>
    public HttpClient Anonymous() => new(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = BaseAddress };

    /// <summary>A client sending the API key of the account with <paramref name="role"/>.</summary>
    public HttpClient WithKey(string role)
    {
        var client = Anonymous();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Accounts[role].ApiKey);
        return client;
    }

    /// <summary>A browser-like client (cookies, no redirects followed) signed in with the account of <paramref name="role"/>.</summary>
    public async Task<HttpClient> SignedIn(string role)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = BaseAddress };
        var token = Token(await client.GetStringAsync(new Uri("/login", UriKind.Relative)));
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["name"] = Accounts[role].Name,
            ["password"] = Accounts[role].Password,
            ["__csrf"] = token,
        });
        using var response = await client.PostAsync(new Uri("/login", UriKind.Relative), form);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>Stores a new article (the test article with a distinct last sentence) and returns its id.</summary>
    public async Task<string> NewArticleAsync()
    {
        var n = Interlocked.Increment(ref articles);
        using var client = WithKey(Roles.Analyst);
        using var response = await client.PostAsJsonAsync("/api/articles", new { text = Article + $" The talks lasted {n + 1} days.", published = "2026-03-02" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("id").GetString()!;
    }

    /// <summary>The antiforgery token of the first form in <paramref name="html"/>.</summary>
    public static string Token(string html) => CsrfField().Match(html) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("no antiforgery token in the page");

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by the runtime is left for the temporary folder's cleanup.
        }
    }

    [GeneratedRegex("name=\"__csrf\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex CsrfField();
}

/// <summary>One server shared by the tests of a class.</summary>
public sealed class ServerFixture : IAsyncLifetime
{
    public TestServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await TestServer.StartAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
