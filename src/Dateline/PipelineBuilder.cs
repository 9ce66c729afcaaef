using System.Collections.Immutable;
using Dateline.Figures;
using Dateline.Quotes;
using Dateline.Text;

namespace Dateline;

/// <summary>
/// Builds a <see cref="Pipeline"/>. <see cref="UseDefaultStages"/> is the one place that lists
/// the analysis in order: read it to see what Dateline does to an article.
/// </summary>
public sealed class PipelineBuilder
{
    private readonly List<IStage> stages = [];

    /// <summary>The lexicons the default stages use.</summary>
    public TextLexicons TextLexicons { get; init; } = TextLexicons.Default;

    /// <summary>Adds the library's stages, in order.</summary>
    public PipelineBuilder UseDefaultStages()
    {
        stages.Add(new TextStage(TextLexicons));      // paragraphs, tokens, sentences
        stages.Add(new LanguageStage(TextLexicons));  // language (non-English stops here)
        stages.Add(new Time.TimeStage());               // TIMEX3 dates, times, durations, sets
        stages.Add(new Entities.EntityStage());       // entities, mentions, coreference
        stages.Add(new Actors.ActorStage());          // CAMEO actor codes and countries
        stages.Add(new Geo.GeoStage());               // coordinates of places
        stages.Add(new Entities.NamePhraseStage());   // the noun phrase each name heads
        stages.Add(new QuoteStage(QuoteLexicon.Default)); // quotes and their speakers
        stages.Add(new FigureStage(FigureLexicon.Default)); // quantities and what they measure
        stages.Add(new Events.EventStage(Events.EventPatterns.Default, Events.Codebook.Default)); // CAMEO events
        return this;
    }

    /// <summary>Appends a stage of your own.</summary>
    public PipelineBuilder Add(IStage stage)
    {
        ArgumentNullException.ThrowIfNull(stage);
        stages.Add(stage);
        return this;
    }

    /// <summary>Removes every stage of type <typeparamref name="T"/>.</summary>
    public PipelineBuilder Remove<T>()
        where T : IStage
    {
        stages.RemoveAll(s => s is T);
        return this;
    }

    /// <summary>The immutable pipeline.</summary>
    public Pipeline Build() => new([.. stages]);
}
