using Dateline.Extraction;
using Dateline.Model;
using Dateline.Time;

namespace Dateline.Tests.Time;

/// <summary>Whole articles written for these tests, with the values a careful reader gives their dates.</summary>
public sealed class TimeArticleTests
{
    private static Document Read(string name, string? published)
    {
        var bytes = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Time", name));
        var options = new ReadOptions { Published = published is null ? null : PublicationDate.TryParse(published) };
        var read = ArticleReader.Default.Read(bytes, new SourceInfo("file", name, null), options);
        Assert.True(read.Succeeded, read.Error?.Message);
        return Pipeline.Default.Analyze(read.Value!);
    }

    private static void AssertValue(Document d, string text, string value, int occurrence = 0)
    {
        var found = d.Timexes.Where(t => t.Text == text).ToList();
        Assert.True(found.Count > occurrence, $"'{text}' was not tagged (tagged: {string.Join(", ", d.Timexes.Select(t => t.Text))})");
        Assert.Equal(value, found[occurrence].Value);
    }

    [Fact]
    public void A_wire_story_resolves_weekdays_by_tense_around_its_publication_day()
    {
        var d = Read("port-strike.txt", "2024-11-07");
        AssertValue(d, "Thursday", "2024-11-07");
        AssertValue(d, "Monday", "2024-11-04");
        AssertValue(d, "Wednesday", "2024-11-06");
        AssertValue(d, "late Wednesday", "2024-11-06");
        AssertValue(d, "Friday", "2024-11-08");
        AssertValue(d, "last week", "2024-W44");
        AssertValue(d, "next week", "2024-W46");
        AssertValue(d, "this morning", "2024-11-07TMO");
        AssertValue(d, "the end of the month", "2024-11");
        AssertValue(d, "two years", "P2Y");
        AssertValue(d, "48-hour", "PT48H");
        AssertValue(d, "the summer of 2019", "2019-SU");
        AssertValue(d, "the fourth quarter", "2024-Q4");
        AssertValue(d, "the third quarter", "2024-Q3");
        AssertValue(d, "a year earlier", "2023");
        Assert.Equal("previous-timex", d.Timexes.Single(t => t.Text == "a year earlier").Anchor);
        Assert.Equal(["T1", "T2", "T3"], d.Timexes.Take(3).Select(t => t.Id));
    }

    [Fact]
    public void A_report_resolves_months_and_spans_against_its_publication_day()
    {
        var d = Read("harvest-report.txt", "2025-05-13");
        AssertValue(d, "Tuesday", "2025-05-13");
        AssertValue(d, "early 2023", "2023");
        Assert.Equal("START", d.Timexes.Single(t => t.Text == "early 2023").Mod);
        AssertValue(d, "mid-February", "2025-02");
        AssertValue(d, "the end of April", "2025-04");
        AssertValue(d, "a year ago", "2024");
        AssertValue(d, "last year", "2024");
        AssertValue(d, "The last two years", "P2Y");
        AssertValue(d, "half a century", "P50Y");
        AssertValue(d, "the next three weeks", "P3W");
        AssertValue(d, "June", "2025-06");
        AssertValue(d, "last summer", "2024-SU");
        AssertValue(d, "October", "2025-10");
        AssertValue(d, "Monday", "2025-05-12");
        AssertValue(d, "the weekend", "2025-W20-WE");
        AssertValue(d, "the 1990s", "199");
    }

    [Fact]
    public void A_dateline_without_a_year_gives_no_publication_date()
    {
        var d = Read("port-strike.txt", null);
        Assert.Null(d.Published);
        Assert.Equal("none", d.PublishedFrom);
        AssertValue(d, "Thursday", "XXXX-WXX-4");
        Assert.All(d.Timexes, t => Assert.NotEqual("published", t.Anchor));
    }

    [Fact]
    public void A_dateline_with_a_year_becomes_the_publication_date()
    {
        var text = "OSLO, March 4, 2026 (Dateline Wire) - The ferry strike ended on Tuesday.";
        var d = Pipeline.Default.Analyze(new Document(text, SourceInfo.Stdin));
        Assert.Equal(new DateOnly(2026, 3, 4), d.Published!.Date);
        Assert.Equal("dateline", d.PublishedFrom);
        AssertValue(d, "Tuesday", "2026-03-03");
    }

    [Fact]
    public void A_given_publication_date_wins_over_the_dateline()
    {
        var text = "OSLO, March 4, 2026 (Dateline Wire) - The ferry strike ended on Tuesday.";
        var doc = new Document(text, SourceInfo.Stdin) with { Published = new PublicationDate(new DateOnly(2026, 3, 6)), PublishedFrom = "option" };
        var d = Pipeline.Default.Analyze(doc);
        Assert.Equal("option", d.PublishedFrom);
        Assert.Equal(new DateOnly(2026, 3, 6), d.Published!.Date);
        AssertValue(d, "Tuesday", "2026-03-03");
    }

    [Fact]
    public void The_time_stage_runs_after_language_in_the_default_pipeline()
    {
        var names = Pipeline.Default.Stages.Select(s => s.Name).ToList();
        Assert.True(names.IndexOf("time") > names.IndexOf("language"));
        Assert.Single(Pipeline.Default.Stages, s => s is TimeStage);
    }
}
