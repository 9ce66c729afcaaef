using System.Collections.Immutable;
using Dateline.Model;

namespace Dateline.Quotes;

/// <summary>
/// The quote stage: every quotation in the article, its kind (direct, partial, scare,
/// indirect) and its speaker, resolved through the entity layer when there is one.
/// </summary>
/// <remarks>
/// Spans come from pairing quote marks (<see cref="QuoteFinder"/>); a quote split by its cue
/// ("“…,” he said, “…”") is joined into one utterance with two parts. Speakers come from the
/// cue next to the quote in every word order (<see cref="Attribution"/>), then from the
/// previous quote of a run of quote paragraphs. Reported speech without marks ("X said that
/// …", "according to X, …") becomes an indirect quote of the reported clause.
/// </remarks>
public sealed class QuoteStage(QuoteLexicon lexicon) : IStage
{
    /// <inheritdoc />
    public string Name => "quotes";

    /// <inheritdoc />
    public Document Process(Document document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        var view = new TokenView(document, lexicon);
        var marks = QuoteFinder.Find(document);
        var attribution = new Attribution(view);
        var drafts = new List<Draft>();
        foreach (var m in marks)
        {
            cancellationToken.ThrowIfCancellationRequested();
            drafts.Add(Classify(view, attribution, m));
        }

        JoinSplitQuotes(view, drafts);
        CarrySpeakers(view, drafts);
        drafts.AddRange(new IndirectQuotes(view, attribution).Find(drafts));
        drafts.Sort((a, b) => a.Start.CompareTo(b.Start));

        var quotes = ImmutableArray.CreateBuilder<Quote>(drafts.Count);
        foreach (var q in drafts)
        {
            var parts = q.Parts.ToImmutableArray();
            var text = string.Join(" … ", parts.Select(p => document.Text[p.Start..p.End]));
            var speaker = q.Speaker;
            quotes.Add(new Quote(
                "Q" + (quotes.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
                q.Kind,
                parts[0].Start,
                parts[^1].End,
                text,
                speaker?.EntityId,
                speaker?.Name,
                q.Cue is { } cue ? new Anchor(cue.Start, cue.End, document.Text[cue.Start..cue.End]) : null,
                speaker?.Confidence ?? 0)
            {
                Parts = parts,
            });
        }

        return document with { Quotes = quotes.MoveToImmutable() };
    }

    /// <summary>A quote being built.</summary>
    internal sealed class Draft(string kind, List<TextSpan> parts, int open, int close)
    {
        public string Kind { get; set; } = kind;

        public List<TextSpan> Parts { get; } = parts;

        public int Open { get; } = open;

        public int Close { get; set; } = close;

        public TextSpan? Cue { get; set; }

        public Speaker? Speaker { get; set; }

        /// <summary>True when the cue came after the quote ("“…,” he said").</summary>
        public bool CueAfter { get; set; }

        public int Start => Parts[0].Start;
    }

    private static Draft Classify(TokenView view, Attribution attribution, QuoteMarks m)
    {
        var words = 0;
        var endsWithStop = false;
        foreach (var p in m.Parts)
        {
            words += view.WordsIn(p);
        }

        var lastPart = m.Parts[^1];
        var close = m.Close >= 0 ? m.Close : view.TokenAt(lastPart.End) - 1;
        if (m.Close >= 0 && m.Close > 0)
        {
            var before = view.Text[view.Tokens[m.Close].Start - 1];
            endsWithStop = before is '.' or '!' or '?' or ',' or '\u2026' or ':';
        }

        var draft = new Draft("direct", [.. m.Parts], m.Open, close);
        var after = m.Close >= 0 ? attribution.After(m.Close) : null;
        var beforeCue = after is null ? attribution.Before(m.Open) : null;
        var found = after ?? beforeCue;
        var opensClause = view.OpensClause(m.Open);
        var multiParagraph = m.Parts.Count > 1;
        if (found is not null && (opensClause || multiParagraph))
        {
            draft.Cue = found.Value.Cue;
            draft.Speaker = found.Value.Speaker;
            draft.CueAfter = after is not null;
            return draft;
        }

        if (found is not null)
        {
            // Attributed, but it continues the reporter's sentence: “The volcano “could erupt
            // again,” the agency warned.” A quoted fragment, not a whole utterance.
            draft.Kind = words <= 1 ? "scare" : "partial";
            draft.Cue = found.Value.Cue;
            draft.Speaker = found.Value.Speaker;
            return draft;
        }

        if (multiParagraph || (opensClause && (words >= 4 || endsWithStop)))
        {
            return draft; // a direct quote whose speaker comes from the run of quotes around it
        }

        // Inside the reporter's sentence: a term held at arm's length or a quoted phrase,
        // attributed to whoever the sentence says used it.
        draft.Kind = words <= 1 ? "scare" : "partial";
        var naming = attribution.Naming(m.Open);
        draft.Cue = naming?.Cue;
        draft.Speaker = naming?.Speaker is { } s ? s with { Confidence = s.Confidence * 0.9 } : null;
        return draft;
    }

    /// <summary>“The first part,” he said, “and the second.” → one quote with two parts.</summary>
    private static void JoinSplitQuotes(TokenView view, List<Draft> drafts)
    {
        for (var i = drafts.Count - 1; i > 0; i--)
        {
            var first = drafts[i - 1];
            var second = drafts[i];
            if (first.Kind != "direct" || second.Kind != "direct" || !first.CueAfter || first.Cue is not { } cue
                || (second.Speaker is not null && second.Cue != first.Cue))
            {
                continue;
            }

            // Between the cue phrase and the second opening mark only a comma (or a colon) may stand.
            var between = view.Text.AsSpan(cue.End, view.Tokens[second.Open].Start - cue.End).Trim();
            var speakerEnd = first.Speaker?.Span.End ?? cue.End;
            var rest = view.Text.AsSpan(Math.Max(cue.End, speakerEnd), view.Tokens[second.Open].Start - Math.Max(cue.End, speakerEnd)).Trim();
            // “…,” he said, “…” continues one sentence; “…,” he said. “…” goes on with the
            // same voice when the second part has no cue of its own.
            var continues = rest is "," or ":" or ";" or ", and" or "";
            var nextSentence = rest.Length <= 60 && rest.EndsWith('.') && rest.IndexOfAny("“”\"".AsSpan()) < 0
                && second.Speaker is null && view.ParagraphOf(second.Open) == view.ParagraphOf(first.Close);
            if (between.Length > 120 || !(continues || nextSentence))
            {
                continue;
            }

            first.Parts.AddRange(second.Parts);
            first.Close = second.Close;
            drafts.RemoveAt(i);
        }
    }

    /// <summary>
    /// A direct quote with no cue takes the speaker of the direct quote just before it, when it
    /// opens its paragraph or follows that quote in the same paragraph (runs of quote paragraphs).
    /// </summary>
    private static void CarrySpeakers(TokenView view, List<Draft> drafts)
    {
        for (var i = 1; i < drafts.Count; i++)
        {
            var q = drafts[i];
            var previous = drafts[i - 1];
            if (q.Kind != "direct" || q.Speaker is not null || previous.Kind != "direct" || previous.Speaker is not { } speaker)
            {
                continue;
            }

            var paragraphGap = view.ParagraphOf(q.Open) - view.ParagraphOf(previous.Close);
            if (paragraphGap == 0 || (paragraphGap == 1 && view.IsFirstInParagraph(q.Open)))
            {
                q.Speaker = speaker with { Confidence = Math.Min(speaker.Confidence, 0.7) };
            }
        }
    }
}
