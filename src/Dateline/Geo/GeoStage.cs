using System.Collections.Immutable;
using Dateline.Model;

namespace Dateline.Geo;

/// <summary>
/// Geocodes the places of <see cref="Document.Entities"/> (GPE, LOC, FAC): country, coordinates,
/// feature type and GeoNames id from the embedded <see cref="Gazetteer"/>.
/// </summary>
/// <remarks>
/// A name several places share is resolved by the article's context: a place in a country the
/// article names (or whose nationality it mentions, or whose domain its outlet has) wins; otherwise countries and regions come
/// before cities, and the most populous city before smaller ones.
/// </remarks>
public sealed class GeoStage(Gazetteer gazetteer) : IStage
{
    /// <summary>A stage with the gazetteer shipped with the library.</summary>
    public GeoStage()
        : this(Gazetteer.Default)
    {
    }

    /// <inheritdoc />
    public string Name => "geo";

    /// <inheritdoc />
    public Document Process(Document document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document.Entities.IsEmpty)
        {
            return document;
        }

        // The countries the article talks about: its countries, and the countries of everything else.
        var context = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in document.Entities)
        {
            // An ambiguous place does not vote for its own first reading.
            if (e.Country is { } c && (e.Type is not ("GPE" or "LOC" or "FAC") || Unambiguous(e)))
            {
                context.Add(c);
            }
        }

        // The outlet's country domain ("bbc.co.uk", "abc.net.au") counts as a country the article is about.
        if (document.Source.Outlet is { } outlet && outlet.LastIndexOf('.') is var dot and > 0
            && gazetteer.Alpha2.TryGetValue(outlet[(dot + 1)..].ToLowerInvariant(), out var outletCountry))
        {
            context.Add(outletCountry);
        }

        var entities = ImmutableArray.CreateBuilder<Entity>(document.Entities.Length);
        foreach (var entity in document.Entities)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var place = entity.Type is "GPE" or "LOC" or "FAC" ? Resolve(entity, context) : null;
            entities.Add(place is null
                ? entity
                : entity with
                {
                    Country = place.Country ?? entity.Country,
                    Geo = new GeoPoint(place.Country, place.Lat, place.Lon, place.Feature, place.GeonamesId),
                });
        }

        return document with { Entities = entities.MoveToImmutable() };
    }

    private bool Unambiguous(Entity entity)
    {
        foreach (var m in entity.Mentions)
        {
            if (m.Kind == "name" && gazetteer.Lookup(m.Text).Length > 1)
            {
                return false;
            }
        }

        return true;
    }

    private Place? Resolve(Entity entity, HashSet<string> context)
    {
        foreach (var m in entity.Mentions)
        {
            if (m.Kind != "name")
            {
                continue;
            }

            var places = gazetteer.Lookup(m.Text);
            if (places.IsEmpty)
            {
                continue;
            }

            if (places.Length > 1)
            {
                foreach (var p in places)
                {
                    if (p.Country is { } c && context.Contains(c))
                    {
                        return p;
                    }
                }
            }

            return places[0];
        }

        return null;
    }
}
