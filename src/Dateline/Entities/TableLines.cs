using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using Dateline.Model;

namespace Dateline.Entities;

/// <summary>
/// Lines of tabulated results in wire copy: scores ("Leeds 2 Arsenal 1"), standings ("Newcastle 4 3 1
/// 0 9 3 10"), ranked results ("1. Michael Johnson (U.S.) 19.92"), scorecards ("M. Atherton c Rashid
/// Latif b Wasim Akram 31"). On such a line a number after a name is a score, not a model number, and
/// a name opening the line opens no sentence; <see cref="Retype"/> then types the teams and scorers.
/// </summary>
/// <remarks>
/// A line is a table line when it holds figures and hardly any prose: every lower-case word has at
/// most three letters ("v", "c", "lbw", "not out"), or it holds two figures or more and more figures
/// than lower-case words ("4 minutes 01.34 seconds").
/// </remarks>
internal static class TableLines
{
    private static readonly System.Buffers.SearchValues<char> FigureChars = System.Buffers.SearchValues.Create("0123456789-:.,/");

    /// <summary>True when tokens [<paramref name="start"/>, <paramref name="end"/>) make a table line.</summary>
    public static bool IsTable(string text, ImmutableArray<Token> tokens, int start, int end)
    {
        int figures = 0, prose = 0, capitals = 0;
        var dateEnd = -1;
        for (var i = start; i < end; i++)
        {
            var t = tokens[i];
            var w = text.AsSpan(t.Start, t.Length);
            if (t.Start < dateEnd || IsIsoDate(text.AsSpan(t.Start, Math.Min(10, text.Length - t.Start))))
            {
                dateEnd = Math.Max(dateEnd, t.Start + 10); // "1996-09-02", however the tokenizer splits it
            }
            else if (IsFigure(text, t) && !(i > start && IsMonth(text.AsSpan(tokens[i - 1].Start, tokens[i - 1].Length))))
            {
                figures++;
            }
            else if (t.Kind == TokenKind.Word && t.Length > 3 && char.IsLower(w[0]))
            {
                prose++;
            }
            else if (t.Kind == TokenKind.Word && t.Length > 3 && !w.ContainsAnyInRange('a', 'z'))
            {
                capitals++;
            }
        }

        // A dateline ("TOKYO 1996-09-02") holds a date, no figures; a headline in capitals ("PRESS DIGEST -
        // BRAZIL - AUG 30") three long words in capitals.
        return figures > 0 && capitals < 3 && (prose == 0 || (figures >= 2 && figures > prose));
    }

    /// <summary>"November" in "Tuesday, November 18", "AUG" in "AUG 30": the day after it is a date, no figure.</summary>
    /// <summary>"v", "vs", "v.", "vs.": the word between two sides of a fixture ("Kent v Surrey").</summary>
    private static bool IsVersus(ReadOnlySpan<char> word) => word is "v" or "vs" or "v." or "vs.";

    private static bool IsMonth(ReadOnlySpan<char> w) => Months.Contains(w.TrimEnd('.'));

    /// <summary>English month names and their abbreviations ("November", "Nov"), made once: the culture's
    /// name arrays are copied on every read, which cost half the tagger's time when read per figure.</summary>
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Months =
        CultureInfo.InvariantCulture.DateTimeFormat.MonthNames
            .Concat(CultureInfo.InvariantCulture.DateTimeFormat.AbbreviatedMonthNames)
            .Where(m => m.Length > 0)
            .ToFrozenSet(StringComparer.OrdinalIgnoreCase)
            .GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// Whether tokens [<paramref name="i"/>, <paramref name="runEnd"/>) open a wire dateline line: the run,
    /// then at most a comma and up to three capitalized words ("VEVEY, Switzerland"), then a date in ISO
    /// form ending the line ("GHENT 1996-08-30").
    /// </summary>
    public static bool IsDatelineLine(string text, ImmutableArray<Token> tokens, int i, int runEnd)
    {
        var (start, end) = Line(text, tokens, i);
        if (start != i || runEnd >= end)
        {
            return false;
        }

        var j = runEnd;
        if (Word(text, tokens[j]) is ",")
        {
            j++;
            var words = 0;
            while (j < end && tokens[j].Kind == TokenKind.Word && char.IsUpper(text[tokens[j].Start]) && !IsFigure(text, tokens[j]))
            {
                j++;
                words++;
            }

            if (words is 0 or > 3)
            {
                return false;
            }
        }

        var dateStart = j < end ? tokens[j].Start : text.Length;
        return j < end && IsIsoDate(text.AsSpan(dateStart, Math.Min(10, text.Length - dateStart))) && tokens[end - 1].End <= dateStart + 10;
    }

    private static bool IsIsoDate(ReadOnlySpan<char> w) =>
        w.Length == 10 && w[4] == '-' && w[7] == '-' && !w[..4].ContainsAnyExceptInRange('0', '9');

    /// <summary>Whether token <paramref name="i"/> lies on a table line (the line is found by its line breaks).</summary>
    public static bool OnTableLine(string text, ImmutableArray<Token> tokens, int i)
    {
        var (start, end) = Line(text, tokens, i);
        return IsTable(text, tokens, start, end);
    }

    /// <summary>A number, a score or a time: "2", "121-3", "4:03.90", "18-4-51-1", ".561", "1,500".</summary>
    public static bool IsFigure(string text, Token t)
    {
        if (t.Kind == TokenKind.Number)
        {
            return true;
        }

        var w = text.AsSpan(t.Start, t.Length);
        return t.Kind == TokenKind.Word && w.Length <= 16 && w.IndexOfAnyInRange('0', '9') >= 0 && !w.ContainsAnyExcept(FigureChars);
    }

    /// <summary>The first token of the line holding token <paramref name="i"/>, and the token after its last.</summary>
    public static (int Start, int End) Line(string text, ImmutableArray<Token> tokens, int i)
    {
        var start = i;
        while (start > 0 && !Break(text, tokens, start - 1))
        {
            start--;
        }

        var end = i + 1;
        while (end < tokens.Length && !Break(text, tokens, end - 1))
        {
            end++;
        }

        return (start, end);
    }

    private static bool Break(string text, ImmutableArray<Token> tokens, int i) =>
        text.AsSpan(tokens[i].End, tokens[i + 1].Start - tokens[i].End).Contains('\n');

    /// <summary>
    /// Types the names of the table lines: on a results line ("Leeds 2 Arsenal 1", "Kent 298-8 (…) v
    /// Surrey") and a standings row ("Newcastle 4 3 1 0 9 3 10") the names at the teams' places are
    /// clubs (ORG), unless they are countries (national teams, kept as places); a name in brackets
    /// right before a figure is a scorer ("(Klinsmann 12, Scholl 56)"), and a name right before a
    /// country in brackets is a competitor ("Regina Jacobs (U.S.)"): both people.
    /// </summary>
    public static void Retype(List<Candidate> candidates, Document document, EntityLexicons lexicons)
    {
        var text = document.Text;
        var tokens = document.Tokens;
        var lineEnd = -1;
        var table = false;
        var results = false;
        var clubRows = 0;
        var ranked = false;
        HashSet<string>? clubs = null;
        for (var k = 0; k < candidates.Count; k++)
        {
            var c = candidates[k];
            if (c.Kind != "name" || c.TokenEnd <= c.TokenStart || c.TokenEnd > tokens.Length)
            {
                continue;
            }

            if (c.TokenStart >= lineEnd)
            {
                (var lineStart, lineEnd) = Line(text, tokens, c.TokenStart);
                table = IsTable(text, tokens, lineStart, lineEnd);
                results = table && IsResults(candidates, k, text, tokens, lineStart, lineEnd);
                clubRows = table ? ClubRows(candidates, k, text, tokens, lexicons, lineEnd) : 0;
                ranked = lineStart + 2 < lineEnd && tokens[lineStart].Kind == TokenKind.Number && Word(text, tokens[lineStart + 1]) is ".";
            }

            if ((table || ranked) && SportCode(c, text, tokens, lexicons) is { } iso)
            {
                // "2. Jeroen Blijlevens (Ned) TVM same time": a three-letter code alone in brackets on a
                // ranked row or a table line is the competitor's country.
                c.Type = "GPE";
                c.Weak = false;
                c.Known = null;
                c.Country = iso;
                c.Key = text[c.Start..c.End];
                continue;
            }

            if (!table || c.Known is { Type: "ORG" })
            {
                continue;
            }

            var open = InBrackets(text, tokens, c.TokenStart, lineEnd);
            if (!open && clubRows >= 2 && c.Known is null or { Type: "GPE" or "LOC" } && c.Titles is null
                && !(c.Type == "PERSON" && lexicons.FirstName(Word(text, tokens[c.TokenStart])) != '\0')
                && BeforeBracketedCountry(candidates, k, text, tokens, lexicons) && FigureAfterBracket(candidates[k + 1], text, tokens, lineEnd))
            {
                // "Aston Villa (England) 1 Helsingborg (Sweden) 1": clubs of a cup round, each with its country.
                MakeClub(c);
            }
            else if (open && c.TokenEnd < lineEnd && IsFigure(text, tokens[c.TokenEnd]) && c.Type is "UNK" or "ORG" or "PERSON" && c.Known is null)
            {
                MakePerson(c, text);
            }
            else if (!open && c.Known is null && c.Type is "UNK" or "ORG" && BeforeBracketedCountry(candidates, k, text, tokens, lexicons))
            {
                MakePerson(c, text);
            }
            else if (!open && results && Slot(candidates, text, tokens, c, lineEnd) is var (slotStart, slotEnd) && slotEnd > slotStart
                && !(IsCountry(c, lexicons) && slotStart == c.TokenStart && slotEnd == c.TokenEnd)
                && (c.Type is "UNK" or "GPE" or "LOC" or "FAC"
                    || (c.Type == "PERSON" && c.Known is null && c.Titles is null && lexicons.FirstName(Word(text, tokens[c.TokenStart])) == '\0')))
            {
                // "Nottingham Forest", "Werder Bremen", "Sheffield Wednesday": the club's whole name fills the slot.
                c.TokenStart = slotStart;
                c.TokenEnd = slotEnd;
                c.Start = tokens[slotStart].Start;
                c.End = tokens[slotEnd - 1].End;
                MakeClub(c);
            }
        }

        // "Saracens beat Bristol 24-19", "Wasps beat Leicester 24-19": the side after a result verb with a score after
        // it, and the name right before the verb, are clubs where a town names them (countries are national teams,
        // kept as places).
        for (var k = 0; k < candidates.Count; k++)
        {
            var b = candidates[k];
            var verb = b.TokenStart - 1;
            if (verb >= 1 && Word(text, tokens[verb]).Equals("the", StringComparison.OrdinalIgnoreCase))
            {
                verb--;
            }

            if (b.Kind != "name" || verb < 1 || b.TokenEnd >= tokens.Length
                || !ContextWords.IsResultVerb(Word(text, tokens[verb])) || !IsScore(text, tokens, b.TokenEnd))
            {
                continue;
            }

            var a = k > 0 && candidates[k - 1] is { Kind: "name" } before && before.TokenEnd == verb ? before : null;
            foreach (var side in (ReadOnlySpan<Candidate?>)[a, b])
            {
                if (side is { Type: "GPE" or "LOC", Titles: null } && !IsCountry(side, lexicons) && !IsDateline(text, tokens, side))
                {
                    MakeClub(side);
                }
            }
        }

        if (clubs is not null)
        {
            Clubs(candidates, text, tokens, clubs, lexicons);
        }

        void MakeClub(Candidate c)
        {
            c.Type = "ORG";
            c.Weak = false;
            c.Known = null;
            c.Country = null;
            c.Key = text[c.Start..c.End];
            (clubs ??= new HashSet<string>(StringComparer.OrdinalIgnoreCase)).Add(c.Key);
        }
    }

    /// <summary>
    /// "Leeds 2 Arsenal 1" … "Leeds moved up to third": a club of the article's results lines is the club
    /// wherever the article names it, except as a place ("in Leeds", "at Leeds", "from Leeds").
    /// </summary>
    private static void Clubs(List<Candidate> candidates, string text, ImmutableArray<Token> tokens, HashSet<string> clubs, EntityLexicons lexicons)
    {
        foreach (var c in candidates)
        {
            if (c.Kind != "name" || c.Type is not ("GPE" or "LOC" or "UNK") || IsCountry(c, lexicons) || !clubs.Contains(text[c.Start..c.End])
                || (c.TokenStart > 0 && ContextWords.IsClubPlace(Word(text, tokens[c.TokenStart - 1])))
                || IsDateline(text, tokens, c))
            {
                continue;
            }

            c.Type = "ORG";
            c.Weak = false;
            c.Known = null;
            c.Country = null;
            c.Key = text[c.Start..c.End];
        }
    }

    /// <summary>"24-19", "2-1" from token <paramref name="i"/>: a score, two numbers joined by a hyphen (the tokenizer splits such a range).</summary>
    private static bool IsScore(string text, ImmutableArray<Token> tokens, int i) =>
        i + 2 < tokens.Length && tokens[i].Kind == TokenKind.Number && tokens[i + 2].Kind == TokenKind.Number
        && Word(text, tokens[i + 1]) is "-" && tokens[i].End == tokens[i + 1].Start && tokens[i + 1].End == tokens[i + 2].Start;

    private static void MakePerson(Candidate c, string text)
    {
        c.Type = "PERSON";
        c.Weak = false;
        if (c.Key.Length == 0)
        {
            c.Key = text[c.Start..c.End];
        }
    }

    /// <summary>"NEW YORK 1996-08-30", "LEVERKUSEN, Germany 1996-08-27": a place opening a dateline line.</summary>
    private static bool IsDateline(string text, ImmutableArray<Token> tokens, Candidate c)
    {
        var (start, end) = Line(text, tokens, c.TokenStart);
        if (c.TokenStart != start || c.TokenEnd >= end)
        {
            return false;
        }

        var next = tokens[c.TokenEnd];
        return Word(text, next) is "," || IsIsoDate(text.AsSpan(next.Start, Math.Min(10, text.Length - next.Start)));
    }

    /// <summary>
    /// A results line: two names or more each right before a figure, the first opening the line (or
    /// following "At Leicester:"), or two names joined by "v" or "vs" ("Kent 298-8 v Surrey"); or a
    /// standings row: a name opening the line and three figures or more after it, and nothing else.
    /// </summary>
    private static bool IsResults(List<Candidate> candidates, int k, string text, ImmutableArray<Token> tokens, int start, int end)
    {
        var first = start;
        if (first + 2 < end && Word(text, tokens[first]) is "At" or "AT")
        {
            // "At Leicester : Leicestershire 343 …": the venue before a colon.
            for (var j = first + 1; j < end && j < first + 6; j++)
            {
                if (Word(text, tokens[j]) is ":")
                {
                    first = j + 1;
                    break;
                }
            }
        }

        var opener = candidates.Skip(k).FirstOrDefault(c => c.Kind == "name" && c.TokenStart >= first && c.TokenStart < end);
        for (var j = first; opener is not null && j < opener.TokenStart; j++)
        {
            opener = IsFreeCapital(candidates, text, tokens, j) ? opener : null; // "Werder Bremen 0 Karlsruhe 1"
        }
        var versus = false;
        for (var j = start; j < end; j++)
        {
            versus |= IsVersus(Word(text, tokens[j]));
        }

        if (opener is null)
        {
            return false;
        }

        var openerEnd = opener.TokenEnd;
        while (openerEnd < end && IsFreeCapital(candidates, text, tokens, openerEnd))
        {
            openerEnd++;
        }

        var figuresAfter = 0;
        var onlyFigures = true;
        for (var j = openerEnd; j < end; j++)
        {
            if (IsFigure(text, tokens[j]))
            {
                figuresAfter++;
            }
            else if (tokens[j].Kind != TokenKind.Punctuation)
            {
                onlyFigures = false;
            }
        }

        if (onlyFigures && figuresAfter >= 3)
        {
            return true;
        }

        var teams = 0;
        foreach (var c in candidates.Skip(k))
        {
            if (c.TokenStart >= end)
            {
                break;
            }

            var after = c.TokenEnd;
            while (after < end && IsFreeCapital(candidates, text, tokens, after))
            {
                after++;
            }

            if (c.Kind == "name" && !InBrackets(text, tokens, c.TokenStart, end) && after < end && IsFigure(text, tokens[after]))
            {
                teams++;
            }
        }

        return (teams >= 2 || versus) && openerEnd < end && (IsFigure(text, tokens[openerEnd]) || versus);
    }

    /// <summary>
    /// A team's place on a results line: capitalized words no other name holds, with the candidate among
    /// them, between the line's start, a figure, a colon, a bracket or "v" before, and a figure, a bracket,
    /// "v" or the line's end after. Returns the slot's tokens, or (0, 0) where the candidate fills no slot.
    /// </summary>
    private static (int Start, int End) Slot(List<Candidate> candidates, string text, ImmutableArray<Token> tokens, Candidate c, int lineEnd)
    {
        var (lineStart, _) = Line(text, tokens, c.TokenStart);
        var start = c.TokenStart;
        while (start > lineStart && IsFreeCapital(candidates, text, tokens, start - 1))
        {
            start--;
        }

        var end = c.TokenEnd;
        while (end < lineEnd && IsFreeCapital(candidates, text, tokens, end))
        {
            end++;
        }

        var after = end >= lineEnd || IsFigure(text, tokens[end]) || Word(text, tokens[end]) is "." or "(" || IsVersus(Word(text, tokens[end]));
        var before = start == lineStart || IsFigure(text, tokens[start - 1])
            || Word(text, tokens[start - 1]) is ":" or ")" || IsVersus(Word(text, tokens[start - 1]));
        return after && before && end - start <= 3 ? (start, end) : (0, 0);
    }

    private static bool IsFreeCapital(List<Candidate> candidates, string text, ImmutableArray<Token> tokens, int i) =>
        tokens[i].Kind == TokenKind.Word && char.IsUpper(text[tokens[i].Start]) && tokens[i].Length > 1
        && !candidates.Any(o => o.TokenStart <= i && i < o.TokenEnd); // no other mention's word, a pronoun's neither

    private static bool IsCountry(Candidate c, EntityLexicons lexicons) =>
        c.Type == "GPE" && lexicons.Gazetteer.Lookup(c.Key) is [{ Feature: "country" }, ..];

    /// <summary>
    /// How many names on the line from candidate <paramref name="k"/> on stand before a bracketed country and
    /// a figure ("Feyenoord (Netherlands) 3 Dinamo Minsk (Belarus) 1": two; "1. Ann Lee (U.S.) 19.92": one).
    /// </summary>
    private static int ClubRows(List<Candidate> candidates, int k, string text, ImmutableArray<Token> tokens, EntityLexicons lexicons, int lineEnd)
    {
        var rows = 0;
        for (var j = k; j + 1 < candidates.Count && candidates[j].TokenStart < lineEnd; j++)
        {
            if (candidates[j].Kind == "name" && BeforeBracketedCountry(candidates, j, text, tokens, lexicons)
                && FigureAfterBracket(candidates[j + 1], text, tokens, lineEnd))
            {
                rows++;
            }
        }

        return rows;
    }

    /// <summary>
    /// One figure, a score, right after the bracket that closes after <paramref name="country"/>, then the
    /// line's end or the next team's name; a golfer's rounds ("(Germany) 69 68") are no score.
    /// </summary>
    private static bool FigureAfterBracket(Candidate country, string text, ImmutableArray<Token> tokens, int lineEnd)
    {
        var score = country.TokenEnd + 1;
        return score < lineEnd && IsFigure(text, tokens[score])
            && (score + 1 == lineEnd || (tokens[score + 1].Kind == TokenKind.Word && char.IsUpper(text[tokens[score + 1].Start])));
    }

    /// <summary>The country of a sports code alone in brackets ("( Ned )"), or null.</summary>
    private static string? SportCode(Candidate c, string text, ImmutableArray<Token> tokens, EntityLexicons lexicons) =>
        c.TokenEnd == c.TokenStart + 1 && c.TokenStart > 0 && c.TokenEnd < tokens.Length
        && Word(text, tokens[c.TokenStart - 1]) is "(" && Word(text, tokens[c.TokenEnd]) is ")"
            ? lexicons.SportCountry(Word(text, tokens[c.TokenStart])) : null;

    /// <summary>"Regina Jacobs (U.S.)": the next name is a country alone in brackets.</summary>
    private static bool BeforeBracketedCountry(List<Candidate> candidates, int k, string text, ImmutableArray<Token> tokens, EntityLexicons lexicons)
    {
        var c = candidates[k];
        if (k + 1 >= candidates.Count || c.TokenEnd + 2 >= tokens.Length || Word(text, tokens[c.TokenEnd]) is not "(")
        {
            return false;
        }

        var next = candidates[k + 1];
        return next.TokenStart == c.TokenEnd + 1 && next.TokenEnd < tokens.Length && Word(text, tokens[next.TokenEnd]) is ")"
            && ((next.Type == "GPE" && lexicons.Gazetteer.Lookup(next.Key) is [{ Feature: "country" }, ..]) || SportCode(next, text, tokens, lexicons) is not null);
    }

    /// <summary>Whether a bracket opened before token <paramref name="i"/> on its line is still open there.</summary>
    private static bool InBrackets(string text, ImmutableArray<Token> tokens, int i, int lineEnd)
    {
        var (start, _) = Line(text, tokens, i);
        var depth = 0;
        for (var j = start; j < i && j < lineEnd; j++)
        {
            depth += Word(text, tokens[j]) switch { "(" => 1, ")" => -1, _ => 0 };
        }

        return depth > 0;
    }

    private static ReadOnlySpan<char> Word(string text, Token t) => text.AsSpan(t.Start, t.Length);
}
