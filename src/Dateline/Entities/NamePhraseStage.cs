using System.Collections.Immutable;
using Dateline.Geo;
using Dateline.Model;

namespace Dateline.Entities;

/// <summary>
/// Gives every name mention the noun phrase it heads (<see cref="Mention.Phrase"/>), found by
/// <see cref="NamePhrases"/>. Runs after geocoding, which tells a city ("Dayton, Ohio") from a
/// list of countries ("France, Germany"); the gazetteer tells which other place names also name a
/// first-level division of their country ("Dayton, Ohio": the state, not the capital).
/// </summary>
public sealed class NamePhraseStage(NamePhrases phrases, Gazetteer gazetteer) : IStage
{
    /// <summary>A stage with the phrase rules and gazetteer shipped with the library.</summary>
    public NamePhraseStage()
        : this(NamePhrases.Default, Gazetteer.Default)
    {
    }

    /// <inheritdoc />
    public string Name => "phrases";

    /// <inheritdoc />
    public Document Process(Document document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document.Entities.IsEmpty)
        {
            return document;
        }

        var names = new List<(int Entity, int Mention, NamePhrases.NameRef Ref)>();
        for (var e = 0; e < document.Entities.Length; e++)
        {
            var entity = document.Entities[e];
            for (var m = 0; m < entity.Mentions.Length; m++)
            {
                var mention = entity.Mentions[m];
                if (mention.Kind == "name")
                {
                    var region = entity.Geo is { Feature: not ("admin1" or "country") } geo && NamesRegion(mention.Text, geo.Country);
                    names.Add((e, m, new NamePhrases.NameRef(mention.Start, mention.End, entity.Type, entity.Geo?.Feature, region,
                        entity.Actor is { Length: 6 } actor && actor.EndsWith("BUS", StringComparison.Ordinal))));
                }
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        names.Sort((a, b) => a.Ref.Start.CompareTo(b.Ref.Start));
        var found = phrases.Find(document, [.. names.Select(n => n.Ref)]);
        var mentions = document.Entities.Select(e => e.Mentions.ToBuilder()).ToArray();
        for (var k = 0; k < names.Count; k++)
        {
            var (e, m, _) = names[k];
            mentions[e][m] = mentions[e][m] with { Phrase = found[k] };
        }

        var entities = ImmutableArray.CreateBuilder<Entity>(document.Entities.Length);
        for (var e = 0; e < document.Entities.Length; e++)
        {
            entities.Add(document.Entities[e] with { Mentions = mentions[e].ToImmutable() });
        }

        return document with { Entities = entities.MoveToImmutable() };
    }

    private bool NamesRegion(string name, string? country)
    {
        foreach (var place in gazetteer.Lookup(name))
        {
            if (place.Feature == "admin1" && string.Equals(place.Country, country, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
