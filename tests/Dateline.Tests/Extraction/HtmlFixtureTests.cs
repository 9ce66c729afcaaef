using System.Text;
using Dateline.Extraction;
using Dateline.Model;

namespace Dateline.Tests.Extraction;

/// <summary>
/// Golden pages written in the styles of real news sites (wire, newspaper with comments, blog
/// with a "Leave a Comment" form, live blog, paywall teaser): each <c>NAME.html</c> under
/// <c>Fixtures/Extraction/</c> must read into the text and metadata of <c>NAME.expected.txt</c>.
/// </summary>
public sealed class HtmlFixtureTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Extraction");

    public static TheoryData<string> Pages()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Folder, "*.html").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileNameWithoutExtension(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void Page_reads_into_its_expected_body_and_metadata(string name)
    {
        var bytes = File.ReadAllBytes(Path.Combine(Folder, name + ".html"));
        var expected = File.ReadAllText(Path.Combine(Folder, name + ".expected.txt"), Encoding.UTF8).Replace("\r\n", "\n", StringComparison.Ordinal);
        var split = expected.IndexOf("\n---\n", StringComparison.Ordinal);
        var header = expected[..split].Split('\n').Select(l => l.Split(':', 2)).ToDictionary(p => p[0], p => p[1].Trim(), StringComparer.Ordinal);
        var body = expected[(split + 5)..].TrimEnd('\n');

        var read = ArticleReader.Default.Read(bytes, new SourceInfo("test", null, null));

        Assert.True(read.Succeeded, read.Error?.Message);
        var document = read.Value!;
        Assert.Equal(body, document.Text);
        Assert.Equal(header["title"], document.Title);
        Assert.Equal(header["authors"], string.Join("; ", document.Authors));
        Assert.Equal(header["published"], document.Published?.ToString());
        Assert.Equal(header["publishedFrom"], document.PublishedFrom);
        Assert.Equal(header["outlet"], document.Source.Outlet);
        Assert.Equal(header["uri"], document.Source.Uri ?? "");
    }

    [Fact]
    public void A_blog_post_with_a_comment_form_and_thread_yields_the_post_only_with_title_authors_and_date()
    {
        var bytes = File.ReadAllBytes(Path.Combine(Folder, "blog-leave-a-comment.html"));

        var document = ArticleReader.Default.Read(bytes, new SourceInfo("test", null, null)).Value!;

        Assert.DoesNotContain("Leave a Comment", document.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("algae", document.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Share this", document.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Recent Posts", document.Text, StringComparison.Ordinal);
        Assert.StartsWith("Two summers ago", document.Text, StringComparison.Ordinal);
        Assert.Equal("Why I switched my garden to rainwater only", document.Title);
        Assert.Equal("Marta Lindqvist", Assert.Single(document.Authors));
        Assert.Equal(new DateOnly(2024, 6, 9), document.Published?.Date);
    }
}
