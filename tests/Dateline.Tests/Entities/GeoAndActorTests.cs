using Dateline.Actors;
using Dateline.Model;

namespace Dateline.Tests.Entities;

/// <summary>Unit tests of geocoding context and of the actor dictionary's dates.</summary>
public sealed class GeoAndActorTests
{
    private static Entity Place(Document d, string name) => d.Entities.Single(e => e.Name == name);

    [Fact]
    public void An_outlets_country_domain_resolves_a_shared_place_name()
    {
        const string text = "Flooding closed three roads in London on Monday, and more rain is expected.";
        var canadian = Pipeline.Default.Analyze(new Document(text, new SourceInfo("url", "https://news.example.ca/a", "news.example.ca")));
        var plain = Pipeline.Default.Analyze(new Document(text, new SourceInfo("url", "https://news.example.com/a", "news.example.com")));

        Assert.Equal("CAN", Place(canadian, "London").Geo!.Country);
        Assert.Equal("GBR", Place(plain, "London").Geo!.Country);
    }

    [Theory]
    [InlineData("2012-05-07..", "2012-05-07", true)]
    [InlineData("2012-05-07..", "2012-05-06", false)]
    [InlineData("2020-02-11..2025-11-28", "2025-11-28", true)]
    [InlineData("2020-02-11..2025-11-28", "2025-11-29", false)]
    public void A_dictionary_role_is_held_only_within_its_dates(string range, string date, bool held) =>
        Assert.Equal(held, ActorStage.Held(range, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));
}
