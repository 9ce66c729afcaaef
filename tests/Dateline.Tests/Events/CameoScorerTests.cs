using Dateline.Cli.Commands.Eval;
using Dateline.Tests.Support;

namespace Dateline.Tests.Events;

/// <summary>The PETRARCH record reader and scorer of <c>dateline eval cameo</c>, on a hand-made records file.</summary>
public sealed class CameoScorerTests
{
    // Written for this test, in the shape of PETRARCH validation files: a '#' banner in the root,
    // self-closed <Sentence/> tags followed by </Sentence>, a <Config> record, a six-digit date.
    private const string Records = """
        <?xml version='1.0' encoding='utf-8'?>
        <Validation>
        ######################
        # hand-made records  #
        ######################
        <Sentences>
        <Sentence category="T" date="20210304" id="one" evaluate="true"/>
        <EventCoding eventcode="042" sourcecode="NLD" targetcode="BEL" />
        <EventCoding eventcode="111" sourcecode="NLDGOV" targetcode="FRA" />
        <Text>
        The Dutch prime minister visited Belgium and
        criticized France.
        </Text>
        <Parse>1	The	the	DET</Parse></Sentence>
        <Config option="require_dyad" value="True"></Config>
        <Sentence category="T" date="210305" id="two" evaluate="true"/>
        <EventCoding noevents="True" />
        <Text>Rain fell on the hills &amp; the valleys.</Text>
        </Sentence>
        <Sentence category="T" date="20210306" id="three">
        <EventCoding error="dateline" />
        <Text>PARIS, March 6</Text>
        </Sentence>
        </Sentences>
        </Validation>
        """;

    [Fact]
    public void Records_are_read_one_by_one_from_a_file_that_is_not_well_formed_xml()
    {
        var records = CameoEval.ReadRecords(Records);

        Assert.Equal(["one", "two", "three"], records.Select(r => r.Id));
        Assert.Equal(new DateOnly(2021, 3, 4), records[0].Date);
        Assert.Equal(new DateOnly(2021, 3, 5), records[1].Date);
        Assert.Equal("The Dutch prime minister visited Belgium and criticized France.", records[0].Text);
        Assert.Equal([new Triple("NLD", "BEL", "042"), new Triple("NLDGOV", "FRA", "111")], records[0].Expected);
        Assert.True(records[1].NoEvents);
        Assert.Equal("Rain fell on the hills & the valleys.", records[1].Text);
        Assert.Equal("dateline", records[2].Error);
    }

    [Fact]
    public void A_config_record_changes_the_options_of_the_records_after_it()
    {
        var records = CameoEval.ReadRecords(Records);

        Assert.False(records[0].RequireDyad);
        Assert.True(records[1].RequireDyad);
        Assert.True(records[2].RequireDyad);
    }

    [Theory]
    [InlineData("NLD", "BEL", "042", "NLD", "BEL", "042", true, true, true)]
    [InlineData("NLD", "BEL", "042", "NLDGOV", "BEL", "042", false, true, true)]
    [InlineData("NLDGOV", "BEL", "042", "NLD", "BEL", "042", false, true, true)]
    [InlineData("NLDMIL", "BEL", "042", "NLDGOV", "BEL", "042", false, false, true)]
    [InlineData("NLD", "BEL", "042", "NLD", "BEL", "043", false, false, true)]
    [InlineData("NLD", "BEL", "042", "NLD", "BEL", "051", false, false, false)]
    [InlineData("NLD", "---", "042", "NLD", "BEL", "042", false, false, false)]
    public void Gold_and_coded_triples_agree_at_each_level(
        string gs, string gt, string gc, string cs, string ct, string cc, bool strict, bool exact, bool rootCountry)
    {
        var gold = new Triple(gs, gt, gc);
        var coded = new Triple(cs, ct, cc);

        Assert.Equal(strict, CameoEval.Agrees(gold, coded, CameoLevel.Strict));
        Assert.Equal(exact, CameoEval.Agrees(gold, coded, CameoLevel.Exact));
        Assert.Equal(rootCountry, CameoEval.Agrees(gold, coded, CameoLevel.RootCountry));
    }

    [Fact]
    public void A_coded_triple_matches_one_gold_triple_only()
    {
        Triple[] gold = [new("NLD", "BEL", "042"), new("NLD", "BEL", "043")];
        Triple[] coded = [new("NLDGOV", "BEL", "042")];

        Assert.Equal(1, CameoEval.Matches(gold, coded, CameoLevel.RootCountry));
    }

    [Fact]
    public void The_score_counts_matches_clean_no_event_sentences_and_skips_expected_rejections()
    {
        var records = CameoEval.ReadRecords(Records);
        IReadOnlyList<Triple>[] coded =
        [
            [new("NLDGOV", "BEL", "042"), new("NLDGOV", "FRA", "111"), new("NLDGOV", "---", "010")],
            [],
            [new("FRA", "---", "010")],
        ];

        var report = CameoEval.Score(records, coded, out var errors);

        Assert.Contains("3 records: 2 scored, 1 expected rejections not scored; 2 gold codings, 3 coded", report, StringComparison.Ordinal);
        Assert.Matches(@"strict \(src, tgt, code\)\s+1\s+0\.500\s+0\.333\s+0\.500\s+0\.400\s+1\s+2\s+1\.000", report);
        Assert.Matches(@"root code \+ countries\s+2\s+1\.000", report);
        Assert.Contains("no-event sentences left clean: 1/1", report, StringComparison.Ordinal);
        Assert.Contains("strict 0/1 = 0.000, exact 1/1 = 1.000", report, StringComparison.Ordinal);
        Assert.Contains("missed NLD BEL 042", errors, StringComparison.Ordinal);
        Assert.Contains("extra  NLDGOV --- 010", errors, StringComparison.Ordinal);
        Assert.DoesNotContain("three", errors, StringComparison.Ordinal);
    }

    [Fact]
    public void The_command_codes_each_record_with_the_pipeline_and_writes_the_errors()
    {
        var dir = Directory.CreateTempSubdirectory("dateline-cameo-").FullName;
        try
        {
            var file = Path.Combine(dir, "records.xml");
            var errorsFile = Path.Combine(dir, "errors.txt");
            File.WriteAllText(file, """
                <Sentences>
                <Sentence date="20260304" id="arms"/>
                <EventCoding eventcode="072" sourcecode="NOR" targetcode="EST" />
                <Text>Norway will supply weapons to Estonia.</Text>
                </Sentence>
                <Sentence date="20260304" id="quiet"/>
                <EventCoding noevents="True" />
                <Text>The river rose after the storm.</Text>
                </Sentence>
                </Sentences>
                """);

            var run = CliRunner.Run(null, "eval", "cameo", file, "--errors", errorsFile);

            Assert.Equal(0, run.ExitCode);
            Assert.Contains("2 records: 2 scored", run.Stdout, StringComparison.Ordinal);
            Assert.Matches(@"strict \(src, tgt, code\)\s+1\s+1\.000", run.Stdout);
            Assert.Contains("no-event sentences left clean: 1/1", run.Stdout, StringComparison.Ordinal);
            Assert.Equal("", File.ReadAllText(errorsFile));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
