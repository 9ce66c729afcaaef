using System.Text;
using Dateline.Extraction;
using Dateline.Model;

namespace Dateline.Tests.Extraction;

public sealed class HtmlMetadataTests
{
    private const string Body = "<p>The ministry said on Monday that the new rules would apply to every port in the country from the first of June.</p>";

    private static Document Read(string html, string? uri = null, ReadOptions? options = null) =>
        ArticleReader.Default.Read(Encoding.UTF8.GetBytes(html), new SourceInfo("test", uri, null), options).Value!;

    [Fact]
    public void Json_ld_wins_over_meta_tags_and_the_url()
    {
        var document = Read(
            "<html><head><meta property=\"article:published_time\" content=\"2025-05-12\">"
            + "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"datePublished\":\"2025-05-13T09:30:00+03:00\"}</script>"
            + "</head><body>" + Body + "</body></html>",
            "https://news.example.com/2025/05/11/ports");

        Assert.Equal("2025-05-13T09:30:00+03:00", document.Published?.ToString());
        Assert.Equal("jsonld", document.PublishedFrom);
    }

    [Fact]
    public void Meta_tags_win_over_the_url()
    {
        var document = Read(
            "<html><head><meta name=\"sailthru.date\" content=\"2025-05-12 14:00:00\"></head><body>" + Body + "</body></html>",
            "https://news.example.com/2025/05/11/ports");

        Assert.Equal(new DateOnly(2025, 5, 12), document.Published?.Date);
        Assert.Equal("meta", document.PublishedFrom);
    }

    [Fact]
    public void A_date_in_the_url_is_used_when_the_page_has_none()
    {
        var document = Read("<html><body>" + Body + "</body></html>", "https://news.example.com/world/2025/05/13/ports-rules");

        Assert.Equal("2025-05-13", document.Published?.ToString());
        Assert.Equal("url", document.PublishedFrom);
    }

    [Fact]
    public void The_published_option_always_wins()
    {
        var options = new ReadOptions { Published = new PublicationDate(new DateOnly(2020, 1, 2)) };

        var document = Read(
            "<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"datePublished\":\"2025-05-13\"}</script></head><body>" + Body + "</body></html>",
            options: options);

        Assert.Equal("2020-01-02", document.Published?.ToString());
        Assert.Equal("option", document.PublishedFrom);
    }

    [Fact]
    public void The_title_drops_the_site_name_and_the_outlet_comes_from_the_host_when_unnamed()
    {
        var document = Read("<html><head><title>Ports get new rules | Harbour Post</title>"
            + "<link rel=\"canonical\" href=\"https://www.harbourpost.example/ports-rules\"></head><body>" + Body + "</body></html>");

        Assert.Equal("Ports get new rules", document.Title);
        Assert.Equal("harbourpost.example", document.Source.Outlet);
        Assert.Equal("https://www.harbourpost.example/ports-rules", document.Source.Uri);
    }

    [Fact]
    public void A_source_uri_is_kept_over_the_canonical_one()
    {
        var document = Read(
            "<html><head><link rel=\"canonical\" href=\"https://example.com/canonical\"></head><body>" + Body + "</body></html>",
            "https://example.com/original");

        Assert.Equal("https://example.com/original", document.Source.Uri);
    }

    [Fact]
    public void Broken_json_ld_falls_back_to_meta_tags()
    {
        var document = Read("<html><head><script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", \"datePublished\": </script>"
            + "<meta name=\"parsely-pub-date\" content=\"2025-05-13T06:00:00Z\"></head><body>" + Body + "</body></html>");

        Assert.Equal("2025-05-13T06:00:00Z", document.Published?.ToString());
        Assert.Equal("meta", document.PublishedFrom);
    }

    [Theory]
    [InlineData("2025-05-13T09:30:00.000+0300", "2025-05-13T09:30:00+03:00")]
    [InlineData("2025/05/13", "2025-05-13")]
    [InlineData("20250513", "2025-05-13")]
    [InlineData("Tue, 13 May 2025 09:30:00 GMT", "2025-05-13T09:30:00Z")]
    [InlineData("May 13, 2025", "2025-05-13")]
    [InlineData("13.05.2025", "2025-05-13")]
    [InlineData("13. Mai 2025", "2025-05-13")]
    [InlineData("13 de mayo de 2025", "2025-05-13")]
    public void Metadata_dates_in_common_formats_are_read(string value, string expected) =>
        Assert.Equal(expected, DateParser.Parse(value)?.ToString());

    [Theory]
    [InlineData("0001-01-01")]
    [InlineData("1970-01-01T00:00:00Z")]
    [InlineData("2025-02-30")]
    [InlineData("yesterday")]
    public void Placeholder_and_impossible_dates_are_not_read(string value) => Assert.Null(DateParser.Parse(value));

    [Theory]
    [InlineData("https://zeitung.example.de/politik/hafen", "2022-11-06T23:30:00Z", "2022-11-07T00:30:00+01:00")]
    [InlineData("https://zeitung.example.de/politik/hafen", "2022-07-06T22:30:00Z", "2022-07-07T00:30:00+02:00")]
    [InlineData("https://diario.example.com.ar/politica/sesion", "2022-05-04T00:25:00Z", "2022-05-03T21:25:00-03:00")]
    [InlineData("https://zeitung.example.de/politik/hafen", "2022-11-06T00:00:00Z", "2022-11-06T00:00:00Z")]
    [InlineData("https://news.example.com/story", "2022-11-06T23:30:00Z", "2022-11-06T23:30:00Z")]
    public void A_utc_stamp_is_read_as_the_date_the_publishers_readers_saw(string url, string stamp, string expected)
    {
        var document = Read($"<html><head><meta property=\"article:published_time\" content=\"{stamp}\"></head><body>{Body}</body></html>", url);

        Assert.Equal(expected, document.Published?.ToString());
    }

    [Fact]
    public void The_publishers_offset_written_elsewhere_on_the_page_decides_the_zone()
    {
        var document = Read(
            "<html lang=\"en\"><head><meta property=\"article:published_time\" content=\"2020-02-25T02:25:54Z\">"
            + "<meta property=\"article:modified_time\" content=\"2020-02-24T22:00:00-05:00\"></head><body>" + Body + "</body></html>",
            "https://news.example.com/story");

        Assert.Equal(new DateOnly(2020, 2, 24), document.Published?.Date);
    }

    [Fact]
    public void A_utc_stamp_stays_when_the_page_shows_its_utc_date_and_not_the_local_one()
    {
        var document = Read(
            "<html lang=\"de-DE\"><head><meta property=\"article:published_time\" content=\"2019-12-26T23:07:45+00:00\"></head><body>"
            + "<span class=\"posted-on\"><time>26/12/2019</time></span>" + Body + "</body></html>",
            "https://blog.example.ch/p/5031");

        Assert.Equal(new DateOnly(2019, 12, 26), document.Published?.Date);
    }

    [Fact]
    public void A_date_labelled_as_the_publication_date_wins_over_an_earlier_styled_date()
    {
        var document = Read(
            "<html><body><span class=\"teaser-date\">31.10.2023</span>" + Body
            + "<p class=\"footer\">Letzte Änderung: 31.10.2023<br>Erschienen am: 01.11.2023</p></body></html>");

        Assert.Equal(new DateOnly(2023, 11, 1), document.Published?.Date);
        Assert.Equal("text", document.PublishedFrom);
    }

    [Fact]
    public void A_date_in_a_comment_thread_is_not_the_articles()
    {
        var document = Read(
            "<html><body>" + Body + "<p>Stand 29.11.2022 – so weit die Lage.</p>"
            + "<div class=\"comment-box\"><span class=\"comment-date\">02.12.2022</span><p>Guter Artikel.</p></div></body></html>");

        Assert.Equal(new DateOnly(2022, 11, 29), document.Published?.Date);
    }

    [Fact]
    public void The_publication_date_in_a_pages_script_data_is_read_when_nothing_else_gives_one()
    {
        var document = Read(
            "<html><head><script>window.state = {\"product\": {\"published_at\":\"2019-03-02T06:22:28+01:00\"}};</script></head><body>" + Body + "</body></html>");

        Assert.Equal(new DateOnly(2019, 3, 2), document.Published?.Date);
        Assert.Equal("meta", document.PublishedFrom);
    }

    [Fact]
    public void An_update_date_the_page_shows_wins_over_a_publication_date_it_does_not_show()
    {
        var document = Read(
            "<html><head><script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", \"datePublished\": \"2020-01-03T09:48:24+01:00\", \"dateModified\": \"2020-01-06T09:22:36+01:00\"}</script></head>"
            + "<body><div class=\"article-date\"><time>06.01.2020</time></div>" + Body + "</body></html>");

        Assert.Equal(new DateOnly(2020, 1, 6), document.Published?.Date);
    }

    [Fact]
    public void A_publication_date_the_page_shows_stays_even_when_it_was_updated()
    {
        var document = Read(
            "<html><head><script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", \"datePublished\": \"2020-01-03T09:48:24+01:00\", \"dateModified\": \"2020-01-06T09:22:36+01:00\"}</script></head>"
            + "<body><div class=\"article-date\"><time>03.01.2020</time> (updated <time>06.01.2020</time>)</div>" + Body + "</body></html>");

        Assert.Equal(new DateOnly(2020, 1, 3), document.Published?.Date);
    }
}
