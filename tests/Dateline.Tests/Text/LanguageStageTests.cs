using Dateline.Tests.Support;

namespace Dateline.Tests.Text;

public sealed class LanguageStageTests
{
    [Theory]
    [InlineData("en", "The minister said on Tuesday that the government would not change its position on the talks, which were expected to resume after the summer.")]
    [InlineData("de", "Der Minister sagte am Dienstag, dass die Regierung ihre Haltung zu den Gesprächen nicht ändern werde, die nach dem Sommer wieder aufgenommen werden sollen.")]
    [InlineData("fr", "Le ministre a déclaré mardi que le gouvernement ne changerait pas sa position sur les négociations, qui doivent reprendre après les vacances.")]
    [InlineData("es", "El ministro dijo el martes que el gobierno no cambiará su posición sobre las negociaciones, que se reanudarán después del verano.")]
    public void The_language_is_told_from_function_words(string expected, string text) =>
        Assert.Equal(expected, Render.Analyze(text).Language);

    [Fact]
    public void A_text_too_short_to_tell_has_no_language() =>
        Assert.Null(Render.Analyze("Kyiv, Moscow.").Language);

    [Fact]
    public void A_declared_language_stands_only_where_the_text_is_too_short_to_tell()
    {
        var stage = new Dateline.Text.LanguageStage(Dateline.Text.TextLexicons.Default);
        var shortText = Render.Analyze("Kyiv, Moscow.") with { Language = "uk" };
        var longText = Render.Analyze("The minister said on Tuesday that the government would not change its position on the talks.") with { Language = "de" };

        Assert.Equal("uk", stage.Process(shortText, CancellationToken.None).Language);
        Assert.Equal("en", stage.Process(longText, CancellationToken.None).Language);
    }
}
