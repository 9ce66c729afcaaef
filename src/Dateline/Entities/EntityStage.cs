using Dateline.Model;

namespace Dateline.Entities;

/// <summary>
/// Finds the people, organizations, places, groups and events of an article and groups their
/// mentions into one entity per referent (<see cref="Document.Entities"/>): names, title and group
/// nominals, and personal pronouns. Ids are E1, E2, … in order of first mention.
/// </summary>
/// <remarks>
/// Actors and coordinates are left empty here: <c>ActorStage</c> and <c>GeoStage</c> fill them.
/// Only English text is analysed; other languages get no entities.
/// </remarks>
public sealed class EntityStage(EntityLexicons lexicons) : IStage
{
    private readonly Coreference coreference = new(lexicons);

    /// <summary>A stage with the lexicons shipped with the library.</summary>
    public EntityStage()
        : this(EntityLexicons.Default)
    {
    }

    /// <inheritdoc />
    public string Name => "entities";

    /// <inheritdoc />
    public Document Process(Document document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document.Language is not ("en" or null) || document.Tokens.IsEmpty)
        {
            return document;
        }

        var (candidates, _) = EntityTagger.Tag(lexicons, document, cancellationToken);
        ProductNames.Remove(candidates, document, lexicons);
        TableLines.Retype(candidates, document, lexicons);
        AccordNames.Retype(candidates, document, lexicons);
        CapitalLines.Link(candidates, document, lexicons);
        DefinedTerms.Remove(candidates, document, lexicons);

        // "the Christmas and New Year sales period": a holiday names a day, no entity.
        candidates.RemoveAll(c => c.Kind == "name" && c.Known is null && lexicons.IsHoliday(document.Text.AsSpan(c.Start, c.End - c.Start)));
        Abbreviations.Link(candidates, document);
        return document with { Entities = coreference.Resolve(document.Text, candidates) };
    }
}
