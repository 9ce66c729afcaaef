using Dateline.Sources;

namespace Dateline.Tests.Sources;

public sealed class RobotsTxtTests
{
    private const string Rules = """
        # shared rules
        User-agent: *
        Disallow: /search
        Disallow: /*.pdf$
        Allow: /search/about

        User-agent: Dateline
        Disallow: /archive/
        Allow: /archive/public/
        Crawl-delay: 2
        """;

    [Theory]
    [InlineData("https://example.org/archive/2024/story", false)]
    [InlineData("https://example.org/archive/public/story", true)]
    [InlineData("https://example.org/search?q=x", true)]
    [InlineData("https://example.org/news/story", true)]
    public void The_group_naming_dateline_wins_over_the_star_group(string url, bool allowed)
    {
        var robots = RobotsTxt.Parse(Rules, "Dateline");

        Assert.Equal(allowed, robots.Allows(new Uri(url)));
        Assert.Equal(TimeSpan.FromSeconds(2), robots.CrawlDelay);
    }

    [Theory]
    [InlineData("https://example.org/search?q=x", false)]
    [InlineData("https://example.org/search/about", true)]
    [InlineData("https://example.org/files/report.pdf", false)]
    [InlineData("https://example.org/files/report.pdf?x=1", true)]
    public void Another_crawler_gets_the_star_group_with_the_longest_match_deciding(string url, bool allowed)
    {
        var robots = RobotsTxt.Parse(Rules, "SomeOtherBot");

        Assert.Equal(allowed, robots.Allows(new Uri(url)));
    }

    [Fact]
    public void A_pathological_wildcard_pattern_matches_in_bounded_time()
    {
        var robots = RobotsTxt.Parse("User-agent: *\nDisallow: /*a*a*a*a*a*a*a*a*a*a*b\n", "Dateline");

        Assert.True(robots.Allows(new Uri("https://example.org/" + new string('a', 2000))));
    }
}
