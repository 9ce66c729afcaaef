using System.Collections.Immutable;
using System.Globalization;
using Dateline.Model;

namespace Dateline.Events.Dictionaries;

/// <summary>
/// Codes entity mentions with a user's PETRARCH/Phoenix actor and agent dictionaries: a phrase of
/// the dictionary overrides the actor the library found, and a phrase the entity tagger missed
/// becomes an entity of its own. Run it after the actor stage and before the event stage (see
/// <see cref="DictionaryPipeline.UsePetrarchActors"/>).
/// </summary>
/// <remarks>
/// An agent joins the actor next to it ("Arnor police", "the police of Arnor" → actor + agent
/// code); an agent alone codes <c>---</c> + its role, as PETRARCH does. Codes are chosen for the
/// publication date, so date-restricted entries ("president X" only while in office) apply.
/// </remarks>
public sealed class DictionaryActorStage(PetrarchActors dictionary) : IStage
{
    /// <inheritdoc />
    public string Name => "actor-dictionary";

    /// <inheritdoc />
    public Document Process(Document document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        var tokens = document.Tokens;
        if (tokens.IsEmpty || dictionary.Phrases.IsEmpty)
        {
            return document;
        }

        var words = new string[tokens.Length];
        for (var i = 0; i < tokens.Length; i++)
        {
            words[i] = document.Text.Substring(tokens[i].Start, tokens[i].Length).ToLowerInvariant();
        }

        var date = document.Published?.Date;
        var matches = new List<(int First, int Last, DictionaryPhrase Phrase)>();
        for (var i = 0; i < tokens.Length;)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (dictionary.Match(words, i, out var length) is { } phrase)
            {
                matches.Add((i, i + length - 1, phrase));
                i += length;
            }
            else
            {
                i++;
            }
        }

        var coded = Combine(document, words, matches, date);
        return Apply(document, coded);
    }

    /// <summary>Joins each agent to an adjacent actor and gives every phrase its code for the date.</summary>
    private static List<(int First, int Last, string Code)> Combine(
        Document document, string[] words, List<(int First, int Last, DictionaryPhrase Phrase)> matches, DateOnly? date)
    {
        var result = new List<(int First, int Last, string Code)>();
        var used = new bool[matches.Count];
        for (var k = 0; k < matches.Count; k++)
        {
            if (used[k])
            {
                continue;
            }

            var (first, last, phrase) = matches[k];
            if (!phrase.IsAgent)
            {
                // "Arnor police", "Arnor's police": an agent right after the actor qualifies it.
                if (k + 1 < matches.Count && matches[k + 1].Phrase.IsAgent
                    && (matches[k + 1].First == last + 1 || (matches[k + 1].First == last + 2 && words[last + 1] is "'s" or "’s" or "'" or "’"))
                    && phrase.CodeOn(date) is { } actor)
                {
                    used[k + 1] = true;
                    result.Add((first, matches[k + 1].Last, Join(actor, matches[k + 1].Phrase)));
                    continue;
                }

                if (phrase.CodeOn(date) is { } code)
                {
                    result.Add((first, last, code));
                }

                continue;
            }

            // "police of Arnor", "the Arnor's police".
            if (k + 1 < matches.Count && !matches[k + 1].Phrase.IsAgent && matches[k + 1].First == last + 2
                && words[last + 1] is "of" or "in" or "from" && matches[k + 1].Phrase.CodeOn(date) is { } owner)
            {
                used[k + 1] = true;
                result.Add((first, matches[k + 1].Last, Join(owner, phrase)));
                continue;
            }

            // An agent named beside an entity the library knows: "Gondorian police" with a country.
            var country = CountryBefore(document, first);
            result.Add((first, last, Join(country ?? "---", phrase)));
        }

        return result;
    }

    private static string Join(string actor, DictionaryPhrase agent)
    {
        var role = agent.Codes[0].Code;
        return agent.AgentPrefix ? role + actor : actor + role;
    }

    /// <summary>The country of an entity mention that ends right before token <paramref name="first"/>.</summary>
    private static string? CountryBefore(Document document, int first)
    {
        if (first == 0)
        {
            return null;
        }

        var end = document.Tokens[first - 1].End;
        foreach (var e in document.Entities)
        {
            foreach (var m in e.Mentions)
            {
                if (m.End == end && e.Country is { Length: 3 } c)
                {
                    return c;
                }
            }
        }

        return null;
    }

    /// <summary>Sets the actor of entities whose mentions the phrases cover; adds entities for the rest.</summary>
    private static Document Apply(Document document, List<(int First, int Last, string Code)> coded)
    {
        if (coded.Count == 0)
        {
            return document;
        }

        var entities = document.Entities.ToList();
        var next = entities.Count + 1;
        foreach (var (first, last, code) in coded)
        {
            var start = document.Tokens[first].Start;
            var end = document.Tokens[last].End;
            var country = code.Length >= 3 && code[..3] != "---" && !code.StartsWith("IGO", StringComparison.Ordinal) ? code[..3] : null;
            var hit = -1;
            for (var e = 0; e < entities.Count && hit < 0; e++)
            {
                foreach (var m in entities[e].Mentions)
                {
                    if (m.Start < end && start < m.End)
                    {
                        hit = e;
                        break;
                    }
                }
            }

            if (hit >= 0)
            {
                // The phrase names this entity (or a larger one around it): the dictionary's code wins,
                // and the mention grows to the phrase so the event stage sees one actor.
                var entity = entities[hit];
                var mentions = entity.Mentions.Select(m => m.Start < end && start < m.End
                    ? new Mention(Math.Min(start, m.Start), Math.Max(end, m.End), document.Text[Math.Min(start, m.Start)..Math.Max(end, m.End)], m.Kind)
                    : m).ToImmutableArray();
                entities[hit] = entity with { Actor = code, Country = country ?? entity.Country, Mentions = mentions };
                continue;
            }

            var text = document.Text[start..end];
            entities.Add(new Entity(
                "E" + next++.ToString(CultureInfo.InvariantCulture),
                "ORG",
                text,
                [],
                code,
                country,
                null,
                [new Mention(start, end, text, "name")]));
        }

        return document with { Entities = [.. entities] };
    }
}

/// <summary>Adds a user's actor dictionaries to a pipeline.</summary>
public static class DictionaryPipeline
{
    /// <summary>
    /// Inserts a <see cref="DictionaryActorStage"/> before the events stage (re-adding the events
    /// stage after it), so that events use the dictionary's codes as given: a country code stays
    /// a country ("ARN"), not its government.
    /// </summary>
    public static PipelineBuilder UsePetrarchActors(this PipelineBuilder builder, PetrarchActors dictionary)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(dictionary);
        return builder
            .Remove<EventStage>()
            .Add(new DictionaryActorStage(dictionary))
            .Add(new EventStage(EventPatterns.Default, Codebook.Default) { CountriesActAsGovernments = false });
    }

    /// <summary>
    /// Codes events as PETRARCH does, to compare with its codings: a country named alone is the
    /// country ("USA", not "USAGOV"), and an event with no target takes its place as target. The
    /// events stage is replaced (at the end of the pipeline) with one using these conventions and
    /// the given patterns.
    /// </summary>
    public static PipelineBuilder UsePetrarchConventions(this PipelineBuilder builder, EventPatterns? patterns = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder
            .Remove<EventStage>()
            .Add(new EventStage(patterns ?? EventPatterns.Default, Codebook.Default) { CountriesActAsGovernments = false, PlaceAsTarget = true });
    }
}
