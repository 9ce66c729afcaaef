using CsCheck;
using Dateline.Extraction;
using Dateline.Model;

namespace Dateline.Tests.Quotes;

/// <summary>Properties of the quote layer for any text.</summary>
public sealed class QuotePropertyTests
{
    private static readonly string[] Pieces =
    [
        "“", "”", "\"", "‘", "’", "«", "»", "„", " ", " ", " ", "\n\n", ",", ".", ":", "?",
        "he said", "said Ana Ruiz", "the ministry said", "told reporters", "according to officials",
        "We will win", "It is over", "the plan", "called a", "Kyiv", "The", "that", "and",
    ];

    private static readonly Gen<string> QuoteLike =
        Gen.Int[0, Pieces.Length - 1].Select(i => Pieces[i]).Array[0, 50].Select(p => string.Join(' ', p));

    private static Document Analyze(string text)
    {
        var read = ArticleReader.Default.Read(text, SourceInfo.Stdin);
        return read.Value is { } d ? Pipeline.Default.Analyze(d) : new Document("", SourceInfo.Stdin);
    }

    [Fact]
    public void Quote_parts_lie_in_the_text_in_order_without_overlap() => QuoteLike.Sample(text =>
    {
        var d = Analyze(text);
        var previousEnd = -1;
        foreach (var q in d.Quotes.OrderBy(q => q.Start))
        {
            Assert.NotEmpty(q.Parts);
            Assert.Equal(q.Start, q.Parts[0].Start);
            Assert.Equal(q.End, q.Parts[^1].End);
            foreach (var p in q.Parts)
            {
                Assert.InRange(p.Start, 0, p.End);
                Assert.InRange(p.End, p.Start, d.Text.Length);
                Assert.True(p.Start >= previousEnd, "quote parts overlap");
                previousEnd = p.End;
            }
        }
    });

    [Fact]
    public void Quote_parts_never_begin_or_end_with_a_double_quote_mark() => QuoteLike.Sample(text =>
    {
        var d = Analyze(text);
        foreach (var p in d.Quotes.SelectMany(q => q.Parts).Where(p => p.Length > 0))
        {
            Assert.DoesNotContain(d.Text[p.Start], "“”\"«»„");
            Assert.DoesNotContain(d.Text[p.End - 1], "“”\"«»„");
        }
    });

    [Fact]
    public void Quote_ids_are_sequential_and_speakers_are_entities_of_the_article() => QuoteLike.Sample(text =>
    {
        var d = Analyze(text);
        var ids = d.Entities.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < d.Quotes.Length; i++)
        {
            Assert.Equal("Q" + (i + 1), d.Quotes[i].Id);
            Assert.True(d.Quotes[i].Speaker is null || ids.Contains(d.Quotes[i].Speaker!));
            Assert.InRange(d.Quotes[i].Confidence, 0, 1);
        }
    });
}
