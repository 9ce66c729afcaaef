using CsCheck;
using Dateline.Model;

namespace Dateline.Tests.Entities;

/// <summary>Properties of the entity layer that hold for any input, checked on generated news-like text.</summary>
public sealed class EntityPropertyTests
{
    private static readonly string[] Pieces =
    [
        "the", "said", "and", "of", "in", "he", "she", "his", "The", "President", "president", "Prime", "Minister",
        "Vladimir", "Putin", "Zelensky", "Kyiv", "Moscow", "Kremlin", "Russian", "Ukrainian", "Russian-speaking",
        "Kremlin-backed", "pro-Russian", "U.S.", "NATO", "Ministry", "Council", "Security", "United", "Nations",
        "Łódź", "Erdoğan", "’s", "'s", "chief", "staff", "leader", "presidency", "forces", "spokesperson",
        "Black", "Sea", "Istanbul", "Thursday", "Acme", "Corp.", "al-Assad", "von", "der", "Leyen",
        ".", ".", ",", ",", "“", "”", "\"", "(", ")", "—", "-", " ", " ", " ", " ", " ", "\n\n", "2022", "30-day",
    ];

    private static readonly Gen<string> NewsLike =
        Gen.Int[0, Pieces.Length - 1].Select(i => Pieces[i]).Array[0, 80].Select(parts => string.Join(' ', parts));

    private static readonly Gen<string> AnyText = Gen.Frequency((5, NewsLike), (1, Gen.String[0, 200]));

    private static Document Analyze(string text) => Pipeline.Default.Analyze(new Document(text, SourceInfo.Stdin) with { Language = null });

    [Fact]
    public void Entity_mentions_never_overlap_and_lie_within_one_sentence() => AnyText.Sample(MentionsLieInOneSentenceWithoutOverlap);

    private static void MentionsLieInOneSentenceWithoutOverlap(string text)
    {
        var d = Analyze(text);
        var mentions = d.Entities.SelectMany(e => e.Mentions).OrderBy(m => m.Start).ToList();
        for (var i = 0; i < mentions.Count; i++)
        {
            var m = mentions[i];
            Assert.True(m.Start < m.End, $"empty mention at {m.Start}");
            Assert.Equal(text[m.Start..m.End], m.Text);
            Assert.True(d.Sentences.Any(s => s.Start <= m.Start && m.End <= s.End), $"'{m.Text}' at {m.Start}-{m.End} crosses a sentence boundary");
            if (i > 0)
            {
                Assert.True(mentions[i - 1].End <= m.Start, $"'{mentions[i - 1].Text}' overlaps '{m.Text}'");
            }
        }
    }

    [Fact]
    public void A_nominal_never_reaches_back_into_the_previous_paragraph() =>
        // The case the property above once found: "The" ending one paragraph, a title opening the next.
        AnyText.Sample(MentionsLieInOneSentenceWithoutOverlap, seed: "2c3KjEhAvty2", iter: 1);

    [Fact]
    public void Entity_ids_follow_the_order_of_first_mention() => AnyText.Sample(text =>
    {
        var d = Analyze(text);
        for (var e = 0; e < d.Entities.Length; e++)
        {
            Assert.Equal("E" + (e + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), d.Entities[e].Id);
            if (e > 0)
            {
                Assert.True(d.Entities[e - 1].Mentions.Min(m => m.Start) < d.Entities[e].Mentions.Min(m => m.Start));
            }
        }
    });
}
