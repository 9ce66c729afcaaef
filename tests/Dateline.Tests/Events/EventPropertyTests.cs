using CsCheck;
using Dateline.Events;
using Dateline.Extraction;
using Dateline.Model;

namespace Dateline.Tests.Events;

/// <summary>Properties of the event layer for any text.</summary>
public sealed class EventPropertyTests
{
    private static readonly string[] Pieces =
    [
        "Germany", "France", "the Kremlin", "Kyiv", "Moscow", "President Anna Berg", "Turkish police", "NATO",
        "called on", "urged", "criticized", "has not", "met", "attacked", "to agree to a ceasefire", "arrested",
        "was rejected by", "talks between", "and", ",", ".", "if", "on Tuesday", "in Istanbul", "“", "”", "said", "we will",
    ];

    private static readonly string[] Modalities = ["asserted", "negated", "planned", "hypothetical", "reported"];

    private static readonly Gen<string> EventLike =
        Gen.Int[0, Pieces.Length - 1].Select(i => Pieces[i]).Array[1, 40].Select(p => string.Join(' ', p));

    private static Document Analyze(string text)
    {
        var read = ArticleReader.Default.Read(text, SourceInfo.Stdin, new ReadOptions { Published = new PublicationDate(new DateOnly(2026, 3, 4)) });
        return read.Value is { } d ? Pipeline.Default.Analyze(d) : new Document("", SourceInfo.Stdin);
    }

    [Fact]
    public void Every_trigger_lies_in_its_sentence_and_every_argument_is_an_entity_of_the_article() => EventLike.Sample(text =>
    {
        var d = Analyze(text);
        var entities = d.Entities.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        var quotes = d.Quotes.Select(q => q.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var v in d.Events)
        {
            var sentence = d.Sentences[v.Sentence];
            Assert.True(sentence.Contains(new TextSpan(v.Trigger.Start, v.Trigger.End)), $"{v.Id} trigger outside sentence {v.Sentence}");
            Assert.True(v.Source is null || entities.Contains(v.Source));
            Assert.True(v.Target is null || entities.Contains(v.Target));
            Assert.True(v.Location is null || entities.Contains(v.Location));
            Assert.True(v.Quote is null || quotes.Contains(v.Quote));
            Assert.True(v.SourceActor is not null || v.TargetActor is not null, $"{v.Id} has no actor");
        }
    });

    [Fact]
    public void Every_code_is_in_the_codebook_with_its_root_base_and_quad_class() => EventLike.Sample(text =>
    {
        foreach (var v in Analyze(text).Events)
        {
            var code = Codebook.Default.Find(v.Code);
            Assert.NotNull(code);
            Assert.Equal(v.Code[..2], v.RootCode);
            Assert.StartsWith(v.BaseCode, v.Code, StringComparison.Ordinal);
            Assert.Equal(code.QuadClass, v.QuadClass);
            Assert.Contains(v.Modality, Modalities);
        }
    });

    [Fact]
    public void Every_pattern_code_is_in_the_codebook()
    {
        var patterns = typeof(EventPatterns).Assembly.GetManifestResourceStream("Dateline.Data.Events/patterns.txt")!;
        using var reader = new StreamReader(patterns);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            // "043:042": the code of the event and of its reverse.
            foreach (var code in line[..line.IndexOf(' ', StringComparison.Ordinal)].Split(':'))
            {
                Assert.True(Codebook.Default.Find(code) is not null, $"patterns.txt uses code {code}, which the codebook lacks");
            }
        }
    }

    [Fact]
    public void The_codebook_holds_every_root_with_its_weight()
    {
        for (var root = 1; root <= 20; root++)
        {
            Assert.NotNull(Codebook.Default.Find(root.ToString("00", System.Globalization.CultureInfo.InvariantCulture)));
        }

        Assert.Equal(4.0, Codebook.Default.Find("036")!.Goldstein);
        Assert.Equal(-10.0, Codebook.Default.Find("20")!.Goldstein);
    }
}
