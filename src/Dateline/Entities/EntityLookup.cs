using Dateline.Model;

namespace Dateline.Entities;

/// <summary>
/// Finding the entity behind a span, for the stages that build on entities (quotes, events):
/// "who is 'he' in 'he said'", "which entity is the subject at this offset".
/// </summary>
public static class EntityLookup
{
    /// <summary>
    /// The entity with a mention overlapping <c>[start, end)</c>, and that mention; the mention
    /// that starts first wins when several overlap. Null when no mention overlaps.
    /// </summary>
    public static (Entity Entity, Mention Mention)? MentionAt(this Document document, int start, int end)
    {
        ArgumentNullException.ThrowIfNull(document);
        (Entity Entity, Mention Mention)? best = null;
        foreach (var entity in document.Entities)
        {
            foreach (var mention in entity.Mentions)
            {
                if (mention.Start < end && start < mention.End && (best is null || mention.Start < best.Value.Mention.Start))
                {
                    best = (entity, mention);
                }
            }
        }

        return best;
    }

    /// <summary>The entity with id <paramref name="id"/> ("E3"), or null.</summary>
    public static Entity? EntityById(this Document document, string id)
    {
        ArgumentNullException.ThrowIfNull(document);
        foreach (var entity in document.Entities)
        {
            if (string.Equals(entity.Id, id, StringComparison.Ordinal))
            {
                return entity;
            }
        }

        return null;
    }
}
