using System.Globalization;
using Dateline.Model;
using Dateline.Tests.Support;

namespace Dateline.Tests.Figures;

/// <summary>The golden spec files of the figures stage: "text | value | unit | approximate | measures" per figure.</summary>
public sealed class FigureSpecTests
{
    public static TheoryData<SpecCase> Specs => SpecCase.Load("Figures");

    [Theory]
    [MemberData(nameof(Specs))]
    public void Figures_are_found_as_the_spec_says(SpecCase spec) =>
        Assert.Equal(spec.Expected, Render(Support.Render.Analyze(spec.Input, spec.Option("published"))));

    public static string Render(Document d) => string.Join('\n', d.Figures.Select(f =>
        $"{f.Text} | {f.Value.ToString(CultureInfo.InvariantCulture)} | {f.Unit ?? "-"} | {(f.Approximate ? "approx" : "exact")} | {f.Measures ?? "-"}"));
}
