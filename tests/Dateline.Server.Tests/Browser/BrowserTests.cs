using System.Text.Json;
using Dateline.Server.Accounts;
using Dateline.Server.Tests.Support;
using Microsoft.Playwright;

namespace Dateline.Server.Tests.Browser;

/// <summary>
/// End-to-end in Debian's Chromium (never a downloaded browser), driven by Playwright against the
/// real server on loopback. Skipped where no Chromium is installed (.ci/services/chromium.sh
/// installs it and sets DATELINE_CHROMIUM). Screenshots go to TestResults/screenshots/.
/// </summary>
public sealed class BrowserTests
{
    private static readonly string[] ChromiumArgs =
        ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

    private static string? Chromium =>
        Environment.GetEnvironmentVariable("DATELINE_CHROMIUM") is { Length: > 0 } path && File.Exists(path) ? path
        : File.Exists("/usr/bin/chromium") ? "/usr/bin/chromium"
        : null;

    private static string Screenshots
    {
        get
        {
            var folder = new DirectoryInfo(AppContext.BaseDirectory);
            while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Dateline.sln")))
            {
                folder = folder.Parent;
            }

            var path = Path.Combine(folder?.FullName ?? Path.GetTempPath(), "TestResults", "screenshots");
            Directory.CreateDirectory(path);
            return path;
        }
    }

    private static async Task<(IPlaywright, IBrowser)> Launch()
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = Chromium, Headless = true, Args = ChromiumArgs });
        return (playwright, browser);
    }

    // CI machines are shared and busy: waits are generous, never timing assertions.
    private static void Patient(IPage page)
    {
        page.SetDefaultTimeout(120_000);
        page.SetDefaultNavigationTimeout(120_000);
    }

    private static async Task SignIn(IPage page, TestServer server, string role)
    {
        await page.GotoAsync(new Uri(server.BaseAddress, "/login").ToString());
        await page.GetByLabel("Account").FillAsync(server.Accounts[role].Name);
        await page.GetByLabel("Password").FillAsync(server.Accounts[role].Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(new Uri(server.BaseAddress, "/").ToString());
    }

    [SkippableFact]
    public async Task An_analyst_ingests_reads_comments_and_corrects_a_speaker_in_the_browser()
    {
        Skip.If(Chromium is null, "Chromium is not installed (run .ci/services/chromium.sh as root)");
        await using var server = await TestServer.StartAsync();
        var (playwright, browser) = await Launch();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 960 } });
        Patient(page);
        await SignIn(page, server, Roles.Analyst);

        // Ingest through the form; the article opens.
        await page.GetByRole(AriaRole.Link, new() { Name = "Add article" }).ClickAsync();
        await page.GetByLabel("Published").FillAsync("2026-03-02");
        await page.GetByLabel("Article text or HTML page").FillAsync(TestServer.Article);
        await page.GetByRole(AriaRole.Button, new() { Name = "Analyse and store" }).ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/articles/d-[0-9a-f]+$"));
        var id = page.Url[(page.Url.LastIndexOf('/') + 1)..];
        Assert.Equal("Rail link talks end with a deal", await page.Locator("h1").TextContentAsync());

        // Highlights: people, places, dates, quotes and events, in the text.
        Assert.True(await page.Locator(".body .ent-PERSON").CountAsync() >= 2);
        Assert.True(await page.Locator(".body .ent-GPE").CountAsync() >= 2);
        Assert.True(await page.Locator(".body .tx").CountAsync() >= 2);
        Assert.True(await page.Locator(".body .trig").CountAsync() >= 1);
        var quote = page.Locator(".body .quote-direct").First;
        Assert.False(await quote.Locator(".tip").IsVisibleAsync());

        // The quote's speaker shows on keyboard focus.
        await quote.FocusAsync();
        Assert.True(await quote.Locator(".tip").IsVisibleAsync());
        Assert.Equal("Said by Anna Nowak", await quote.Locator(".tip").TextContentAsync());
        // An event's evidence link lands on its trigger in the text.
        await page.Locator("#h-events + ol a").First.ClickAsync();
        Assert.Contains("#trig-", page.Url, StringComparison.Ordinal);

        // Post a comment; Markdown renders, markup stays text.
        await page.GetByLabel("Your comment (Markdown)").FillAsync("**Checked** against the ministry's statement <script>alert(1)</script>");
        await page.GetByRole(AriaRole.Button, new() { Name = "Post comment" }).ClickAsync();
        var comment = page.Locator(".comment").Last;
        Assert.Equal("Checked", await comment.Locator("strong").Last.TextContentAsync());
        Assert.Contains("<script>", await comment.Locator(".comment-body").TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator(".comment-body script").CountAsync());

        // Correct the quote's speaker.
        var quoteId = await quote.GetAttributeAsync("data-quote");
        await page.Locator("#sp-quote").SelectOptionAsync(quoteId!);
        await page.Locator("#sp-entity").SelectOptionAsync(new SelectOptionValue { Label = "Friedrich Merz" });
        await page.Locator("#sp-reason").FillAsync("The chancellor said this at the press conference.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Reassign speaker" }).ClickAsync();
        await page.Locator("#h-corrections").WaitForAsync();
        await page.Locator($"#q-{quoteId}").FocusAsync();
        Assert.Equal("Said by Friedrich Merz", await page.Locator($"#q-{quoteId} .tip").TextContentAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, "article-corrected.png"), FullPage = true });

        // The API sees the correction.
        using var api = server.WithKey(Roles.Reader);
        using var article = JsonDocument.Parse(await api.GetStringAsync(new Uri($"/api/articles/{id}", UriKind.Relative)));
        var corrected = article.RootElement.GetProperty("quotes").EnumerateArray().Single(q => q.GetProperty("id").GetString() == quoteId);
        Assert.Equal("Friedrich Merz", corrected.GetProperty("speakerName").GetString());

        // The timeline places the accusation at its own date.
        await page.GotoAsync(new Uri(server.BaseAddress, "/timeline?actor=POLGOV").ToString());
        Assert.True(await page.Locator(".timeline .event").CountAsync() >= 1);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, "timeline.png"), FullPage = true });
        await page.GotoAsync(new Uri(server.BaseAddress, "/network").ToString());
        Assert.True(await page.Locator("svg.network line").CountAsync() >= 1);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, "network.png"), FullPage = true });
    }

    [SkippableFact]
    public async Task A_reader_sees_no_correction_forms_and_the_page_fits_a_phone()
    {
        Skip.If(Chromium is null, "Chromium is not installed (run .ci/services/chromium.sh as root)");
        await using var server = await TestServer.StartAsync();
        var id = await server.NewArticleAsync();
        var (playwright, browser) = await Launch();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 390, Height = 844 } });
        Patient(page);
        await SignIn(page, server, Roles.Reader);
        await page.GotoAsync(new Uri(server.BaseAddress, $"/articles/{id}").ToString());
        Assert.Equal(0, await page.Locator("#h-correct").CountAsync());
        Assert.Equal(1, await page.GetByRole(AriaRole.Button, new() { Name = "Post comment" }).CountAsync());
        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
        Assert.False(overflow);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, "article-phone.png") });
    }

    [SkippableFact]
    public async Task A_sample_article_reads_at_a_glance()
    {
        Skip.If(Chromium is null, "Chromium is not installed (run .ci/services/chromium.sh as root)");
        await using var server = await TestServer.StartAsync();
        var sample = Path.Combine(AppContext.BaseDirectory, "Samples", "harbor-accord.txt");
        using var analyst = server.WithKey(Roles.Analyst);
        using var response = await System.Net.Http.Json.HttpClientJsonExtensions.PostAsJsonAsync(analyst, "/api/articles", new { text = await File.ReadAllTextAsync(sample) });
        using var stored = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var id = stored.RootElement.GetProperty("id").GetString();

        var (playwright, browser) = await Launch();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        Patient(page);
        await SignIn(page, server, Roles.Analyst);
        await page.GotoAsync(new Uri(server.BaseAddress, $"/articles/{id}").ToString());
        Assert.True(await page.Locator(".body .quote").CountAsync() >= 3);
        Assert.True(await page.Locator(".side .event").CountAsync() >= 1);
        var quote = page.Locator(".body .quote-direct").First;
        await quote.HoverAsync();
        Assert.StartsWith("Said by ", await quote.Locator(".tip").TextContentAsync(), StringComparison.Ordinal);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, "article-view.png") });
    }
}
