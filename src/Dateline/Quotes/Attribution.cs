using Dateline.Model;

namespace Dateline.Quotes;

/// <summary>Who a quote is attributed to: the entity (when known), the name as attributed, and how sure.</summary>
/// <param name="Span">The speaker phrase in the text.</param>
internal sealed record Speaker(TextSpan Span, string? EntityId, string Name, double Confidence);

/// <summary>
/// Finds the cue of a quote and the speaker phrase beside it, in every word order: “…,” said X /
/// “…,” X said / X said: “…” / X told reporters: “…” / what X called a “…”.
/// </summary>
internal sealed class Attribution(TokenView v)
{
    private const int MaxPhrase = 8;

    private readonly SpeakerResolver resolver = new(v);

    /// <summary>The resolver every attribution of this document shares.</summary>
    public SpeakerResolver Resolver => resolver;

    /// <summary>The cue and speaker after a closing mark: “…,” he said / “…,” said X.</summary>
    public (TextSpan Cue, Speaker? Speaker)? After(int close)
    {
        var sentence = v.SentenceOf(close);
        var i = close + 1;
        if (i < v.Count && v.Is(i, ","))
        {
            i++;
        }

        if (i >= v.Count || v.SentenceOf(i) != sentence)
        {
            return null;
        }

        if (IsCue(i))
        {
            // Inverted: said X.
            var phrase = Forward(i + 1, sentence);
            return phrase is { } p ? (v.Tokens[i].Span, resolver.Resolve(p)) : null;
        }

        // X [aux] said.
        var end = i;
        while (end < v.Count && end - i < MaxPhrase && v.SentenceOf(end) == sentence && v.IsWord(end) && !IsCue(end)
               && !v.Class(end).HasFlag(CueClass.Boundary))
        {
            end++;
        }

        if (end >= v.Count || !IsCue(end) || end == i)
        {
            return null;
        }

        var last = end - 1;
        while (last >= i && IsAux(last))
        {
            last--;
        }

        if (last < i)
        {
            return null;
        }

        var span = new TextSpan(v.Tokens[i].Start, v.Tokens[last].End);
        return (v.Tokens[end].Span, resolver.Resolve(span));
    }

    /// <summary>The cue and speaker before an opening mark: X said: “…” / X told reporters, “…”.</summary>
    public (TextSpan Cue, Speaker? Speaker)? Before(int open)
    {
        if (open < 2 || !(v.Is(open - 1, ":") || v.Is(open - 1, ",")))
        {
            return null;
        }

        var sentence = v.SentenceOf(open);
        var start = v.SentenceStart(open);
        for (var j = open - 2; j >= start && open - j <= MaxPhrase; j--)
        {
            if (IsCue(j))
            {
                var phrase = Backward(j, start);
                return phrase is { } p ? (v.Tokens[j].Span, resolver.Resolve(p)) : (v.Tokens[j].Span, null);
            }

            if (!v.IsWord(j) || v.SentenceOf(j) != sentence)
            {
                break;
            }
        }

        return null;
    }

    /// <summary>The source a sentence names for a quoted term: what X called a “…”, X has stated that … “…”.</summary>
    public (TextSpan Cue, Speaker? Speaker)? Naming(int open)
    {
        var start = v.SentenceStart(open);
        for (var j = open - 1; j >= start; j--)
        {
            var cls = v.Class(j);
            if ((cls & (CueClass.Naming | CueClass.Verb)) != 0 && !(j > 0 && v.Is(j - 1, "to")))
            {
                // "…, saying the result marked “…”": a participle's speaker is the sentence's subject.
                var phrase = Backward(j, start) ?? (v[j].EndsWith("ing", StringComparison.Ordinal) ? Subject(start) : null);
                return (v.Tokens[j].Span, phrase is { } p ? resolver.Resolve(p) : null);
            }
        }

        return null;
    }

    /// <summary>
    /// The speaker phrase ending right before a cue at <paramref name="cue"/>, skipping
    /// auxiliaries and a relative clause between them ("A senior official, who asked not to be
    /// named, said").
    /// </summary>
    public TextSpan? Backward(int cue, int sentenceStart)
    {
        var j = cue - 1;
        while (j >= sentenceStart && IsAux(j))
        {
            j--;
        }

        if (j > sentenceStart && v.Is(j, ","))
        {
            for (var k = j - 1; k > sentenceStart && j - k < 25; k--)
            {
                if (v.Is(k, ",") && k + 1 < j && v[k + 1] is "who" or "which" or "whose")
                {
                    j = k - 1;
                    break;
                }
            }
        }

        // "Its spokesman, Budi Santoso, told": the name in apposition speaks.
        if (j > sentenceStart && v.Is(j, ",") && v.IsCapitalized(j - 1))
        {
            var k = j - 1;
            while (k > sentenceStart && v.IsCapitalized(k - 1))
            {
                k--;
            }

            if (k > sentenceStart && v.Is(k - 1, ","))
            {
                return new TextSpan(v.Tokens[k].Start, v.Tokens[j - 1].End);
            }
        }

        var last = j;
        while (j >= sentenceStart && last - j < MaxPhrase && v.IsWord(j) && !IsCue(j))
        {
            var cls = v.Class(j);
            if (cls.HasFlag(CueClass.Boundary))
            {
                // "a fund manager in Sao Paulo": a place joined to a common noun stays in the phrase.
                var joinsPlace = cls.HasFlag(CueClass.Locative) && j < last && v.IsCapitalized(j + 1)
                    && j > sentenceStart && v.IsWord(j - 1) && !v.IsCapitalized(j - 1) && v.Class(j - 1) == CueClass.None;
                if (!joinsPlace)
                {
                    break;
                }
            }

            j--;
        }

        if (last > j + 1 && v.Class(last).HasFlag(CueClass.Pronoun))
        {
            j = last - 1; // "In a televised address he said": the pronoun is the subject
        }

        return last > j ? new TextSpan(v.Tokens[j + 1].Start, v.Tokens[last].End) : null;
    }

    /// <summary>The sentence's opening noun phrase: capitalized words, titles and articles ("Opposition leader Daniela Ortiz").</summary>
    private TextSpan? Subject(int sentenceStart)
    {
        var j = sentenceStart;
        while (j < v.Count && j - sentenceStart < MaxPhrase && v.SentenceOf(j) == v.SentenceOf(sentenceStart) && v.IsWord(j)
               && (v.IsCapitalized(j) || v.Class(j).HasFlag(CueClass.Title) || v[j] is "the" or "a" or "an"))
        {
            j++;
        }

        return j > sentenceStart ? new TextSpan(v.Tokens[sentenceStart].Start, v.Tokens[j - 1].End) : null;
    }

    /// <summary>The speaker phrase starting at <paramref name="from"/> after an inverted cue ("said Andriy Yermak, …").</summary>
    private TextSpan? Forward(int from, int sentence)
    {
        var j = from;
        while (j < v.Count && j - from < MaxPhrase && v.SentenceOf(j) == sentence && v.IsWord(j)
               && !v.Class(j).HasFlag(CueClass.Boundary) && !IsPreposition(j))
        {
            j++;
        }

        return j > from ? new TextSpan(v.Tokens[from].Start, v.Tokens[j - 1].End) : null;
    }

    /// <summary>Auxiliaries and adverbs between a speaker and the cue ("has repeatedly said").</summary>
    private bool IsAux(int token) =>
        v.Class(token).HasFlag(CueClass.Aux)
        || (v.IsWord(token) && !v.IsCapitalized(token) && v[token].Length > 3 && v[token].EndsWith("ly", StringComparison.Ordinal));

    private bool IsCue(int token) => v.Class(token).HasFlag(CueClass.Verb) && !(token > 0 && v.Is(token - 1, "to"));

    private bool IsPreposition(int token) => v.Class(token).HasFlag(CueClass.Preposition);
}
