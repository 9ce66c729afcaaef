using System.Globalization;
using System.Text.RegularExpressions;
using CsCheck;
using Dateline.Model;

namespace Dateline.Tests.Time;

/// <summary>Properties of the time stage that hold for any text and any publication date.</summary>
public sealed partial class TimePropertyTests
{
    // Pieces that reach the grammar's corners: names, numbers, units, modifiers, punctuation.
    private static readonly string[] Pieces =
    [
        "May", "March", "Jan.", "Sept", "December", "Monday", "Thu", "Sundays", "Tuesday’s", "today", "yesterday", "tonight",
        "last", "next", "this", "past", "the", "a", "an", "few", "several", "two", "twenty-five", "half", "and", "of", "on", "in",
        "early", "mid-May", "late", "end", "beginning", "ago", "later", "earlier", "every", "each", "twice", "times", "per",
        "day", "days", "week", "weekend", "month", "months", "year", "years", "quarter", "decade", "century", "hours", "minutes",
        "seconds", "fortnight", "morning", "night", "summer", "fall", "Q3", "third-quarter", "30-day", "five-year-old",
        "decades-long", "1", "12", "13th", "31", "0", "29", "2022", "1999", "0800", "9999", "1000", "2199", "1990s", "’80s",
        "10", ":", "30", "p.m.", "am", "3pm", "GMT", "UTC", "noon", "midnight", "fiscal", "FY", "Christmas", "New", "Year’s",
        "Eve", "-", "–", ",", ".", "(", ")", "“", "”", "%", "$", "now", "recently", "the", "future", "at", "least", "up", "to",
        "more", "than", "nearly", "about", "will", "said", "was", "scheduled", "be", "held", "until", "since", "KYIV", "(Reuters)",
        " ", " ", " ", " ", " ", "\n", "\n\n",
    ];

    private static readonly Gen<string> TimeLike =
        Gen.Int[0, Pieces.Length - 1].Select(i => Pieces[i]).Array[0, 40]
            .Select(parts => string.Join(" ", parts));

    private static readonly Gen<DateOnly?> Published = Gen.Frequency(
        (1, Gen.Const((DateOnly?)null)),
        (4, Gen.Int[1, 9998].SelectMany(y => Gen.Int[1, 12].SelectMany(m => Gen.Int[1, DateTime.DaysInMonth(y, m)].Select(d => (DateOnly?)new DateOnly(y, m, d))))));

    private static Document Analyze(string text, DateOnly? published)
    {
        var d = new Document(text, SourceInfo.Stdin);
        if (published is { } p)
        {
            d = d with { Published = new PublicationDate(p), PublishedFrom = "option" };
        }

        return Pipeline.Default.Analyze(d);
    }

    [Fact]
    public void Every_DATE_value_is_a_valid_TIMEX3_value() =>
        Gen.Select(TimeLike, Published).Sample((text, published) =>
        {
            foreach (var t in Analyze(text, published).Timexes.Where(t => t.Type is "DATE" or "TIME"))
            {
                Assert.True(IsDateValue(t.Value), $"'{t.Text}' has the value '{t.Value}', which is not a TIMEX3 date");
            }
        });

    [Fact]
    public void Every_DURATION_and_SET_value_is_a_valid_TIMEX3_value() =>
        Gen.Select(TimeLike, Published).Sample((text, published) =>
        {
            foreach (var t in Analyze(text, published).Timexes.Where(t => t.Type is "DURATION" or "SET"))
            {
                Assert.True(DurationValue().IsMatch(t.Value) || IsDateValue(t.Value), $"'{t.Text}' has the value '{t.Value}'");
            }
        });

    [Fact]
    public void Timexes_are_ordered_numbered_and_point_at_their_text() =>
        Gen.Select(Gen.Frequency((4, TimeLike), (1, Gen.String[0, 200])), Published).Sample((text, published) =>
        {
            var d = Analyze(text, published);
            var previousEnd = 0;
            for (var k = 0; k < d.Timexes.Length; k++)
            {
                var t = d.Timexes[k];
                Assert.Equal("T" + (k + 1).ToString(CultureInfo.InvariantCulture), t.Id);
                Assert.True(t.Start >= previousEnd && t.End > t.Start && t.End <= text.Length);
                Assert.Equal(text[t.Start..t.End], t.Text);
                Assert.True(t.Anchor is "published" or "previous-timex" or "none", t.Anchor);
                previousEnd = t.End;
            }
        });

    [Fact]
    public void Without_a_publication_date_nothing_is_anchored_to_it() =>
        TimeLike.Sample(text =>
        {
            var d = Analyze(text, null);
            if (d.Published is null)
            {
                Assert.DoesNotContain(d.Timexes, t => t.Anchor == "published");
            }
        });

    [Fact]
    public void Normalization_is_deterministic() =>
        Gen.Select(TimeLike, Published).Sample((text, published) =>
        {
            var a = Analyze(text, published).Timexes;
            var b = Analyze(text, published).Timexes;
            Assert.Equal(a.AsEnumerable(), b.AsEnumerable());
        });

    /// <summary>A TIMEX3 DATE or TIME value, with calendar dates checked for existence.</summary>
    internal static bool IsDateValue(string value)
    {
        if (value is "PRESENT_REF" or "PAST_REF" or "FUTURE_REF")
        {
            return true;
        }

        var m = DateValue().Match(value);
        if (!m.Success)
        {
            return false;
        }

        if (m.Groups["y"].Success && m.Groups["m"].Success && m.Groups["d"].Success)
        {
            var y = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
            var mo = int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture);
            var d = int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture);
            return y >= 1 && mo is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, mo);
        }

        return true;
    }

    [GeneratedRegex(@"^(?:(?<y>\d{4})-(?<m>\d{2})-(?<d>\d{2})|XXXX-(?:\d{2}|XX)-(?:\d{2}|XX)|(?:\d{4}|XXXX)-(?:0[1-9]|1[0-2]|XX)|(?:\d{4}|XXXX)-W(?:\d{2}|XX)(?:-WE|-[1-7])?|(?:\d{4}|XXXX)-(?:Q[1-4X]|H[12X]|SP|SU|FA|WI|XX)|\d{4}|XXXX|\d{3}|\d{2}|XXX|XX)(?:T(?:\d{2}:\d{2}(?:Z)?|MO|AF|EV|NI|MI|DT))?$")]
    private static partial Regex DateValue();

    [GeneratedRegex(@"^(?:P(?:\d+(?:\.\d+)?|X)(?:Y|M|W|D|Q|WE)|PT(?:\d+(?:\.\d+)?|X)(?:H|M|S)|XXXX-WXX-[1-7]|XXXX-XX-XXT(?:MO|AF|EV|NI|MI|DT))$")]
    private static partial Regex DurationValue();
}
