using System.CommandLine;
using Dateline.Cli.Commands;
using Dateline.Cli.Commands.Eval;

namespace Dateline.Cli;

/// <summary>The <c>dateline</c> command.</summary>
public static class Program
{
    /// <summary>Exit code for bad input or bad usage; 1 is reserved for bugs.</summary>
    public const int InputErrorExit = 2;

    private const string Description = """
        Dateline turns news articles into structured, traceable event data.

        Examples:
          dateline analyze samples/harbor-accord.txt --published 2026-03-04
          dateline analyze article.html --json --pretty
          curl -s https://example.com/story | dateline analyze - --json
          dateline bench samples/*.txt
        """;

    /// <summary>Runs the command line and returns the process exit code.</summary>
    public static int Main(string[] args)
    {
        // Load the analysis data on the other cores while the command line is parsed and the
        // input read; an `analyze` of one article would otherwise wait for it file by file.
        if (args.Length > 0 && args[0] is "analyze")
        {
            _ = Task.Run(Pipeline.WarmUp);
        }

        var root = new RootCommand(Description)
        {
            AnalyzeCommand.Create(),
            BenchCommand.Create(),
            EvalCommand.Create(),
        };

        Commands.Store.StoreCommands.AddTo(root);
        Commands.Serve.ServeCommands.AddTo(root);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                Console.Error.WriteLine($"dateline: {error.Message}");
            }

            Console.Error.WriteLine("Run 'dateline --help' for usage.");
            return InputErrorExit;
        }

        try
        {
            return parse.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            Console.Error.WriteLine($"dateline: internal error (a bug, please report it): {ex}");
            return 1;
        }
    }
}
