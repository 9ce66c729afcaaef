using System.Collections.Immutable;
using System.Globalization;
using Dateline.Model;
using static Dateline.Figures.FigureLexicon;

namespace Dateline.Figures;

/// <summary>
/// The figures stage: quantities with their unit, whether they are approximate, and what they
/// measure ("roughly 20% of Ukrainian territory", "a 30-day ceasefire", "$1.2 billion in aid",
/// "tens of thousands have been killed").
/// </summary>
/// <remarks>
/// Numbers inside temporal expressions (dates, years, durations) belong to the time stage and
/// are skipped, except hyphenated adjectives such as "30-day", which are both. Written-out
/// numbers count only with a scale, unit or currency ("two million", "five percent"), since
/// "two sides" is not a figure anyone looks up.
/// </remarks>
public sealed class FigureStage(FigureLexicon lexicon) : IStage
{
    private const int MaxMeasureWords = 4;

    /// <inheritdoc />
    public string Name => "figures";

    /// <inheritdoc />
    public Document Process(Document document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        var scan = new Scan(document, lexicon);
        var figures = ImmutableArray.CreateBuilder<Figure>();
        var t = 0;
        while (t < scan.Count)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (scan.TryFigure(t, out var figure, out var next))
            {
                figures.Add(figure);
                t = next;
            }
            else
            {
                t++;
            }
        }

        return document with { Figures = figures.ToImmutable() };
    }

    /// <summary>The token walk over one document.</summary>
    private sealed class Scan(Document d, FigureLexicon lexicon)
    {
        private readonly ImmutableArray<Token> tokens = d.Tokens;
        private readonly string text = d.Text;
        private readonly TimexIndex timexes = new(d.Timexes);

        public int Count => tokens.Length;

        private ReadOnlySpan<char> this[int i] => text.AsSpan(tokens[i].Start, tokens[i].Length);

        public bool TryFigure(int t, out Figure figure, out int next)
        {
            figure = null!;
            next = t + 1;
            string? currency = null;
            var first = t;
            var i = t;

            // A currency symbol before the number: $1.2 billion, US$ 5, €3,500.
            if (tokens[i].Kind == TokenKind.Symbol && Lookup(i) is { Kind: Kind.Currency } symbol)
            {
                currency = symbol.Name;
                i++;
            }
            else if (this[i] is "US" && i + 1 < Count && this[i + 1] is "$")
            {
                currency = "USD";
                i += 2;
            }

            if (i >= Count)
            {
                return false;
            }

            if (!TryQuantity(i, currency is not null, out var value, out var unit, out var approximate, out var after))
            {
                return false;
            }

            if (timexes.Covers(tokens[i]) && unit is not "hyphen")
            {
                return false;
            }

            // After the number: a scale, a currency word or a unit.
            var measuresFrom = after;
            if (unit is null or "hyphen")
            {
                if (after < Count && Lookup(after) is { Kind: Kind.Scale } scale)
                {
                    value *= scale.Value;
                    after++;
                }

                if (PhraseAt(after, out var phraseEntry, out var phraseEnd) && phraseEntry.Kind is Kind.Unit or Kind.Currency)
                {
                    unit = phraseEntry.Name;
                    currency ??= phraseEntry.Kind == Kind.Currency ? phraseEntry.Name : null;
                    after = phraseEnd;
                }
                else if (after < Count && Lookup(after) is { Kind: Kind.Unit or Kind.Currency } u)
                {
                    if (u.Kind == Kind.Currency)
                    {
                        currency ??= u.Name;
                    }
                    else
                    {
                        unit = u.Name;
                    }

                    after++;
                }

                measuresFrom = after;
            }

            unit = currency ?? (unit == "hyphen" ? HyphenUnit(i) : unit);
            if (unit is null && !CountsSomething(i, after))
            {
                return false;
            }

            // Before it: roughly, at least, more than …
            var start = first;
            if (ApproximatorBefore(first) is { } approxStart)
            {
                approximate = true;
                start = approxStart;
            }
            else if (first > 0 && this[first - 1] is "a" or "an" && unit is not null && tokens[first].Kind == TokenKind.Number)
            {
                start = first; // "a 30-day ceasefire": the article is not part of the figure
            }

            var (measures, measuresEnd) = Measures(measuresFrom, unit);
            var end = measuresEnd > 0 ? measuresEnd : tokens[after - 1].End;
            figure = new Figure(tokens[start].Start, end, text[tokens[start].Start..end], value, unit, approximate, measures);
            next = measuresEnd > 0 ? d.TokenIndexAt(measuresEnd) : after;
            return true;
        }

        /// <summary>A number at token i: digits, "30-day", "1.2bn", "two million", "tens of thousands".</summary>
        private bool TryQuantity(int i, bool money, out double value, out string? unit, out bool approximate, out int after)
        {
            value = 0;
            unit = null;
            approximate = false;
            after = i + 1;
            var token = tokens[i];
            var s = this[i];
            if (token.Kind == TokenKind.Number)
            {
                if (!double.TryParse(s.ToString().Replace(",", "", StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out value))
                {
                    return false;
                }

                // A year or a time of day is the time stage's.
                var yearLike = s.Length == 4 && !s.Contains(',') && value is >= 1000 and <= 2100;
                var timeOfDay = i + 1 < Count && (this[i + 1] is "a.m." or "p.m." or ":");
                return money || !(yearLike || timeOfDay) || (i + 1 < Count && Lookup(i + 1) is { Kind: Kind.Unit or Kind.Currency or Kind.Scale });
            }

            if (token.Kind != TokenKind.Word)
            {
                return false;
            }

            // 30-day, 10-year, 1.2bn, 5m, 20pc
            var digits = 0;
            while (digits < s.Length && (char.IsAsciiDigit(s[digits]) || (digits > 0 && s[digits] is '.' or ',')))
            {
                digits++;
            }

            if (digits > 0 && digits < s.Length)
            {
                if (!double.TryParse(s[..digits].ToString().Replace(",", "", StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out value))
                {
                    return false;
                }

                var suffix = s[digits..];
                if (suffix[0] == '-' && suffix.Length > 1)
                {
                    unit = "hyphen";
                    return true;
                }

                if (lexicon.Words.TryGetValue(suffix, out var e) && e.Kind is Kind.Scale or Kind.Unit)
                {
                    if (e.Kind == Kind.Scale)
                    {
                        value *= e.Value;
                    }
                    else
                    {
                        unit = e.Name;
                    }

                    return true;
                }

                return false;
            }

            // Vague quantities: "tens of thousands", "millions".
            if (PhraseAt(i, out var phrase, out var phraseEnd) && phrase.Kind == Kind.Vague)
            {
                value = phrase.Value;
                approximate = true;
                after = phraseEnd;
                return true;
            }

            if (Lookup(i) is { } w)
            {
                if (w.Kind == Kind.Vague && char.IsLower(text[token.Start]))
                {
                    value = w.Value;
                    approximate = true;
                    return true;
                }

                // Written numbers only with a scale, unit or currency after them.
                if (w.Kind == Kind.Number && i + 1 < Count && Lookup(i + 1) is { Kind: Kind.Scale or Kind.Unit or Kind.Currency })
                {
                    value = w.Value;
                    return true;
                }
            }

            return false;
        }

        /// <summary>The unit of a hyphenated adjective: "30-day" → "day".</summary>
        private string HyphenUnit(int i)
        {
            var s = this[i];
            var unit = s[(s.IndexOf('-') + 1)..].ToString().ToLowerInvariant();
            return lexicon.Words.TryGetValue(unit, out var e) && e.Kind is Kind.Unit && e.Name is not null ? e.Name : unit;
        }

        /// <summary>A bare count must count something: "3,000 jobs", "14 people", "millions displaced".</summary>
        private bool CountsSomething(int number, int after)
        {
            if (after >= Count || tokens[after].Kind != TokenKind.Word)
            {
                return false;
            }

            var next = this[after];
            if (Lookup(after) is { Kind: Kind.Skip })
            {
                return false; // "18 months" is a duration, the time stage's
            }

            return next is "of" or "have" or "has" or "were" or "are" || !IsStop(after) && char.IsLower(next[0]);
        }

        private int? ApproximatorBefore(int first)
        {
            for (var n = Math.Min(3, first); n >= 1; n--)
            {
                var from = first - n;
                if (n == 1 && Lookup(from) is { Kind: Kind.Approx or Kind.Bound })
                {
                    return from;
                }

                if (n > 1 && PhraseAt(from, out var e, out var end) && end == first && e.Kind is Kind.Approx or Kind.Bound)
                {
                    return from;
                }
            }

            return null;
        }

        /// <summary>What a figure measures: "of Ukrainian territory", "in aid", "jobs", "(have been) killed".</summary>
        private (string? Measures, int End) Measures(int from, string? unit)
        {
            if (from >= Count || tokens[from].Kind != TokenKind.Word)
            {
                return (null, 0);
            }

            var f = from;
            if (this[f] is "of" || (this[f] is "in" && unit is not null && unit.Length == 3 && unit.All(char.IsAsciiLetterUpper)))
            {
                f++;
            }
            else if (this[f] is "have" or "has" or "were" or "are" or "had")
            {
                // "tens of thousands have been killed": the participle is what was counted.
                while (f < Count && this[f] is "have" or "has" or "were" or "are" or "had" or "been" or "reportedly" or "now")
                {
                    f++;
                }

                return f < Count && tokens[f].Kind == TokenKind.Word && this[f].EndsWith("ed", StringComparison.Ordinal)
                    ? (this[f].ToString(), tokens[f].End)
                    : (null, 0);
            }

            // A short noun phrase; it ends before a verb-like word ("ceasefire starting", "bonds
            // slipped") or a capitalized word after lower-case ones ("ceasefire Monday").
            var last = f;
            while (last < Count && last - f < MaxMeasureWords && tokens[last].Kind == TokenKind.Word && !IsStop(last)
                   && !(last > f && (this[last] is "’s" or "'s" || LooksVerbal(last) || (char.IsUpper(text[tokens[last].Start]) && char.IsLower(text[tokens[last - 1].Start])))))
            {
                last++;
            }

            if (last == f)
            {
                return (null, 0);
            }

            var startChar = tokens[f].Start;
            var endChar = tokens[last - 1].End;
            return (text[startChar..endChar], endChar);
        }

        private bool LooksVerbal(int i) => this[i].Length > 3 && (this[i].EndsWith("ing", StringComparison.Ordinal) || this[i].EndsWith("ed", StringComparison.Ordinal));

        private bool IsStop(int i) => lexicon.Stops.Contains(this[i]);

        private Entry? Lookup(int i) => i < Count && lexicon.Words.TryGetValue(this[i], out var e) ? e : null;

        /// <summary>A multi-word entry starting at token i ("tens of thousands", "at least", "basis points").</summary>
        private bool PhraseAt(int i, out Entry entry, out int end)
        {
            entry = default;
            end = i;
            Span<char> lower = stackalloc char[16];
            if (i >= Count || tokens[i].Length > lower.Length)
            {
                return false;
            }

            var head = this[i];

            head.ToLowerInvariant(lower);
            if (!lexicon.PhraseStarts.Contains(lower[..head.Length]))
            {
                return false;
            }

            for (var n = Math.Min(lexicon.LongestPhrase, Count - i); n >= 2; n--)
            {
                var words = new string[n];
                for (var k = 0; k < n; k++)
                {
                    words[k] = this[i + k].ToString().ToLowerInvariant();
                }

                if (lexicon.Phrases.TryGetValue(string.Join(' ', words), out entry))
                {
                    end = i + n;
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>Which tokens fall inside a temporal expression.</summary>
    private sealed class TimexIndex(ImmutableArray<Timex> timexes)
    {
        public bool Covers(Token token)
        {
            foreach (var t in timexes)
            {
                if (t.Start <= token.Start && token.End <= t.End)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
