using System.Collections.Immutable;

namespace Dateline.Events.Dictionaries;

/// <summary>
/// A PETRARCH/TABARI verb dictionary (the CAMEO verb pattern format: <c>CAMEO.2.0.txt</c>,
/// <c>PETR.Validate.verbs.txt</c>) read into event patterns, so that users who keep curated
/// dictionaries in that format can code with them. Dateline reads such files; it ships none.
/// </summary>
/// <remarks>
/// <para>The format: synonym sets (<c>&amp;NAME</c> then <c>+WORD</c> lines); verb blocks
/// (<c>--- NAME [code] ---</c>, then the block's verbs, one a line, with irregular forms in
/// braces and an optional code of their own, then patterns <c>- words * words [code]</c>). In a
/// pattern <c>*</c> is the verb, <c>+</c> the target, <c>$</c> the source, <c>&amp;NAME</c> any
/// member of a synonym set, <c>_</c> joins words that must be adjacent (a space allows words
/// between), <c>^</c> skips a phrase, <c>%</c> is a compound actor, and parentheses and braces
/// group phrases. A code <c>[aaa:bbb]</c> codes the reverse direction with <c>bbb</c>;
/// <c>[---]</c> codes nothing.</para>
/// <para>Shallow reading, as everywhere in Dateline: words after the verb are matched in order
/// with short gaps; words before it must stand among the few tokens before the verb, in any
/// order; <c>%</c> is left to the events stage's coordinated subjects.</para>
/// </remarks>
public static class PetrarchVerbs
{
    /// <summary>Event patterns from the text of one or more verb dictionaries.</summary>
    public static EventPatterns Parse(IEnumerable<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var lines = texts.SelectMany(t => t.Split('\n')).Select(Clean).ToList();
        var synsets = ReadSynsets(lines);
        var patterns = new List<EventPattern>();
        var irregular = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var order = 0;
        for (var i = 0; i < lines.Count; i++)
        {
            if (!lines[i].StartsWith("---", StringComparison.Ordinal) || lines[i].Length < 4)
            {
                continue;
            }

            var blockCode = Code(lines[i]);
            var verbs = new List<(string[] Forms, string? Code)>();
            var blockPatterns = new List<(string Text, string Code)>();
            var j = i + 1;
            var inSynset = false;
            for (; j < lines.Count && !lines[j].StartsWith("---", StringComparison.Ordinal); j++)
            {
                // A synonym set may sit between blocks: its "+" lines are members, not verbs.
                var line = lines[j];
                inSynset = line.Length > 0 && (line[0] == '&' || (inSynset && line[0] == '+'));
                if (line.Length == 0 || inSynset)
                {
                    continue;
                }

                if (line[0] == '-')
                {
                    if (Code(line) is { } code)
                    {
                        blockPatterns.Add((line[1..line.LastIndexOf('[')], code));
                    }
                }
                else if (blockPatterns.Count == 0)
                {
                    verbs.Add((VerbForms(line, irregular), Code(line)));
                }
            }

            i = j - 1;
            if (verbs.Count == 0)
            {
                continue;
            }

            var allForms = verbs.SelectMany(v => v.Forms).Distinct(StringComparer.Ordinal).ToArray();
            foreach (var (text, code) in blockPatterns)
            {
                if (Pattern(text, code, allForms, synsets, order) is { } pattern)
                {
                    patterns.Add(pattern);
                    order++;
                }
            }

            // A verb alone codes its own code, else the block's; later, so a pattern wins a tie.
            foreach (var group in verbs.GroupBy(v => v.Code ?? blockCode))
            {
                if (group.Key is { } code)
                {
                    var forms = group.SelectMany(v => v.Forms).Distinct(StringComparer.Ordinal).Select(f => f.Split('_')).ToImmutableArray();
                    patterns.Add(new EventPattern(code, [new PatternElement.Words(forms)], order++, "verb " + string.Join('|', group.Select(v => v.Forms[0]))));
                }
            }
        }

        return EventPatterns.FromPatterns(patterns);
    }

    /// <summary>A line without its comment, trimmed; XML comment lines are blank.</summary>
    private static string Clean(string line)
    {
        var hash = line.IndexOf('#', StringComparison.Ordinal);
        var content = (hash >= 0 ? line[..hash] : line).Trim();
        return content.StartsWith("<!--", StringComparison.Ordinal) ? "" : content;
    }

    /// <summary>The code in a line's last brackets; null for none or for <c>[---]</c> on a block header.</summary>
    private static string? Code(string line)
    {
        var open = line.LastIndexOf('[');
        var close = line.LastIndexOf(']');
        if (open < 0 || close < open)
        {
            return null;
        }

        var code = line[(open + 1)..close].Trim();
        return code.Length == 0 ? null : code;
    }

    /// <summary>Synonym sets: <c>&amp;NAME</c> followed by <c>+member</c> lines, members' own sets expanded.</summary>
    private static Dictionary<string, List<string[]>> ReadSynsets(List<string> lines)
    {
        var raw = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].Length < 2 || lines[i][0] != '&')
            {
                continue;
            }

            var name = SynsetName(lines[i].Split(' ', StringSplitOptions.RemoveEmptyEntries)[0]);
            var members = raw.TryGetValue(name, out var known) ? known : raw[name] = [];
            for (var j = i + 1; j < lines.Count && lines[j].StartsWith('+'); j++)
            {
                members.Add(lines[j][1..].Trim());
            }
        }

        var result = new Dictionary<string, List<string[]>>(StringComparer.Ordinal);
        foreach (var name in raw.Keys)
        {
            result[name] = [.. Expand(name, raw, 0).Distinct(PhraseComparer.Instance)];
        }

        return result;
    }

    private static IEnumerable<string[]> Expand(string name, Dictionary<string, List<string>> raw, int depth)
    {
        if (depth > 4 || !raw.TryGetValue(name, out var members))
        {
            yield break;
        }

        foreach (var member in members)
        {
            if (member.StartsWith('&'))
            {
                foreach (var inner in Expand(SynsetName(member), raw, depth + 1))
                {
                    yield return inner;
                }
            }
            else
            {
                var words = Words(member);
                if (words.Length > 0)
                {
                    yield return words;
                }
            }
        }
    }

    private static string SynsetName(string token) => token.TrimStart('&').TrimEnd('_').ToUpperInvariant();

    private static string[] Words(string phrase) =>
        phrase.ToLowerInvariant().Split([' ', '_'], StringSplitOptions.RemoveEmptyEntries);

    /// <summary>
    /// A verb line's forms as lower-case phrases joined by <c>_</c>: the verb, its regular
    /// inflections, and the irregular ones in braces ("BREAK {BROKE BROKEN}"). In a phrasal verb
    /// "+" marks the verb ("KLM_NOP_+RST"); only a phrase led by its verb is inflected.
    /// </summary>
    private static string[] VerbForms(string line, Dictionary<string, string[]> irregular)
    {
        var cut = line.IndexOfAny(['{', '[']);
        var head = (cut >= 0 ? line[..cut] : line).Trim();
        var phrase = string.Join('_', Words(head.Replace("+", "", StringComparison.Ordinal)));
        if (phrase.Length == 0)
        {
            return [];
        }

        var forms = new List<string>();
        var verbFirst = head.TrimStart('+').IndexOf('+', StringComparison.Ordinal) < 0;
        forms.AddRange(verbFirst ? EventPatterns.Inflect(phrase, irregular) : [phrase]);
        var brace = line.IndexOf('{', StringComparison.Ordinal);
        var end = line.IndexOf('}', StringComparison.Ordinal);
        if (brace >= 0 && end > brace)
        {
            foreach (var form in line[(brace + 1)..end].Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                forms.Add(string.Join('_', Words(form.Replace("+", "", StringComparison.Ordinal))));
            }
        }

        return [.. forms.Where(f => f.Length > 0).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>One pattern line (without its leading "-" and its code) as an event pattern, or null when it has no verb.</summary>
    private static EventPattern? Pattern(string text, string code, string[] verbForms, Dictionary<string, List<string[]>> synsets, int order)
    {
        // Atoms in order, each with whether it is joined by "_" to the atom before it.
        var atoms = new List<(string Atom, bool Joined)>();
        foreach (var token in text.Replace("(", " ", StringComparison.Ordinal).Replace(")", " ", StringComparison.Ordinal)
                     .Replace("{", " ", StringComparison.Ordinal).Replace("}", " ", StringComparison.Ordinal)
                     .Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var first = true;
            foreach (var piece in token.Split('_'))
            {
                if (piece.Length > 0)
                {
                    atoms.Add((piece, !first));
                }

                first = false;
            }
        }

        var verb = atoms.FindIndex(a => a.Atom == "*");
        if (verb < 0)
        {
            return null;
        }

        var before = ImmutableArray.CreateBuilder<PatternElement.Words>();
        for (var k = 0; k < verb; k++)
        {
            if (Literal(atoms[k].Atom, synsets) is { } words)
            {
                before.Add(words);
            }
        }

        var elements = ImmutableArray.CreateBuilder<PatternElement>();
        elements.Add(new PatternElement.Words([.. verbForms.Select(f => f.Split('_'))]));
        for (var k = verb + 1; k < atoms.Count; k++)
        {
            var (atom, joined) = atoms[k];
            PatternElement? element = atom switch
            {
                "+" => new PatternElement.Slot(IsSource: false),
                "$" => new PatternElement.Slot(IsSource: true),
                "%" or "^" => null,
                _ => Literal(atom, synsets),
            };
            if (element is null)
            {
                continue;
            }

            if (!joined && elements[^1] is not PatternElement.Gap)
            {
                elements.Add(new PatternElement.Gap());
            }

            elements.Add(element);
        }

        return new EventPattern(code, elements.ToImmutable(), order, text.Trim()) { Before = before.ToImmutable() };
    }

    /// <summary>A word or a synonym set as a pattern element; null for an unknown set or a marker.</summary>
    private static PatternElement.Words? Literal(string atom, Dictionary<string, List<string[]>> synsets)
    {
        if (atom.StartsWith('&'))
        {
            return synsets.TryGetValue(SynsetName(atom), out var members) && members.Count > 0 ? new PatternElement.Words([.. members]) : null;
        }

        if (atom is "+" or "$" or "%" or "^" or "*" || !atom.Any(char.IsLetterOrDigit))
        {
            return null;
        }

        return new PatternElement.Words([Words(atom)]);
    }

    private sealed class PhraseComparer : IEqualityComparer<string[]>
    {
        public static readonly PhraseComparer Instance = new();

        public bool Equals(string[]? x, string[]? y) => x is not null && y is not null && x.AsSpan().SequenceEqual(y);

        public int GetHashCode(string[] obj)
        {
            var hash = new HashCode();
            foreach (var w in obj)
            {
                hash.Add(w, StringComparer.Ordinal);
            }

            return hash.ToHashCode();
        }
    }
}
