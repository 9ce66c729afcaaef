using Dateline.Tests.Support;

namespace Dateline.Tests.Entities;

/// <summary>The golden spec files of the entity, actor and geocoding stages, one test per example.</summary>
public sealed class EntitySpecTests
{
    public static TheoryData<SpecCase> EntitySpecs => SpecCase.Load("Entities", "names*.md");

    public static TheoryData<SpecCase> ActorSpecs => SpecCase.Load("Entities", "actors*.md");

    public static TheoryData<SpecCase> PlaceSpecs => SpecCase.Load("Entities", "places*.md");

    [Theory]
    [MemberData(nameof(EntitySpecs))]
    public void Entities_are_found_and_grouped_as_the_spec_says(SpecCase spec) =>
        Assert.Equal(spec.Expected, EntityRender.Entities(spec.Option("text") == "as-is"
            ? Render.AnalyzeAsIs(spec.Input, spec.Option("published"))
            : Render.Analyze(spec.Input, spec.Option("published"))));

    [Theory]
    [MemberData(nameof(ActorSpecs))]
    public void Entities_act_for_the_actors_the_spec_says(SpecCase spec) =>
        Assert.Equal(spec.Expected, EntityRender.Actors(Render.Analyze(spec.Input, spec.Option("published"))));

    [Theory]
    [MemberData(nameof(PlaceSpecs))]
    public void Places_are_geocoded_as_the_spec_says(SpecCase spec) =>
        Assert.Equal(spec.Expected, EntityRender.Places(Render.Analyze(spec.Input, spec.Option("published"))));
}
