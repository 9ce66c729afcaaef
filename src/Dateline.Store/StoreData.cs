namespace Dateline.Store;

/// <summary>Reads the store's embedded data files (Data/*.txt): one entry a line, <c>#</c> starts a comment.</summary>
internal static class StoreData
{
    /// <summary>The non-comment, non-blank lines of an embedded data file, trimmed (a tab inside a line is kept).</summary>
    public static IEnumerable<string> Lines(string name)
    {
        using var stream = typeof(StoreData).Assembly.GetManifestResourceStream("Dateline.Store.Data." + name)
            ?? throw new InvalidOperationException($"the embedded {name} is missing (a build problem)");
        using var reader = new StreamReader(stream, System.Text.Encoding.UTF8);
        while (reader.ReadLine() is { } line)
        {
            var hash = line.IndexOf('#', StringComparison.Ordinal);
            var content = (hash >= 0 ? line[..hash] : line).Trim();
            if (content.Length > 0)
            {
                yield return content;
            }
        }
    }
}
