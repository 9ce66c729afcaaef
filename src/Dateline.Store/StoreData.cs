namespace Dateline.Store;

/// <summary>Reads the store's embedded data files (Data/*.txt) in the library's data-file format: one entry a line, <c>#</c> starts a comment.</summary>
internal static class StoreData
{
    /// <summary>The non-comment, non-blank lines of an embedded data file, trimmed (a tab inside a line is kept).</summary>
    public static IEnumerable<string> Lines(string name) => Data.DataFile.Lines(typeof(StoreData).Assembly, "Dateline.Store.Data.", name);
}
