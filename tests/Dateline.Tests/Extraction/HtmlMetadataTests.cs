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
    [InlineData("15 августа 2016, 13:43", "2016-08-15")]
    [InlineData("3 листопада 2021", "2021-11-03")]
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

    [Fact]
    public void A_day_month_year_folder_at_the_end_of_the_url_is_a_date()
    {
        var document = Read("<html><body>" + Body + "</body></html>", "https://verein.example.de/presse/meldungen/29-10-2021");

        Assert.Equal("2021-10-29", document.Published?.ToString());
        Assert.Equal("url", document.PublishedFrom);
    }

    [Fact]
    public void A_two_digit_year_is_read_in_a_date_line_when_no_full_date_is_styled()
    {
        var document = Read(
            "<html><body><div class=\"article-meta-wrapper\">Von: Anna Berg | 31.10.23</div>" + Body
            + "<p>Der Sprecher sagte am Montag (30. Oktober 2023), man prüfe den Fall.</p></body></html>");

        Assert.Equal(new DateOnly(2023, 10, 31), document.Published?.Date);
    }

    [Fact]
    public void A_styled_date_with_its_full_year_wins_over_an_earlier_two_digit_one()
    {
        var document = Read(
            "<html><body><aside><div class=\"field-event-datum\">19.1.23, 10:00 Uhr</div></aside>"
            + "<div class=\"field-post-date\">20.12.2022</div>" + Body + "</body></html>");

        Assert.Equal(new DateOnly(2022, 12, 20), document.Published?.Date);
    }

    [Theory]
    [InlineData("Aktuelle Zeit: 14.10.2020, 12:18")]
    [InlineData("It is currently 14.10.2020, 12:18")]
    public void The_readers_current_time_is_never_the_pages_date(string clock)
    {
        var document = Read(
            "<html><body><p class=\"author\">von <b>r23</b> » 21.01.2009, 05:42</p>" + Body
            + "<p class=\"responsive-center time\">" + clock + "</p></body></html>");

        Assert.Equal(new DateOnly(2009, 1, 21), document.Published?.Date);
    }

    [Fact]
    public void An_hatom_update_stamp_in_a_title_attribute_is_read()
    {
        var document = Read(
            "<html><body><div id=\"wm-toolbar\">Archived 2013-11-10</div>"
            + "<span class=\"updated\" title=\"2013-04-04T18:52:11+00:00\"></span>" + Body + "</body></html>");

        Assert.Equal(new DateOnly(2013, 4, 4), document.Published?.Date);
    }

    [Fact]
    public void A_published_byline_comes_before_the_time_elements_of_related_posts()
    {
        var document = Read(
            "<html><body><p class=\"byline\">Von <a href=\"/author/es\">es</a> · <span class=\"published\">31. Oktober 2023</span></p>" + Body
            + "<ul class=\"related\"><li><h4>Ältere Meldung</h4><time class=\"updated\" datetime=\"2020-12-03 07:32:49\">3. Dezember 2020</time></li></ul></body></html>");

        Assert.Equal(new DateOnly(2023, 10, 31), document.Published?.Date);
    }

    [Fact]
    public void A_creation_label_and_a_wiki_footer_name_the_date_when_metadata_gives_none()
    {
        var created = Read("<html><body>" + Body + "<p>Erstellt am: 01.11.2023</p><p>Nächste Sitzung am 5. Februar 2024.</p></body></html>");
        var wiki = Read("<html><body>" + Body + "<p>Treffen am Mi. 5. Februar 2020 ab 19 Uhr.</p>"
            + "<ul id=\"footer-info\"><li>Diese Seite wurde zuletzt am 29. Januar 2020 um 13:22 Uhr geändert.</li></ul></body></html>");

        Assert.Equal(new DateOnly(2023, 11, 1), created.Published?.Date);
        Assert.Equal(new DateOnly(2020, 1, 29), wiki.Published?.Date);
    }

    [Fact]
    public void The_same_instant_written_with_an_offset_in_script_data_gives_the_publishers_date()
    {
        var document = Read(
            "<html lang=\"en\"><head><meta property=\"article:published_time\" content=\"2020-02-25T02:25:54+00:00\">"
            + "<script>var page = {\"created\":\"2020-02-24T21:25:54-05:00\"};</script></head><body>" + Body + "</body></html>",
            "https://gossip.example.com/story");

        Assert.Equal("2020-02-24T21:25:54-05:00", document.Published?.ToString());
    }

    [Fact]
    public void The_same_instant_as_a_bare_local_time_in_a_time_element_gives_the_publishers_date()
    {
        var document = Read(
            "<html lang=\"en\"><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"datePublished\":\"2023-11-09T05:30:59Z\"}</script></head><body>"
            + "<div class=\"time\">PUBLISHED: <time datetime=\"2023-11-08 23:30:59\">November 8, 2023 at 11:30 p.m.</time> | UPDATED: <time datetime=\"2023-11-09 01:10:00\">November 9, 2023</time></div>"
            + Body + "</body></html>",
            "https://metro.example.com/story");

        Assert.Equal(new DateOnly(2023, 11, 8), document.Published?.Date);
    }

    [Fact]
    public void A_utc_stamp_at_local_midnight_is_the_local_date_even_when_the_page_shows_the_utc_one()
    {
        var document = Read(
            "<html lang=\"de\"><head><meta property=\"article:published_time\" content=\"2022-11-06T23:00:00.000Z\"></head><body>"
            + "<time class=\"article-date\" datetime=\"2022-11-06T23:00:00.000Z\">6.11.22</time>" + Body + "</body></html>",
            "https://magazin.example.de/reisen/provence");

        Assert.Equal(new DateOnly(2022, 11, 7), document.Published?.Date);
    }

    [Fact]
    public void The_first_shown_date_wins_over_a_later_bare_date_meta_tag()
    {
        var document = Read(
            "<html><head><meta name=\"date\" content=\"2020-02-12\"></head><body>"
            + "<div class=\"news-single-timedata\">05.02.2020 - Redaktion</div>" + Body + "</body></html>");

        Assert.Equal(new DateOnly(2020, 2, 5), document.Published?.Date);
    }

    [Fact]
    public void A_publication_specific_meta_tag_stays_over_an_earlier_shown_date()
    {
        var document = Read(
            "<html><head><meta property=\"article:published_time\" content=\"2020-02-12T10:00:00+01:00\"><meta name=\"date\" content=\"2020-02-12\"></head><body>"
            + "<div class=\"teaser-date\">05.02.2020</div>" + Body + "</body></html>");

        Assert.Equal(new DateOnly(2020, 2, 12), document.Published?.Date);
    }

    [Fact]
    public void A_date_in_the_sites_navigation_is_not_the_articles()
    {
        var document = Read(
            "<html><body><ul class=\"main-nav-level2\"><li><a href=\"/recht\">Vergütungsregeln (zum 28.02.2017 gekündigt)</a></li></ul>"
            + "<div id=\"navwrap\"><span class=\"mod_datetime\"><time datetime=\"2023-11-01T13:56:20+01:00\">Mittwoch, 01. November 2023</time></span></div>"
            + "<article><p class=\"category\"> 24. April 2020 | Pressemitteilung</p>" + Body + "</article></body></html>");

        Assert.Equal(new DateOnly(2020, 4, 24), document.Published?.Date);
    }

    [Fact]
    public void The_modification_date_description_and_declared_language_are_read()
    {
        var document = Read(
            "<html lang=\"de-AT\"><head><meta name=\"description\" content=\"  Der Hafen bekommt neue   Regeln. \">"
            + "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"datePublished\":\"2025-05-13T09:30:00+02:00\",\"dateModified\":\"2025-05-14T08:00:00+02:00\",\"description\":\"Zweite Beschreibung\"}</script>"
            + "</head><body>" + Body + "</body></html>");

        Assert.Equal("2025-05-14T08:00:00+02:00", document.Modified?.ToString());
        Assert.Equal("Der Hafen bekommt neue Regeln.", document.Description);
        Assert.Equal("de", document.Language);
    }

    [Theory]
    [InlineData("<html lang=\"en_US\">", "en")]
    [InlineData("<html lang=\"x-klingon\">", null)]
    [InlineData("<html>", null)]
    public void The_declared_language_is_a_two_letter_code_or_nothing(string root, string? expected)
    {
        var document = Read(root + "<body>" + Body + "</body></html>");

        Assert.Equal(expected, document.Language);
    }

    [Fact]
    public void A_page_that_writes_no_date_in_its_text_may_date_itself_in_its_description()
    {
        var document = Read(
            "<html><head><meta name=\"description\" content=\"Orso marsicano: un anno da record (Notizia del 14 Gennaio 2020)\"></head><body>" + Body + "</body></html>");

        Assert.Equal(new DateOnly(2020, 1, 14), document.Published?.Date);
        Assert.Equal("text", document.PublishedFrom);
    }
}
