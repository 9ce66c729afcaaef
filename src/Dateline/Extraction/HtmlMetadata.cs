using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using AngleSharp.Dom;
using Dateline.Model;

namespace Dateline.Extraction;

/// <summary>What a page says about its article besides the body.</summary>
internal sealed record PageMetadata
{
    public string? Title { get; init; }

    public ImmutableArray<string> Authors { get; init; } = [];

    public PublicationDate? Published { get; init; }

    /// <summary>jsonld, meta, url or none.</summary>
    public string PublishedFrom { get; init; } = "none";

    public string? SiteName { get; init; }

    public string? Canonical { get; init; }

    /// <summary>The last modification the metadata states (JSON-LD dateModified, article:modified_time, …).</summary>
    public PublicationDate? Modified { get; init; }

    /// <summary>The page's summary of itself (description, og:description, JSON-LD description).</summary>
    public string? Description { get; init; }

    /// <summary>The language the page declares (html lang, og:locale, content-language) as an ISO 639-1 code.</summary>
    public string? Language { get; init; }
}

/// <summary>
/// Reads a page's metadata: JSON-LD (schema.org Article and its kinds), the meta tags of Open
/// Graph, Dublin Core, Parse.ly and Sailthru, <c>&lt;time datetime&gt;</c>, and a date in the URL.
/// </summary>
/// <remarks>
/// Structured data is preferred because sites fill it for search engines and it is rarely
/// wrong; meta tags come next; a date in the URL (<c>/2025/05/13/</c>) is the last resort.
/// </remarks>
internal static class HtmlMetadata
{
    // The names to look for are data (Data/Extraction/heuristics.txt), so new site conventions need no code.
    private static readonly FrozenSet<string> ArticleTypes = ExtractionRules.Default.ArticleTypes;
    private static readonly string[] PublishedMeta = ExtractionRules.Default.PublishedMeta;
    private static readonly string[] ModifiedMeta = ExtractionRules.Default.ModifiedMeta;
    private static readonly string[] AuthorMeta = ExtractionRules.Default.AuthorMeta;
    private static readonly string[] ScriptDateKeys = ExtractionRules.Default.ScriptDateKeys;
    private static readonly string[] DateElementSubstrings = ExtractionRules.Default.DateElementSubstrings;
    private static readonly FrozenSet<string> GenericDateMeta = ExtractionRules.Default.GenericDateMeta;
    private static readonly string[] NavigationPrefixes = ExtractionRules.Default.NavigationPrefixes;

    private static readonly JsonDocumentOptions JsonOptions = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
        MaxDepth = 64,
    };

    public static PageMetadata Read(IDocument page, string? sourceUri)
    {
        var meta = MetaTags(page);
        var ld = JsonLd(page);
        var siteName = First(meta, "og:site_name", "application-name", "twitter:site:name") ?? ld.Publisher;
        var canonical = page.QuerySelector("link[rel='canonical']")?.GetAttribute("href") ?? First(meta, "og:url");
        canonical = AbsoluteHttp(canonical);
        // A file path is not a URL: its folders are no evidence of a date or a site.
        var url = AbsoluteHttp(sourceUri) ?? canonical;
        if (siteName is null && Host(url) is { } host)
        {
            siteName = host;
        }

        var (published, from) = Published(page, meta, ld, url);
        if (published is not null && from is "jsonld" or "meta")
        {
            // Metadata often holds several dates (first publication, update, the date of an
            // embedded page). When the page shows its readers one of them and not the chosen
            // one, the shown one is the date of the text as read (an update's "yesterday" is the
            // day before the update).
            var candidates = MetadataDates(meta, ld).Where(d => d.Date != published.Date).ToList();
            var order = ShownDates(page);
            var shown = order.ToHashSet();
            if (from == "meta" && FromGenericMeta(meta, published) && order.Count > 0 && order[0] < published.Date && !candidates.Any(d => shown.Contains(d.Date)))
            {
                // A bare "date" meta tag is often the system's last change: the first date the
                // page shows, when earlier, is the article's own.
                published = new PublicationDate(order[0]);
            }
            else if (!shown.Contains(published.Date))
            {
                if (candidates.FirstOrDefault(d => shown.Contains(d.Date)) is { } visible)
                {
                    published = visible;
                }
                else if (page.Body is { } body && LabelledDate(body, MonthFirst(page), publishedOnly: true) is { } labelled)
                {
                    // A date the page labels as its publication date, where the metadata's is not shown.
                    published = labelled;
                }
            }
        }

        if (published is { Time: { } time, Offset: { } offset } && offset == TimeSpan.Zero && time != TimeOnly.MinValue)
        {
            // A UTC stamp (not a bare date stored as midnight): the date is the one the
            // publisher's readers saw, unless the page shows the UTC date and not that one.
            var zone = SameInstant(page, published) is { } written
                ? _ => written
                : PublisherZone.Find(Stamps(page, meta, ld), Host(url), page.DocumentElement.GetAttribute("lang") ?? First(meta, "og:locale", "content-language"));
            if (PublisherZone.ToLocal(published, zone) is { } local && local.Date != published.Date)
            {
                // Local midnight exactly is a bare date stored as a UTC instant: the local date is the one meant.
                var shown = VisibleDates(page);
                if (local.Time == TimeOnly.MinValue || !shown.Contains(published.Date) || shown.Contains(local.Date))
                {
                    published = local;
                }
            }
        }
        return new PageMetadata
        {
            Title = Title(page, meta, ld, siteName),
            Authors = Authors(meta, ld) is { IsEmpty: false } authors ? authors : Bylines(page),
            Published = published,
            PublishedFrom = from,
            SiteName = Clean(siteName),
            Canonical = canonical,
            Modified = DateParser.Parse(ld.Modified) ?? ModifiedMeta.Select(k => DateParser.Parse(meta.GetValueOrDefault(k))).FirstOrDefault(d => d is not null),
            Description = Clean(First(meta, "description", "og:description", "twitter:description", "dc.description") ?? ld.Description),
            Language = LanguageCode(page.DocumentElement.GetAttribute("lang") ?? First(meta, "content-language", "og:locale", "dc.language")),
        };
    }

    /// <summary>"de-AT", "en_US", "FR" → de, en, fr; null for anything that is not a two-letter code first.</summary>
    private static string? LanguageCode(string? tag)
    {
        var value = tag.AsSpan().Trim();
        if (value.Length < 2 || !char.IsAsciiLetter(value[0]) || !char.IsAsciiLetter(value[1]) || (value.Length > 2 && value[2] is not ('-' or '_')))
        {
            return null;
        }

        return string.Create(2, (value[0], value[1]), static (span, pair) =>
        {
            span[0] = char.ToLowerInvariant(pair.Item1);
            span[1] = char.ToLowerInvariant(pair.Item2);
        });
    }

    private static Dictionary<string, string> MetaTags(IDocument page)
    {
        var meta = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var element in page.QuerySelectorAll("meta"))
        {
            var key = element.GetAttribute("property") ?? element.GetAttribute("name") ?? element.GetAttribute("itemprop")
                ?? element.GetAttribute("http-equiv");
            var value = element.GetAttribute("content") ?? element.GetAttribute("datetime");
            if (!string.IsNullOrWhiteSpace(key) && !string.IsNullOrWhiteSpace(value))
            {
                meta.TryAdd(key.Trim(), value.Trim());
            }
        }

        return meta;
    }

    private static string? First(Dictionary<string, string> meta, params ReadOnlySpan<string> keys)
    {
        foreach (var key in keys)
        {
            if (meta.TryGetValue(key, out var value))
            {
                return value;
            }
        }

        return null;
    }

    private static string? Title(IDocument page, Dictionary<string, string> meta, LinkedData ld, string? siteName)
    {
        var title = ld.Headline ?? First(meta, "og:title", "twitter:title", "dc.title", "headline", "sailthru.title", "parsely-title");
        if (string.IsNullOrWhiteSpace(title))
        {
            var h1s = page.QuerySelectorAll("h1");
            title = h1s.Length == 1 ? h1s[0].TextContent : page.Title;
        }

        title = Clean(title);
        return title is null ? null : Clean(WithoutSiteName(title, siteName));
    }

    /// <summary>"Talks resume in Istanbul | The Daily Example" → "Talks resume in Istanbul".</summary>
    private static string WithoutSiteName(string title, string? siteName)
    {
        ReadOnlySpan<string> separators = [" | ", " - ", " – ", " — ", " :: ", " · ", " » "];
        foreach (var separator in separators)
        {
            var at = title.LastIndexOf(separator, StringComparison.Ordinal);
            if (at <= 0)
            {
                continue;
            }

            var tail = title.AsSpan(at + separator.Length).Trim();
            var named = siteName is not null && (tail.Equals(siteName, StringComparison.OrdinalIgnoreCase)
                || siteName.AsSpan().Contains(tail, StringComparison.OrdinalIgnoreCase)
                || tail.Contains(siteName.AsSpan().Trim(), StringComparison.OrdinalIgnoreCase));
            if (named || (separator == " | " && tail.Length < 30 && at > tail.Length))
            {
                return title[..at];
            }
        }

        return title;
    }

    private static ImmutableArray<string> Authors(Dictionary<string, string> meta, LinkedData ld)
    {
        var names = new List<string>();
        var raw = ld.Authors.Count > 0 ? ld.Authors : (First(meta, AuthorMeta) is { } m ? [m] : []);
        foreach (var value in raw)
        {
            if (value.StartsWith("http", StringComparison.OrdinalIgnoreCase) || value.StartsWith('@'))
            {
                continue;
            }

            var text = Clean(value);
            if (text is null)
            {
                continue;
            }

            foreach (var part in SplitNames(text))
            {
                if (!names.Contains(part, StringComparer.Ordinal))
                {
                    names.Add(part);
                }
            }
        }

        return [.. names];
    }

    // Where pages name their authors in the markup, most specific first.
    private static readonly string[] BylineSelectors =
    [
        "[itemprop='author'] [itemprop='name']", "[itemprop='author']", "a[rel='author']", ".author .fn", ".vcard .fn",
        ".byline .author", ".byline a", ".author-name", ".byline", ".article-byline", ".author",
    ];

    /// <summary>Authors named in the page's byline markup, outside comment threads.</summary>
    private static ImmutableArray<string> Bylines(IDocument page)
    {
        foreach (var selector in BylineSelectors)
        {
            var names = new List<string>();
            foreach (var element in page.QuerySelectorAll(selector))
            {
                if (InComments(element) || Clean(element.TextContent) is not { } text)
                {
                    continue;
                }

                foreach (var name in SplitNames(text))
                {
                    if (!names.Contains(name, StringComparer.Ordinal))
                    {
                        names.Add(name);
                    }
                }
            }

            if (names.Count > 0)
            {
                return [.. names];
            }
        }

        return [];
    }

    /// <summary>
    /// True inside a site's navigation (a nav element, or a class or id word that starts like a nav
    /// bar's or menu's, "navtop", "main-nav-level2", on the element or one of its four nearest
    /// ancestors: a wrapper further out may hold the whole page): a date there is the site's (today's date in the header, a menu entry), not
    /// the article's.
    /// </summary>
    private static bool InNavigation(IElement element)
    {
        var depth = 0;
        for (var a = element; a is not null && a.LocalName != "body" && depth++ < 5; a = a.ParentElement)
        {
            if (a.LocalName == "nav")
            {
                return true;
            }

            var names = string.Concat(a.GetAttribute("class"), " ", a.GetAttribute("id"));
            foreach (var word in names.Split([' ', '-', '_', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries))
            {
                foreach (var prefix in NavigationPrefixes)
                {
                    if (word.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    private static bool InComments(IElement element)
    {
        for (var a = element; a is not null; a = a.ParentElement)
        {
            var names = string.Concat(a.GetAttribute("class"), " ", a.GetAttribute("id"));
            if (names.Contains("comment", StringComparison.OrdinalIgnoreCase) || names.Contains("respond", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"By Lena Okafor and Tomas Reyes, Reuters" → Lena Okafor, Tomas Reyes, Reuters.</summary>
    private static IEnumerable<string> SplitNames(string text)
    {
        ReadOnlySpan<string> prefixes = ["By ", "Von ", "Par ", "Por ", "Di ", "Door ", "Av "];
        foreach (var prefix in prefixes)
        {
            if (text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                text = text[prefix.Length..];
                break;
            }
        }

        foreach (var part in text.Split([", ", " and ", " & ", ";", " und ", " et ", " y ", " e "], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            // A name is a few words with no digits; anything longer is a sentence, not a byline.
            if (part.Length is > 1 and <= 60 && part.Count(c => c == ' ') <= 4 && !part.Any(char.IsDigit))
            {
                yield return part;
            }
        }
    }

    private static (PublicationDate? Date, string From) Published(IDocument page, Dictionary<string, string> meta, LinkedData ld, string? url)
    {
        if (DateParser.Parse(ld.Published) is { } fromLd)
        {
            return (fromLd, "jsonld");
        }

        foreach (var key in PublishedMeta)
        {
            if (meta.TryGetValue(key, out var value) && DateParser.Parse(value) is { } fromMeta)
            {
                return (fromMeta, "meta");
            }
        }

        // Vendor prefixes ("shareaholic:article_published_time") name the same thing.
        foreach (var (key, value) in meta)
        {
            if ((key.Contains("publish", StringComparison.OrdinalIgnoreCase) || key.Contains("pubdate", StringComparison.OrdinalIgnoreCase))
                && !key.Contains("publisher", StringComparison.OrdinalIgnoreCase) && DateParser.Parse(value) is { } vendor)
            {
                return (vendor, "meta");
            }
        }

        // Microdata and microformats in the body: itemprop="datePublished", <time pubdate>,
        // <abbr class="published" title="…">.
        foreach (var element in page.QuerySelectorAll("[itemprop='datePublished'], [property='schema:datePublished'], [property='schema:dateCreated'], [itemprop='dateCreated'], time[pubdate], .published, .updated[title]"))
        {
            var value = element.GetAttribute("content") ?? element.GetAttribute("datetime") ?? element.GetAttribute("title");
            if ((DateParser.Parse(value) ?? DateParser.FindInText(Snippet(element), MonthFirst(page), shortYear: true)) is { } marked)
            {
                return (marked, "meta");
            }
        }

        if (DateParser.Parse(ld.AnyPublished) is { } fromOtherLd)
        {
            return (fromOtherLd, "jsonld");
        }

        if (DateParser.FromUrl(url) is { } fromUrl)
        {
            return (fromUrl, "url");
        }

        foreach (var time in page.QuerySelectorAll("time[datetime]"))
        {
            if (DateParser.Parse(time.GetAttribute("datetime")) is { } first && !InNavigation(time))
            {
                return (first, "meta");
            }
        }

        // The page's own data for its scripts (a framework's state, an analytics layer) often
        // names the publication date with one of a few keys.
        if (ScriptDate(page) is { } scripted)
        {
            return (scripted, "meta");
        }

        var monthFirst = page.DocumentElement.GetAttribute("lang") is { } lang && lang.StartsWith("en-us", StringComparison.OrdinalIgnoreCase);
        if (page.Body is { } labelled && LabelledDate(labelled, monthFirst) is { } said)
        {
            return (said, "text");
        }

        if (page.Body is { } body)
        {
            // A date in the element that a page styles as a date ("entry-date", "post-meta"); one
            // with a two-digit year ("31.10.23") only when no such element writes the full year.
            PublicationDate? shortYear = null;
            foreach (var element in body.Descendants<IElement>())
            {
                if (IsDateElement(element) && !InComments(element) && Snippet(element) is { } snippet && !IsNow(snippet) && !InNavigation(element))
                {
                    if (DateParser.FindInText(snippet, monthFirst) is { } styled)
                    {
                        return (styled, "text");
                    }

                    shortYear ??= DateParser.FindInText(snippet, monthFirst, shortYear: true);
                }
            }

            if (shortYear is not null)
            {
                return (shortYear, "text");
            }
        }

        foreach (var key in ModifiedMeta)
        {
            if (meta.TryGetValue(key, out var value) && DateParser.Parse(value) is { } modified)
            {
                return (modified, "meta");
            }
        }

        // Last, the first date written in the title or the page's text (a dateline, "Stand: …").
        if (DateParser.FindInText(page.Title, monthFirst) is { } inTitle)
        {
            return (inTitle, "text");
        }

        if (page.Body is { } text && FirstDateInText(text, monthFirst) is { } inText)
        {
            return (inText, "text");
        }

        // A page whose text writes no date may still date itself in its description ("Notizia del 14 gennaio 2020").
        return DateParser.FindInText(First(meta, "description", "og:description"), monthFirst) is { } described ? (described, "text") : (null, "none");
    }

    /// <summary>True when only a generic date meta tag ("date", "dcterms.date") states <paramref name="published"/>, no publication-specific one.</summary>
    private static bool FromGenericMeta(Dictionary<string, string> meta, PublicationDate published)
    {
        var generic = false;
        foreach (var key in PublishedMeta)
        {
            if (meta.TryGetValue(key, out var value) && DateParser.Parse(value) is { } date)
            {
                if (!GenericDateMeta.Contains(key))
                {
                    return false;
                }

                generic |= date.Date == published.Date;
            }
        }

        return generic;
    }

    /// <summary>Every date the page's metadata states, in order of trust: publication dates, then update dates.</summary>
    private static IEnumerable<PublicationDate> MetadataDates(Dictionary<string, string> meta, LinkedData ld)
    {
        foreach (var value in new[] { ld.Published }.Concat(PublishedMeta.Select(meta.GetValueOrDefault)).Append(ld.AnyPublished).Append(ld.Modified).Concat(ModifiedMeta.Select(meta.GetValueOrDefault)))
        {
            if (DateParser.Parse(value) is { } date)
            {
                yield return date;
            }
        }
    }

    private static PublicationDate? ScriptDate(IDocument page)
    {
        foreach (var script in page.Scripts)
        {
            if (script.Type is { } type && type.Contains("ld+json", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var text = script.Text;
            if (text.Length == 0 || text.Length > 2_000_000)
            {
                continue;
            }

            foreach (var key in ScriptDateKeys)
            {
                var at = text.IndexOf(key, StringComparison.Ordinal);
                if (at < 0)
                {
                    continue;
                }

                // "key": "value" with optional spaces.
                var i = at + key.Length;
                while (i < text.Length && text[i] is ' ' or ':' or '"' or '\\')
                {
                    i++;
                }

                var end = text.IndexOf('"', i);
                if (end > i && end - i <= 40 && DateParser.Parse(text[i..end].Replace("\\/", "/", StringComparison.Ordinal)) is { } date)
                {
                    return date;
                }
            }
        }

        return null;
    }

    private static bool MonthFirst(IDocument page) =>
        page.DocumentElement.GetAttribute("lang") is { } lang && lang.StartsWith("en-us", StringComparison.OrdinalIgnoreCase);

    /// <summary>The dates a page shows its readers near the top: in time elements and elements styled as dates.</summary>
    private static HashSet<DateOnly> VisibleDates(IDocument page) => [.. ShownDates(page)];

    /// <summary>The dates a page shows its readers near the top, in the order it shows them.</summary>
    private static List<DateOnly> ShownDates(IDocument page)
    {
        var dates = new List<DateOnly>();
        if (page.Body is not { } body)
        {
            return dates;
        }

        var monthFirst = MonthFirst(page);
        var looked = 0;
        foreach (var node in body.Descendants())
        {
            PublicationDate? shown = null;
            if (node is IElement element)
            {
                if ((element.LocalName == "time" || IsDateElement(element)) && !InComments(element) && Snippet(element) is { } snippet && !IsNow(snippet))
                {
                    shown = DateParser.FindInText(snippet, monthFirst, shortYear: true);
                }
            }
            else if (node is IText text && text.Data.Length is >= 6 and <= 60 && text.ParentElement is { LocalName: not ("script" or "style" or "a" or "option") } parent && !InComments(parent))
            {
                // A short line that is (nearly) only a date: "15.12.2022", "Stand: 3. Mai 2021".
                shown = IsNow(text.Data) ? null : DateParser.FindInText(text.Data, monthFirst);
            }

            if (shown is not null)
            {
                dates.Add(shown.Date);
                if (++looked >= 40)
                {
                    break;
                }
            }
        }

        return dates;
    }

    /// <summary>
    /// The publisher's offset when the page writes the same instant as a UTC stamp elsewhere in
    /// local time: with its offset in its scripts' data ("2020-02-24T21:25:54-05:00" beside
    /// "2020-02-25T02:25:54Z"), or as a bare wall-clock time in a time element
    /// (datetime="2023-11-08 23:30:59" beside "2023-11-09T05:30:59Z").
    /// </summary>
    private static TimeSpan? SameInstant(IDocument page, PublicationDate utc)
    {
        var instant = utc.Date.ToDateTime(utc.Time ?? TimeOnly.MinValue, DateTimeKind.Utc);
        foreach (var time in page.QuerySelectorAll("time[datetime]").Take(20))
        {
            if (DateParser.Parse(time.GetAttribute("datetime")) is { Time: { } wall, Offset: null } local)
            {
                var difference = local.Date.ToDateTime(wall) - instant;
                if (difference != TimeSpan.Zero && difference.Duration() <= TimeSpan.FromHours(14) && difference.Ticks % (TimeSpan.TicksPerMinute * 15) == 0)
                {
                    return difference;
                }
            }
        }

        // The local date is within a day of the UTC one: look only where its "yyyy-MM-" starts.
        var prefixes = new[] { utc.Date.AddDays(-1), utc.Date, utc.Date.AddDays(1) }
            .Select(d => d.ToString("yyyy-MM-", CultureInfo.InvariantCulture)).Distinct(StringComparer.Ordinal).ToArray();
        var scanned = 0;
        foreach (var script in page.Scripts)
        {
            var text = script.Text;
            scanned += text.Length;
            if (scanned > 2_000_000)
            {
                break;
            }

            foreach (var prefix in prefixes)
            {
                for (var at = text.IndexOf(prefix, StringComparison.Ordinal); at >= 0; at = text.IndexOf(prefix, at + prefix.Length, StringComparison.Ordinal))
                {
                    var end = at + prefix.Length;
                    while (end < text.Length && end - at < 35 && (char.IsAsciiDigit(text[end]) || text[end] is 'T' or ':' or '.' or '+' or '-'))
                    {
                        end++;
                    }

                    if (end - at >= 22 && DateParser.Parse(text[at..end]) is { Time: { } wall, Offset: { } offset } local && offset != TimeSpan.Zero
                        && local.Date.ToDateTime(wall) - offset == instant)
                    {
                        return offset;
                    }
                }
            }
        }

        return null;
    }

    /// <summary>The timestamps a page writes in its metadata, for the offset they may reveal.</summary>
    private static IEnumerable<string?> Stamps(IDocument page, Dictionary<string, string> meta, LinkedData ld)
    {
        yield return ld.Published;
        yield return ld.Modified;
        foreach (var key in PublishedMeta.Concat(ModifiedMeta))
        {
            yield return meta.GetValueOrDefault(key);
        }

        foreach (var time in page.QuerySelectorAll("time[datetime]").Take(10))
        {
            yield return time.GetAttribute("datetime");
        }
    }

    private static bool IsDateElement(IElement element)
    {
        if (element.LocalName is "script" or "style" or "a" or "body")
        {
            return false;
        }

        var names = string.Concat(element.GetAttribute("class"), " ", element.GetAttribute("id"));
        if (names.Length <= 1)
        {
            return false;
        }

        foreach (var part in DateElementSubstrings)
        {
            if (names.Contains(part, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The element's text when it is short enough to be a date line, else null.</summary>
    private static string? Snippet(IElement element)
    {
        const int Max = 200;
        var text = new System.Text.StringBuilder();
        foreach (var node in element.Descendants())
        {
            if (node is IText t)
            {
                text.Append(t.Data);
                if (text.Length > Max)
                {
                    return null;
                }
            }
        }

        return text.ToString();
    }

    /// <summary>
    /// A date the page labels as its publication date ("Erschienen am: 01.11.2023"), else one it
    /// labels as its update date ("Aktualisiert: 30.12.2016"); comment threads are not read.
    /// </summary>
    private static PublicationDate? LabelledDate(IElement body, bool monthFirst, bool publishedOnly = false)
    {
        var text = new System.Text.StringBuilder();
        foreach (var node in body.Descendants())
        {
            if (node is not IText t || t.ParentElement is not { } parent || parent.LocalName is "script" or "style" or "noscript" or "template" || InComments(parent))
            {
                continue;
            }

            text.Append(t.Data).Append(' ');
            if (text.Length > 400_000)
            {
                break;
            }
        }

        var visible = text.ToString();
        foreach (var labels in publishedOnly ? DateLabels.Value[..1] : DateLabels.Value[..2])
        {
            foreach (var label in labels)
            {
                var at = 0;
                while ((at = visible.IndexOf(label, at, StringComparison.OrdinalIgnoreCase)) >= 0)
                {
                    var end = at + label.Length;
                    var wordStart = at == 0 || !char.IsLetter(visible[at - 1]);
                    var wordEnd = end >= visible.Length || !char.IsLetter(visible[end]);
                    if (wordStart && wordEnd)
                    {
                        var after = visible.AsSpan(end, Math.Min(40, visible.Length - end)).TrimStart(" :\u00A0\t\r\n-–".AsSpan());
                        if (after.Length > 0 && char.IsAsciiDigit(after[0]) | char.IsLetter(after[0])
                            && DateParser.FindInText(after.ToString(), monthFirst) is { } date
                            && after.ToString().IndexOfAny(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']) < 12)
                        {
                            return date;
                        }
                    }

                    at = end;
                }
            }
        }

        return null;
    }

    /// <summary>Publication labels, then update labels (date-labels.txt), longest first within each.</summary>
    private static readonly Lazy<string[][]> DateLabels = new(() =>
    {
        var lines = Dateline.Data.DataFile.KeyedLines("Extraction/date-labels.txt").ToList();
        return
        [
            [.. lines.Where(l => l.Key == "published").Select(l => l.Value).OrderByDescending(v => v.Length)],
            [.. lines.Where(l => l.Key == "updated").Select(l => l.Value).OrderByDescending(v => v.Length)],
            [.. lines.Where(l => l.Key == "now").Select(l => l.Value)],
        ];
    });

    /// <summary>True when a date line states the reader's current date or time ("Aktuelle Zeit: …"), never the page's date.</summary>
    private static bool IsNow(string? line)
    {
        if (line is null)
        {
            return false;
        }

        foreach (var label in DateLabels.Value[2])
        {
            if (line.Contains(label, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The first date in the visible text of the first 400,000 characters (menus can be long; the article comes after them).</summary>
    private static PublicationDate? FirstDateInText(IElement body, bool monthFirst)
    {
        var seen = 0;
        foreach (var node in body.Descendants())
        {
            if (node is not IText text || text.ParentElement?.LocalName is "script" or "style" or "noscript" or "template")
            {
                continue;
            }

            var data = text.Data;
            seen += data.Length;
            if (seen > 400_000)
            {
                break;
            }

            if (data.Length >= 6 && data.AsSpan().IndexOfAnyInRange('0', '9') >= 0 && !IsNow(data) && DateParser.FindInText(data, monthFirst) is { } date
                && (text.ParentElement is not { } parent || !InNavigation(parent)))
            {
                return date;
            }
        }

        return null;
    }

    private static string? Host(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Host.Length > 0
            ? (uri.Host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? uri.Host[4..] : uri.Host)
            : null;

    private static string? AbsoluteHttp(string? url) =>
        Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri.AbsoluteUri
            : null;

    /// <summary>Spaces collapsed and trimmed; null when nothing is left.</summary>
    private static string? Clean(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var text = string.Join(' ', value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return text.Length == 0 ? null : text;
    }

    private sealed class LinkedData
    {
        public string? Headline { get; set; }

        public List<string> Authors { get; } = [];

        public string? Published { get; set; }

        public string? Modified { get; set; }

        /// <summary>A datePublished on a non-article type (a WebPage), the fallback.</summary>
        public string? AnyPublished { get; set; }

        public string? Publisher { get; set; }

        public string? Description { get; set; }
    }

    private static LinkedData JsonLd(IDocument page)
    {
        var data = new LinkedData();
        foreach (var script in page.QuerySelectorAll("script[type='application/ld+json']"))
        {
            var json = script.TextContent;
            if (string.IsNullOrWhiteSpace(json))
            {
                continue;
            }

            try
            {
                using var doc = JsonDocument.Parse(json, JsonOptions);
                Visit(doc.RootElement, data, depth: 0);
            }
            catch (JsonException)
            {
                // Hand-written JSON-LD is often broken; the meta tags still count.
            }
        }

        return data;
    }

    private static void Visit(JsonElement element, LinkedData data, int depth)
    {
        if (depth > 8)
        {
            return;
        }

        if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                Visit(item, data, depth + 1);
            }

            return;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        if (element.TryGetProperty("@graph", out var graph))
        {
            Visit(graph, data, depth + 1);
        }

        if (!IsArticle(element))
        {
            data.AnyPublished ??= String(element, "datePublished");
            return;
        }

        data.Headline ??= String(element, "headline") ?? String(element, "name");
        data.Description ??= String(element, "description");
        data.Published ??= String(element, "datePublished") ?? String(element, "dateCreated");
        data.Modified ??= String(element, "dateModified");
        if (data.Authors.Count == 0 && element.TryGetProperty("author", out var author))
        {
            Names(author, data.Authors);
        }

        if (data.Publisher is null && element.TryGetProperty("publisher", out var publisher))
        {
            data.Publisher = publisher.ValueKind == JsonValueKind.Object ? String(publisher, "name") : null;
        }
    }

    private static bool IsArticle(JsonElement element)
    {
        if (!element.TryGetProperty("@type", out var type))
        {
            return false;
        }

        if (type.ValueKind == JsonValueKind.String)
        {
            return type.GetString() is { } name && ArticleTypes.Contains(name);
        }

        if (type.ValueKind == JsonValueKind.Array)
        {
            foreach (var t in type.EnumerateArray())
            {
                if (t.ValueKind == JsonValueKind.String && t.GetString() is { } name && ArticleTypes.Contains(name))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static void Names(JsonElement author, List<string> names)
    {
        switch (author.ValueKind)
        {
            case JsonValueKind.String:
                names.Add(author.GetString()!);
                break;
            case JsonValueKind.Object when String(author, "name") is { } name:
                names.Add(name);
                break;
            case JsonValueKind.Array:
                foreach (var item in author.EnumerateArray())
                {
                    if (item.ValueKind != JsonValueKind.Array)
                    {
                        Names(item, names);
                    }
                }

                break;
        }
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString())
            ? value.GetString()
            : null;
}
