using System.Text;
using CsCheck;
using Dateline.Model;
using Dateline.Tests.Support;

namespace Dateline.Tests.Entities;

/// <summary>The noun phrase each name heads (<see cref="Mention.Phrase"/>): spec files and properties.</summary>
public sealed class NamePhraseTests
{
    public static TheoryData<SpecCase> PhraseSpecs => SpecCase.Load("Entities", "phrases*.md");

    private static readonly string[] Pieces =
    [
        "the", "The", "a", "its", "said", "and", "of", "in", "President", "spokeswoman", "chief", "executive",
        "aircraft", "manufacturer", "maker", "rival", "firm", "Boeing", "Airbus", "787", "US", "U.S.", "Seattle",
        "Washington", "Mobile", "Alabama", "Anna", "Berg", "GAO", "Government", "Accountability", "Office",
        "Kremlin", "Moscow", "’s", "'s", "stocks", "low", "cost", "airline", "based", "Texas-based",
        ".", ".", ",", ",", "(", ")", "“", "”", " ", " ", " ", "\n\n",
    ];

    private static readonly Gen<string> NewsLike =
        Gen.Int[0, Pieces.Length - 1].Select(i => Pieces[i]).Array[0, 60].Select(parts => string.Join(' ', parts));

    [Theory]
    [MemberData(nameof(PhraseSpecs))]
    public void Each_name_heads_the_phrase_the_spec_says(SpecCase spec) =>
        Assert.Equal(spec.Expected, Phrases(Render.Analyze(spec.Input, spec.Option("published"))));

    [Fact]
    public void A_phrase_contains_its_name_and_lies_within_the_name_s_sentence() => Gen.Frequency((5, NewsLike), (1, Gen.String[0, 160])).Sample(text =>
    {
        var d = Pipeline.Default.Analyze(new Document(text, SourceInfo.Stdin) with { Language = null });
        foreach (var m in d.Entities.SelectMany(e => e.Mentions))
        {
            if (m.Phrase is not { } p)
            {
                continue;
            }

            Assert.Equal("name", m.Kind);
            Assert.True(p.Start <= m.Start && m.End <= p.End, $"phrase {p} does not contain '{m.Text}' at {m.Start}-{m.End}");
            Assert.True(d.Sentences.Any(s => s.Start <= p.Start && p.End <= s.End), $"phrase '{text[p.Start..p.End]}' crosses a sentence boundary");
        }
    });

    [Fact]
    public void Only_name_mentions_get_a_phrase()
    {
        var d = Render.Analyze("Aircraft maker Boeing said on Monday that it would hire engineers. The company said it was pleased.");
        Assert.All(d.Entities.SelectMany(e => e.Mentions).Where(m => m.Kind != "name"), m => Assert.Null(m.Phrase));
    }

    /// <summary>One name mention a line in text order: the name, then "→" and its phrase, or "→ -" when it heads none.</summary>
    private static string Phrases(Document d)
    {
        var sb = new StringBuilder();
        foreach (var m in d.Entities.SelectMany(e => e.Mentions).Where(m => m.Kind == "name").OrderBy(m => m.Start))
        {
            if (sb.Length > 0)
            {
                sb.Append('\n');
            }

            sb.Append(m.Text).Append(" → ").Append(m.Phrase is { } p ? d.Text[p.Start..p.End] : "-");
        }

        return sb.ToString();
    }
}
