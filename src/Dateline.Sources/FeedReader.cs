using System.Collections.Immutable;
using System.Globalization;
using System.ServiceModel.Syndication;
using System.Text.Json;
using System.Xml;
using Dateline.Input;

namespace Dateline.Sources;

/// <summary>One entry of a feed: a stable id (to remember it by), the link to its page, and what the feed says of it.</summary>
/// <param name="Id">The entry's guid or id, else its link.</param>
/// <param name="Link">The page of the entry, absolute, or null when the entry has none.</param>
/// <param name="Title">The entry's title, or null.</param>
/// <param name="Published">When the feed says it was published, or null.</param>
public sealed record FeedItem(string Id, Uri? Link, string? Title, DateTimeOffset? Published);

/// <summary>A parsed feed: its format ("rss", "atom" or "json"), title and entries in feed order.</summary>
public sealed record Feed(string Format, string? Title, ImmutableArray<FeedItem> Items);

/// <summary>
/// Recognises and reads RSS 2.0, Atom 1.0 and JSON Feed 1.x. RSS and Atom go through
/// System.ServiceModel.Syndication (maintained by Microsoft with .NET), with DTDs ignored and
/// external entities never resolved; JSON Feed is small enough to read with System.Text.Json.
/// </summary>
public static class FeedReader
{
    /// <summary>
    /// True when the content is a feed rather than a page: a feed media type, or a body whose XML
    /// root is <c>rss</c> or <c>feed</c>, or a JSON object whose <c>version</c> is a JSON Feed one.
    /// </summary>
    public static bool IsFeed(string? contentType, ReadOnlySpan<byte> body)
    {
        if (contentType is { } type
            && (type.Contains("rss", StringComparison.OrdinalIgnoreCase)
                || type.Contains("atom", StringComparison.OrdinalIgnoreCase)
                || type.Contains("feed+json", StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }

        if (contentType is { } t && t.Contains("html", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var head = System.Text.Encoding.UTF8.GetString(body[..Math.Min(body.Length, 2048)]).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (head.StartsWith('{'))
        {
            return head.Contains("jsonfeed.org/version/", StringComparison.OrdinalIgnoreCase);
        }

        if (!head.StartsWith('<'))
        {
            return false;
        }

        // Past the XML declaration, comments and processing instructions, the first element names the format.
        var at = 0;
        while ((at = head.IndexOf('<', at)) >= 0 && at + 1 < head.Length)
        {
            var next = head[at + 1];
            if (next is '?' or '!')
            {
                at++;
                continue;
            }

            var name = head.AsSpan(at + 1);
            return name.StartsWith("rss", StringComparison.Ordinal) || name.StartsWith("feed", StringComparison.Ordinal);
        }

        return false;
    }

    /// <summary>Reads a feed fetched from <paramref name="baseUri"/> (relative links resolve against it), or says why it cannot.</summary>
    public static Result<Feed> Read(ReadOnlySpan<byte> body, Uri baseUri)
    {
        ArgumentNullException.ThrowIfNull(baseUri);
        var trimmed = body;
        while (!trimmed.IsEmpty && trimmed[0] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            trimmed = trimmed[1..];
        }

        return trimmed.IsEmpty ? Result<Feed>.Failure(InputErrorCode.Empty, "the feed is empty")
            : trimmed[0] == (byte)'{' ? ReadJson(body, baseUri)
            : ReadXml(body.ToArray(), baseUri);
    }

    private static Result<Feed> ReadXml(byte[] body, Uri baseUri)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Ignore,
            XmlResolver = null,
            MaxCharactersFromEntities = 1024,
            IgnoreComments = true,
        };
        try
        {
            using var stream = new MemoryStream(body, writable: false);
            using var xml = XmlReader.Create(stream, settings);
            xml.MoveToContent();
            SyndicationFeedFormatter formatter = xml.LocalName == "rss" ? new Rss20FeedFormatter() : new Atom10FeedFormatter();
            if (!formatter.CanRead(xml))
            {
                return Result<Feed>.Failure(InputErrorCode.Unsupported, $"an XML document with root <{xml.LocalName}>, not an RSS 2.0 or Atom feed");
            }

            // Feeds in the wild write dates every which way: a date that does not parse is no date, not a broken feed.
            formatter.DateTimeParser = LenientDate;
            formatter.ReadFrom(xml);
            var feed = formatter.Feed;
            var format = formatter is Rss20FeedFormatter ? "rss" : "atom";
            var items = ImmutableArray.CreateBuilder<FeedItem>();
            foreach (var item in feed.Items)
            {
                var link = item.Links.FirstOrDefault(l => l.RelationshipType is null or "alternate")?.Uri ?? item.Links.FirstOrDefault()?.Uri;
                if (link is null && Uri.TryCreate(item.Id, UriKind.Absolute, out var idLink) && (idLink.Scheme == Uri.UriSchemeHttp || idLink.Scheme == Uri.UriSchemeHttps))
                {
                    link = idLink;
                }

                var absolute = link is null ? null : link.IsAbsoluteUri ? link : new Uri(item.BaseUri ?? feed.BaseUri ?? baseUri, link);
                var id = !string.IsNullOrWhiteSpace(item.Id) ? item.Id.Trim() : absolute?.AbsoluteUri;
                if (id is null)
                {
                    continue;
                }

                DateTimeOffset? published = item.PublishDate != default ? item.PublishDate : item.LastUpdatedTime != default ? item.LastUpdatedTime : null;
                items.Add(new FeedItem(id, absolute, item.Title?.Text, published));
            }

            return Result<Feed>.Success(new Feed(format, feed.Title?.Text, items.ToImmutable()));
        }
        catch (Exception ex) when (ex is XmlException or FormatException or InvalidOperationException or ArgumentException)
        {
            return Result<Feed>.Failure(InputErrorCode.Malformed, $"not a readable feed ({ex.Message})");
        }
    }

    private static Result<Feed> ReadJson(ReadOnlySpan<byte> body, Uri baseUri)
    {
        try
        {
            var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = 32, CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            using var json = JsonDocument.ParseValue(ref reader);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object || String(root, "version") is not { } version || !version.Contains("jsonfeed.org/version/", StringComparison.OrdinalIgnoreCase))
            {
                return Result<Feed>.Failure(InputErrorCode.Unsupported, "a JSON document, not a JSON Feed");
            }

            var items = ImmutableArray.CreateBuilder<FeedItem>();
            if (root.TryGetProperty("items", out var list) && list.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in list.EnumerateArray())
                {
                    if (item.ValueKind != JsonValueKind.Object)
                    {
                        continue;
                    }

                    var url = String(item, "url") ?? String(item, "external_url");
                    Uri? link = url is not null && Uri.TryCreate(baseUri, url, out var resolved) && (resolved.Scheme == Uri.UriSchemeHttp || resolved.Scheme == Uri.UriSchemeHttps) ? resolved : null;
                    var id = item.TryGetProperty("id", out var idValue) && idValue.ValueKind is JsonValueKind.String or JsonValueKind.Number
                        ? idValue.ToString()
                        : link?.AbsoluteUri;
                    if (string.IsNullOrWhiteSpace(id))
                    {
                        continue;
                    }

                    DateTimeOffset? published = String(item, "date_published") is { } date && DateTimeOffset.TryParse(date, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var when) ? when : null;
                    items.Add(new FeedItem(id.Trim(), link, String(item, "title"), published));
                }
            }

            return Result<Feed>.Success(new Feed("json", String(root, "title"), items.ToImmutable()));
        }
        catch (JsonException ex)
        {
            return Result<Feed>.Failure(InputErrorCode.Malformed, $"not a readable JSON Feed ({ex.Message})");
        }
    }

    private static bool LenientDate(XmlDateTimeData data, out DateTimeOffset result)
    {
        var text = (data.DateTimeString ?? "").Trim();
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out result))
        {
            return true;
        }

        // RFC 822 with a zone name the parser does not know ("Tue, 10 Jun 2025 04:00:00 EST"): read the date and time as UTC.
        var space = text.LastIndexOf(' ');
        if (space > 0 && DateTimeOffset.TryParse(text[..space], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out result))
        {
            return true;
        }

        result = default;
        return true;
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString()) ? value.GetString() : null;
}
