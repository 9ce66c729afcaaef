using Dateline.Events.Dictionaries;
using Dateline.Model;

namespace Dateline.Tests.Events;

/// <summary>Reading PETRARCH/Phoenix actor and agent dictionaries, and coding entities with them.</summary>
public sealed class PetrarchActorsTests
{
    // Small dictionaries written for these tests, with made-up places and codes.
    private const string Actors = """
        <!-- TEST ACTORS -->
        <!--
        # a comment block
        # -->
        VELMORA_  [VLM]   # a made-up country
        +VELMORAN
        QUASSIN_TORVE_  [VLMOPP]
            [VLMGOV 100101-151231]
            [VLMGOV >200301]
        DRENNIC_ISLES [DRN]
        NOBODY_IN_PARTICULAR [---]
        """;

    private const string Agents = """
        !PERSON! = MAN, MEN
        POLICE {} [~COP]   # no generated plural
        RIVER_WARDEN [~ENV]
        COAST!PERSON! [~MIL]
        AID_CHARITY [NGO~]
        """;

    private static PetrarchActors Dictionary => PetrarchActors.Parse([Actors], [Agents]);

    private static DictionaryPhrase Phrase(string words) =>
        Dictionary.Match(words.Split(' '), 0, out _) ?? throw new InvalidOperationException($"'{words}' not in the dictionary");

    [Fact]
    public void An_actor_entry_codes_its_phrase_and_its_synonyms()
    {
        Assert.Equal("VLM", Phrase("velmora").CodeOn(null));
        Assert.Equal("VLM", Phrase("velmoran").CodeOn(null));
        Assert.Equal("DRN", Phrase("drennic isles").CodeOn(null));
    }

    [Fact]
    public void Date_restricted_codes_apply_within_their_dates_and_the_undated_code_elsewhere()
    {
        var person = Phrase("quassin torve");

        Assert.Equal("VLMGOV", person.CodeOn(new DateOnly(2012, 6, 1)));
        Assert.Equal("VLMOPP", person.CodeOn(new DateOnly(2018, 6, 1)));
        Assert.Equal("VLMGOV", person.CodeOn(new DateOnly(2021, 1, 1)));
        Assert.Equal("VLMOPP", person.CodeOn(null));
    }

    [Fact]
    public void A_dashed_code_codes_nothing()
    {
        Assert.Null(Phrase("nobody in particular").CodeOn(null));
    }

    [Fact]
    public void Comments_are_not_read_as_phrases()
    {
        Assert.DoesNotContain(Dictionary.Phrases, p => p.Words.Contains("comment"));
        Assert.DoesNotContain(Dictionary.Phrases, p => p.Words.Contains("test"));
    }

    [Fact]
    public void Agents_get_a_generated_plural_unless_braces_say_otherwise()
    {
        Assert.Equal("ENV", Phrase("river wardens").Codes[0].Code);
        Assert.Null(Dictionary.Match(["polices"], 0, out _));
        Assert.True(Phrase("police").IsAgent);
    }

    [Fact]
    public void Substitutions_expand_inside_agent_phrases()
    {
        Assert.Equal("MIL", Phrase("coastman").Codes[0].Code);
        Assert.Equal("MIL", Phrase("coastmen").Codes[0].Code);
    }

    [Fact]
    public void A_tilde_after_the_code_puts_the_agent_before_the_actor()
    {
        Assert.True(Phrase("aid charity").AgentPrefix);
        Assert.False(Phrase("police").AgentPrefix);
    }

    [Fact]
    public void The_longest_phrase_wins_and_possessives_match()
    {
        var phrase = Dictionary.Match(["the", "drennic", "isles", "said"], 1, out var length);

        Assert.Equal(2, length);
        Assert.Equal("DRN", phrase?.CodeOn(null));
        Assert.Equal("VLM", Dictionary.Match(["velmora's"], 0, out _)?.CodeOn(null));
    }

    [Theory]
    [InlineData("100101", 2010, 1, 1)]
    [InlineData("851231", 1985, 12, 31)]
    [InlineData("20200229", 2020, 2, 29)]
    public void Dictionary_dates_read_two_and_four_digit_years(string text, int year, int month, int day)
    {
        Assert.Equal(new DateOnly(year, month, day), PetrarchActors.Date(text));
    }

    [Fact]
    public void The_stage_codes_an_actor_with_its_agent_and_adds_entities_the_tagger_missed()
    {
        var pipeline = new PipelineBuilder().UseDefaultStages().UsePetrarchActors(Dictionary).Build();
        var input = new Document("Velmoran police arrested two river wardens in the Drennic Isles on Monday.", SourceInfo.Stdin)
        {
            Published = new PublicationDate(new DateOnly(2021, 5, 3)),
        };

        var document = pipeline.Analyze(input);

        Assert.Contains(document.Entities, e => e.Actor == "VLMCOP" && e.Mentions.Any(m => m.Text == "Velmoran police"));
        Assert.Contains(document.Entities, e => e.Actor == "---ENV" && e.Mentions.Any(m => m.Text == "river wardens"));
        Assert.Contains(document.Entities, e => e.Actor == "DRN");
        Assert.Contains(document.Events, e => e.Code == "173" && e.SourceActor == "VLMCOP");
    }
}
