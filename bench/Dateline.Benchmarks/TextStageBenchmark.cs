using BenchmarkDotNet.Attributes;
using Dateline.Model;
using Dateline.Text;

namespace Dateline.Benchmarks;

/// <summary>
/// The text stage (paragraphs, tokens, sentences) on the sample articles. Divide the words per
/// operation (printed once at start-up) by the mean time for words per second on one core.
/// </summary>
[MemoryDiagnoser]
public class TextStageBenchmark
{
    private readonly TextStage stage = new(TextLexicons.Default);
    private Document[] documents = [];

    [GlobalSetup]
    public void Setup()
    {
        documents = Corpus.Load();
        var words = Corpus.Words(documents.Select(d => stage.Process(d, CancellationToken.None)));
        Console.WriteLine($"// TextStage corpus: {documents.Length} articles, {words} words per operation");
    }

    [Benchmark]
    public int TextStage()
    {
        var tokens = 0;
        foreach (var d in documents)
        {
            tokens += stage.Process(d, CancellationToken.None).Tokens.Length;
        }

        return tokens;
    }
}

/// <summary>The whole default pipeline on the sample articles.</summary>
[MemoryDiagnoser]
public class PipelineBenchmark
{
    private readonly Pipeline pipeline = Pipeline.Default;
    private Document[] documents = [];

    [GlobalSetup]
    public void Setup()
    {
        documents = Corpus.Load();
        var words = Corpus.Words(documents.Select(d => pipeline.Analyze(d)));
        Console.WriteLine($"// Pipeline corpus: {documents.Length} articles, {words} words per operation");
    }

    [Benchmark]
    public int WholePipeline()
    {
        var n = 0;
        foreach (var d in documents)
        {
            n += pipeline.Analyze(d).Tokens.Length;
        }

        return n;
    }
}
