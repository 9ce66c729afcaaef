using Dateline.Model;

namespace Dateline.Quotes;

/// <summary>
/// Reported speech without quote marks: "X said (that) …", "…, X said.", "according to X, …" and
/// "…, according to X." The reported clause is the quote's span.
/// </summary>
internal sealed class IndirectQuotes(TokenView v, Attribution attribution)
{
    private const int MinWords = 3;

    public List<QuoteStage.Draft> Find(List<QuoteStage.Draft> direct)
    {
        var found = new List<QuoteStage.Draft>();
        // Sentences that any quote touches (an unclosed quote may run over several).
        var quoted = new HashSet<int>();
        foreach (var d in direct)
        {
            for (var k = d.Open; k <= Math.Max(d.Open, d.Close) && k < v.Count; k++)
            {
                quoted.Add(v.SentenceOf(k));
            }
        }

        var sentences = v.Document.Sentences;
        var t = 0;
        for (var s = 0; s < sentences.Length; s++)
        {
            var first = t;
            while (t < v.Count && v.Tokens[t].End <= sentences[s].End)
            {
                t++;
            }

            var last = t; // tokens[first..last)
            if (last - first < 4 || quoted.Contains(s) || HasQuoteMark(first, last))
            {
                continue;
            }

            if ((Leading(first, last) ?? Trailing(first, last) ?? TrailingInverted(first, last) ?? According(first, last)) is { } draft)
            {
                found.Add(draft);
            }
        }

        return found;
    }

    private bool HasQuoteMark(int first, int last)
    {
        for (var k = first; k < last; k++)
        {
            if (v.Tokens[k].Kind == TokenKind.QuoteMark)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>X said (that) CLAUSE. / X told reporters that CLAUSE.</summary>
    private QuoteStage.Draft? Leading(int first, int last)
    {
        for (var k = first + 1; k < last - MinWords; k++)
        {
            if (!v.Class(k).HasFlag(CueClass.Indirect) || v.Is(k - 1, "to"))
            {
                continue;
            }

            var subject = attribution.Backward(k, first);
            if (subject is null)
            {
                return null;
            }

            var c = k + 1;
            var listener = 0;
            while (v[k] is "told" or "tells" && c < last && listener < 4 && !v.Is(c, "that") && v.IsWord(c))
            {
                c++;
                listener++;
            }

            if (c < last && v.Is(c, "that"))
            {
                c++;
            }
            else if (listener > 0 || !StartsClause(c))
            {
                return null;
            }

            return Make(k, subject.Value, ClauseSpan(c, last));
        }

        return null;
    }

    /// <summary>CLAUSE, X said.</summary>
    private QuoteStage.Draft? Trailing(int first, int last)
    {
        var end = last - 1;
        if (v.Tokens[end].Kind == TokenKind.Punctuation)
        {
            end--;
        }

        if (end <= first || !v.Class(end).HasFlag(CueClass.Indirect))
        {
            return null;
        }

        var subject = attribution.Backward(end, first);
        if (subject is null)
        {
            return null;
        }

        var comma = v.TokenAt(subject.Value.Start) - 1;
        if (comma <= first || !v.Is(comma, ","))
        {
            return null;
        }

        return Make(end, subject.Value, ClauseSpan(first, comma));
    }

    /// <summary>CLAUSE, said X.</summary>
    private QuoteStage.Draft? TrailingInverted(int first, int last)
    {
        var end = last - 1;
        if (v.Tokens[end].Kind == TokenKind.Punctuation)
        {
            end--;
        }

        // Find ", VERB" with only a short name phrase after it.
        for (var k = end; k > first + 1 && end - k < 6; k--)
        {
            if (!v.Class(k).HasFlag(CueClass.Indirect) || !v.Is(k - 1, ","))
            {
                continue;
            }

            if (k == end)
            {
                return null;
            }

            var speaker = new TextSpan(v.Tokens[k + 1].Start, v.Tokens[end].End);
            return Make(k, speaker, ClauseSpan(first, k - 1));
        }

        return null;
    }

    /// <summary>According to X, CLAUSE. / CLAUSE, according to X.</summary>
    private QuoteStage.Draft? According(int first, int last)
    {
        for (var k = first; k < last - 2; k++)
        {
            if (!(v[k] is "according" or "According") || !v.Is(k + 1, "to"))
            {
                continue;
            }

            var j = k + 2;
            while (j < last && v.IsWord(j))
            {
                j++;
            }

            if (j == k + 2)
            {
                return null;
            }

            var source = new TextSpan(v.Tokens[k + 2].Start, v.Tokens[j - 1].End);
            var cue = new TextSpan(v.Tokens[k].Start, v.Tokens[k + 1].End);
            TextSpan clause;
            if (k == first && j < last && v.Is(j, ","))
            {
                clause = ClauseSpan(j + 1, last);
            }
            else if (k > first && v.Is(k - 1, ",") && j < last && v.Is(j, ","))
            {
                // Parenthetical: "…, which, according to X, were proposed by …" reports the
                // clause it sits in, from the comma before it to the end of the sentence.
                var from = Math.Max(first, k - 2);
                while (from > first && !v.Is(from, ","))
                {
                    from--;
                }

                clause = ClauseSpan(v.Is(from, ",") ? from + 1 : first, last);
            }
            else if (k > first && v.Is(k - 1, ","))
            {
                clause = ClauseSpan(first, k - 1);
            }
            else
            {
                return null;
            }

            return Build(cue, source, clause);
        }

        return null;
    }

    private bool StartsClause(int token)
    {
        if (token >= v.Count)
        {
            return false;
        }

        if (v.Tokens[token].Kind == TokenKind.Number)
        {
            return true; // "said 4,200 people had been moved"
        }

        if (!v.IsWord(token))
        {
            return false;
        }

        return v.Class(token).HasFlag(CueClass.ClauseStart) || v.IsCapitalized(token);
    }

    /// <summary>The clause over tokens [from, to), without the final punctuation; empty when there are no tokens.</summary>
    private TextSpan ClauseSpan(int from, int to)
    {
        if (from >= to)
        {
            var at = v.Tokens[Math.Min(from, v.Count - 1)].Start;
            return new TextSpan(at, at);
        }

        var end = to - 1;
        while (end > from && v.Tokens[end].Kind == TokenKind.Punctuation)
        {
            end--;
        }

        return new TextSpan(v.Tokens[from].Start, v.Tokens[end].End);
    }

    private QuoteStage.Draft? Make(int cue, TextSpan subject, TextSpan clause) => Build(v.Tokens[cue].Span, subject, clause);

    private QuoteStage.Draft? Build(TextSpan cue, TextSpan subject, TextSpan clause)
    {
        if (v.WordsIn(clause) < MinWords)
        {
            return null;
        }

        var first = v.TokenAt(clause.Start);
        return new QuoteStage.Draft("indirect", [clause], first, v.TokenAt(clause.End) - 1)
        {
            Cue = cue,
            Speaker = attribution.Resolver.Resolve(subject) is { } s ? s with { Confidence = s.Confidence * 0.85 } : null,
        };
    }
}
