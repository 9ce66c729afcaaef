using System.Text;
using Dateline.Sources;

namespace Dateline.Tests.Sources;

public sealed class FeedReaderTests
{
    private static readonly Uri Base = new("https://news.example.org/feeds/world.xml");

    [Fact]
    public void An_rss_feed_lists_its_items_with_guid_link_and_an_odd_date_left_out()
    {
        const string Rss = """
            <?xml version="1.0" encoding="utf-8"?>
            <rss version="2.0"><channel><title>World</title><link>https://news.example.org/</link><description>d</description>
            <item><title>Bridge reopens</title><link>https://news.example.org/2025/06/10/bridge</link><guid isPermaLink="false">item-1</guid><pubDate>Tue, 10 Jun 2025 04:00:00 GMT</pubDate></item>
            <item><title>Rail strike ends</title><link>/2025/06/11/rail</link><pubDate>sometime on Wednesday</pubDate></item>
            </channel></rss>
            """;

        var feed = FeedReader.Read(Encoding.UTF8.GetBytes(Rss), Base).Value!;

        Assert.Equal("rss", feed.Format);
        Assert.Equal(2, feed.Items.Length);
        Assert.Equal("item-1", feed.Items[0].Id);
        Assert.Equal(new Uri("https://news.example.org/2025/06/10/bridge"), feed.Items[0].Link);
        Assert.Equal(new DateTimeOffset(2025, 6, 10, 4, 0, 0, TimeSpan.Zero), feed.Items[0].Published);
        Assert.Equal("https://news.example.org/2025/06/11/rail", feed.Items[1].Id);
        Assert.Null(feed.Items[1].Published);
    }

    [Fact]
    public void An_atom_feed_lists_its_entries()
    {
        const string Atom = """
            <feed xmlns="http://www.w3.org/2005/Atom"><title>Science</title><id>urn:feed</id><updated>2025-06-10T00:00:00Z</updated>
            <entry><id>urn:entry:7</id><title>Comet seen</title><link rel="alternate" href="https://news.example.org/comet"/><updated>2025-06-10T08:00:00Z</updated></entry>
            </feed>
            """;

        var feed = FeedReader.Read(Encoding.UTF8.GetBytes(Atom), Base).Value!;

        var entry = Assert.Single(feed.Items);
        Assert.Equal("atom", feed.Format);
        Assert.Equal("urn:entry:7", entry.Id);
        Assert.Equal(new Uri("https://news.example.org/comet"), entry.Link);
    }

    [Fact]
    public void A_json_feed_lists_its_items()
    {
        const string Json = """
            {"version": "https://jsonfeed.org/version/1.1", "title": "Markets",
             "items": [{"id": "42", "url": "https://news.example.org/markets/42", "title": "Shares rise", "date_published": "2025-06-10T09:30:00+02:00"},
                       {"id": "43", "content_text": "no link"}]}
            """;

        var feed = FeedReader.Read(Encoding.UTF8.GetBytes(Json), Base).Value!;

        Assert.Equal("json", feed.Format);
        Assert.Equal(["42", "43"], feed.Items.Select(i => i.Id));
        Assert.Equal(new Uri("https://news.example.org/markets/42"), feed.Items[0].Link);
        Assert.Null(feed.Items[1].Link);
    }

    [Theory]
    [InlineData("application/rss+xml", "<rss/>", true)]
    [InlineData("text/xml", "<?xml version=\"1.0\"?><!-- c --><rss version=\"2.0\"/>", true)]
    [InlineData(null, "<feed xmlns=\"http://www.w3.org/2005/Atom\"/>", true)]
    [InlineData("application/json", "{\"version\":\"https://jsonfeed.org/version/1\"}", true)]
    [InlineData("text/html", "<html><body>rss</body></html>", false)]
    [InlineData("application/xml", "<html/>", false)]
    public void A_feed_is_told_from_a_page_by_content_type_or_root(string? contentType, string body, bool isFeed)
    {
        Assert.Equal(isFeed, FeedReader.IsFeed(contentType, Encoding.UTF8.GetBytes(body)));
    }

    [Fact]
    public void An_external_entity_is_never_resolved()
    {
        const string Evil = """
            <?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]>
            <rss version="2.0"><channel><title>&x;</title><link>https://a.example/</link><description>d</description></channel></rss>
            """;

        var read = FeedReader.Read(Encoding.UTF8.GetBytes(Evil), Base);

        Assert.DoesNotContain("root:", read.Value?.Title ?? "", StringComparison.Ordinal);
    }
}
