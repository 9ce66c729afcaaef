using System.Collections.Concurrent;
using System.CommandLine;
using System.Globalization;
using Dateline.Cli.Commands.Store;
using Dateline.Extraction;
using Dateline.Input;
using Dateline.Model;
using Dateline.Sources;

namespace Dateline.Cli.Commands;

/// <summary>The options of commands that fetch URLs: --allow-private, --timeout, --delay.</summary>
internal sealed class WebOptions
{
    private readonly Option<bool> allowPrivate = new("--allow-private") { Description = "Fetch from private, loopback and link-local addresses too (a local server, an intranet)." };
    private readonly Option<double> timeout = new("--timeout") { Description = "Seconds to wait for a server to answer, and again for the page.", DefaultValueFactory = _ => 20 };
    private readonly Option<double> delay = new("--delay") { Description = "Seconds between two requests to one host (robots.txt's Crawl-delay can raise it).", DefaultValueFactory = _ => 1 };

    public void AddTo(Command command)
    {
        command.Add(allowPrivate);
        command.Add(timeout);
        command.Add(delay);
    }

    /// <summary>The fetch options, or null (after saying why) when a value is out of range.</summary>
    public FetchOptions? Read(ParseResult parse, long maxBytes)
    {
        var seconds = parse.GetValue(timeout);
        var pause = parse.GetValue(delay);
        if (seconds is <= 0 or > 3600 || pause is < 0 or > 3600)
        {
            Console.Error.WriteLine("dateline: --timeout must be between 0 and 3600 seconds, --delay between 0 and 3600");
            return null;
        }

        return new FetchOptions
        {
            AllowPrivate = parse.GetValue(allowPrivate),
            Timeout = TimeSpan.FromSeconds(seconds),
            PolitenessDelay = TimeSpan.FromSeconds(pause),
            MaxBytes = maxBytes,
        };
    }
}

/// <summary>
/// URL arguments of <c>analyze</c> and <c>ingest</c>: a page becomes one item; a feed (RSS, Atom,
/// JSON Feed, told by content type or root element) becomes one item per entry not seen before,
/// each entry's page fetched by a worker. Entries read successfully are remembered (see
/// <see cref="FeedSeen"/>) so that the next run fetches only new ones; failed ones are tried again.
/// </summary>
internal sealed class WebSources(ArticleFetcher fetcher, FeedSeen seen)
{
    public static bool IsUrl(string argument) =>
        (argument.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || argument.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        && Uri.TryCreate(argument, UriKind.Absolute, out _);

    public FeedSeen Seen => seen;

    public IEnumerable<IngestItem> Items(string argument, ReadOptions options, CancellationToken cancellationToken)
    {
        var uri = new Uri(argument);

        // The first fetch happens here, on the reading thread: only the content says whether it is a feed.
        var fetched = fetcher.FetchAsync(uri, cancellationToken).GetAwaiter().GetResult();
        if (fetched.Value is not { } page)
        {
            var error = fetched.Error!;
            return [new IngestItem(argument, () => Result<Document>.Failure(error))];
        }

        if (!FeedReader.IsFeed(page.ContentType, page.Body))
        {
            return [new IngestItem(argument, () => ArticleFetcher.ReadArticle(page, options))];
        }

        var feed = FeedReader.Read(page.Body, page.Uri);
        if (feed.Value is not { } entries)
        {
            var error = feed.Error!;
            return [new IngestItem(argument, () => Result<Document>.Failure(error.Code, $"{argument}: {error.Message}"))];
        }

        return Entries(argument, entries, options, cancellationToken);
    }

    private IEnumerable<IngestItem> Entries(string feedKey, Feed feed, ReadOptions options, CancellationToken cancellationToken)
    {
        var known = seen.Known(feedKey);
        var fresh = feed.Items.Where(i => !known.Contains(i.Id)).ToList();
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"dateline: feed {feedKey} ({feed.Format}): {feed.Items.Length:N0} entries, {fresh.Count:N0} new"));
        foreach (var item in fresh)
        {
            var name = item.Link?.AbsoluteUri ?? item.Id;
            if (item.Link is not { } link)
            {
                yield return new IngestItem(name, () => Result<Document>.Failure(InputErrorCode.InvalidUrl, $"{feedKey}: the entry {item.Id} has no link"));
                continue;
            }

            yield return new IngestItem(name, () =>
            {
                var read = fetcher.FetchArticleAsync(link, options, cancellationToken).GetAwaiter().GetResult();
                if (read.Value is not { } document)
                {
                    return read;
                }

                seen.Take(feedKey, item.Id);

                // The feed's own date anchors a page that gives none.
                return document.Published is null && item.Published is { } when
                    ? Result<Document>.Success(document with { Published = new PublicationDate(DateOnly.FromDateTime(when.DateTime), TimeOnly.FromDateTime(when.DateTime), when.Offset), PublishedFrom = "meta" })
                    : read;
            });
        }
    }
}

/// <summary>
/// The feed entries already taken (loaded before a run, from the store) and those taken in this
/// run (saved after it, only when its batches are committed).
/// </summary>
internal sealed class FeedSeen
{
    private readonly ConcurrentDictionary<string, IReadOnlySet<string>> known = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, byte>> taken = new(StringComparer.Ordinal);

    /// <summary>Nothing seen, nothing kept: for <c>analyze</c>, which stores nothing.</summary>
    public static FeedSeen None => new();

    public void Load(string feed, IReadOnlySet<string> items) => known[feed] = items;

    public IReadOnlySet<string> Known(string feed) => known.TryGetValue(feed, out var items) ? items : new HashSet<string>();

    public void Take(string feed, string item) => taken.GetOrAdd(feed, _ => new ConcurrentDictionary<string, byte>(StringComparer.Ordinal)).TryAdd(item, 0);

    public IEnumerable<(string Feed, IReadOnlyCollection<string> Items)> Taken() =>
        taken.Select(p => (p.Key, (IReadOnlyCollection<string>)p.Value.Keys.Order(StringComparer.Ordinal).ToList()));
}
