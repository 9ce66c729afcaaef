using Dateline.Events.Dictionaries;
using Dateline.Model;

namespace Dateline.Tests.Events;

/// <summary>Reading a PETRARCH verb pattern dictionary and coding events with it.</summary>
public sealed class PetrarchVerbsTests
{
    // A small dictionary written for these tests, with made-up places and WEIS-style codes.
    private const string Actors = """
        VELMORA_  [VLM]
        DRENNIC_ISLES [DRN]
        TARBEK_  [TRB]
        """;

    private const string Verbs = """
        <!-- TEST VERBS -->
        &BOATS
        +FERRIES
        +FISHING BOATS

        --- SEIZE [171] ---
        SEIZE
        GRAB {GRABBED GRABBING}
        - * &BOATS [172]  # boats of the target
        - NOT * [---]

        --- PARLEY [---] ---
        PARLEY
        - * WITH + [031:032]

        --- THANK [051] ---
        THANK
        +REACH_OUT [030]
        """;

    private static string Code(string text)
    {
        var pipeline = new PipelineBuilder().UseDefaultStages()
            .UsePetrarchActors(PetrarchActors.Parse([Actors], []))
            .UsePetrarchConventions(PetrarchVerbs.Parse([Verbs]))
            .Build();
        var document = pipeline.Analyze(new Document(text, SourceInfo.Stdin) { Published = new PublicationDate(new DateOnly(2021, 5, 3)) });
        return string.Join("; ", document.Events.Select(e => $"{e.SourceActor ?? "---"} {e.TargetActor ?? "---"} {e.Code}"));
    }

    [Fact]
    public void A_verb_alone_codes_its_block_code_with_its_regular_and_irregular_forms()
    {
        Assert.Equal("VLM DRN 171", Code("Velmora seized Drennic Isles."));
        Assert.Equal("VLM DRN 171", Code("Velmora grabbed Drennic Isles."));
    }

    [Fact]
    public void A_pattern_with_a_synonym_set_wins_over_the_verb_alone()
    {
        Assert.Equal("VLM DRN 172", Code("Velmora seized fishing boats of Drennic Isles."));
    }

    [Fact]
    public void A_dashed_code_codes_nothing_and_words_before_the_verb_count()
    {
        Assert.Equal("", Code("Velmora did not seize Drennic Isles."));
    }

    [Fact]
    public void A_paired_code_codes_the_reverse_direction_with_its_second_code()
    {
        Assert.Equal("VLM TRB 031; TRB VLM 032", Code("Velmora parleyed with Tarbek."));
    }

    [Fact]
    public void A_phrasal_verb_has_its_own_code()
    {
        Assert.Equal("VLM TRB 030", Code("Velmora reached out to Tarbek."));
    }
}
