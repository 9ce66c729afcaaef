using System.CommandLine;

namespace Dateline.Cli.Commands.Eval;

/// <summary>
/// <c>dateline eval …</c>: accuracy on public evaluation sets, each a sub-command that takes the
/// data set's path and prints the figures the data set's own papers report.
/// </summary>
internal static class EvalCommand
{
    public static Command Create()
    {
        var eval = new Command("eval", "Measure accuracy on a public evaluation data set (see docs/EVALUATION.md).");

        // One line per evaluation; each lives in its own file beside this one.
        eval.Add(EntitiesEval.Create());
        eval.Add(QuotesEval.Create());
        eval.Add(EventsEval.Create());
        eval.Add(TimexEval.Create());
        eval.Add(ExtractionEval.Create());
        eval.Add(CameoEval.Create());
        return eval;
    }
}
