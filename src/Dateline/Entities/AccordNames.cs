using System.Collections.Immutable;
using Dateline.Model;

namespace Dateline.Entities;

/// <summary>
/// "the Dayton peace accord", "the Oslo accords", "the Maastricht criteria": a town's name between "the" and a
/// pact noun (<c>context-words.txt</c> accord, with "peace" between or not) names the pact, no place; it is typed
/// EVENT, an entity of its own, so that the town named elsewhere in the story stays a place.
/// </summary>
/// <remarks>
/// Countries are left alone ("the Iran agreement" is an agreement with a state that acts), and so are names no
/// gazetteer lists as a place.
/// </remarks>
internal static class AccordNames
{
    /// <summary>Retypes the town names of pacts among <paramref name="candidates"/>.</summary>
    public static void Retype(List<Candidate> candidates, Document document, EntityLexicons lexicons)
    {
        var text = document.Text;
        var tokens = document.Tokens;
        foreach (var c in candidates)
        {
            if (c is not { Kind: "name", Type: "GPE" or "LOC" } || c.TokenStart < 1 || c.TokenEnd >= tokens.Length
                || !Word(text, tokens[c.TokenStart - 1]).Equals("the", StringComparison.OrdinalIgnoreCase)
                || lexicons.Gazetteer.Lookup(c.Key) is [{ Feature: "country" }, ..])
            {
                continue;
            }

            var noun = c.TokenEnd;
            if (Word(text, tokens[noun]) is "peace" && noun + 1 < tokens.Length)
            {
                noun++;
            }

            if (!ContextWords.IsAccord(Word(text, tokens[noun])))
            {
                continue;
            }

            c.Type = "EVENT";
            c.Known = null;
            c.Country = null;
            c.Weak = false;
            c.Key = text[c.Start..c.End] + " " + Word(text, tokens[noun]).ToString();
        }
    }

    private static ReadOnlySpan<char> Word(string text, Token t) => text.AsSpan(t.Start, t.Length);
}
