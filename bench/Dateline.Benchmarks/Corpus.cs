using Dateline.Extraction;
using Dateline.Model;

namespace Dateline.Benchmarks;

/// <summary>The project's own sample articles, read once, as documents ready for the pipeline.</summary>
internal static class Corpus
{
    public static Document[] Load()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "Samples");
        var documents = Directory.GetFiles(folder, "*.txt")
            .Order(StringComparer.Ordinal)
            .Select(path => ArticleReader.Default.Read(
                File.ReadAllBytes(path),
                new SourceInfo("file", path, null),
                new ReadOptions { Published = new PublicationDate(new DateOnly(2026, 3, 4)) }))
            .Where(r => r.Succeeded)
            .Select(r => r.Value!)
            .ToArray();
        if (documents.Length == 0)
        {
            throw new InvalidOperationException($"No sample articles in {folder}.");
        }

        return documents;
    }

    public static long Words(IEnumerable<Document> analysed) => analysed.Sum(d => (long)d.WordCount);
}
