using Dateline.Model;
using Dateline.Tests.Support;

namespace Dateline.Tests.Events;

/// <summary>The golden spec files of the event stage: "code source -> target | date | modality | place" per event (and "told N times").</summary>
public sealed class EventSpecTests
{
    public static TheoryData<SpecCase> Specs => SpecCase.Load("Events");

    [Theory]
    [MemberData(nameof(Specs))]
    public void Events_are_coded_as_the_spec_says(SpecCase spec) =>
        Assert.Equal(spec.Expected, Render(Support.Render.Analyze(spec.Input, spec.Option("published"))));

    public static string Render(Document d) => string.Join('\n', d.Events.Select(v =>
    {
        var place = v.Location is null ? "-" : d.Entities.First(e => e.Id == v.Location).Name;
        var told = v.Mentions > 1 ? $" | told {v.Mentions} times" : "";
        return $"{v.Code} {v.SourceActor ?? "-"} -> {v.TargetActor ?? "-"} | {v.Date ?? "-"} | {v.Modality} | {place}{told}";
    }));
}
