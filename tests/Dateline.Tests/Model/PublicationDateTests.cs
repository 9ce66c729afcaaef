using Dateline.Model;

namespace Dateline.Tests.Model;

public sealed class PublicationDateTests
{
    [Theory]
    [InlineData("2025-05-13", "2025-05-13")]
    [InlineData(" 2025-05-13 ", "2025-05-13")]
    [InlineData("2025-05-13T09:30", "2025-05-13T09:30:00")]
    [InlineData("2025-05-13T09:30:15Z", "2025-05-13T09:30:15Z")]
    [InlineData("2025-05-13T09:30:15+03:00", "2025-05-13T09:30:15+03:00")]
    [InlineData("2025-05-13T09:30:15.123-05:30", "2025-05-13T09:30:15-05:30")]
    [InlineData("2024-02-29", "2024-02-29")]
    public void Valid_ISO_dates_parse_and_print_back(string input, string expected) =>
        Assert.Equal(expected, PublicationDate.TryParse(input)!.ToString());

    [Theory]
    [InlineData("")]
    [InlineData("yesterday")]
    [InlineData("13/05/2025")]
    [InlineData("2025-13-01")]
    [InlineData("2023-02-29")]
    [InlineData("2025-05-13T25:00")]
    [InlineData("2025-05-13T09:30+15:00")]
    [InlineData("May 13, 2025")]
    public void Anything_else_is_refused_without_throwing(string input) =>
        Assert.Null(PublicationDate.TryParse(input));
}
