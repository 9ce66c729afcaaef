using Dateline.Tests.Support;
using Dateline.Text;

namespace Dateline.Tests.Text;

/// <summary>The golden spec files of the text stage, one test per example.</summary>
public sealed class TextSpecTests
{
    public static TheoryData<SpecCase> SentenceSpecs => SpecCase.Load("Text", "sentences*.md");

    public static TheoryData<SpecCase> TokenSpecs => SpecCase.Load("Text", "tokens*.md");

    public static TheoryData<SpecCase> ReadingSpecs => SpecCase.Load("Text", "reading*.md");

    public static TheoryData<SpecCase> NormalizationSpecs => SpecCase.Load("Text", "normalization*.md");

    [Theory]
    [MemberData(nameof(SentenceSpecs))]
    public void Sentences_split_as_the_spec_says(SpecCase spec) =>
        Assert.Equal(spec.Expected, Render.Sentences(Render.Analyze(spec.Input)));

    [Theory]
    [MemberData(nameof(TokenSpecs))]
    public void Tokens_split_as_the_spec_says(SpecCase spec) =>
        Assert.Equal(spec.Expected, Render.Tokens(Render.Analyze(spec.Input)));

    [Theory]
    [MemberData(nameof(ReadingSpecs))]
    public void Article_text_is_read_as_the_spec_says(SpecCase spec) =>
        Assert.Equal(spec.Expected, Render.Reading(Render.Analyze(spec.Input)));

    [Theory]
    [MemberData(nameof(NormalizationSpecs))]
    public void Folding_maps_one_character_to_one(SpecCase spec)
    {
        var folded = TextNormalizer.Fold(spec.Input);
        Assert.Equal(spec.Input.Length, folded.Length);
        Assert.Equal(spec.Expected, folded);
    }
}
