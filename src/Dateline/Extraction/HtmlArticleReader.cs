using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Dateline.Model;
using Document = Dateline.Model.Document;

namespace Dateline.Extraction;

/// <summary>
/// A first HTML path: parses the page with AngleSharp, drops scripts, styles and other
/// non-text elements, keeps one paragraph per block element, and takes the title.
/// </summary>
/// <remarks>
/// Main-content detection (navigation, related links, comment sections) is a later extraction
/// stage; page furniture left in the text is still removed by <see cref="TextArticleReader"/>.
/// </remarks>
public sealed class HtmlArticleReader(TextArticleReader textReader)
{
    private static readonly HashSet<string> Dropped = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "svg", "canvas", "iframe", "object", "embed",
        "head", "form", "button", "select", "input", "textarea", "video", "audio", "map",
    };

    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "section", "article", "main", "header", "footer", "aside", "nav", "li", "ul", "ol",
        "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "table", "tr", "td", "th", "dd", "dt",
        "dl", "figure", "figcaption", "address", "hr", "br", "body", "center", "details", "summary",
    };

    /// <summary>Reads an HTML page into a document (no analysis yet).</summary>
    public Document Read(string html, SourceInfo source)
    {
        ArgumentNullException.ThrowIfNull(html);
        var parser = new HtmlParser(new HtmlParserOptions { IsScripting = false });
        using var page = parser.ParseDocument(html);
        var title = Title(page);
        var blocks = new List<string>();
        var current = new StringBuilder();
        if (page.Body is { } body)
        {
            Walk(body, blocks, current);
        }

        Flush(blocks, current);
        var (text, removed) = textReader.Assemble(blocks);
        return new Document(text, source) { Title = title, Removed = removed };
    }

    private static string? Title(IDocument page)
    {
        var og = page.QuerySelector("meta[property='og:title']")?.GetAttribute("content");
        var title = !string.IsNullOrWhiteSpace(og) ? og : page.Title;
        return string.IsNullOrWhiteSpace(title) ? null : string.Join(' ', title.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    private static void Walk(INode node, List<string> blocks, StringBuilder current)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText text:
                    current.Append(text.Data);
                    break;
                case IElement element when Dropped.Contains(element.LocalName):
                    break;
                case IElement element when Blocks.Contains(element.LocalName):
                    Flush(blocks, current);
                    Walk(element, blocks, current);
                    Flush(blocks, current);
                    break;
                case IElement element:
                    Walk(element, blocks, current);
                    break;
            }
        }
    }

    private static void Flush(List<string> blocks, StringBuilder current)
    {
        if (current.Length == 0)
        {
            return;
        }

        var block = current.ToString();
        current.Clear();
        if (!string.IsNullOrWhiteSpace(block))
        {
            blocks.Add(block);
        }
    }
}
