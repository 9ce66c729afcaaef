using System.Collections.Immutable;
using Dateline.Model;

namespace Dateline.Time;

/// <summary>
/// The time stage: finds temporal expressions (TIMEX3 DATE, TIME, DURATION, SET) and normalizes
/// them against the publication date, the tense of their sentence and the expression before them.
/// </summary>
/// <remarks>
/// When the document has no publication date and its text opens with a wire dateline that
/// states a year ("KYIV, May 13, 2025 (Reuters) -"), that date becomes the publication date
/// (<c>publishedFrom = "dateline"</c>). A dateline without a year gives none: the year is never
/// taken from the machine clock.
/// </remarks>
public sealed class TimeStage : IStage
{
    private readonly TimexGrammar grammar;

    /// <summary>Creates the stage over the shipped vocabulary.</summary>
    public TimeStage()
        : this(TimexGrammar.Default)
    {
    }

    internal TimeStage(TimexGrammar grammar) => this.grammar = grammar;

    /// <inheritdoc />
    public string Name => "time";

    /// <inheritdoc />
    public Document Process(Document document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        var words = TokenCursor.LookUp(document.Text, document.Tokens, grammar.Lexicon);
        if (document.Published is null && WireDateline.Find(document, words, grammar) is { } date)
        {
            document = document with { Published = new PublicationDate(date), PublishedFrom = "dateline" };
        }

        var published = document.Published?.Date;
        var text = document.Text;
        var tokens = document.Tokens;
        var timexes = ImmutableArray.CreateBuilder<Timex>();
        ResolvedDate? previous = null;
        ResolvedDate? previousDay = null;
        var t = 0;
        foreach (var sentence in document.Sentences)
        {
            cancellationToken.ThrowIfCancellationRequested();
            while (t < tokens.Length && tokens[t].Start < sentence.Start)
            {
                t++;
            }

            var first = t;
            while (t < tokens.Length && tokens[t].End <= sentence.End)
            {
                t++;
            }

            var cursor = new TokenCursor(text, tokens, first, t, words);
            var i = first;
            (ResolvedDate Day, int End)? sentenceDay = null;
            while (i < t)
            {
                if (!grammar.TryMatch(cursor, i, out var match, out var second))
                {
                    i++;
                    continue;
                }

                if (match.Type == "NONE")
                {
                    i = match.End; // a name such as "Sunday Times"
                    continue;
                }

                var tense = TenseNear(cursor, match.Start, match.End);

                // "agreed on Sunday to hold talks on Thursday, the ministry said": a bare weekday in
                // an infinitive after a day named in the sentence, read as past, is the next such
                // weekday after that day.
                if (sentenceDay is { } told && tense != Tense.Future && match.Value is null && match.Spec is { Weekday: > 0, Day: 0, Direction: 0, Shift: 0, Base: Base.Published }
                    && Infinitive(cursor, told.End, match.Start))
                {
                    ResolvedDate? day = told.Day;
                    var after = match with { Spec = match.Spec with { Base = Base.Previous, Direction = 2 } };
                    Add(timexes, cursor, after, published, ref day, ref previousDay, tense);
                    previous = day;
                    i = match.End;
                    continue;
                }

                Add(timexes, cursor, match, published, ref previous, ref previousDay, tense);
                if (previous is { Grain: Grain.Day } resolvedDay && match.Value is null)
                {
                    sentenceDay = (resolvedDay, match.End);
                }

                if (second is { } s)
                {
                    Add(timexes, cursor, s, published, ref previous, ref previousDay, tense);
                    i = s.End;
                }
                else
                {
                    i = match.End;
                }
            }
        }

        return document with { Timexes = timexes.ToImmutable() };
    }

    private static void Add(
        ImmutableArray<Timex>.Builder timexes, in TokenCursor c, in TimexMatch match, DateOnly? published, ref ResolvedDate? previous, ref ResolvedDate? previousDay, Tense tense)
    {
        var start = c.Tokens[match.Start].Start;
        var end = c.Tokens[match.End - 1].End;
        string value;
        string anchor;
        if (match.Value is { } literal)
        {
            value = literal;
            anchor = "none";
        }
        else
        {
            // "Poland expelled four diplomats on Monday, the second expulsion this year … On the
            // same day, the EU agreed new sanctions": a day told from another is told from the
            // last day named, past coarser dates between.
            var from = match.Spec.Base == Base.Previous && match.Spec.Grain == Grain.Day && previous is { Grain: > Grain.Day } ? previousDay ?? previous : previous;
            (value, anchor, var resolved) = TimexNormalizer.Resolve(match.Spec, published, from, tense);
            if (resolved is { } r)
            {
                previous = r;
                if (r.Grain == Grain.Day)
                {
                    previousDay = r;
                }
            }
        }

        var id = "T" + (timexes.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        timexes.Add(new Timex(id, start, end, c.Text[start..end], match.Type, value, anchor) { Mod = match.Mod });
    }

    /// <summary>
    /// "to" and a lower-case word (an infinitive) between two token positions, with no past-tense
    /// word after it ("refused on Friday to meet protesters who had gathered on Wednesday").
    /// </summary>
    private static bool Infinitive(in TokenCursor c, int from, int to)
    {
        for (var i = from; i < to - 1; i++)
        {
            if (c.Is(i, "to") && c.Kind(i + 1) == TokenKind.Word && char.IsLower(c.Word(i + 1)[0]))
            {
                for (var k = i + 1; k < to; k++)
                {
                    if (Cue(c, k) == Tense.Past)
                    {
                        return false;
                    }
                }

                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The tense of the words around an expression. English puts the verb before its time
    /// adverbial ("told reporters on Monday", "talks scheduled for Thursday"), so cue words to the
    /// left within the clause come first, then to the right within the clause, then anywhere within
    /// eight tokens; "until Friday" alone points ahead.
    /// </summary>
    internal static Tense TenseNear(in TokenCursor c, int start, int end)
    {
        // "announced a protest for Saturday": the day an event is called for lies ahead.
        if (c.Has(start - 1) && c.Lex(start - 1) is { Ahead: true } && c.Lex(start) is { Weekday: > 0 } && end == start + 1
            && !(c.Has(end) && (c.IsAny(end, "'s", "’s") || c.IsAny(end, "'", "’"))))
        {
            return Tense.Future;
        }

        // "Abdelatty, who met Sudanese Foreign Minister Mohieldin Salem and Ethiopian Foreign
        // Minister Gedion Timothewos in Cairo on Sunday, will travel …": the verb of the relative
        // clause the expression lies in gives its tense, however long the names between.
        if (RelativeVerb(c, start) is not Tense.Unknown and var relative)
        {
            return relative;
        }

        // "will meet the AU envoy, former Nigerian President Olusegun Obasanjo, in Yaoundé on
        // Monday": an apposition between commas is no clause break; the window grows by its length.
        var reach = start - 8;
        for (var i = start - 1; i >= reach && c.Has(i); i--)
        {
            if (IsClauseBreak(c, i))
            {
                if (Apposition(c, i) is not (> 0 and var open))
                {
                    break;
                }

                reach -= i - open + 1;
                i = open;
                continue;
            }

            if (Cue(c, i) is not Tense.Unknown and var t)
            {
                // "Hungary criticized the plan on Monday": a noun that tells a plan does not make
                // the finite past verb before it future.
                if (t == Tense.Future && c.Lex(i) is { NounCue: true } && !c.Is(i + 1, "to"))
                {
                    for (var k = i - 1; k >= start - 12 && c.Has(k) && !IsClauseBreak(c, k); k--)
                    {
                        if (Cue(c, k) is not Tense.Unknown and var verb)
                        {
                            if (verb == Tense.Past)
                            {
                                return Tense.Past;
                            }

                            break;
                        }
                    }
                }

                return t;
            }
        }

        for (var i = end; i < end + 4 && c.Has(i) && !IsClauseBreak(c, i); i++)
        {
            if (Cue(c, i) is not Tense.Unknown and var t)
            {
                return t;
            }
        }

        // "NATO will hold talks with Finland and Sweden in Brussels on Thursday": a future
        // auxiliary further left in the same clause still governs the expression; so does a past
        // verb with no infinitive between ("Grossi, who met Iranian Foreign Minister Abbas Araghchi
        // in Tehran on Sunday, will travel …": not the "will" beyond the comma; "identified three
        // companies for the program to run through June": the infinitive's own time).
        // "Carney will meet Chinese Premier Li Qiang at the Group of 20 summit in Johannesburg on
        // Saturday, his office said": the auxiliary of a long clause, not the attribution after its comma.
        var infinitive = false;
        for (var i = start - 1; i >= start - 20 && c.Has(i) && !IsClauseBreak(c, i); i--)
        {
            infinitive |= c.Is(i, "to");
            if (i <= start - 9 && Cue(c, i) is var far && (far == Tense.Future || (far == Tense.Past && !infinitive)))
            {
                return far;
            }
        }

        for (var d = 1; d <= 8; d++)
        {
            if (Cue(c, start - d) is not Tense.Unknown and var left)
            {
                return left;
            }

            if (Cue(c, end - 1 + d) is not Tense.Unknown and var right)
            {
                return right;
            }
        }

        return c.IsAny(start - 1, "until", "till") ? Tense.Future : Tense.Unknown;
    }

    /// <summary>
    /// The opening comma of an apposition closed by the comma at <paramref name="close"/> (", former
    /// Nigerian President Olusegun Obasanjo,"): a phrase of at most eight words with no tense cue
    /// and no clause break after a word; -1 when the comma closes no such phrase.
    /// </summary>
    private static int Apposition(in TokenCursor c, int close)
    {
        if (c.Word(close) is not ",")
        {
            return -1;
        }

        for (var k = close - 1; k >= close - 9 && c.Has(k); k--)
        {
            if (c.Word(k) is ",")
            {
                return k < close - 1 && c.Has(k - 1) && c.Kind(k - 1) == TokenKind.Word ? k : -1;
            }

            if (IsClauseBreak(c, k) || Cue(c, k) != Tense.Unknown || c.IsAny(k, "who", "which") || c.IsAny(k, "that", "where") || c.Is(k, "when"))
            {
                return -1;
            }
        }

        return -1;
    }

    /// <summary>
    /// The tense of the verb right after "who" or "which" when it is the first tense cue to the
    /// left of the expression within its comma-bounded phrase (lower-case "and" included: "who met
    /// his Sudanese counterpart and the Ethiopian minister on Sunday"); unknown otherwise.
    /// </summary>
    private static Tense RelativeVerb(in TokenCursor c, int start)
    {
        for (var i = start - 1; i >= start - 30 && c.Has(i); i--)
        {
            if (c.Word(i) is "," or ";" or ":" or "(" or ")" or "\u2014" || c.IsAny(i, "who", "which"))
            {
                return Tense.Unknown;
            }

            if (Cue(c, i) is not Tense.Unknown and var t)
            {
                return c.Has(i - 1) && c.IsAny(i - 1, "who", "which") ? t : Tense.Unknown;
            }
        }

        return Tense.Unknown;
    }

    private static bool IsClauseBreak(in TokenCursor c, int i)
    {
        var w = c.Word(i);
        // "and" between two names ("with Finland and Sweden on Thursday") joins them, not clauses.
        return w is "," or ";" or ":" or "(" or ")" or "\u2014" || (c.IsAny(i, "and", "but") && !(c.Has(i + 1) && char.IsUpper(c.Word(i + 1)[0]) && c.Has(i - 1) && char.IsUpper(c.Word(i - 1)[0])))
            || c.IsAny(i, "while", "whereas");
    }

    private static Tense Cue(in TokenCursor c, int i)
    {
        if (!c.Has(i) || c.Kind(i) != TokenKind.Word)
        {
            return Tense.Unknown;
        }

        if (c.Lex(i) is { } lex)
        {
            if (lex.Tense == Tense.Past && c.IsAny(i - 1, "be", "being"))
            {
                return Tense.Future;
            }

            if (lex.Tense != Tense.Unknown)
            {
                return lex.Tense;
            }

            if (lex.Unit is not null || lex.Weekday > 0 || lex.Month > 0)
            {
                return Tense.Unknown;
            }
        }

        var w = c.Word(i);
        if (w.Length >= 5 && w.EndsWith("ed") && char.IsLower(w[0]))
        {
            // "to be held", "will be signed": a participle after "be" tells a plan.
            return c.IsAny(i - 1, "be", "being") ? Tense.Future : Tense.Past;
        }

        return Tense.Unknown;
    }
}
