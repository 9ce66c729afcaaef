using System.Net;
using System.Reflection;
using Dateline.Extraction;

namespace Dateline.Sources;

/// <summary>How <see cref="ArticleFetcher"/> fetches: limits, politeness and what it may connect to.</summary>
public sealed record FetchOptions
{
    /// <summary>The User-Agent every request sends: the product, its version, and what it does.</summary>
    public static string DefaultUserAgent { get; } = $"Dateline/{Version} (news article analysis; honours robots.txt)";

    /// <summary>The token robots.txt groups are matched against.</summary>
    public const string ProductToken = "Dateline";

    /// <summary>The longest wait for a server to answer, and again for it to send the body.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>The largest body read, after decompression; a larger one is refused (also a gzip-bomb cap).</summary>
    public long MaxBytes { get; init; } = ReadOptions.DefaultMaxBytes;

    /// <summary>The most redirects followed for one URL.</summary>
    public int MaxRedirects { get; init; } = 5;

    /// <summary>Allows private, loopback, link-local and other non-public addresses (a local test server, an intranet).</summary>
    public bool AllowPrivate { get; init; }

    /// <summary>Honours robots.txt (on by default; turning it off is for tests of one's own sites).</summary>
    public bool HonourRobots { get; init; } = true;

    /// <summary>The least time between two requests to one host (robots.txt's Crawl-delay can raise it, up to 30 s).</summary>
    public TimeSpan PolitenessDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Retries after a 5xx or 429 answer.</summary>
    public int MaxRetries { get; init; } = 3;

    /// <summary>The first retry's delay; each further one doubles it, unless the server's Retry-After says otherwise.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait before a retry; a Retry-After asking for more ends the retries.</summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The User-Agent header.</summary>
    public string UserAgent { get; init; } = DefaultUserAgent;

    /// <summary>Addresses allowed even though not public (for tests of the refusal itself).</summary>
    internal IReadOnlyList<IPAddress> AlsoAllowed { get; init; } = [];

    private static string Version
    {
        get
        {
            var version = typeof(FetchOptions).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0";
            var plus = version.IndexOf('+', StringComparison.Ordinal);
            return plus < 0 ? version : version[..plus];
        }
    }
}

/// <summary>A fetched response: where it ended up, what it declared, and its body (decompressed, within the cap).</summary>
/// <param name="RequestedUri">The URL asked for.</param>
/// <param name="Uri">The URL of the page after redirects: the document's url.</param>
/// <param name="ContentType">The media type ("text/html"), or null.</param>
/// <param name="Charset">The charset of the Content-Type header, or null.</param>
/// <param name="Body">The body.</param>
public sealed record FetchedPage(Uri RequestedUri, Uri Uri, string? ContentType, string? Charset, byte[] Body)
{
    /// <summary>True for HTML and XHTML.</summary>
    public bool IsHtml => ContentType is { } type && (type.Contains("html", StringComparison.OrdinalIgnoreCase));
}
