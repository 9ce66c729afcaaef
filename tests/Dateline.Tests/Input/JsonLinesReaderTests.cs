using Dateline.Extraction;
using Dateline.Input;
using Dateline.Model;

namespace Dateline.Tests.Input;

public sealed class JsonLinesReaderTests
{
    private static List<JsonLine> Read(string lines, ReadOptions? options = null) =>
        [.. JsonLinesReader.Default.Read(new StringReader(lines), "batch.jsonl", options)];

    [Fact]
    public void Each_line_is_one_article_with_its_url_date_and_title()
    {
        var lines = Read(
            """
            {"text": "The port reopened on Monday after a week of repairs to the main quay.", "url": "https://example.com/a", "published": "2025-05-13", "title": "Port reopens"}
            {"html": "<html><body><nav>Home</nav><article><p>Councillors approved the budget for the new bridge on Tuesday evening.</p></article></body></html>", "url": "https://example.com/b"}
            """);

        Assert.Equal(2, lines.Count);
        var first = lines[0].Result.Value!;
        Assert.Equal("The port reopened on Monday after a week of repairs to the main quay.", first.Text);
        Assert.Equal("Port reopens", first.Title);
        Assert.Equal("2025-05-13", first.Published?.ToString());
        Assert.Equal("https://example.com/a", first.Source.Uri);
        var second = lines[1].Result.Value!;
        Assert.Equal("Councillors approved the budget for the new bridge on Tuesday evening.", second.Text);
        Assert.Equal(2, lines[1].Number);
    }

    [Fact]
    public void A_bad_line_is_a_counted_reason_and_the_batch_goes_on()
    {
        var lines = Read(
            """
            {"text": "First article text that is long enough to be an article."}
            not json at all

            {"title": "no body"}
            {"text": "Dated article.", "published": "13 May"}
            [1, 2]
            {"text": "Last article text that is long enough to be an article."}
            """);

        Assert.Equal([1, 2, 4, 5, 6, 7], lines.Select(l => l.Number));
        Assert.Equal(
            ["ok", "malformed", "empty", "invalid-date", "malformed", "ok"],
            lines.Select(l => l.Result.Error?.Reason ?? "ok"));
        Assert.StartsWith("batch.jsonl:2:", lines[1].Result.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_published_option_wins_over_a_records_date()
    {
        var options = new ReadOptions { Published = new PublicationDate(new DateOnly(2024, 1, 2)) };

        var line = Read("""{"text": "An article with its own date.", "published": "2025-05-13"}""", options).Single();

        Assert.Equal("2024-01-02", line.Result.Value!.Published?.ToString());
        Assert.Equal("option", line.Result.Value!.PublishedFrom);
    }
}
