using CsCheck;
using Dateline.Extraction;
using Dateline.Json;
using Dateline.Model;

namespace Dateline.Tests.Text;

/// <summary>Properties that hold for any input, checked on generated text.</summary>
public sealed class TextPropertyTests
{
    // Generated text is made of news-like pieces (words, abbreviations, quotes, numbers,
    // punctuation, odd whitespace) so the generator reaches the splitter's corner cases.
    private static readonly string[] Pieces =
    [
        "the", "Minister", "said", "U.S.", "Gen.", "Jan.", "Inc.", "e.g.", "J.", "No.", "3.5", "1,200", "2022",
        "30-day", "Kyiv’s", "don’t", "soldiers’", "O’Brien", ".", ".", ",", "?", "!", "…", "...", ":", ";", "—", "-",
        "“", "”", "‘", "’", "\"", "'", "(", ")", "«", "»", "%", "$", " ", " ", " ", " ", "\n", "\n\n", "\r\n", "\t",
        "\u00A0", "\u200B", "Łódź", "É", "a", "It", "The", "He", "😀", "\uD800", "x",
    ];

    private static readonly Gen<string> NewsLike =
        Gen.Int[0, Pieces.Length - 1].Select(i => Pieces[i]).Array[0, 60].Select(parts => string.Concat(parts));

    private static readonly Gen<string> AnyText = Gen.Frequency(
        (4, NewsLike),
        (1, Gen.String[0, 200]),
        (1, Gen.Char.Array[0, 80].Select(c => new string(c))));

    private static Document AnalyzeRaw(string text) => Pipeline.Default.Analyze(new Document(text, SourceInfo.Stdin));

    [Fact]
    public void Every_span_lies_inside_the_text() => AnyText.Sample(text =>
    {
        var d = AnalyzeRaw(text);
        foreach (var s in d.Paragraphs.Concat(d.Sentences).Concat(d.Tokens.Select(t => t.Span)))
        {
            Assert.InRange(s.Start, 0, s.End);
            Assert.InRange(s.End, s.Start, text.Length);
        }
    });

    [Fact]
    public void Sentences_are_ordered_do_not_overlap_and_cover_every_non_space_character() => AnyText.Sample(text =>
    {
        var d = AnalyzeRaw(text);
        var covered = new bool[text.Length];
        var previousEnd = 0;
        foreach (var s in d.Sentences)
        {
            Assert.True(s.Start >= previousEnd, $"sentence [{s.Start},{s.End}) overlaps the one before");
            Assert.True(s.Length > 0);
            previousEnd = s.End;
            for (var i = s.Start; i < s.End; i++)
            {
                covered[i] = true;
            }
        }

        for (var i = 0; i < text.Length; i++)
        {
            Assert.True(covered[i] || char.IsWhiteSpace(text[i]), $"character {i} ({(int)text[i]:X4}) is in no sentence");
        }
    });

    [Fact]
    public void Sentences_lie_inside_one_paragraph() => AnyText.Sample(text =>
    {
        var d = AnalyzeRaw(text);
        foreach (var s in d.Sentences)
        {
            Assert.Single(d.Paragraphs, p => p.Contains(s));
        }
    });

    [Fact]
    public void Tokens_are_ordered_and_lie_inside_sentences() => AnyText.Sample(text =>
    {
        var d = AnalyzeRaw(text);
        var previousEnd = 0;
        var sentence = 0;
        foreach (var t in d.Tokens)
        {
            Assert.True(t.Start >= previousEnd && t.Length > 0);
            previousEnd = t.End;
            while (sentence < d.Sentences.Length && d.Sentences[sentence].End <= t.Start)
            {
                sentence++;
            }

            Assert.True(sentence < d.Sentences.Length && d.Sentences[sentence].Contains(t.Span), $"token [{t.Start},{t.End}) is outside every sentence");
        }
    });

    [Fact]
    public void Analysis_is_deterministic_to_the_byte() => AnyText.Sample(text =>
    {
        var first = ArticleReader.Default.Read(text, SourceInfo.Stdin, new ReadOptions { Published = new PublicationDate(new DateOnly(2025, 5, 13)) });
        var second = ArticleReader.Default.Read(text, SourceInfo.Stdin, new ReadOptions { Published = new PublicationDate(new DateOnly(2025, 5, 13)) });
        Assert.Equal(first.Succeeded, second.Succeeded);
        if (first.Succeeded)
        {
            var a = DocumentJson.ToJson(Pipeline.Default.Analyze(first.Value!));
            var b = DocumentJson.ToJson(new PipelineBuilder().UseDefaultStages().Build().Analyze(second.Value!));
            Assert.Equal(a, b);
        }
    });

    [Fact]
    public void Reading_arbitrary_bytes_never_throws() => Gen.Byte.Array[0, 400].Sample(bytes =>
    {
        var result = ArticleReader.Default.Read(bytes, SourceInfo.Stdin);
        Assert.True(result.Succeeded ^ (result.Error is not null));
        if (result.Value is { } d)
        {
            Assert.NotEqual(0, d.Text.Length);
            Pipeline.Default.Analyze(d);
        }
    });

    [Fact]
    public void Every_layer_span_prints_the_text_it_points_at() => AnyText.Sample(text =>
    {
        var read = ArticleReader.Default.Read(text, SourceInfo.Stdin, new ReadOptions { Published = new PublicationDate(new DateOnly(2025, 5, 13)) });
        if (read.Value is not { } document)
        {
            return;
        }

        var d = Pipeline.Default.Analyze(document);
        string At(int start, int end) => d.Text[start..end];
        foreach (var f in d.Figures)
        {
            Assert.Equal(f.Text, At(f.Start, f.End));
        }

        foreach (var t in d.Timexes)
        {
            Assert.Equal(t.Text, At(t.Start, t.End));
        }

        foreach (var m in d.Entities.SelectMany(e => e.Mentions))
        {
            Assert.Equal(m.Text, At(m.Start, m.End));
        }

        foreach (var q in d.Quotes)
        {
            Assert.Equal(q.Text, string.Join(" … ", q.Parts.Select(p => At(p.Start, p.End))));
            if (q.Cue is { } cue)
            {
                Assert.Equal(cue.Text, At(cue.Start, cue.End));
            }
        }

        foreach (var v in d.Events)
        {
            Assert.Equal(v.Trigger.Text, At(v.Trigger.Start, v.Trigger.End));
        }
    });

    [Fact]
    public void Folding_never_changes_the_length() => Gen.String.Sample(text =>
        Assert.Equal(text.Length, Dateline.Text.TextNormalizer.Fold(text).Length));
}
