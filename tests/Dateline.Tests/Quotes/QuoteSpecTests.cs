using Dateline.Model;
using Dateline.Tests.Support;

namespace Dateline.Tests.Quotes;

/// <summary>The golden spec files of the quote stage: one line per quote, "kind | text | speaker | cue".</summary>
public sealed class QuoteSpecTests
{
    public static TheoryData<SpecCase> Specs => SpecCase.Load("Quotes");

    [Theory]
    [MemberData(nameof(Specs))]
    public void Quotes_are_found_and_attributed_as_the_spec_says(SpecCase spec) =>
        Assert.Equal(spec.Expected, Render(Support.Render.Analyze(spec.Input, spec.Option("published"))));

    public static string Render(Document d) => string.Join('\n', d.Quotes.Select(q =>
        $"{q.Kind} | {q.Text} | {q.SpeakerName ?? "-"} | {q.Cue?.Text ?? "-"}"));
}
