using System.Text;
using CsCheck;
using Dateline.Extraction;
using Dateline.Model;

namespace Dateline.Tests.Extraction;

/// <summary>Extraction never throws, whatever bytes or markup it is given.</summary>
public sealed class ExtractionPropertyTests
{
    private static readonly string[] Pieces =
    [
        "<html>", "<head>", "</head>", "<body>", "</body>", "<p>", "</p>", "<div class=\"article-body\">", "<div class=\"comments\">",
        "</div>", "<article>", "</article>", "<nav>", "</nav>", "<script type=\"application/ld+json\">", "</script>", "{\"@type\":\"NewsArticle\",",
        "\"datePublished\":\"2025-13-45\"", "\"author\":[[{}]]", "<meta charset=\"", "gb2312", "\">", "<meta property=\"article:published_time\" content=\"",
        "<time datetime=\"", "<br>", "<h1>", "<h2>", "<li>", "<a href=\"/2025/05/13/\">", "</a>", "<!--", "-->", "<![CDATA[", "&amp;", "&#0;", "&#xD800;",
        "The minister said", " ", "\n", "13. Mai 2025", "May 13, 2025", "Leave a Comment", "<", ">", "\"", "'", "=", "\u0000", "\uFFFD", "😀", "\uD800",
    ];

    private static readonly Gen<string> Markup =
        Gen.Int[0, Pieces.Length - 1].Select(i => Pieces[i]).Array[0, 80].Select(parts => string.Concat(parts));

    private static readonly SourceInfo Source = new("test", "https://example.com/2025/05/13/x", null);

    [Fact]
    public void Reading_arbitrary_bytes_as_html_never_throws() =>
        Gen.Byte.Array[0, 400].Sample(bytes =>
        {
            var result = ArticleReader.Default.Read(bytes, Source, new ReadOptions { Format = InputFormat.Html });
            Assert.True(result.Succeeded || result.Error is not null);
        });

    [Fact]
    public void Reading_arbitrary_markup_never_throws_and_keeps_paragraphs_apart() =>
        Gen.Frequency((4, Markup), (1, Gen.String[0, 300])).Sample(html =>
        {
            var result = ArticleReader.Default.Read(Encoding.UTF8.GetBytes(html), Source, new ReadOptions { Format = InputFormat.Html });
            if (result.Value is { } document)
            {
                Assert.DoesNotContain("\n\n\n", document.Text, StringComparison.Ordinal);
                Assert.Equal(document.Text.Trim(), document.Text);
            }
        });
}
