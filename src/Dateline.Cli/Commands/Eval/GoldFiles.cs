using Spectre.Console;

namespace Dateline.Cli.Commands.Eval;

/// <summary>What the evaluations on Dateline's own JSON gold formats share: finding the files, writing the error list.</summary>
internal static class GoldFiles
{
    /// <summary>The .json gold files under a folder (in name order), or the file itself; empty when there are none.</summary>
    public static string[] Find(string root) =>
        Directory.Exists(root)
            ? Directory.GetFiles(root, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray()
            : File.Exists(root) ? [root] : [];

    /// <summary>Writes the error list when <c>--errors</c> named a file.</summary>
    public static void WriteErrors(string? errorFile, string report)
    {
        if (errorFile is null)
        {
            return;
        }

        File.WriteAllText(errorFile, report);
        AnsiConsole.MarkupLine($"errors written to {Markup.Escape(errorFile)}");
    }
}
