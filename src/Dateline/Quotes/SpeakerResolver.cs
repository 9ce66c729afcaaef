using Dateline.Model;

namespace Dateline.Quotes;

/// <summary>
/// Turns a speaker phrase into a speaker: the entity whose mention it is (or contains), a
/// pronoun's antecedent, or, with no entity, the name or description as written.
/// </summary>
internal sealed class SpeakerResolver
{
    // How far back (in characters) a pronoun looks for its antecedent.
    private const int PronounReach = 1500;

    private readonly TokenView v;
    private readonly (Mention Mention, Entity Entity)[] mentions;

    public SpeakerResolver(TokenView view)
    {
        v = view;
        mentions = [.. view.Document.Entities
            .SelectMany(e => e.Mentions.Select(m => (m, e)))
            .OrderBy(x => x.m.Start)];
    }

    public Speaker Resolve(TextSpan phrase)
    {
        // "Russia’s claims": the possessor speaks.
        var lastToken = v.TokenAt(phrase.End) - 1;
        if (lastToken > 0 && v.Tokens[lastToken].Start > phrase.Start && v[lastToken] is "’s" or "'s" or "’" or "'")
        {
            phrase = new TextSpan(phrase.Start, v.Tokens[lastToken - 1].End);
        }

        var text = v.Text.AsSpan(phrase.Start, phrase.Length);
        var first = v.TokenAt(phrase.Start);
        var single = first < v.Count && v.Tokens[first].End == phrase.End;
        if (single && v.Class(first).HasFlag(CueClass.Pronoun))
        {
            return Pronoun(phrase, text);
        }

        // The entity mentioned in the phrase, preferring a name and the last one ("Kremlin
        // spokesperson Dmitry Peskov" is Peskov, not the Kremlin).
        (Mention Mention, Entity Entity)? best = null;
        foreach (var (m, e) in mentions)
        {
            if (m.Start >= phrase.End)
            {
                break;
            }

            if (m.End <= phrase.Start)
            {
                continue;
            }

            // "a fund manager in Sao Paulo": the place after a locative preposition is not the speaker.
            var before = v.TokenAt(m.Start) - 1;
            if (before >= 0 && v.Tokens[before].Start >= phrase.Start && v.Class(before).HasFlag(CueClass.Locative))
            {
                continue;
            }

            if (best is null || (e.Type == "PERSON" && best.Value.Entity.Type != "PERSON") || (e.Type == best.Value.Entity.Type && m.Start >= best.Value.Mention.Start))
            {
                best = (m, e);
            }
        }

        if (best is { } b)
        {
            return new Speaker(phrase, b.Entity.Id, b.Entity.Name, 0.95);
        }

        // No entity: a name as written (the trailing run of capitalized words), or a description.
        var last = v.TokenAt(phrase.End) - 1;
        var run = last;
        while (run >= first && v.IsCapitalized(run) && !v.Class(run).HasFlag(CueClass.Title))
        {
            run--;
        }

        if (run < last && !(run + 1 == first && v.SentenceStart(first) == first && last == first && !v.IsCapitalized(first)))
        {
            var name = v.Text[v.Tokens[run + 1].Start..v.Tokens[last].End];
            return new Speaker(phrase, null, name, 0.8);
        }

        // A description: "the airline", with a sentence-initial article in lower case.
        var description = text.ToString();
        if (v.SentenceStart(first) == first && v[first] is "The" or "A" or "An")
        {
            description = char.ToLowerInvariant(description[0]) + description[1..];
        }

        return new Speaker(phrase, null, description, 0.75);
    }

    private Speaker Pronoun(TextSpan phrase, ReadOnlySpan<char> pronoun)
    {
        var lower = pronoun.ToString().ToLowerInvariant();
        foreach (var (m, e) in mentions)
        {
            if (m.Start == phrase.Start && m.Kind == "pronoun")
            {
                return new Speaker(phrase, e.Id, e.Name, 0.9);
            }
        }

        if (lower is "i" or "we")
        {
            return new Speaker(phrase, null, pronoun.ToString(), 0.3);
        }

        // The nearest earlier mention of a compatible entity.
        for (var k = mentions.Length - 1; k >= 0; k--)
        {
            var (m, e) = mentions[k];
            if (m.End > phrase.Start || m.Kind == "pronoun")
            {
                continue;
            }

            if (phrase.Start - m.End > PronounReach)
            {
                break;
            }

            var compatible = lower switch
            {
                "he" or "she" => e.Type == "PERSON",
                "it" => e.Type is "ORG" or "GPE",
                _ => e.Type is "ORG" or "GPE" or "NORP" or "PERSON",
            };
            if (compatible)
            {
                return new Speaker(phrase, e.Id, e.Name, 0.85);
            }
        }

        return new Speaker(phrase, null, pronoun.ToString(), 0.3);
    }
}
