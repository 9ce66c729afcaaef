using Dateline.Store.Linking;
using Dateline.Store.Tests.Support;

namespace Dateline.Store.Tests.Linking;

public sealed class MinHashTests
{
    [Fact]
    public void A_copy_with_a_new_dateline_credit_line_and_other_quotes_is_similar()
    {
        var original = MinHash.Compute(Corpus.HarborText)!;
        var copy = MinHash.Compute(Corpus.HarborCopy().Text)!;
        Assert.True(MinHash.Similarity(original, copy) >= MinHash.CopyThreshold);
    }

    [Fact]
    public void Different_stories_on_the_same_subject_are_not_similar()
    {
        var harbor = MinHash.Compute(Corpus.HarborText)!;
        Assert.True(MinHash.Similarity(harbor, MinHash.Compute(Corpus.BorderText)!) < 0.2);
        Assert.True(MinHash.Similarity(harbor, MinHash.Compute(Corpus.CoastText)!) < 0.2);
    }

    [Fact]
    public void A_truncated_copy_shares_bands_with_its_original()
    {
        var longer = MinHash.Compute(Corpus.HarborText + " " + Corpus.FloodText)!;
        var trimmed = MinHash.Compute(Corpus.HarborText + " " + Corpus.FloodText[..Corpus.FloodText.IndexOf("Engineers", StringComparison.Ordinal)])!;
        Assert.Contains(Enumerable.Range(0, MinHash.Bands), b => MinHash.BandKey(longer, b) == MinHash.BandKey(trimmed, b));
    }

    [Fact]
    public void Typography_and_case_do_not_change_the_signature()
    {
        var plain = MinHash.Compute(Corpus.BorderText)!;
        var curly = MinHash.Compute(Corpus.BorderText.Replace('"', '\u201D').ToUpperInvariant())!;
        Assert.Equal(plain, curly);
    }

    [Fact]
    public void Short_bulletins_get_no_signature()
    {
        Assert.Null(MinHash.Compute("Shares rose two percent in early trading on Monday."));
        Assert.NotNull(MinHash.Compute(Corpus.FloodText));
    }
}
