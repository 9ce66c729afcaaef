using Dateline.Model;

namespace Dateline;

/// <summary>
/// One step of the analysis: reads the layers earlier stages made and returns the document with
/// its own layer added. Stages are immutable and thread-safe; one instance serves every article.
/// </summary>
/// <remarks>
/// This is the extension point of the pipeline (<see cref="PipelineBuilder.Add"/>); everything
/// else in the library is concrete. A stage must be deterministic: no clock, no network, no
/// randomness, no global state.
/// </remarks>
public interface IStage
{
    /// <summary>A short name used in error reports and benchmarks ("text", "time").</summary>
    string Name { get; }

    /// <summary>Returns <paramref name="document"/> with this stage's layer added.</summary>
    Document Process(Document document, CancellationToken cancellationToken);
}
