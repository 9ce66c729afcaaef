using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;

namespace Dateline.Server.Rendering;

/// <summary>
/// The article text as HTML with its layers marked from their offsets: paragraphs, quotes (with
/// their speaker shown on hover and on keyboard focus), entity mentions, dates and event
/// triggers, each linked to its entry in the lists beside the text.
/// </summary>
/// <remarks>
/// Quotes enclose other marks and may run over several paragraphs, so a quote is cut into one
/// piece per paragraph; mentions, dates and triggers are small and never nest, so where two
/// overlap the one that starts first is kept, and a mark that would cross a quote's edge is left
/// out rather than producing tags that do not nest.
/// </remarks>
public static class ArticleHtml
{
    private readonly record struct Mark(int Start, int End, string Open, int Order);

    /// <summary>The body's HTML: one <c>&lt;p&gt;</c> per paragraph.</summary>
    public static string Render(ArticleView article)
    {
        ArgumentNullException.ThrowIfNull(article);
        var text = article.Text;
        var paragraphs = article.Paragraphs.Count > 0 ? article.Paragraphs : [(0, text.Length)];
        var quotes = QuotePieces(article, paragraphs);
        var marks = InnerMarks(article, quotes);
        var html = new StringBuilder(text.Length * 2);
        var q = 0;
        var m = 0;
        var inQuote = false;
        foreach (var (ps, pe) in paragraphs)
        {
            html.Append("<p>");
            var at = ps;

            // Writes the text up to `to`, opening and closing the quote pieces met on the way; a
            // piece that starts at `to` opens first, so a mark at a quote's first word sits inside it.
            void Until(int to)
            {
                while (true)
                {
                    if (inQuote && quotes[q].End <= to)
                    {
                        Encode(html, text, at, quotes[q].End);
                        at = quotes[q].End;
                        html.Append("</span>");
                        inQuote = false;
                        q++;
                    }
                    else if (!inQuote && q < quotes.Count && quotes[q].Start <= to && quotes[q].Start < pe)
                    {
                        Encode(html, text, at, quotes[q].Start);
                        at = quotes[q].Start;
                        html.Append(quotes[q].Open);
                        inQuote = true;
                    }
                    else
                    {
                        break;
                    }
                }

                Encode(html, text, at, to);
                at = to;
            }

            while (m < marks.Count && marks[m].Start < pe)
            {
                var mark = marks[m++];
                Until(mark.Start);
                html.Append(mark.Open);
                Encode(html, text, mark.Start, mark.End);
                html.Append("</a>");
                at = mark.End;
            }

            Until(pe);
            html.Append("</p>\n");
        }

        return html.ToString();
    }

    private static List<Mark> QuotePieces(ArticleView article, IReadOnlyList<(int Start, int End)> paragraphs)
    {
        var pieces = new List<Mark>();
        var lastEnd = -1;
        foreach (var quote in article.Quotes.OrderBy(x => x.Start))
        {
            if (quote.Start < lastEnd || quote.End <= quote.Start || quote.End > article.Text.Length)
            {
                continue;
            }

            lastEnd = quote.End;
            var speaker = article.Entity(quote.Speaker)?.Name ?? quote.SpeakerName;
            var who = speaker is null ? "Speaker unknown" : "Said by " + speaker;
            var part = 0;
            foreach (var (ps, pe) in paragraphs)
            {
                var start = Math.Max(ps, quote.Start);
                var end = Math.Min(pe, quote.End);
                if (start >= end)
                {
                    continue;
                }

                var tip = $"tip-{quote.Id}-{part}";
                var open = $"<span class=\"quote quote-{Attr(quote.Kind)}\"{(part == 0 ? $" id=\"q-{Attr(quote.Id)}\"" : "")} tabindex=\"0\" data-quote=\"{Attr(quote.Id)}\" data-speaker=\"{Attr(speaker ?? "")}\" aria-describedby=\"{tip}\">"
                    + $"<span class=\"tip\" role=\"tooltip\" id=\"{tip}\">{HtmlEncoder.Default.Encode(who)}</span>";
                pieces.Add(new Mark(start, end, open, 0));
                part++;
            }
        }

        return pieces;
    }

    private static List<Mark> InnerMarks(ArticleView article, List<Mark> quotes)
    {
        var candidates = new List<Mark>();
        foreach (var entity in article.Entities)
        {
            var title = $"{entity.Type}: {entity.Name}" + (entity.Actor is { } a ? $" ({a})" : "");
            foreach (var mention in entity.Mentions)
            {
                candidates.Add(new Mark(mention.Start, mention.End,
                    $"<a class=\"ent ent-{Attr(entity.Type)}\" href=\"#e-{Attr(entity.Id)}\" data-entity=\"{Attr(entity.Id)}\" title=\"{Attr(title)}\">", 2));
            }
        }

        foreach (var timex in article.Timexes)
        {
            candidates.Add(new Mark(timex.Start, timex.End,
                $"<a class=\"tx\" href=\"#t-{Attr(timex.Id)}\" data-timex=\"{Attr(timex.Id)}\" title=\"{Attr($"{timex.Type} {timex.Value}")}\">", 1));
        }

        foreach (var ev in article.Events)
        {
            if (ev.Trigger.End > ev.Trigger.Start)
            {
                candidates.Add(new Mark(ev.Trigger.Start, ev.Trigger.End,
                    $"<a class=\"trig quad{ev.QuadClass.ToString(CultureInfo.InvariantCulture)}\" id=\"trig-{Attr(ev.Id)}\" href=\"#v-{Attr(ev.Id)}\" data-event=\"{Attr(ev.Id)}\" title=\"{Attr($"{ev.Code} {ev.Label} ({ev.Modality})")}\">", 0));
            }
        }

        var kept = new List<Mark>();
        var lastEnd = 0;
        foreach (var mark in candidates.OrderBy(c => c.Start).ThenBy(c => c.Order).ThenByDescending(c => c.End))
        {
            if (mark.Start < lastEnd || mark.End <= mark.Start || mark.End > article.Text.Length || CrossesAny(mark, quotes) || CrossesParagraph(mark, article.Paragraphs))
            {
                continue;
            }

            kept.Add(mark);
            lastEnd = mark.End;
        }

        return kept;
    }

    private static bool CrossesAny(Mark mark, List<Mark> quotes) =>
        quotes.Any(q => (q.Start > mark.Start && q.Start < mark.End) || (q.End > mark.Start && q.End < mark.End));

    private static bool CrossesParagraph(Mark mark, IReadOnlyList<(int Start, int End)> paragraphs) =>
        paragraphs.Count > 0 && !paragraphs.Any(p => p.Start <= mark.Start && mark.End <= p.End);

    private static void Encode(StringBuilder html, string text, int start, int end)
    {
        if (end > start)
        {
            html.Append(HtmlEncoder.Default.Encode(text.AsSpan(start, end - start).ToString()));
        }
    }

    private static string Attr(string value) => HtmlEncoder.Default.Encode(value);
}
