using Ganss.Xss;
using Markdig;

namespace Dateline.Server.Rendering;

/// <summary>
/// Comment Markdown to HTML that is safe to show: Markdig renders (raw HTML in the Markdown is
/// escaped, not passed through), then HtmlSanitizer keeps an allow-list of tags, attributes and
/// URL schemes, so no script, event handler, style or <c>javascript:</c> URL survives either step.
/// </summary>
public static class CommentHtml
{
    private static readonly MarkdownPipeline Markdown = new MarkdownPipelineBuilder().DisableHtml().UseAutoLinks().Build();

    private static readonly Lazy<HtmlSanitizer> Sanitizer = new(() =>
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedTags.Clear();
        foreach (var tag in (ReadOnlySpan<string>)["p", "br", "em", "strong", "code", "pre", "blockquote", "ul", "ol", "li", "a", "h3", "h4", "hr", "del"])
        {
            sanitizer.AllowedTags.Add(tag);
        }

        sanitizer.AllowedAttributes.Clear();
        sanitizer.AllowedAttributes.Add("href");
        sanitizer.AllowedSchemes.Clear();
        sanitizer.AllowedSchemes.Add("http");
        sanitizer.AllowedSchemes.Add("https");
        sanitizer.AllowedSchemes.Add("mailto");
        sanitizer.AllowedCssProperties.Clear();
        sanitizer.AllowDataAttributes = false;
        // Links leave the site without handing it the reader's session.
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Dom.IElement { LocalName: "a" } a)
            {
                a.SetAttribute("rel", "nofollow noopener noreferrer");
            }
        };
        sanitizer.AllowedAttributes.Add("rel");
        return sanitizer;
    });

    /// <summary>The sanitized HTML of <paramref name="markdown"/>.</summary>
    public static string Render(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        return Sanitizer.Value.Sanitize(Markdig.Markdown.ToHtml(markdown, Markdown));
    }
}
