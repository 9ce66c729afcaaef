using Dateline.Store.Export;

namespace Dateline.Store.Tests.Export;

public sealed class ExportFormatTests
{
    private static EventMention Mention(string? sourceActor = "USAGOV", string? day = "2026-03-02") => new()
    {
        GroupId = 42,
        ArticleId = "d-1",
        EventId = "V1",
        Code = "0311",
        BaseCode = "031",
        RootCode = "03",
        QuadClass = 1,
        Goldstein = 5.2,
        SourceActor = sourceActor,
        SourceName = "Ana\tLisk",
        TargetActor = "NATO",
        TargetName = "the alliance",
        Day = day,
        Sentence = 2,
        SourceOffset = 10,
        TargetOffset = -1,
        TriggerOffset = 30,
        Modality = "planned",
        Published = "2026-03-03T09:15:00Z",
        Outlet = "example.com",
        Uri = "https://example.com/a",
        TextLength = 1200,
    };

    [Fact]
    public void An_event_row_has_gdelt_columns_in_gdelt_order()
    {
        var columns = Gdelt.EventRow(new EventGroup(42, Mention(), 3, 2, 3, "2026-03-03T09:15:00Z")).Split('\t');
        Assert.Equal(Gdelt.EventColumns, columns.Length);
        Assert.Equal(["42", "20260302", "202603", "2026"], columns[..4]);
        Assert.Equal(("USAGOV", "ANA LISK", "USA", "GOV"), (columns[5], columns[6], columns[7], columns[12]));
        Assert.Equal(("NATO", "NATO", ""), (columns[15], columns[18], columns[17]));
        Assert.Equal(("0", "0311", "031", "03", "1", "5.2", "3", "2", "3", ""), (columns[25], columns[26], columns[27], columns[28], columns[29], columns[30], columns[31], columns[32], columns[33], columns[34]));
        Assert.Equal(("20260303091500", "https://example.com/a"), (columns[59], columns[60]));
    }

    [Fact]
    public void An_event_with_only_a_month_is_dated_by_its_first_sighting()
    {
        var columns = Gdelt.EventRow(new EventGroup(7, Mention(day: "2026-04"), 1, 1, 1, "2026-03-03")).Split('\t');
        Assert.Equal("20260303", columns[1]);
    }

    [Fact]
    public void A_mention_row_has_16_columns_with_one_based_sentences()
    {
        var columns = Gdelt.MentionRow(Mention()).Split('\t');
        Assert.Equal(Gdelt.MentionColumns, columns.Length);
        Assert.Equal(["42", "20260302000000", "20260303091500", "1", "example.com", "https://example.com/a", "3", "10", "-1", "30", "1", "50", "1200"], columns[..13]);
    }

    [Theory]
    [InlineData(new[] { "plain", "a,b", "say \"hi\"", "two\nlines" }, "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\"")]
    [InlineData(new[] { "", "x" }, ",x")]
    public void Csv_quotes_only_fields_that_need_it(string[] fields, string line) => Assert.Equal(line, Csv.Line(fields));
}
