using System.CommandLine;

namespace Dateline.Cli.Commands.Store;

/// <summary>The commands over the store, registered together.</summary>
internal static class StoreCommands
{
    public static void AddTo(RootCommand root)
    {
        root.Add(IngestCommand.Create());
        foreach (var query in QueryCommands.Create())
        {
            root.Add(query);
        }

        root.Add(ExportCommand.Create());
        root.Add(StoreBenchCommand.Create());
    }
}
