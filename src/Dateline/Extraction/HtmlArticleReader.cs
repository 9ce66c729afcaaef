using AngleSharp.Html.Parser;
using Dateline.Model;
using Document = Dateline.Model.Document;

namespace Dateline.Extraction;

/// <summary>
/// Reads an HTML page into an article: the main content's paragraphs (navigation, share bars,
/// related links, comments and other furniture left out) and the page's metadata (title,
/// authors, publication and modification dates, outlet, canonical URL, description, declared
/// language: the language stage keeps it only when the text is too short to tell).
/// </summary>
/// <remarks>
/// The body comes from <see cref="MainContent"/>, the metadata from <see cref="HtmlMetadata"/>;
/// furniture lines left inside the body ("Leave a Comment") are still removed by
/// <see cref="TextArticleReader.Assemble"/>, which also records them.
/// </remarks>
public sealed class HtmlArticleReader(TextArticleReader textReader)
{
    // Deep nesting is legal HTML but an attack on recursive code; AngleSharp handles it, and the
    // extractor walks iteratively or to bounded depth.
    private static readonly HtmlParserOptions ParserOptions = new() { IsScripting = false };

    private readonly MainContent content = new(ExtractionRules.Default);

    /// <summary>Reads an HTML page into a document (no analysis yet).</summary>
    public Document Read(string html, SourceInfo source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(source);
        var parser = new HtmlParser(ParserOptions);
        using var page = parser.ParseDocument(html);
        var meta = HtmlMetadata.Read(page, source.Uri);
        var blocks = content.Extract(page, cancellationToken);
        if (meta.Title is { } title)
        {
            // A headline repeated at the top of the body (outside an h1) is not body text.
            blocks.RemoveAll(b => string.Equals(Normalize(b), title, StringComparison.Ordinal));
        }

        var (text, removed) = textReader.Assemble(blocks);
        var outlet = source.Outlet ?? meta.SiteName;
        var uri = source.Uri ?? meta.Canonical;
        return new Document(text, source with { Outlet = outlet, Uri = uri })
        {
            Title = meta.Title,
            Authors = meta.Authors,
            Published = meta.Published,
            PublishedFrom = meta.PublishedFrom,
            Modified = meta.Modified,
            Description = meta.Description,
            Language = meta.Language,
            Removed = removed,
        };
    }

    private static string Normalize(string block) => string.Join(' ', block.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
