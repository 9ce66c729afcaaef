using Dateline.Extraction;

namespace Dateline.Tests.Extraction;

public sealed class BoilerplateTests
{
    [Theory]
    [InlineData("This story is the copyrighted property of the Harbour Herald.")]
    [InlineData("Download the Harbour Herald app for the latest news.")]
    [InlineData("Follow the Harbour Herald on Instagram and TikTok.")]
    [InlineData("5 min read")]
    [InlineData("Lesezeit: 4 Minuten")]
    [InlineData("Sie sind derzeit nicht angemeldet.")]
    [InlineData("Weiterlesen:")]
    [InlineData("Inhaltsverzeichnis")]
    [InlineData("Aktualisiert am")]
    [InlineData("Continue reading with a subscription")]
    [InlineData("Der Beitrag gibt die Meinung des Autors wieder.")]
    public void A_short_block_of_page_furniture_is_boilerplate(string block) =>
        Assert.True(ExtractionRules.Default.IsBoilerplate(block));

    [Theory]
    [InlineData("The minister said the port would reopen on Monday.")]
    [InlineData("Telephone lines across the valley were down for a day after the storm.")]
    [InlineData("Readers wrote to the council about the five-minute delays on every tram line.")]
    public void A_sentence_of_the_article_is_not_boilerplate(string block) =>
        Assert.False(ExtractionRules.Default.IsBoilerplate(block));
}
