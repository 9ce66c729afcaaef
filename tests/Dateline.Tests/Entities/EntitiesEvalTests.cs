using Dateline.Tests.Support;

namespace Dateline.Tests.Entities;

/// <summary>The <c>dateline eval entities</c> command on small gold files written for the tests.</summary>
public sealed class EntitiesEvalTests
{
    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "Entities", name);

    [Fact]
    public void CoNLL_columns_are_read_and_scored_per_type()
    {
        var run = CliRunner.Run(null, "eval", "entities", Fixture("tiny.conll"));
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("CoNLL-2003 columns: 1 documents", run.Stdout, StringComparison.Ordinal);
        Assert.Matches(@"PER\s+2\s+2\s+1\.000 1\.000 1\.000", run.Stdout);
        Assert.Matches(@"ORG\s+1\s+1\s+1\.000 1\.000 1\.000", run.Stdout);
        Assert.Matches(@"LOC\s+1\s+1\s+1\.000 1\.000 1\.000", run.Stdout);
    }

    [Fact]
    public void The_development_set_is_scored_with_actor_accuracy()
    {
        var run = CliRunner.Run(null, "eval", "entities", Fixture("devset.json"));
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("16 documents", run.Stdout, StringComparison.Ordinal);
        Assert.Matches(@"actor codes: \d+/\d+ entities", run.Stdout);
    }

    [Fact]
    public void A_group_nominal_is_scored_for_its_actor_but_not_as_a_name()
    {
        var run = CliRunner.Run(null, "eval", "entities", Fixture("nominal.json"));
        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"LOC\s+1\s+1\s+1\.000 1\.000 1\.000", run.Stdout);
        Assert.Matches(@"all\s+1\s+1\s", run.Stdout);
        Assert.Contains("actor codes: 2/2 entities", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void On_CoNLL_files_a_group_nominal_counts_the_nationality_word_it_opens_with()
    {
        // groups.conll (written for this test): "Sri Lankan troops", "the Indian government" are group
        // nominals for Dateline and a MISC word plus O for CoNLL-2003.
        var run = CliRunner.Run(null, "eval", "entities", Fixture("groups.conll"));
        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"MISC\s+2\s+2\s+1\.000 1\.000 1\.000", run.Stdout);
        Assert.Matches(@"all\s+3\s+3\s+1\.000 1\.000 1\.000", run.Stdout);
    }

    [Fact]
    public void MEANTIME_is_scored_on_name_extents_and_on_the_phrases_the_names_head()
    {
        // phrases.xml (written for this test): "Aircraft maker Halvorsen Airlines (HA" and "the US
        // carrier Skyward Airlines" as MEANTIME marks them, "US" a premodifier name (PRE.NAM).
        var run = CliRunner.Run(null, "eval", "entities", Fixture("phrases.xml"));
        Assert.Equal(0, run.ExitCode);
        var phrases = run.Stdout[run.Stdout.IndexOf("phrase extents", StringComparison.Ordinal)..];
        Assert.Matches(@"^ORG\s+4\s+4\s+1\.000 1\.000 1\.000", phrases.Split('\n')[2]);
        Assert.DoesNotMatch(@"ORG\s+4\s+\d+\s+1\.000 1\.000 1\.000", run.Stdout[..run.Stdout.IndexOf("phrase extents", StringComparison.Ordinal)]);
    }

    [Fact]
    public void A_missing_path_is_an_input_error()
    {
        var run = CliRunner.Run(null, "eval", "entities", Fixture("no-such-file.conll"));
        Assert.Equal(2, run.ExitCode);
    }
}
