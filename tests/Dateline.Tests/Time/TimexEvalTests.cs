using System.Text;
using Dateline.Cli.Commands.Eval;
using Dateline.Tests.Support;

namespace Dateline.Tests.Time;

/// <summary>The TempEval-3 scorer of <c>dateline eval timex</c>, on small hand-made files.</summary>
public sealed class TimexEvalTests : IDisposable
{
    private static readonly string Fixtures = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Time");

    private readonly string scratch = Directory.CreateTempSubdirectory("dateline-timex-").FullName;

    public void Dispose() => Directory.Delete(scratch, recursive: true);

    [Fact]
    public void TimeML_text_is_the_TEXT_element_without_tags_and_with_entities_decoded()
    {
        var doc = TimexEval.ReadTimeMl("mini.tml", File.ReadAllText(Path.Combine(Fixtures, "mini.tml")));
        Assert.Equal(new DateOnly(2024, 11, 7), doc.Dct);
        Assert.Contains("three years of losses & debts.", doc.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("<", doc.Text, StringComparison.Ordinal);
        Assert.Equal(["Monday", "three years", "next spring", "now"], doc.Gold.Select(g => doc.Text[g.Start..g.End]));
        Assert.Equal(["DATE", "DURATION", "DATE", "DATE"], doc.Gold.Select(g => g.Type));
        Assert.Equal("P3Y", doc.Gold[1].Value);
    }

    [Fact]
    public void The_input_file_has_the_same_text_as_the_gold_file()
    {
        var gold = TimexEval.ReadTimeMl("mini.tml", File.ReadAllText(Path.Combine(Fixtures, "mini.tml")));
        var input = TimexEval.ReadTimeMl("mini.tml.TE3input", File.ReadAllText(Path.Combine(Fixtures, "mini.tml.TE3input")));
        Assert.Equal(gold.Text, input.Text);
        Assert.Empty(input.Gold);
    }

    [Fact]
    public void CAT_text_joins_tokens_and_leaves_the_creation_time_and_unanchored_timexes_out()
    {
        var doc = TimexEval.ReadCat("mini-cat.xml", File.ReadAllText(Path.Combine(Fixtures, "mini-cat.xml")));
        Assert.Equal("Mill closes\n\nNovember 7 , 2024\n\nThe mill closed on Monday .\n\nIt reopens in 2026 .", doc.Text);
        Assert.Equal(new DateOnly(2024, 11, 7), doc.Dct);
        var gold = Assert.Single(doc.Gold);
        Assert.Equal("Monday", doc.Text[gold.Start..gold.End]);
        Assert.Equal("November 7 , 2024", doc.Text[doc.Excluded!.Value.Start..doc.Excluded.Value.End]);

        // Annotation stops after the last annotated sentence: "2026" is not scored.
        Assert.Equal(doc.Text.IndexOf(" .\n\nIt", StringComparison.Ordinal) + 2, doc.AnnotatedEnd);
        var system = TimexEval.Tag(doc);
        Assert.Equal(["Monday"], system.Select(s => doc.Text[s.Start..s.End]));
    }

    [Fact]
    public void Strict_relaxed_type_and_value_are_counted_as_TempEval_3_does()
    {
        var text = "aaaa bbbb cccc dddd eeee";
        var gold = new List<TimexSpan>
        {
            new(0, 4, "DATE", "2024"),        // exact match, right value
            new(5, 9, "DURATION", "P1D"),     // overlapping match, wrong type and value
            new(10, 14, "DATE", "2023"),      // missed
            new(15, 19, "SET", "P1W"),        // exact match, wrong value
        };
        var system = new List<TimexSpan>
        {
            new(0, 4, "DATE", "2024"),
            new(5, 12, "DATE", "2024-11"),
            new(15, 19, "SET", "P1M"),
            new(20, 24, "DATE", "2022"),      // spurious
        };
        var score = new TimexScore();
        var log = new StringBuilder();
        score.Add(new TimexGoldDocument("t", text, null, gold), system, log);

        Assert.Equal(4, score.All.Gold);
        Assert.Equal(4, score.All.System);
        Assert.Equal(2, score.All.Strict);
        Assert.Equal(3, score.All.Relaxed);
        Assert.Equal(2, score.All.TypeOk);
        Assert.Equal(1, score.All.ValueOk);
        Assert.Equal(0.5, score.All.StrictF1, 6);
        Assert.Equal(0.75, score.All.RelaxedF1, 6);
        Assert.Equal(0.25, score.All.ValueF1, 6);
        var lines = log.ToString().TrimEnd('\n').Split('\n');
        Assert.Equal(["value", "missed", "value", "spurious"], lines.Select(l => l.Split('\t')[1]));
    }

    [Fact]
    public void The_command_scores_a_folder_and_writes_the_errors()
    {
        var gold = Directory.CreateDirectory(Path.Combine(scratch, "gold")).FullName;
        var input = Directory.CreateDirectory(Path.Combine(scratch, "input")).FullName;
        File.Copy(Path.Combine(Fixtures, "mini.tml"), Path.Combine(gold, "mini.tml"));
        File.Copy(Path.Combine(Fixtures, "mini.tml.TE3input"), Path.Combine(input, "mini.tml.TE3input"));
        var errors = Path.Combine(scratch, "errors.txt");

        var run = CliRunner.Run(null, "eval", "timex", gold, "--input", input, "--errors", errors);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("1 documents, 4 gold timexes", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("extent strict", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("value", run.Stdout, StringComparison.Ordinal);
        Assert.True(File.Exists(errors));
    }

    [Fact]
    public void The_command_refuses_a_missing_folder()
    {
        var run = CliRunner.Run(null, "eval", "timex", Path.Combine(scratch, "nowhere"));
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("no such folder", run.Stderr, StringComparison.Ordinal);
    }
}
