using System.Collections.Immutable;
using Dateline.Model;
using Dateline.Text;

namespace Dateline;

/// <summary>
/// The analysis: an immutable, thread-safe, ordered list of stages that each add a layer to a
/// document. Build one with <see cref="PipelineBuilder"/> (or take <see cref="Default"/>) and
/// share it across threads.
/// </summary>
public sealed class Pipeline
{
    private static readonly Lazy<Pipeline> LazyDefault = new(() => new PipelineBuilder().UseDefaultStages().Build());

    internal Pipeline(ImmutableArray<IStage> stages) => Stages = stages;

    /// <summary>The default pipeline: every stage the library ships, in order.</summary>
    public static Pipeline Default => LazyDefault.Value;

    /// <summary>
    /// Loads every data file the default stages use, several at once. Data otherwise loads on
    /// first use, one file after another; a command that analyses one article starts this first
    /// so loading overlaps reading the input and runs on all cores.
    /// </summary>
    public static void WarmUp() => Parallel.Invoke(
        () => _ = Entities.EntityLexicons.Default,
        () => _ = Geo.Gazetteer.Default,
        () => _ = Time.TimeLexicon.Default,
        () => _ = Events.EventPatterns.Default,
        () => _ = Events.Codebook.Default,
        () => _ = Quotes.QuoteLexicon.Default,
        () => _ = Figures.FigureLexicon.Default,
        () => _ = Text.TextLexicons.Default,
        () => _ = Extraction.ExtractionRules.Default,
        () => _ = Default);

    /// <summary>The stages, in the order they run.</summary>
    public ImmutableArray<IStage> Stages { get; }

    /// <summary>
    /// Runs every stage over <paramref name="document"/>. Stages after language identification
    /// run only on English (or undetermined) text; other languages keep their text structure.
    /// </summary>
    /// <exception cref="StageFailedException">A stage threw; the message names it.</exception>
    public Document Analyze(Document document, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        foreach (var stage in Stages)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (stage is not (TextStage or LanguageStage) && document.Language is not (null or "en"))
            {
                continue;
            }

            try
            {
                document = stage.Process(document, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                throw new StageFailedException(stage.Name, document.Id, ex);
            }
        }

        return document;
    }
}

/// <summary>A stage failed on one document: a bug, reported with the stage and document named.</summary>
public sealed class StageFailedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public StageFailedException(string stage, string documentId, Exception inner)
        : base($"Stage '{stage}' failed on document {documentId}: {inner.Message}", inner)
    {
        Stage = stage;
        DocumentId = documentId;
    }

    /// <summary>The failing stage's name.</summary>
    public string Stage { get; } = "";

    /// <summary>The document's id.</summary>
    public string DocumentId { get; } = "";
}
