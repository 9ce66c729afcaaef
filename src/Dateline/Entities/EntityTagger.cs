using System.Collections.Immutable;
using Dateline.Model;

namespace Dateline.Entities;

/// <summary>
/// Finds entity mentions in one article by token shape and the lexicons: known names, runs of
/// capitalized words typed by cue words, titles and given names, nationality words, title and
/// group nominals ("the Russian leader", "the Ukrainian presidency") and personal pronouns.
/// </summary>
/// <remarks>
/// Rules, not a statistical model, so that every decision can be read in the data files and the
/// code below; it makes one pass over the tokens of each sentence.
/// </remarks>
internal sealed class EntityTagger
{
    private static readonly System.Buffers.SearchValues<char> Digits = System.Buffers.SearchValues.Create("0123456789");

    private readonly EntityLexicons lexicons;
    private readonly Document document;
    private readonly string text;
    private readonly ImmutableArray<Token> tokens;
    private readonly List<Candidate> candidates = [];
    private readonly List<TitleUse> titles = [];

    /// <summary>The first token of the sentence being tagged: look-backs ("the", "former") never cross it.</summary>
    private int sentenceStart;
    private HashSet<int>? lowerWords;
    private HashSet<int>? insideCapitals;

    /// <summary>Whether the line being tagged is a line of tabulated results (<see cref="TableLines"/>).</summary>
    private bool tableLine;

    private EntityTagger(EntityLexicons lexicons, Document document)
    {
        this.lexicons = lexicons;
        this.document = document;
        text = document.Text;
        tokens = document.Tokens;
    }

    /// <summary>Candidates in text order, and the titles seen.</summary>
    public static (List<Candidate> Candidates, List<TitleUse> Titles) Tag(EntityLexicons lexicons, Document document, CancellationToken cancellationToken)
    {
        var tagger = new EntityTagger(lexicons, document);
        tagger.Run(cancellationToken);
        return (tagger.candidates, tagger.titles);
    }

    private ReadOnlySpan<char> Word(int i) => text.AsSpan(tokens[i].Start, tokens[i].Length);

    private bool IsWord(int i, string word) => tokens[i].Kind == TokenKind.Word && Word(i).SequenceEqual(word);

    private bool IsWordIgnoreCase(int i, string word) =>
        tokens[i].Kind == TokenKind.Word && Word(i).Equals(word, StringComparison.OrdinalIgnoreCase);

    private static bool IsUpperLetter(char c) => c < 0x80 ? char.IsAsciiLetterUpper(c) : char.IsUpper(c);

    /// <summary>A word shaped like part of a name: capitalized, or "al-Assad".</summary>
    private bool IsNameWord(int i)
    {
        if (tokens[i].Kind != TokenKind.Word)
        {
            return false;
        }

        var w = Word(i);
        if (IsUpperLetter(w[0]))
        {
            // "City-based", "Kremlin-backed": a compound modifier, not part of a name.
            var last = w.LastIndexOf('-');
            return last <= 0 || last + 1 >= w.Length || !char.IsLower(w[last + 1]) || IsHyphenatedGivenName(i, w, last);
        }

        var dash = w.IndexOf('-');
        return dash is > 0 and <= 3 && dash + 1 < w.Length && IsUpperLetter(w[dash + 1]) && IsParticle(w[..dash]);
    }

    /// <summary>
    /// "Lee Jae-yong", "Park Ji-won": a short hyphenated given name right after a capitalized family
    /// name, whose second syllable is not a compound modifier's word ("Arab-led", "US-based").
    /// </summary>
    private bool IsHyphenatedGivenName(int i, ReadOnlySpan<char> w, int dash)
    {
        if (w.IndexOf('-') != dash || dash > 5 || w.Length - dash - 1 > 5 || i == 0 || tokens[i - 1].Kind != TokenKind.Word
            || tokens[i - 1].End >= tokens[i].Start || ContextWords.IsCompound(w[(dash + 1)..]))
        {
            return false;
        }

        var previous = Word(i - 1);
        return previous.Length > 1 && IsUpperLetter(previous[0]) && char.IsLower(previous[^1]) && previous.IndexOf('-') < 0;
    }

    private static bool IsParticle(ReadOnlySpan<char> w) =>
        w is "al" or "el" or "bin" or "ibn" or "de" or "van" or "von" or "der" or "den" or "da" or "dos" or "del" or "du" or "la" or "le" or "di" or "ben" or "abu";

    private static bool IsPossessive(ReadOnlySpan<char> w) => w is "’s" or "'s" or "’" or "'";

    private void Run(CancellationToken cancellationToken)
    {
        var t = 0;
        for (var s = 0; s < document.Sentences.Length; s++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var sentence = document.Sentences[s];
            while (t < tokens.Length && tokens[t].Start < sentence.Start)
            {
                t++;
            }

            var end = t;
            while (end < tokens.Length && tokens[end].End <= sentence.End)
            {
                end++;
            }

            TagSentence(s, t, end);
            t = end;
        }

        LinkTitles();
        LendPossessors();
        CreditOutlet();
    }

    /// <summary>
    /// "NAIROBI, May 3 (Dateline Health) -", "CANBERRA (Pacific Desk) —": the name in brackets between
    /// a dateline in capitals and its dash is the outlet that filed the story, an organization.
    /// </summary>
    private void CreditOutlet()
    {
        if (document.Paragraphs.Length == 0 || candidates.Count == 0)
        {
            return;
        }

        var first = 0;
        while (first < tokens.Length && tokens[first].Start < document.Paragraphs[0].Start)
        {
            first++;
        }

        if (first >= tokens.Length || tokens[first].Kind != TokenKind.Word || !IsAcronym(Word(first)))
        {
            return;
        }

        foreach (var c in candidates)
        {
            if (c.Kind != "name" || c.TokenStart - first > 12 || c.TokenStart < first + 2)
            {
                continue;
            }

            if (Word(c.TokenStart - 1) is "(" && c.TokenEnd + 1 < tokens.Length && Word(c.TokenEnd) is ")"
                && Word(c.TokenEnd + 1) is "-" or "–" or "—" && c.Type is "PERSON" or "UNK" or "ORG")
            {
                c.Type = "ORG";
                c.Weak = false;
            }
        }
    }

    private void Add(Candidate c) => candidates.Add(c);

    private Candidate New(int s, int tokenStart, int tokenEnd, string type, string kind = "name") => new()
    {
        Start = tokens[tokenStart].Start,
        End = tokens[tokenEnd - 1].End,
        TokenStart = tokenStart,
        TokenEnd = tokenEnd,
        Sentence = s,
        Type = type,
        Kind = kind,
    };

    /// <summary>A candidate for a name the lexicons know: typed, keyed and placed as the entry says.</summary>
    private Candidate NewKnown(int s, int tokenStart, int tokenEnd, Phrase known)
    {
        var c = New(s, tokenStart, tokenEnd, known.Type!);
        c.Known = known;
        c.Key = known.Canonical;
        c.Country = known.Country;
        return c;
    }

    private void TagSentence(int s, int start, int end)
    {
        sentenceStart = start;
        var lineStart = start;
        var lineEnd = LineEnd(start, end);
        var headline = lineEnd == end ? IsHeadline(start, end) : IsHeadline(start, lineEnd) || IsHeadingLine(start, lineEnd);
        tableLine = TableLines.IsTable(text, tokens, start, lineEnd);
        headline &= !tableLine && !BracketedCountry(start, lineEnd); // "At Leicester: Leicestershire 343 (Vince Wells 102 …)": a table line is no headline
        var i = start;
        while (i < end)
        {
            if (i >= lineEnd)
            {
                // "Chile Heads to a Runoff\nJosé Antonio Kast and …": a sentence that runs over a line
                // break is judged line by line, and a Title Case line before the break is a heading.
                lineStart = i;
                lineEnd = LineEnd(i, end);
                headline = IsHeadline(i, lineEnd) || (lineEnd < end && IsHeadingLine(i, lineEnd));
                tableLine = TableLines.IsTable(text, tokens, i, lineEnd);
                headline &= !tableLine && !BracketedCountry(i, lineEnd);
            }

            var tok = tokens[i];
            if (tok.Kind != TokenKind.Word)
            {
                i++;
                continue;
            }

            var w = Word(i);

            // "Helen Markby KC", "Jane Doe MP": letters after a person's name are no name of their own.
            if (i > start && lexicons.IsPostNominal(w) && IsNameWord(i - 1) && tokens[i - 1].End + 1 == tokens[i].Start)
            {
                i++;
                continue;
            }

            // "Vice Premier He Lifeng": after a title and before a name word, a Chinese family name
            // that spells a pronoun is the name's first word.
            if (IsPronoun(w, out var gender)
                && !(i + 1 < end && IsNameWord(i + 1) && lexicons.FamilyFirst.GetAlternateLookup<ReadOnlySpan<char>>().Contains(w)
                    && (PrecededByTitle(i) || NamedBefore(text.AsSpan(tokens[i].Start, tokens[i + 1].End - tokens[i].Start)))))
            {
                var c = New(s, i, i + 1, "PERSON", "pronoun");
                c.Gender = gender;
                c.Key = w.ToString();
                Add(c);
                i++;
                continue;
            }

            var n = lexicons.Match(text, tokens, i, end, out var phrase);
            if (n > 0 && phrase!.Kind == PhraseKind.Title && !OpensOrganization(i, n, end))
            {
                i = Title(s, i, n, phrase, end);
                continue;
            }

            if (n > 0 && phrase!.Kind == PhraseKind.Group)
            {
                i = Group(s, i, n, phrase, -1, null);
                continue;
            }

            if (n == 0 && i > sentenceStart && char.IsAsciiLetterLower(w[0]) && IsWordIgnoreCase(i - 1, "the")
                && lexicons.DefiniteHead(w) is { } head
                && !(i + 1 < end && (IsNameWord(i + 1) || IsWord(i + 1, "of"))))
            {
                // "the bloc", "the firm": a nominal coreference links to the organization named before.
                var c = New(s, i - 1, i + 1, "ORG", "nominal");
                c.Head = head;
                c.Key = head;
                Add(c);
                i++;
                continue;
            }

            if (w.Contains('-') && Hyphenated(s, i))
            {
                i++;
                continue;
            }

            if (!IsNameWord(i) || IsCurrencyPrefix(i, end) || IsTicker(i, end))
            {
                i++;
                continue;
            }

            // "Economy, Trade and Industry Minister Ryosei Akazawa": capitalized words listed with
            // commas and "and" before "Minister", "Secretary" or "Commissioner" are one portfolio.
            if (n == 0 && PortfolioList(i, end) is > 0 and var listLast && lexicons.Match(text, tokens, listLast + 1, end, out var listOffice) is > 0 and var lm
                && listOffice!.Kind == PhraseKind.Title && ContextWords.IsPortfolioTitle(listOffice.Canonical))
            {
                i = Title(s, listLast + 1, lm, listOffice, end, portfolio: i);
                continue;
            }

            // "Chadian Information Minister Amina Oumar": an unknown capitalized word before
            // "Minister", "Secretary" or "Commissioner" names the portfolio.
            if (n == 0 && i + 1 < end && lexicons.Match(text, tokens, i + 1, end, out var office) is > 0 and var om
                && office!.Kind == PhraseKind.Title && ContextWords.IsPortfolioTitle(office.Canonical) && !IsAcronym(w) && !lexicons.IsFunctionWord(w))
            {
                i = Title(s, i + 1, om, office, end, portfolio: i);
                continue;
            }

            // "Higher Education Minister X", "Parliamentary Affairs Minister Srikant Jena": two unknown capitalized words
            // (no function word or given name first, the second no organization word) before a portfolio title
            // ("Minister", "Secretary", "Commissioner") are the portfolio too.
            if (n == 0 && i + 2 < end && IsNameWord(i + 1) && !IsAcronym(w) && !IsAcronym(Word(i + 1)) && !lexicons.IsFunctionWord(w)
                && lexicons.FirstName(w) == '\0'
                && lexicons.Match(text, tokens, i + 1, end, out _) == 0 && lexicons.SuffixCue(Word(i + 1)) == CueKind.None
                && lexicons.Match(text, tokens, i + 2, end, out var office2) is > 0 and var om2
                && office2!.Kind == PhraseKind.Title && ContextWords.IsPortfolioTitle(office2.Canonical))
            {
                i = Title(s, i + 2, om2, office2, end, portfolio: i);
                continue;
            }

            // "Chadema, whose leader …", "Warisan, the party of …": a word opening a sentence that an
            // apposition describes as an organization is that organization's name.
            if (n == 0 && !headline && RunEnd(i, end) == i + 1 && ApposedOrganization(i, end)
                && !(i >= 2 && IsWord(i - 1, "of") && ContextWords.IsPlaceNoun(Word(i - 2)))) // "the autonomous region of Bougainville, whose president …" is a place
            {
                var org = New(s, i, i + 1, "ORG");
                org.Key = text[org.Start..org.End];
                Add(org);
                i++;
                continue;
            }

            // A capitalized word that only opens the sentence (or fills a headline) is not a name,
            // nor is a capitalized function word anywhere ("BRUSSELS - The European Commission").
            if (n == 0 && !OpensTableRow(i, lineStart, end) && (IsCommonCapital(i, lineStart, end, headline) || (lexicons.IsNonName(w) && lexicons.IsFunctionWord(w))))
            {
                i++;
                continue;
            }

            if (headline)
            {
                // Headline case hides the shape of names: keep known names and given-name pairs.
                if (n == 0 && HeadlineCapitals(s, i, end) is > 0 and var capitalsEnd)
                {
                    i = capitalsEnd;
                    continue;
                }

                if (n == 0 && !(lexicons.FirstName(w) != '\0' && i + 1 < end && IsNameWord(i + 1)))
                {
                    i++;
                    continue;
                }

                if (n > 0 && SportLabel(i + n, lineEnd))
                {
                    i += n + 1; // "AMERICAN FOOTBALL -", "ICE HOCKEY -": the section's sport, no name
                    continue;
                }

                i = Name(s, i, n > 0 ? i + n : i + 2, n, phrase, end);
                continue;
            }

            var runEnd = RunEnd(i, end);
            var added = candidates.Count;
            i = Name(s, i, runEnd, n, phrase, end);
            JoinOrdinal(added);
            JoinArticle(added);
        }
    }

    /// <summary>Where the line holding token <paramref name="i"/> ends: the first token after a line break, or <paramref name="end"/>.</summary>
    private int LineEnd(int i, int end)
    {
        for (var j = i + 1; j < end; j++)
        {
            if (text.AsSpan(tokens[j - 1].End, tokens[j].Start - tokens[j - 1].End).Contains('\n'))
            {
                return j;
            }
        }

        return end;
    }

    /// <summary>
    /// A heading on its own line inside a sentence ("Carney Budget Survives", "Chile Heads to a
    /// Runoff"): at least three longer words, all capitalized, and no closing punctuation.
    /// </summary>
    private bool IsHeadingLine(int start, int end)
    {
        var (words, caps) = LongWords(start, end);
        return words >= 3 && caps == words && Word(end - 1) is not ("." or "?" or "!" or ":" or ",");
    }

    /// <summary>
    /// "RAMAPHOSA OPENS TALKS IN JOHANNESBURG": in a headline, a word (or two or three) in capitals
    /// is a name where its title-case spelling is a place, a person or a nationality the lexicons know and the
    /// article does not write it in lower case; returns where the name ends, or 0.
    /// </summary>
    private int HeadlineCapitals(int s, int i, int end)
    {
        if (!IsAcronym(Word(i)))
        {
            return 0;
        }

        // A short first word names a place only with the words after it ("SRI LANKA", "SAN SEBASTIAN").
        var shortWord = tokens[i].Length < 4;
        for (var length = Math.Min(3, end - i); length >= (shortWord ? 2 : 1); length--)
        {
            if (!AllCapitals(i, i + length))
            {
                continue;
            }

            var span = text.AsSpan(tokens[i].Start, tokens[i + length - 1].End - tokens[i].Start);
            if (TitleCasePlace(span) is { } place && !AppearsLowercase(span) && (length > 1 || !lexicons.IsNonName(TitleCase(Word(i)))))
            {
                Add(NewKnown(s, i, i + length, place));
                return i + length;
            }

            // "SAN SEBASTIAN": two or three words in capitals that spell a town the gazetteer lists.
            if (length > 1 && !AppearsLowercase(span) && lexicons.Gazetteer.Town(TitleCaseWords(span)) is { } town)
            {
                return Town(s, i, i + length, town.Country);
            }
        }

        if (shortWord)
        {
            return 0;
        }

        if (Word(i).Length <= 32 && lexicons.MatchWord(TitleCase(Word(i))) is { Kind: PhraseKind.Name, Type: "PERSON" } person && !AppearsLowercase(Word(i)))
        {
            var c = NewKnown(s, i, i + 1, person);
            c.Gender = person.Gender;
            Add(c);
            return i + 1;
        }

        // "MEXICAN GUERRILLAS ATTACK", "EUROPEAN SHARES": a nationality word in capitals, not the sport of a section label.
        if (Word(i).Length <= 32 && lexicons.MatchWord(TitleCase(Word(i))) is { Kind: PhraseKind.Norp } norp && !AppearsLowercase(Word(i)) && !SportLabel(i + 1, end)
            && !BeforeCueWord(i + 1, end))
        {
            Add(NewKnown(s, i, i + 1, norp));
            return i + 1;
        }

        return 0;
    }

    /// <summary>"ASIAN CUP", "BELGIAN GRAND PRIX", "EUROPEAN UNION": a cue word in capitals within the next two words ends a longer name.</summary>
    private bool BeforeCueWord(int k, int end)
    {
        for (var j = k; j < end && j < k + 2 && IsAcronym(Word(j)); j++)
        {
            if (Word(j).Length <= 32 && lexicons.SuffixCue(TitleCase(Word(j))) != CueKind.None)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A sport's name in capitals (<c>context-words.txt</c> sport) at <paramref name="k"/>, ending the line or before a dash: a section label.</summary>
    private bool SportLabel(int k, int lineEnd) =>
        k < lineEnd && Word(k).Length is > 3 and <= 32 && IsAcronym(Word(k)) && ContextWords.IsSport(TitleCase(Word(k)))
        && (k + 1 == lineEnd || Word(k + 1) is "-" or "–" or "—");

    /// <summary>"SAN SEBASTIAN" → "San Sebastian": each word of a span in capitals in title case.</summary>
    private static string TitleCaseWords(ReadOnlySpan<char> upper)
    {
        Span<char> word = upper.Length <= 64 ? stackalloc char[upper.Length] : new char[upper.Length];
        upper.ToLowerInvariant(word);
        for (var k = 0; k < word.Length; k++)
        {
            if (k == 0 || word[k - 1] is ' ' or '-')
            {
                word[k] = char.ToUpperInvariant(word[k]);
            }
        }

        return word.ToString();
    }

    private static string TitleCase(ReadOnlySpan<char> upper) =>
        upper.Length == 0 ? "" : string.Concat(upper[..1], upper[1..].ToString().ToLowerInvariant());

    /// <summary>
    /// "the 82nd Airborne Division", "the 10th Mountain Division": an ordinal right before an
    /// organization's name ending in a cue word is part of it, and so is it before a shorter form of
    /// such a name met earlier ("the 82nd Airborne").
    /// </summary>
    private void JoinOrdinal(int added)
    {
        if (candidates.Count <= added)
        {
            return;
        }

        var c = candidates[added];
        var t = c.TokenStart;
        if (c.Kind != "name" || c.Type is not ("ORG" or "UNK") || t - 1 < sentenceStart || !IsOrdinal(t - 1)
            || tokens[t - 1].End + 1 != tokens[t].Start)
        {
            return;
        }

        var start = tokens[t - 1].Start;
        var joined = text[start..c.End];
        var cue = lexicons.SuffixCue(Word(c.TokenEnd - 1)) == CueKind.Org;
        var longer = candidates.Take(added).FirstOrDefault(o => o.Type == "ORG" && o.Kind == "name" && o.End - o.Start > joined.Length
            && text.AsSpan(o.Start, o.End - o.Start).StartsWith(joined + " ", StringComparison.Ordinal));
        if (!cue && longer is null)
        {
            return;
        }

        c.Start = start;
        c.TokenStart = t - 1;
        c.Type = "ORG";
        if (c.Known is null)
        {
            c.Key = longer?.Key ?? joined;
        }
    }

    /// <summary>
    /// "reported in The Lancet", "told The Information": a capitalized "The" inside a sentence, right
    /// after a lower-case word, is the first word of the organization's name after it.
    /// </summary>
    private void JoinArticle(int added)
    {
        if (candidates.Count <= added)
        {
            return;
        }

        var c = candidates[added];
        var t = c.TokenStart;
        if (c.Kind != "name" || c.Type is not ("ORG" or "UNK") || t - 2 < sentenceStart || !IsWord(t - 1, "The")
            || tokens[t - 1].End + 1 != tokens[t].Start || tokens[t - 2].Kind != TokenKind.Word || !char.IsLower(text[tokens[t - 2].Start]))
        {
            return;
        }

        c.Start = tokens[t - 1].Start;
        c.TokenStart = t - 1;
        c.Type = "ORG";
        c.Weak = false;
        if (c.Known is null)
        {
            c.Key = text[c.Start..c.End];
        }
    }

    /// <summary>"82nd", "10th", "1st": digits and an English ordinal ending.</summary>
    private bool IsOrdinal(int i)
    {
        var w = Word(i);
        return tokens[i].Kind == TokenKind.Word && w.Length is >= 3 and <= 6 && char.IsAsciiDigit(w[0])
            && w[^2..] is "st" or "nd" or "rd" or "th" && !w[..^2].ContainsAnyExceptInRange('0', '9');
    }

    /// <summary>
    /// A capitalized title word that begins an organization's or a place's name: "the General Court",
    /// "General Assembly", "Queen Street" (a run of name words ending in an organization, facility or
    /// location cue), not "General Mark Milley".
    /// </summary>
    private bool OpensOrganization(int i, int n, int end)
    {
        if (n != 1 || !IsUpperLetter(text[tokens[i].Start]) || i + 1 >= end || !IsNameWord(i + 1))
        {
            return false;
        }

        var r = i + 1;
        while (r < end && IsNameWord(r))
        {
            r++;
        }

        // "Queen Street West", "King Street East": a street's name may end in a compass word.
        var last = r - 1;
        if (last > i + 1 && ContextWords.IsCompass(Word(last)))
        {
            last--;
        }

        return lexicons.SuffixCue(Word(last)) is CueKind.Org or CueKind.Fac or CueKind.Loc;
    }

    /// <summary>A title ("President", "chief of staff"): kept for linking, or a nominal ("the president").</summary>
    /// <summary>
    /// The last word of a list of single capitalized words joined by commas and a final "and"
    /// ("Economy, Trade and Industry") that starts at <paramref name="i"/>, when a title follows
    /// it; -1 otherwise.
    /// </summary>
    private int PortfolioList(int i, int end)
    {
        var k = i;
        var commas = 0;
        // A known name in the list ("Britain, France and Germany") makes it a list of names.
        while (k + 2 < end && IsNameWord(k) && Word(k + 1) is "," && lexicons.Match(text, tokens, k, end, out _) == 0)
        {
            k += 2;
            commas++;
        }

        if (commas == 0 || k + 2 >= end || !IsNameWord(k) || Word(k + 1) is not "and" || !IsNameWord(k + 2)
            || lexicons.Match(text, tokens, k, end, out _) > 0 || lexicons.Match(text, tokens, k + 2, end, out _) > 0)
        {
            return -1;
        }

        return k + 3 < end && lexicons.Match(text, tokens, k + 3, end, out var office) > 0 && office!.Kind == PhraseKind.Title ? k + 2 : -1;
    }

    private int Title(int s, int i, int n, Phrase title, int end, int portfolio = -1)
    {
        var after = i + n;
        if (portfolio >= 0)
        {
            i = portfolio; // "Information Minister": the portfolio word belongs to the title
        }

        // "deputy chief of staff", "Deputy Prime Minister": a title before a title is one title.
        while (after < end && lexicons.Match(text, tokens, after, end, out var more) is > 0 and var m && more!.Kind == PhraseKind.Title)
        {
            title = more;
            after += m;
        }

        // "the Coordinating Minister of Health and Social Welfare": capitalized portfolio words after a
        // minister's or secretary's "of" belong to the title (not a place or a name the lexicons know, nor a given name).
        if (after + 1 < end && IsWord(after, "of") && title.Canonical.EndsWith("minister", StringComparison.Ordinal) | title.Canonical.EndsWith("secretary", StringComparison.Ordinal)
            && PortfolioName(after + 1, end))
        {
            var k = after + 2;
            while (k < end && (PortfolioName(k, end) || (Word(k) is "and" or "&" && k + 1 < end && PortfolioName(k + 1, end))))
            {
                k++;
            }

            after = k;
        }

        var followedByName = after < end && IsNameWord(after);
        if (!followedByName && i > sentenceStart && IsWordIgnoreCase(i - 1, "the") && title.Class is "head" or "office")
        {
            var c = New(s, i - 1, after, "PERSON", "nominal");

            // "the Health Minister" is not the information minister named before.
            c.Head = portfolio >= 0 ? text[tokens[i].Start..tokens[after - 1].End].ToLowerInvariant() : title.Canonical;
            c.AddTitle(text[tokens[i].Start..tokens[after - 1].End]);
            c.Gender = title.Gender;
            c.Key = c.Head;
            Add(c);

            // "X, the president of the Republika Srpska,": the title in apposition is X's too.
            if (i - 1 > sentenceStart && after < tokens.Length && Word(i - 2) is "," && IsWord(after, "of"))
            {
                titles.Add(new TitleUse(i, after, title, text[tokens[i].Start..tokens[after - 1].End]));
            }

            return after;
        }

        // "former president Jair Bolsonaro": the title stays with the person, as a past one.
        var first = i > sentenceStart && (IsWordIgnoreCase(i - 1, "former") || IsWord(i - 1, "ex")) ? i - 1 : i;
        titles.Add(new TitleUse(first, after, title, text[tokens[first].Start..tokens[after - 1].End]));
        return after;
    }

    private bool PortfolioName(int k, int end) =>
        IsNameWord(k) && lexicons.Match(text, tokens, k, end, out _) == 0 && lexicons.FirstName(Word(k)) == '\0' && !IsAcronym(Word(k));

    /// <summary>
    /// True when token <paramref name="k"/> is a noun the group noun before it modifies ("a New York press
    /// conference", "the Romanian assembly plant"; context-words.txt <c>groupmodified</c>): the group noun
    /// names no group there.
    /// </summary>
    private bool GroupModifies(int k, int end) => k < end && ContextWords.IsGroupModified(Word(k));

    /// <summary>A group noun after a nationality ("Russian forces") or after "the" ("the presidency").</summary>
    private int Group(int s, int i, int n, Phrase group, int norpStart, string? country)
    {
        var after = i + n;
        var first = norpStart >= 0 ? norpStart : i;
        if (first > sentenceStart && IsWordIgnoreCase(first - 1, "the"))
        {
            first--;
        }
        else if (norpStart < 0)
        {
            return after; // "forces" alone is no mention
        }

        var c = New(s, first, after, "ORG", "nominal");
        c.Head = group.Canonical;
        c.Country = country;
        c.Key = group.Canonical;
        Add(c);
        return after;
    }

    /// <summary>"Kremlin-backed", "pro-Russian", "Russian-speaking", "U.S.-led": a mention inside one token.</summary>
    private bool Hyphenated(int s, int i)
    {
        var tok = tokens[i];
        var w = Word(i);
        var dash = w.IndexOf('-');
        if (dash <= 0 || dash == w.Length - 1)
        {
            return false;
        }

        var head = w[..dash];
        var tail = w[(dash + 1)..];
        int from, to;
        Phrase? phrase;
        if (IsUpperLetter(head[0]) && !IsUpperLetter(tail[0]) && tail.IndexOf('-') < 0)
        {
            phrase = lexicons.MatchWord(head);
            (from, to) = (tok.Start, tok.Start + dash);
            if (i > sentenceStart && tokens[i - 1].Kind == TokenKind.Word && IsNameWord(i - 1) && tokens[i - 1].End + 1 == tok.Start)
            {
                // "New York-based": the name may begin a word earlier.
                var longer = lexicons.Lookup(text[tokens[i - 1].Start..to], PhraseKind.Name);
                if (longer is not null)
                {
                    (phrase, from) = (longer, tokens[i - 1].Start);
                }
                else
                {
                    return false;
                }
            }
        }
        else if (!IsUpperLetter(head[0]) && IsUpperLetter(tail[0]) && head is "pro" or "anti" or "ex" or "non" or "post" or "pre" or "mid")
        {
            phrase = lexicons.MatchWord(tail);
            (from, to) = (tok.Start + dash + 1, tok.End);
        }
        else
        {
            return false;
        }

        if (phrase is null || phrase.Kind is not (PhraseKind.Name or PhraseKind.Norp) || phrase.Type is null or "-")
        {
            return false;
        }

        var c = new Candidate
        {
            Start = from,
            End = to,
            TokenStart = from < tok.Start ? i - 1 : i,
            TokenEnd = i,
            Sentence = s,
            Type = phrase.Type,
            Known = phrase,
            Key = phrase.Canonical,
            Country = phrase.Country,
        };
        Add(c);
        return true;
    }

    /// <summary>The end of the run of name words starting at <paramref name="i"/>.</summary>
    private int RunEnd(int i, int end)
    {
        var r = i + 1;
        var of = -1;
        var cue = lexicons.PrefixCue(Word(i)) != CueKind.None || lexicons.SuffixCue(Word(i)) != CueKind.None;
        while (r < end)
        {
            // A name never runs over a line break ("Carney Budget Survives\nCanada's House of Commons").
            if (text.AsSpan(tokens[r - 1].End, tokens[r].Start - tokens[r - 1].End).Contains('\n'))
            {
                break;
            }

            if (IsNameWord(r))
            {
                if (lexicons.IsPostNominal(Word(r)))
                {
                    break; // "Helen Markby KC"
                }

                // A title ends the run ("Senate Majority Leader"), unless it opens an organization's
                // name that goes on to a cue word ("US Justice Department", "Queen Street West").
                if (lexicons.Match(text, tokens, r, end, out var p) is > 0 and var pm && p!.Kind == PhraseKind.Title && !OpensOrganization(r, pm, end)
                    && !IsSurnameTitle(i, r, pm, end))
                {
                    if (pm > 1 && lexicons.SuffixCue(Word(r)) == CueKind.Gpe && IsNameWord(r + 1))
                    {
                        r++; // "Maricopa County Attorney X": the place keeps its "County", the title is "Attorney"
                    }

                    break;
                }

                if (lexicons.IsFinalCue(Word(r - 1)))
                {
                    break; // "Apple Inc. Steve Jobs": a company's legal form ends its name
                }

                // "Stocks fell in Asia Monday": a weekday after a known name is the date, not part of the name.
                if (IsWeekdayName(Word(r)) && lexicons.Match(text, tokens, i, end, out _) == r - i)
                {
                    break;
                }

                cue |= lexicons.SuffixCue(Word(r)) != CueKind.None;
                r++;
                continue;
            }

            var w = Word(r);

            // "European People's Party", "Workers' Party": a possessive inside an organization's name.
            if (IsPossessive(w) && r + 1 < end && ContextWords.IsPossessor(Word(r - 1)) && IsNameWord(r + 1) && EndsInOrgCue(r + 1, end))
            {
                r++;
                continue;
            }

            // "Centers for Disease Control and Prevention", "Ministry of Economy, Trade and Industry":
            // after "of", common words joined by commas and a final "and" name the portfolio.
            if (of >= 0 && w is "and" or "," && PortfolioList(of, r, end) is > 0 and var listEnd)
            {
                r = listEnd;
                continue;
            }

            if (tokens[r].Kind == TokenKind.Word && r + 1 < end)
            {
                // "Ministry of Defence", "Syrian Observatory for Human Rights": after an institution word.
                // Not into a currency: "sold to Acme Capital Management for US$ 7 billion".
                if (((w is "of" or "for" && cue) && ((IsNameWord(r + 1) && !IsCurrencyPrefix(r + 1, end)) || (IsWord(r + 1, "the") && r + 2 < end && IsNameWord(r + 2))))
                    || (w is "on" && lexicons.SuffixCue(Word(r - 1)) == CueKind.Org && lexicons.PrefixCue(Word(r - 1)) == CueKind.Org
                        && IsNameWord(r + 1) && !IsWeekdayName(Word(r + 1)) && !(r + 2 < end && tokens[r + 2].Kind == TokenKind.Number))) // "Commission on Audit", not "Commission on Monday" or "on March 3"
                {
                    r += IsWord(r + 1, "the") ? 2 : 1;
                    of = r;
                    continue;
                }

                if (IsParticle(w) && IsNameWord(r + 1))
                {
                    r++;
                    continue;
                }

                // "Banco de la República", "Juan de la Cruz": two particles before a name word.
                if (IsParticle(w) && r + 2 < end && tokens[r + 1].Kind == TokenKind.Word && IsParticle(Word(r + 1)) && IsNameWord(r + 2))
                {
                    r += 2;
                    continue;
                }

                // Not after an institution's "of" name ("University of Oxford and Johns Hopkins University").
                if (w is "and" && of < 0 && IsNameWord(r + 1) && EndsInOrgCue(r + 1, end)
                    && lexicons.SuffixCue(Word(r - 1)) != CueKind.Org && lexicons.Match(text, tokens, i, r, out _) != r - i)
                {
                    r++; // "Louisiana Land and Exploration Co", "Procter and Gamble Co"
                    continue;
                }
            }

            if (tokens[r].Kind == TokenKind.Symbol && w is "&" && r + 1 < end && IsNameWord(r + 1))
            {
                r++;
                continue;
            }

            break;
        }

        return r;
    }

    /// <summary>
    /// Where a list of portfolio words after an institution's "of" ends ("Economy[, Trade] and Industry",
    /// "Disease Control and Prevention") when the list at <paramref name="at"/> (a comma or "and")
    /// goes on to a final "and" and a capitalized word; 0 when it does not. Every word of the list is
    /// a capitalized word no lexicon knows (no place, nationality, person or given name: "Bank of
    /// England and Lloyds" is two names).
    /// </summary>
    private int PortfolioList(int from, int at, int end)
    {
        for (var k = from; k < at; k++)
        {
            if (!PortfolioWord(k, end))
            {
                return 0;
            }
        }

        var r = at;
        var sawAnd = false;
        while (r + 1 < end && !sawAnd)
        {
            var sep = Word(r);
            if (sep is "and")
            {
                sawAnd = true;
            }
            else if (sep is not ",")
            {
                return 0;
            }

            r++;
            if (r < end && IsWord(r, "and") && sep is ",")
            {
                sawAnd = true;
                r++;
            }

            var words = 0;
            while (r < end && IsNameWord(r))
            {
                if (!PortfolioWord(r, end))
                {
                    return 0;
                }

                r++;
                words++;
            }

            if (words == 0 || words > 3)
            {
                return 0;
            }
        }

        return sawAnd && (r >= end || !IsPossessive(Word(r))) ? r : 0;
    }

    private bool PortfolioWord(int k, int end) =>
        IsNameWord(k) && !IsAcronym(Word(k)) && lexicons.FirstName(Word(k)) == '\0' && lexicons.Match(text, tokens, k, end, out _) == 0;

    private bool EndsInOrgCue(int i, int end)
    {
        var j = i;
        while (j < end && IsNameWord(j))
        {
            j++;
        }

        return lexicons.SuffixCue(Word(j - 1)) == CueKind.Org;
    }

    /// <summary>Types the run [i, runEnd) and adds its mention(s); returns where to go on.</summary>
    private int Name(int s, int i, int runEnd, int n, Phrase? phrase, int end)
    {
        var length = runEnd - i;

        // "Lassa fever", "Marburg virus": a name no lexicon knows before a disease word names the disease, no entity of ours.
        if (n == 0 && runEnd < end && tokens[runEnd].Kind == TokenKind.Word && ContextWords.IsDisease(Word(runEnd)))
        {
            return runEnd;
        }

        // "Adam Air Flight 574": the name before a flight number is the airline, the number its service.
        if (length >= 2 && ContextWords.IsServiceWord(Word(runEnd - 1)) && runEnd < end && tokens[runEnd].Kind == TokenKind.Number
            && !HasDigits(i, runEnd - 1))
        {
            var airline = New(s, i, runEnd - 1, "ORG");
            if (n == length - 1 && phrase!.Type == "ORG")
            {
                airline.Known = phrase;
                airline.Key = phrase.Canonical;
                airline.Country = phrase.Country;
            }
            else
            {
                airline.Key = text[airline.Start..airline.End];
                airline.Country = InnerCountry(i, runEnd - 1);
            }

            Add(airline);
            return runEnd + 1;
        }

        // Products and models ("Boeing 737", "Airbus A380", "KC-45") are no entities of ours; a known
        // organization whose own name has digits and covers the run ("G7", "G20") is no model.
        var knownDigitName = n >= length && phrase!.Type == "ORG" && !(runEnd < end && IsModel(runEnd));
        if (!knownDigitName && (n == 0 || phrase!.Type == "ORG" || n < length) && (HasDigits(i, runEnd) || (!tableLine && runEnd < end && IsModel(runEnd))))
        {
            return runEnd < end && IsModel(runEnd) ? runEnd + 1 : runEnd;
        }

        // "Saudi Energy Minister X": a nationality word and one portfolio word before "Minister",
        // "Secretary" or "Commissioner" are the nationality and the title, not an organization's name.
        if (n > 0 && phrase!.Kind == PhraseKind.Norp && length == n + 1 && runEnd < end
            && lexicons.Match(text, tokens, runEnd, end, out var office) > 0
            && office!.Kind == PhraseKind.Title && ContextWords.IsPortfolioTitle(office.Canonical))
        {
            return Norp(s, i, n, phrase, end);
        }

        // A cue word types the whole run: "Russian Defence Ministry", "Black Sea", "Istanbul Airport".
        if (length >= 2 && !(n >= length && phrase!.Kind == PhraseKind.Name))
        {
            var cue = lexicons.SuffixCue(Word(runEnd - 1));

            // "Jim Press", "Emily Post": a given name before a cue word that is also a common surname
            // is a person's name (context-words.txt, surname class), unless the given name is a place.
            if (length == 2 && ContextWords.IsSurname(Word(runEnd - 1)) && lexicons.FirstName(Word(i)) != '\0'
                && lexicons.Match(text, tokens, i, i + 1, out _) == 0)
            {
                cue = CueKind.None;
            }
            else if (cue == CueKind.None && length >= 3 && ContextWords.IsCompass(Word(runEnd - 1)))
            {
                cue = lexicons.SuffixCue(Word(runEnd - 2)); // "Queen Street West"
            }

            if (cue == CueKind.None)
            {
                cue = lexicons.PrefixCue(Word(i));
            }

            // "Democratic Party of Ivory Coast": an organization word before "of" makes the run an
            // organization whatever place word ends it.
            for (var j = i + 1; cue is CueKind.Loc or CueKind.Gpe && j < runEnd - 1; j++)
            {
                if (lexicons.SuffixCue(Word(j)) == CueKind.Org && IsWord(j + 1, "of"))
                {
                    cue = CueKind.Org;
                }
            }

            Phrase? statePhrase = null;

            // "Kingdom of Bahrain", "State of Kuwait": a state word and "of" before a country's name are that country.
            if (lexicons.SuffixCue(Word(i)) == CueKind.Gpe && runEnd - i >= 3 && IsWord(i + 1, "of")
                && lexicons.Match(text, tokens, i + 2, runEnd, out var state) == runEnd - i - 2 && state!.Type == "GPE" && state.Country is { Length: 3 })
            {
                cue = CueKind.Gpe;
                statePhrase = state;
            }

            // "Médecins Sans Frontières", "Cruz Roja Mexicana", "Banco de México": an organization
            // word of another language anywhere in the run; a name of two words or more ("Automobile sales" opens a sentence).
            for (var j = i; cue == CueKind.None && runEnd - i >= 2 && j < runEnd; j++)
            {
                cue = lexicons.IsOrgWord(Word(j)) ? CueKind.Org : CueKind.None;
            }

            for (var j = i; cue == CueKind.None && j < runEnd - 1; j++)
            {
                // "Oregon Department of Transportation", "Confederation of African Football": an organization word before "of".
                if (lexicons.SuffixCue(Word(j)) is CueKind.Org or CueKind.Event && (IsWord(j + 1, "of") || IsWord(j + 1, "for")))
                {
                    cue = lexicons.SuffixCue(Word(j)); // "Africa Cup of Nations": an event word before "of"
                }
            }

            if (cue == CueKind.Law)
            {
                return runEnd;
            }

            if (cue != CueKind.None)
            {
                var c = New(s, i, runEnd, CueType(cue));
                c.Key = text[c.Start..c.End];
                if (n > 0 && phrase!.Kind == PhraseKind.Name && phrase.Type == "ORG" && n == runEnd - i - 1
                    && LowerGroupRole(runEnd - 1) is null or "BUS")
                {
                    // ("Novo Nordisk Foundation" is the foundation, not the company.)
                    // "Apple Inc." is Apple.
                    c.Known = phrase;
                    c.Key = phrase.Canonical;
                }
                else if (statePhrase is not null)
                {
                    c.Known = statePhrase; // the country itself, one entity with its short name
                    c.Key = statePhrase.Canonical;
                }

                c.Country = InnerCountry(i, runEnd);
                Add(c);
                return runEnd;
            }
        }

        if (n > 0 && phrase!.Type == "-" && n >= length)
        {
            return i + n; // a listed non-entity ("Dow Jones")
        }

        if (n > 0)
        {
            if (phrase!.Kind == PhraseKind.Norp)
            {
                return Norp(s, i, n, phrase, end);
            }

            if (n >= length && phrase.Type == "GPE" && phrase.Country is { Length: 3 } && i + n < end
                && lexicons.Match(text, tokens, i + n, end, out var group) is > 0 and var g && group!.Kind == PhraseKind.Group
                && !GroupModifies(i + n + g, end))
            {
                return Group(s, i + n, g, group, i, phrase.Country); // "Kenya police", "Sudan government", "Toronto police"
            }

            if (n >= length)
            {
                var c = NewKnown(s, i, i + n, phrase);
                c.Gender = phrase.Gender;
                if (phrase.Type == "PERSON" && i > 0 && PrecededByTitle(i))
                {
                    c.Gender = c.Gender == '-' ? TitleGender(i) : c.Gender;
                }

                if (phrase.Type is "GPE" or "ORG" && phrase.Country is { Length: 3 } && TitleNominal(s, i, i + n, c, end) is var after and > 0)
                {
                    return after; // "the U.S. president", "the Kremlin leader"
                }

                Add(c);
                return i + n;
            }

            // A known place before another name: "the United States Barack Obama", "Kyiv Volodymyr Zelensky".
            if (phrase.Type is "GPE" or "LOC" && (lexicons.FirstName(Word(i + n)) != '\0'
                || lexicons.Match(text, tokens, i + n, end, out var next) > 0 && next!.Kind is PhraseKind.Name or PhraseKind.Title))
            {
                Add(NewKnown(s, i, i + n, phrase));
                return i + n;
            }

            // A known name inside a longer run: "Kyiv Independent", "Trump Organization"; but a
            // town's name opening a longer run is often a given name ("Eugene Atkinson").
            if (phrase.Type is "GPE" or "LOC" && !IsCountryOrRegion(phrase))
            {
                return Unknown(s, i, runEnd, end);
            }

            var longer = New(s, i, runEnd, phrase.Type == "PERSON" ? "PERSON" : "ORG");
            longer.Key = text[longer.Start..longer.End];
            longer.Country = longer.Type == "ORG" ? InnerCountry(i, runEnd) : null;
            Add(longer);
            return runEnd;
        }

        return Unknown(s, i, runEnd, end);
    }

    /// <summary>A town or division, tokens <paramref name="i"/> to <paramref name="runEnd"/>, known as a whole: a GPE of its country.</summary>
    private int Town(int s, int i, int runEnd, string? country)
    {
        var words = new string[runEnd - i];
        for (var k = 0; k < words.Length; k++)
        {
            words[k] = Word(i + k).ToString();
        }

        var place = New(s, i, runEnd, "GPE");
        place.Key = text[place.Start..place.End];
        place.Known = new Phrase(ImmutableArray.Create(words), PhraseKind.Name, "GPE", place.Key, country, null, null, '-', null);
        place.Country = country;
        Add(place);
        return runEnd;
    }

    /// <summary>A run of name words no lexicon names as a whole: typed by given names, titles, cues and shape.</summary>
    private int Unknown(int s, int i, int runEnd, int end)
    {
        // "W L T PF PA": a table's heading of one- and two-letter capitals names nothing.
        if (runEnd - i >= 3 && Enumerable.Range(i, runEnd - i).All(k => Word(k).Length <= 2 && !Word(k).ContainsAnyExceptInRange('A', 'Z')))
        {
            return runEnd;
        }

        // A dateline or headline in capitals: "KYIV", "NAIROBI", "PORT SUDAN".
        var place = runEnd - i == 1 && Word(i).Length >= 3 && IsAcronym(Word(i)) ? TitleCasePlace(Word(i))
            : runEnd - i is 2 or 3 && AllCapitals(i, runEnd) ? TitleCasePlace(text.AsSpan(tokens[i].Start, tokens[runEnd - 1].End - tokens[i].Start))
            : null;
        if (place is not null)
        {
            var c = New(s, i, runEnd, place.Type!);
            c.Known = place;

            // The dateline ("KYIV, March 3 -") names where the story was filed: an entity of its own,
            // so that "Kyiv said" later in the story can act for the government while the dateline stays a place.
            c.Key = IsDateline(i, runEnd) ? place.Canonical + "\u0002dateline" : place.Canonical;
            c.Country = place.Country;
            Add(c);
            return runEnd;
        }

        // "VEVEY, Switzerland 1996-08-28", "GHENT 1996-08-30": capitals opening a wire dateline line name the
        // place the story was filed from, whether or not the gazetteer knows it.
        if (runEnd - i <= 3 && Word(i).Length >= 3 && AllCapitals(i, runEnd) && TableLines.IsDatelineLine(text, tokens, i, runEnd))
        {
            var c = New(s, i, runEnd, "GPE");
            c.Key = text[c.Start..c.End];
            Add(c);
            return runEnd;
        }

        // "the southern province of Sweida", "the town of Pokrovsk": a name after a place noun and
        // "of" is that place, whether or not the gazetteer knows it.
        if (runEnd - i <= 3 && i >= 2 && IsWord(i - 1, "of") && ContextWords.IsPlaceNoun(Word(i - 2))
            && !PrecededByTitle(i) && lexicons.FirstName(Word(i)) == '\0')
        {
            var c = New(s, i, runEnd, "GPE");
            c.Key = text[c.Start..c.End];
            Add(c);
            return runEnd;
        }

        // "Borneo island", "Idlib province", "the Negev desert": a name before a lower-case place noun is that place.
        if (runEnd - i <= 2 && runEnd < end && !PrecededByTitle(i) && lexicons.FirstName(Word(i)) == '\0'
            && ContextWords.PlaceAfter(Word(runEnd)) is { } placeType)
        {
            var c = New(s, i, runEnd, placeType);
            c.Key = text[c.Start..c.End];
            Add(c);
            return runEnd;
        }

        // A town or first-level division no lexicon lists ("Rafah", "Sinaloa", "Tigray"): a place,
        // unless a title or a given name makes the run a person ("Governor Reda", "Jude Bellingham").
        if (runEnd - i <= 3 && !PrecededByTitle(i) && lexicons.FirstName(Word(i)) == '\0'
            && lexicons.Gazetteer.Town(text.AsSpan(tokens[i].Start, tokens[runEnd - 1].End - tokens[i].Start)) is { } town)
        {
            return Town(s, i, runEnd, town.Country);
        }

        // "Jorge Chavez international airport", "Ataturk airport": a name before a lower-case airport or stadium noun is
        // that place, named for a person or not (given names allowed; a title before the name keeps the person).
        if (runEnd - i <= 3 && !PrecededByTitle(i)
            && (runEnd < end && ContextWords.IsNamedVenue(Word(runEnd))
                || runEnd + 1 < end && IsWord(runEnd, "international") && ContextWords.IsNamedVenue(Word(runEnd + 1))))
        {
            var c = New(s, i, runEnd, "FAC");
            c.Key = text[c.Start..c.End];
            Add(c);
            return runEnd;
        }

        // "the Erez crossing", "the Salang tunnel", "the Montmelo circuit": a name no gazetteer lists before a passage
        // or venue noun is that place (after the towns: "the Rafah crossing" stays the town).
        if (runEnd - i <= 2 && runEnd < end && !PrecededByTitle(i) && lexicons.FirstName(Word(i)) == '\0'
            && ContextWords.IsPassage(Word(runEnd)))
        {
            var c = New(s, i, runEnd, "LOC");
            c.Key = text[c.Start..c.End];
            Add(c);
            return runEnd;
        }

        // A known phrase starting inside the run decides or splits it.
        var organization = false;
        for (var j = i + 1; j < runEnd; j++)
        {
            var m = lexicons.Match(text, tokens, j, end, out var inner);
            if (m == 0)
            {
                continue;
            }

            if (inner!.Type == "PERSON" && j + m == runEnd)
            {
                // "Emmanuel Macron": a given name before a known surname. "Eduardo Bolsonaro" after a
                // listed "Jair Bolsonaro" (alias "Bolsonaro") is another person of that family.
                var c = New(s, i, runEnd, "PERSON");
                if (OtherGivenName(i, inner))
                {
                    c.Key = text[c.Start..c.End];
                    Add(c);
                    return runEnd;
                }

                c.Known = inner;
                c.Key = inner.Canonical;
                c.Gender = inner.Gender;
                Add(c);
                return runEnd;
            }

            // "North Darfur", "South Kivu", "West Java": a compass word before a region or division the
            // lexicons know names a division of it (not a country: "South Sudan" is listed on its own).
            if (j == i + 1 && j + m == runEnd && inner.Kind == PhraseKind.Name && inner.Type is "GPE" or "LOC"
                && inner.Country is { Length: 3 } divisionCountry && ContextWords.IsCompass(Word(i)) && !IsCountryName(inner))
            {
                return Town(s, i, runEnd, divisionCountry);
            }

            if (inner.Kind is PhraseKind.Norp or PhraseKind.Title || inner.Type is "GPE" or "LOC")
            {
                if (PrecededByTitle(i) || lexicons.FirstName(Word(i)) != '\0')
                {
                    continue; // "Spokeswoman Dana Whitfield": a person's name, whatever its words
                }

                if (inner.Kind == PhraseKind.Name && !AllNonNames(i, j) && IsCountryOrRegion(inner))
                {
                    organization = true; // "Air China", "McDonnell Douglas"
                    break;
                }

                if (inner.Kind == PhraseKind.Name && !AllNonNames(i, j))
                {
                    continue; // "Shigeki Matsumoto": a city's name inside a person's name
                }

                runEnd = j;
                break;
            }
        }

        var length = runEnd - i;
        var cand = New(s, i, runEnd, organization ? "ORG" : "UNK");
        cand.Key = text[cand.Start..cand.End];
        if (organization)
        {
            Add(cand);
            return runEnd;
        }

        var firstGender = lexicons.FirstName(Word(i));
        if (PrecededByTitle(i))
        {
            cand.Type = "PERSON";
            cand.Gender = firstGender != '\0' ? firstGender : TitleGender(i);
        }
        else if (IsAcronym(Word(i)) && length == 1)
        {
            // "LIVE:", "BREAKING": a listed word in capitals (four letters or more; "WHO" is a name).
            if (lexicons.IsNonName(Word(i)) || (Word(i).Length >= 4 && Word(i).Length <= 32 && lexicons.IsNonName(TitleCase(Word(i)))))
            {
                return runEnd; // "UTC", "USD"
            }

            cand.Type = "ORG";
        }
        else if (firstGender != '\0' && length >= 2)
        {
            cand.Type = "PERSON";
            cand.Gender = firstGender;
        }
        else if (length >= 2)
        {
            cand.Type = LooksLikePersonName(i, runEnd) && !AnyAppearsLowercase(i, runEnd) ? "PERSON" : "ORG";
            cand.Weak = cand.Type == "PERSON";
        }
        else if (firstGender != '\0')
        {
            cand.Type = "PERSON"; // "Andrew" on his own
            cand.Gender = firstGender;
        }
        else if (lexicons.IsNonName(Word(i)))
        {
            return runEnd;
        }

        Add(cand);
        return runEnd;
    }

    /// <summary>
    /// True when a nationality word's group phrase [norpStart, groupEnd) describes a name beside it: a
    /// company noun (<c>context-words.txt</c> companynoun) ends it right before a name ("the Portuguese
    /// energy group Galp"), or it is an apposition after an organization's name ("Galp, the Portuguese
    /// energy group,"). The nationality word is then a NORP word of its own, not a group nominal.
    /// </summary>
    private bool DescribesName(int norpStart, int groupEnd, int end)
    {
        var j = groupEnd;
        while (j < end && j < groupEnd + 2 && tokens[j].Kind == TokenKind.Word && !IsUpperLetter(text[tokens[j].Start]) && ContextWords.IsCompanyNoun(Word(j)))
        {
            j++;
        }

        if (!ContextWords.IsCompanyNoun(Word(j - 1)))
        {
            return false;
        }

        if (j < end && IsNameWord(j))
        {
            return true;
        }

        return norpStart - 2 > sentenceStart && Word(norpStart - 1) is "the" or "a" or "an" && Word(norpStart - 2) is ","
            && candidates.Count > 0 && candidates[^1] is { Type: "ORG" or "UNK", Kind: "name" } last && last.TokenEnd == norpStart - 2
            && (j >= end || tokens[j].Kind != TokenKind.Word);
    }

    /// <summary>
    /// The group noun a nationality word shares with the nationality word coordinated after it:
    /// "and"/"or", that word, at most one modifier, and a group noun (<c>groups.txt</c>) that does not
    /// describe a name ("Chadian and Cameroonian troops", "Canadian and American trade officials"); else null.
    /// </summary>
    private Phrase? SharedGroup(int after, int end)
    {
        if (after + 2 >= end || Word(after) is not ("and" or "or")
            || lexicons.Match(text, tokens, after + 1, end, out var other) is not (> 0 and var on) || other!.Kind != PhraseKind.Norp)
        {
            return null;
        }

        var g = after + 1 + on;
        if (g < end && lexicons.Match(text, tokens, g, end, out var group) is > 0 and var gm && group!.Kind == PhraseKind.Group
            && !DescribesName(after + 1, g + gm, end))
        {
            return group;
        }

        return g + 1 < end && IsModifier(g) && !lexicons.IsFunctionWord(Word(g))
            && lexicons.Match(text, tokens, g + 1, end, out var later) is > 0 and var lm && later!.Kind == PhraseKind.Group
            && !DescribesName(after + 1, g + 1 + lm, end) ? later : null;
    }

    /// <summary>A nationality word: a NORP mention, or the start of a nominal ("the Russian leader", "Russian forces").</summary>
    private int Norp(int s, int i, int n, Phrase norp, int end)
    {
        var after = i + n;

        // "Thai Nguyen", "Thai Binh": a nationality word opening the name of a town or province the
        // gazetteer lists is that place, the name as a whole.
        if (after < end && IsNameWord(after) && lexicons.Match(text, tokens, after, end, out _) == 0)
        {
            var runEnd = after + 1;
            while (runEnd < end && runEnd - i < 3 && IsNameWord(runEnd))
            {
                runEnd++;
            }

            if (lexicons.Gazetteer.Town(text.AsSpan(tokens[i].Start, tokens[runEnd - 1].End - tokens[i].Start)) is { } town)
            {
                return Town(s, i, runEnd, town.Country);
            }
        }

        if (after < end)
        {
            var m = lexicons.Match(text, tokens, after, end, out var next);
            if (m > 0 && next!.Kind == PhraseKind.Group && !DescribesName(i, after + m, end) && !GroupModifies(after + m, end))
            {
                return Group(s, after, m, next, i, norp.Country);
            }

            // "Ethiopian federal forces", "Russian state media": one adjective between them.
            if (m == 0 && after + 1 < end && IsModifier(after) && !lexicons.IsFunctionWord(Word(after))
                && lexicons.Match(text, tokens, after + 1, end, out var later) is > 0 and var lm && later!.Kind == PhraseKind.Group
                && !DescribesName(i, after + 1 + lm, end))
            {
                return Group(s, after + 1, lm, later, i, norp.Country);
            }

            // "Chinese state oil companies": two such adjectives before a plural company group.
            if (m == 0 && after + 2 < end && IsModifier(after) && IsModifier(after + 1) && !lexicons.IsFunctionWord(Word(after)) && !lexicons.IsFunctionWord(Word(after + 1))
                && lexicons.Match(text, tokens, after + 2, end, out var later2) is > 0 and var lm2 && later2!.Kind == PhraseKind.Group && later2.Role == "BUS"
                && Word(after + 2 + lm2 - 1) is [.., 's'] && !DescribesName(i, after + 2 + lm2, end))
            {
                return Group(s, after + 2, lm2, later2, i, norp.Country);
            }

            // "Chadian and Cameroonian troops": the first of two coordinated nationality words names a
            // group of its own, of the noun after the second.
            if (m == 0 && norp.Country is not null && SharedGroup(after, end) is { } shared)
            {
                var c = New(s, i, after, "ORG", "nominal");
                c.Head = shared.Canonical;
                c.Country = norp.Country;
                c.Key = shared.Canonical;
                Add(c);
                return after;
            }
        }

        var norpMention = New(s, i, after, "NORP");
        norpMention.Known = norp;
        norpMention.Key = norp.Canonical;
        norpMention.Country = norp.Country;
        if (TitleNominal(s, i, after, norpMention, end) is var nominalEnd and > 0)
        {
            return nominalEnd;
        }

        Add(norpMention);
        return after;
    }

    private Phrase? TitleCasePlace(ReadOnlySpan<char> upper)
    {
        if (upper.Length > 32)
        {
            return null;
        }

        Span<char> word = stackalloc char[upper.Length];
        upper.ToLowerInvariant(word);
        word[0] = char.ToUpperInvariant(word[0]);
        if (word.IndexOf(' ') < 0)
        {
            return lexicons.MatchWord(word) is { Kind: PhraseKind.Name, Type: "GPE" or "LOC" } p ? p : null;
        }

        for (var k = 1; k < word.Length; k++)
        {
            if (word[k - 1] == ' ')
            {
                word[k] = char.ToUpperInvariant(word[k]); // "PORT SUDAN" → "Port Sudan"
            }
        }

        if (lexicons.Lookup(word.ToString(), PhraseKind.Name) is { Type: "GPE" or "LOC" } q)
        {
            return q;
        }

        // "DAR ES SALAAM", "RIO DE JANEIRO": short connecting words inside a place's name are lower case.
        var lowered = false;
        for (var k = 1; k < word.Length; k++)
        {
            if (word[k - 1] == ' ')
            {
                var next = word[k..].IndexOf(' ');
                if (next is > 0 and <= 3)
                {
                    word[k] = char.ToLowerInvariant(word[k]);
                    lowered = true;
                }
            }
        }

        return lowered && lexicons.Lookup(word.ToString(), PhraseKind.Name) is { Type: "GPE" or "LOC" } r ? r : null;
    }

    /// <summary>The role of groups.txt for token <paramref name="i"/> in lower case ("Foundation" → NGO), or null.</summary>
    private string? LowerGroupRole(int i)
    {
        var w = Word(i);
        if (w.Length > 32)
        {
            return null;
        }

        Span<char> lower = stackalloc char[w.Length];
        w.ToLowerInvariant(lower);
        return lexicons.GroupRole(lower);
    }

    /// <summary>Capitals opening the article's first paragraph, before a comma, a dash or a parenthesis.</summary>
    private bool IsDateline(int i, int end) =>
        document.Paragraphs.Length > 0 && tokens[i].Start == document.Paragraphs[0].Start && end < tokens.Length
        && Word(end) is "," or "-" or "–" or "—" or "(";

    private bool AllCapitals(int i, int end)
    {
        for (var j = i; j < end; j++)
        {
            if (!IsAcronym(Word(j)) || tokens[j].End + 1 != (j + 1 < end ? tokens[j + 1].Start : tokens[j].End + 1))
            {
                return false;
            }
        }

        return true;
    }

    private bool IsCountryName(Phrase place) =>
        lexicons.Gazetteer.Lookup(place.Tokens.Length == 1 ? place.Tokens[0] : string.Join(' ', place.Tokens)) is [{ Feature: "country" }, ..];

    private bool IsCountryOrRegion(Phrase place) =>
        lexicons.Gazetteer.Lookup(place.Tokens.Length == 1 ? place.Tokens[0] : string.Join(' ', place.Tokens)) is [{ Feature: not ("city" or "capital") }, ..];

    private bool HasDigits(int i, int end)
    {
        for (var j = i; j < end; j++)
        {
            if (Word(j).ContainsAny(Digits))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A model number after a maker's name: "737", "A380", "F-16".</summary>
    private bool IsModel(int i) =>
        tokens[i].Kind == TokenKind.Number && tokens[i].Length <= 4 && text[tokens[i].Start] != '0' && !IsYear(i)
            && !(i + 1 < tokens.Length && (text[tokens[i + 1].Start] is '-' or '–' or ':' || IsAmountWord(i + 1)))
        || tokens[i].Kind == TokenKind.Word && Word(i).ContainsAny(Digits) && (IsUpperLetter(text[tokens[i].Start]) || char.IsAsciiDigit(text[tokens[i].Start]));

    /// <summary>"fined Meta 200 million euros": a scale or currency word makes the number an amount.</summary>
    private bool IsAmountWord(int i) => tokens[i].Kind == TokenKind.Word && ContextWords.IsAmount(Word(i));

    private bool IsYear(int i) => tokens[i].Length == 4 && Word(i) is ['1' or '2', _, _, _];

    private bool AllNonNames(int i, int end)
    {
        for (var j = i; j < end; j++)
        {
            if (!lexicons.IsNonName(Word(j)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// "the Russian leader", "the U.S. president": "the", a nationality or country word ending at
    /// <paramref name="after"/>, a title and no name after it make a nominal for that country's
    /// office holder. Returns the token after the nominal, or 0. Should no person fit, coreference
    /// keeps <paramref name="inner"/> (the nationality or country word) as a mention of its own.
    /// </summary>
    private int TitleNominal(int s, int i, int after, Candidate inner, int end)
    {
        if (after >= end || i <= sentenceStart || !IsWordIgnoreCase(i - 1, "the"))
        {
            return 0;
        }

        var m = lexicons.Match(text, tokens, after, end, out var title);
        if (m == 0 || title!.Kind != PhraseKind.Title || title.Class is not ("head" or "office") || (after + m < end && IsNameWord(after + m)))
        {
            return 0;
        }

        var c = New(s, i - 1, after + m, "PERSON", "nominal");
        c.Head = title.Canonical;
        c.AddTitle(text[tokens[after].Start..tokens[after + m - 1].End]);
        c.Country = inner.Country;
        c.Inner = inner;
        c.Gender = title.Gender;
        c.Key = title.Canonical;

        // "Francis Escudero, the Senate president,": a title in apposition is the name's before the
        // comma; its body or country is a mention of its own and affiliates that person.
        if (inner.Type == "ORG" && i - 2 > sentenceStart && Word(i - 2) is "," && candidates.Count > 0
            && candidates[^1] is { Kind: "name", Type: "PERSON" or "UNK" } person && person.TokenEnd == i - 2)
        {
            person.Type = "PERSON";
            person.AddTitle(text[tokens[after].Start..tokens[after + m - 1].End]);
            person.Affiliation ??= inner;
            person.Country ??= inner.Country;
            Add(inner);
            return after + m;
        }

        Add(c);
        return after + m;
    }

    private static string CueType(CueKind cue) => cue switch
    {
        CueKind.Org => "ORG",
        CueKind.Loc => "LOC",
        CueKind.Gpe => "GPE",
        CueKind.Fac => "FAC",
        _ => "EVENT",
    };

    /// <summary>The country of a nationality word or place inside an organization's name.</summary>
    private string? InnerCountry(int i, int end)
    {
        for (var j = i; j < end; j++)
        {
            var m = lexicons.Match(text, tokens, j, end, out var p);
            // Places and nationality words only: a company or party inside the name ("Meta Platforms",
            // "General Labour Confederation") says nothing about the country the name acts for.
            if (m > 0 && p!.Country is { Length: 3 } country && (p.Kind is PhraseKind.Norp || p is { Kind: PhraseKind.Name, Type: not ("ORG" or "PERSON") }))
            {
                return country;
            }
        }

        return null;
    }

    /// <summary>
    /// A weekday written out ("Monday", not "Mon." or "Mondays"), from the time vocabulary
    /// (<c>Data/Time/words.txt</c>), so that the calendar words live in one file.
    /// </summary>
    private static bool IsWeekdayName(ReadOnlySpan<char> word) =>
        word.EndsWith("day", StringComparison.Ordinal) && Time.TimeLexicon.Default.Find(word) is { Weekday: > 0, PluralWeekday: false };

    /// <summary>True when a person's name mention before has exactly this text ("He Lifeng" again, opening a sentence).</summary>
    private bool NamedBefore(ReadOnlySpan<char> name)
    {
        foreach (var c in candidates)
        {
            if (c is { Type: "PERSON", Kind: "name" } && name.SequenceEqual(text.AsSpan(c.Start, c.End - c.Start)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"justices", "ministers": a title in the plural ("Mrs", "princess" are not).</summary>
    private static bool IsPluralTitle(string title) =>
        title.Length > 3 && title.EndsWith('s') && !title.EndsWith("ss", StringComparison.Ordinal);

    private bool PrecededByTitle(int i) => titles.Count > 0 && titles[^1].TokenEnd == i;

    /// <summary>
    /// True when the given name at token <paramref name="i"/> is a whole word that none of the listed
    /// person's names holds ("Eduardo" before "Bolsonaro", listed as "Jair Bolsonaro"): a relative, not
    /// the listed person. Initials and short forms ("J.", "Al") say nothing.
    /// </summary>
    private bool OtherGivenName(int i, Phrase person)
    {
        var given = Word(i);
        if (given.Length < 3 || given.Contains('.') || !lexicons.People.TryGetValue(person.Canonical, out var entry))
        {
            return false;
        }

        foreach (var name in entry.Names)
        {
            foreach (var part in name.AsSpan().Split(' '))
            {
                if (name.AsSpan()[part].Equals(given, StringComparison.OrdinalIgnoreCase))
                {
                    return false;
                }
            }
        }

        return entry.Names.Any(n => n.Contains(' ', StringComparison.Ordinal));
    }

    private char TitleGender(int i) => PrecededByTitle(i) ? titles[^1].Title.Gender : '-';

    private static bool IsAcronym(ReadOnlySpan<char> w)
    {
        var letters = 0;
        foreach (var c in w)
        {
            if (char.IsAsciiLetterLower(c))
            {
                return false;
            }

            letters += char.IsAsciiLetterUpper(c) ? 1 : 0;
        }

        return letters >= 2;
    }

    /// <summary>Multi-word runs are people unless a word is odd for a name (digits, all capitals).</summary>
    private bool LooksLikePersonName(int i, int end)
    {
        if (end - i > 4)
        {
            return false;
        }

        // "the Green Bay Packers", "the Shining Path", "oil group Elf Aquitaine": a run with no given name after
        // "the" or a company noun names a team, a group or a company; a person's name takes no article.
        if (i > sentenceStart && (IsWordIgnoreCase(i - 1, "the") || (char.IsAsciiLetterLower(text[tokens[i - 1].Start]) && ContextWords.IsCompanyNoun(Word(i - 1)))))
        {
            return false;
        }

        // "a trader at Rudolf Wolff", "economists at Smith Barney": after a market job and "at", the employer.
        if (i - 2 >= sentenceStart && IsWord(i - 1, "at") && ContextWords.IsDeskRole(Word(i - 2)))
        {
            return false;
        }

        // "said Peter Gignoux of Smith Barney": after a person's name and "of", a run that opens with no given
        // name is the person's firm or body, not another person.
        if (i - 1 > sentenceStart && IsWord(i - 1, "of") && lexicons.FirstName(Word(i)) == '\0'
            && candidates.Count > 0 && candidates[^1] is { Type: "PERSON", Kind: "name" } person && person.TokenEnd == i - 1)
        {
            return false;
        }

        for (var j = i; j < end; j++)
        {
            var w = Word(j);
            if (IsParticle(w))
            {
                continue;
            }

            if (IsAcronym(w) && w.Length > 1 || w.ContainsAny(Digits) || lexicons.IsNonName(w))
            {
                return false;
            }

            // "World Athletics", "World Rugby": a sport's name (context-words.txt sport) in a run that has no given name.
            if (lexicons.FirstName(w) == '\0' && ContextWords.IsSport(w))
            {
                return false;
            }

            // "Washington Mutual": a place's name in a run that has no given name.
            if (lexicons.FirstName(w) == '\0' && lexicons.MatchWord(w) is { Type: "GPE" or "LOC" })
            {
                return false;
            }

            // "(Thai) Airways International": an organization word before the last word of the run.
            if (j < end - 1 && lexicons.FirstName(w) == '\0' && lexicons.SuffixCue(w) == CueKind.Org)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// "Martin Luther King", "Stephen King": a one-word title that ends a run opened by a given name,
    /// with no name or "of" after it, is the person's surname (titles stand before names in English).
    /// </summary>
    private bool IsSurnameTitle(int i, int r, int length, int end) =>
        length == 1 && lexicons.FirstName(Word(i)) != '\0' && IsUpperLetter(text[tokens[r].Start])
        && (r + 1 >= end || (!IsNameWord(r + 1) && !IsWord(r + 1, "of")));

    /// <summary>
    /// True where a single capitalized word is followed by an apposition that makes it an
    /// organization: ", which", ", whose leader", or ", the [lower-case words] HEAD" whose head noun
    /// names an organization (<c>groups.txt</c>: party, company, regulator…) and ends the noun group.
    /// </summary>
    private bool ApposedOrganization(int i, int end)
    {
        if (i + 3 >= end || Word(i + 1) is not ",")
        {
            return false;
        }

        var w = Word(i);
        if (w.Length < 3 || w.EndsWith("ly", StringComparison.Ordinal) || lexicons.IsNonName(w) || lexicons.FirstName(w) != '\0' || AppearsLowercase(w))
        {
            return false;
        }

        if (IsWord(i + 2, "which"))
        {
            return true;
        }

        if (IsWord(i + 2, "whose"))
        {
            // "whose leader", "whose chairman": a body with a head, not a person.
            return lexicons.Match(text, tokens, i + 3, end, out var head) > 0 && head!.Kind == PhraseKind.Title && head.Class == "head";
        }

        if (!IsWord(i + 2, "the") && !IsWord(i + 2, "a") && !IsWord(i + 2, "an"))
        {
            return false;
        }

        for (var k = i + 3; k < end && k <= i + 6 && tokens[k].Kind == TokenKind.Word && char.IsLower(Word(k)[0]); k++)
        {
            if (lexicons.GroupRole(Word(k)) is { } role && role is "PTY" or "BUS" or "GOV" or "MED" or "NGO" or "LAB" or "EDU"
                && (k + 1 >= end || tokens[k + 1].Kind != TokenKind.Word || lexicons.IsFunctionWord(Word(k + 1))))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A stock ticker in brackets after a company's name: "(MSFT.O)", "(DG.N)", "(7203.T)", a code of
    /// its exchange, not another name.
    /// </summary>
    private bool IsTicker(int i, int end)
    {
        // "Michael Johnson (U.S.)": a place the lexicons know is no ticker.
        if (i == 0 || i + 1 >= end || Word(i - 1) is not "(" || Word(i + 1) is not ")"
            || (lexicons.Match(text, tokens, i, end, out var place) > 0 && place!.Type == "GPE"))
        {
            return false;
        }

        var w = Word(i);
        var dot = w.IndexOf('.');
        if (dot < 1 || dot > 6 || w.Length - dot - 1 is < 1 or > 2)
        {
            return false;
        }

        foreach (var c in w)
        {
            if (c != '.' && !char.IsAsciiLetterUpper(c) && !char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>"US$ 180 billion", "AU$40 million", "HK$": a country's letters written onto a dollar sign name a currency.</summary>
    private bool IsCurrencyPrefix(int i, int end) =>
        i + 1 < end && tokens[i + 1].Start == tokens[i].End && Word(i + 1) is "$" && Word(i).Length <= 3;

    private static bool IsPronoun(ReadOnlySpan<char> w, out char gender)
    {
        gender = w switch
        {
            "he" or "He" or "him" or "his" or "His" or "himself" => 'm',
            "she" or "She" or "her" or "Her" or "hers" or "herself" => 'f',
            _ => '\0',
        };
        return gender != '\0';
    }

    /// <summary>
    /// A capitalized word at the start of a sentence (or in a headline) that is an ordinary word:
    /// listed as a non-name, or written in lower case elsewhere in the article, or never seen
    /// capitalized inside a sentence and not a given name.
    /// </summary>
    private bool IsCommonCapital(int i, int start, int end, bool headline)
    {
        var w = Word(i);
        var initial = true;
        for (var j = start; j < i; j++)
        {
            if (tokens[j].Kind is TokenKind.Word or TokenKind.Number)
            {
                initial = false;
                break;
            }
        }

        // "Jobs said, “Stop me if…”": the first word of a quotation opens a sentence too.
        if (!initial && i >= 1 && tokens[i - 1].End == tokens[i].Start && Word(i - 1) is "“" or "\"" or "``"
            && (i - 1 == start || Word(i - 2) is "," or ":" || tokens[i - 2].Kind == TokenKind.Punctuation))
        {
            initial = true;
        }

        // "BUENOS AIRES - Thousands of…", "(Dateline Wire) - Former president…": the first word after
        // a dateline's dash opens the story as a sentence's first word does.
        // "NAHA, Japan — Four…": a dateline in capitals with its country before the dash.
        if (!initial && i >= 2 && tokens[i - 1].Kind == TokenKind.Punctuation && Word(i - 1) is "-" or "–" or "—"
            && (Word(i - 2) is ")" || IsAcronym(Word(i - 2)) || (IsAcronym(Word(start)) && i - start <= 6 && IsNameWord(i - 2))))
        {
            initial = true;
        }

        // "09:30 — Welcome to our live coverage": the first word after a timestamp's dash opens the entry.
        if (!initial && i >= 2 && tokens[i - 1].Kind == TokenKind.Punctuation && Word(i - 1) is "-" or "–" or "—" && OnlyNumbers(start, i - 1))
        {
            initial = true;
        }

        if (!initial && !headline)
        {
            return false;
        }

        // "Banco de México cut…", "Deutsche Bahn said…": an organization word of another language
        // opening a longer name is that name's first word.
        if (RunEnd(i, end) is var orgRun && orgRun > i + 1)
        {
            for (var j = i; j < orgRun; j++)
            {
                if (lexicons.IsOrgWord(Word(j)))
                {
                    return false; // "Reporters Sans Frontières said…"
                }
            }
        }

        // "Bank of Ghana data showed…", "Ministry of Defence officials said…": an institution word
        // that opens a name going on through "of" or "for" is that name's first word.
        if (lexicons.PrefixCue(w) == CueKind.Org && i + 2 < end && (IsWord(i + 1, "of") || IsWord(i + 1, "for")) && RunEnd(i, end) > i + 2)
        {
            return false;
        }

        // "Bank Indonesia Governor X": an institution word right before a country's name is that name's first word.
        if (lexicons.PrefixCue(w) == CueKind.Org && i + 1 < end && IsNameWord(i + 1)
            && lexicons.Match(text, tokens, i + 1, end, out var country) is > 0 and var cn && country!.Type == "GPE"
            && lexicons.Gazetteer.Lookup(country.Canonical) is [{ Feature: "country" }, ..]
            && (i + 1 + cn >= end || !IsPossessive(Word(i + 1 + cn))))
        {
            return false;
        }

        if (lexicons.IsNonName(w))
        {
            // "Government Accountability Office": a listed word opening a name with a cue word.
            // "Four China Coast Guard ships": a country or nationality opens the rest of the run.
            var run = RunEnd(i, end);
            return headline || run - i < 2 || lexicons.IsFunctionWord(w) || lexicons.SuffixCue(Word(run - 1)) == CueKind.None
                || (lexicons.Match(text, tokens, i + 1, end, out var rest) > 0 && (rest!.Kind == PhraseKind.Norp || rest.Type == "GPE"));
        }

        // "AirTanker", "PayPal", "McLaren": a capital inside the word is a name's spelling, even where
        // the article also writes it in lower case ("the airtanker contract").
        if (lexicons.FirstName(w) != '\0' || IsAcronym(w) || w[1..].IndexOfAnyInRange('A', 'Z') >= 0)
        {
            return false;
        }

        if (i + 1 < end && IsNameWord(i + 1) && !headline)
        {
            // "Rival Samsung Electronics": an opening word before a name that is whole without it.
            if (AppearsLowercase(w))
            {
                return true;
            }

            // "Maricopa County Superior Court": a place word such as "County" needs the name before it.
            if (lexicons.SuffixCue(Word(i + 1)) == CueKind.Gpe && lexicons.Match(text, tokens, i + 1, end, out _) == 0)
            {
                return false;
            }

            var run = RunEnd(i + 1, end);
            // A cue word alone is no whole name: "Tonse Party said" keeps its first word.
            var whole = lexicons.Match(text, tokens, i + 1, end, out var known) == run - i - 1 && known!.Kind == PhraseKind.Name
                || (run - i - 1 >= 2 && lexicons.SuffixCue(Word(run - 1)) == CueKind.Org);
            return whole && !AppearsCapitalizedInside(w);
        }

        return AppearsLowercase(w) || !AppearsCapitalizedInside(w);
    }

    /// <summary>
    /// "Arsenal 2 Leeds 0", "NEW YORK 74 58 .561": on a table line, a capitalized word opening the line
    /// right before a figure (or its run of capitalized words before one) is a name, not a sentence's
    /// first word, unless the article writes it in lower case ("Sales 25,410") or lists it as no name.
    /// </summary>
    private bool OpensTableRow(int i, int lineStart, int end)
    {
        if (!tableLine || (i != lineStart && !(i == lineStart + 2 && tokens[lineStart].Kind == TokenKind.Number && Word(lineStart + 1) is ".")))
        {
            return false;
        }

        var run = RunEnd(i, end);
        return run < end && (TableLines.IsFigure(text, tokens[run]) || BracketedCountryThenFigure(run, end))
            && !AnyAppearsLowercase(i, run) && !lexicons.IsNonName(Word(i));
    }

    /// <summary>"Kilmarnock (Scotland) 2": a country alone in brackets from token <paramref name="open"/>, then a figure.</summary>
    private bool BracketedCountryThenFigure(int open, int end)
    {
        if (Word(open) is not "(")
        {
            return false;
        }

        for (var close = open + 2; close < end - 1 && close <= open + 4; close++)
        {
            if (Word(close) is ")")
            {
                var inside = text[tokens[open + 1].Start..tokens[close - 1].End];
                return TableLines.IsFigure(text, tokens[close + 1]) && lexicons.Gazetteer.Lookup(inside) is [{ Feature: "country" }, ..];
            }
        }

        return false;
    }

    private bool OnlyNumbers(int start, int end)
    {
        for (var j = start; j < end; j++)
        {
            if (tokens[j].Kind is not (TokenKind.Number or TokenKind.Punctuation))
            {
                return false;
            }
        }

        return end > start;
    }

    /// <summary>"Developer Program": a word of the run written in lower case elsewhere makes it no person's name.</summary>
    private bool AnyAppearsLowercase(int i, int end)
    {
        for (var j = i; j < end; j++)
        {
            if (!IsParticle(Word(j)) && AppearsLowercase(Word(j)))
            {
                return true;
            }
        }

        return false;
    }

    private bool AppearsLowercase(ReadOnlySpan<char> w)
    {
        if (w.Length > 64)
        {
            return false;
        }

        Span<char> lower = stackalloc char[w.Length];
        w.ToLowerInvariant(lower);
        WordSets();
        return lowerWords!.Contains(string.GetHashCode(lower, StringComparison.Ordinal));
    }

    private bool AppearsCapitalizedInside(ReadOnlySpan<char> w)
    {
        WordSets();
        return insideCapitals!.Contains(string.GetHashCode(w, StringComparison.Ordinal));
    }

    /// <summary>
    /// Hashes of the article's lower-case words and of its capitalized words inside sentences,
    /// built once on first use: whether "Since" is an ordinary word is decided by the article itself.
    /// </summary>
    private void WordSets()
    {
        if (lowerWords is not null)
        {
            return;
        }

        lowerWords = [];
        insideCapitals = [];
        var sentences = document.Sentences;
        var s = 0;
        for (var i = 0; i < tokens.Length; i++)
        {
            while (s < sentences.Length && sentences[s].End <= tokens[i].Start)
            {
                s++;
            }

            if (tokens[i].Kind != TokenKind.Word)
            {
                continue;
            }

            var w = Word(i);
            var hash = string.GetHashCode(w, StringComparison.Ordinal);
            if (char.IsLower(w[0]))
            {
                lowerWords.Add(hash);
            }
            // "…, 2008" then "Stock markets fell": a word after the previous sentence's last token opens its own.
            else if (i > 0 && (tokens[i - 1].Kind is TokenKind.Word or TokenKind.Number || Word(i - 1) is ",")
                && (s >= sentences.Length || tokens[i - 1].Start >= sentences[s].Start)
                && !text.AsSpan(tokens[i - 1].End, tokens[i].Start - tokens[i - 1].End).Contains('\n'))
            {
                insideCapitals.Add(hash);
            }
        }
    }

    /// <summary>How many words of more than three letters tokens [start, end) hold, and how many of them are capitalized.</summary>
    private (int Words, int Capitalized) LongWords(int start, int end)
    {
        int words = 0, caps = 0;
        for (var i = start; i < end; i++)
        {
            if (tokens[i].Kind == TokenKind.Word && tokens[i].Length > 3)
            {
                words++;
                caps += IsUpperLetter(text[tokens[i].Start]) ? 1 : 0;
            }
        }

        return (words, caps);
    }

    /// <summary>A headline-style sentence: most of its longer words capitalized.</summary>
    private bool IsHeadline(int start, int end)
    {
        var (words, caps) = LongWords(start, end);
        return (words >= 4 && caps * 10 >= words * 9)
            || (words >= 2 && caps == words && CapitalsWithoutFigures(start, end) && (Word(end - 1) is "." || HasDash(start, end)));
    }

    /// <summary>
    /// "AMERICAN FOOTBALL - NFL RESULTS .": a short line all in capitals with a dash or a full stop is a headline, not
    /// prose; a dateline or a table line in capitals holds a date or figures, and a line that is only a name
    /// ("MAGYAR HIRLAP" opening a press digest's item) has neither dash nor stop.
    /// </summary>
    /// <summary>
    /// "Front row : Damon Hill ( Britain ) Williams-Renault , Jacques Villeneuve ( Canada ) …": a line where a name
    /// stands before a country in brackets lists competitors; it is no headline, however many capitals it holds.
    /// </summary>
    private bool BracketedCountry(int start, int end)
    {
        for (var i = start + 3; i < end; i++)
        {
            if (Word(i) is ")" && Word(i - 2) is "(" && tokens[i - 1].Kind == TokenKind.Word && IsNameWord(i - 3)
                && lexicons.Gazetteer.Lookup(Word(i - 1)) is [{ Feature: "country" }, ..])
            {
                return true;
            }
        }

        return false;
    }

    private bool HasDash(int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            if (Word(i) is "-" or "–" or "—")
            {
                return true;
            }
        }

        return false;
    }

    private bool CapitalsWithoutFigures(int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            if (TableLines.IsFigure(text, tokens[i]) || (tokens[i].Kind == TokenKind.Word && Word(i).ContainsAnyInRange('a', 'z')))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Links titles to the names next to them: "Russian President Vladimir Putin",
    /// "Kremlin spokesperson Dmitry Peskov", "Andriy Yermak, Zelensky’s chief of staff".
    /// </summary>
    private void LinkTitles()
    {
        if (titles.Count == 0)
        {
            return;
        }

        var byStart = new Dictionary<int, int>();
        var byEnd = new Dictionary<int, int>();
        for (var k = 0; k < candidates.Count; k++)
        {
            var c = candidates[k];
            if (c.TokenEnd > c.TokenStart)
            {
                byStart.TryAdd(c.TokenStart, k);
                byEnd[c.TokenEnd] = k;
            }
        }

        foreach (var title in titles)
        {
            // Before a name, or before a name set off by a comma ("its foreign minister, Andrii Sybiha,").
            var nameAt = title.TokenEnd;
            if (nameAt + 1 < tokens.Length && Word(nameAt) is "," && byStart.ContainsKey(nameAt + 1) && !byStart.ContainsKey(nameAt))
            {
                nameAt++;
            }
            else if (nameAt + 3 < tokens.Length && IsWord(nameAt, "to") && byStart.TryGetValue(nameAt + 1, out var posted)
                && candidates[posted] is { Type: "GPE", Kind: "name" } && candidates[posted].TokenEnd + 1 < tokens.Length
                && Word(candidates[posted].TokenEnd) is "," && byStart.ContainsKey(candidates[posted].TokenEnd + 1))
            {
                nameAt = candidates[posted].TokenEnd + 1; // "Russia's ambassador to Bosnia, Igor Kalabukhov,"
            }

            if (byStart.TryGetValue(nameAt, out var named) && candidates[named].Type is "PERSON" or "UNK")
            {
                var person = candidates[named];
                person.Type = "PERSON";
                person.AddTitle(title.Text);
                if (person.Gender == '-')
                {
                    person.Gender = title.Title.Gender;
                }

                Affiliate(person, title.TokenStart, byEnd);
                OfAffiliation(person, person.TokenEnd, byStart);

                // A plural title ("Justices A, B and C") is each listed person's.
                for (var next = person.TokenEnd; IsPluralTitle(title.Title.Canonical) && next + 1 < tokens.Length;)
                {
                    var skip = Word(next) is "," ? 1 : 0;
                    skip += next + skip < tokens.Length && IsWord(next + skip, "and") ? 1 : 0;
                    if (skip == 0 || !byStart.TryGetValue(next + skip, out var also) || candidates[also].Type is not ("PERSON" or "UNK"))
                    {
                        break;
                    }

                    candidates[also].Type = "PERSON";
                    candidates[also].AddTitle(title.Text);
                    next = candidates[also].TokenEnd;
                }

                continue;
            }

            // After a name, as an apposition: "X, [the] [Y’s|Russian] [senior] title".
            var p = title.TokenStart - 1;
            for (var skip = 0; skip < 2 && p > 0 && IsModifier(p); skip++)
            {
                p--;
            }

            var affiliation = -1;
            if (p >= 0 && tokens[p].Kind == TokenKind.Word && IsPossessive(Word(p)) && byEnd.TryGetValue(p, out var owner))
            {
                affiliation = owner;
                p = candidates[owner].TokenStart - 1;
            }
            else if (p >= 0 && byEnd.TryGetValue(p + 1, out var modifier)
                && candidates[modifier].Type is "NORP" or "ORG" or "GPE")
            {
                affiliation = modifier;
                p = candidates[modifier].TokenStart - 1;
            }

            if (p >= 0 && (IsWordIgnoreCase(p, "the") || IsWordIgnoreCase(p, "a")))
            {
                p--;
            }

            if (p >= 1 && Word(p) is "," && byEnd.TryGetValue(p, out var appositive) && (candidates[appositive].Type is "PERSON" or "UNK" || ShapeOrganization(candidates[appositive])))
            {
                var person = candidates[appositive];
                person.Type = "PERSON";
                person.AddTitle(title.Text);
                if (person.Gender == '-')
                {
                    person.Gender = title.Title.Gender;
                }

                if (affiliation >= 0)
                {
                    person.Affiliation = candidates[affiliation];
                    person.Country ??= candidates[affiliation].Country;
                }
                else
                {
                    OfAffiliation(person, title.TokenEnd, byStart);
                }
            }
        }
    }

    /// <summary>
    /// "the chief executive of General Motors", "Professor Arjun Mehta of the University of
    /// Edinburgh": the organization or country after "of" lends the person its country.
    /// </summary>
    private void OfAffiliation(Candidate person, int after, Dictionary<int, int> byStart)
    {
        if (person.Affiliation is not null || after + 1 >= tokens.Length || !IsWord(after, "of"))
        {
            return;
        }

        var at = IsWord(after + 1, "the") ? after + 2 : after + 1;
        if (byStart.TryGetValue(at, out var k) && candidates[k] is { Kind: "name", Type: "ORG" or "GPE" } owner)
        {
            person.Affiliation = owner;
            person.Country ??= owner.Country;
        }
    }

    /// <summary>
    /// A country's possessive lends its country to the organization or person named right after
    /// it: "Sudan’s Foreign Ministry" acts for Sudan, "Kenya’s Supreme Court" is Kenyan.
    /// </summary>
    private void LendPossessors()
    {
        Dictionary<int, int>? byEnd = null;
        foreach (var c in candidates)
        {
            // A listed institution's country gives way too: "Brazil’s Senate" is not the US Senate.
            if (c.Kind != "name" || (c.Country is not null && c.Type != "ORG") || c.Type is not ("ORG" or "PERSON" or "UNK") || c.TokenStart < 2
                || tokens[c.TokenStart - 1].Kind != TokenKind.Word || !IsPossessive(Word(c.TokenStart - 1)))
            {
                continue;
            }

            if (byEnd is null)
            {
                byEnd = [];
                for (var k = 0; k < candidates.Count; k++)
                {
                    byEnd[candidates[k].TokenEnd] = k;
                }
            }

            if (byEnd.TryGetValue(c.TokenStart - 1, out var owner) && candidates[owner] is { Type: "GPE", Kind: "name", Country: { Length: 3 } country })
            {
                c.Country = country;
                c.Affiliation ??= candidates[owner];
            }
        }
    }

    /// <summary>
    /// An organization only by default: two or three name words no lexicon knows and no cue types
    /// ("Fritz Henderson", where Henderson is also a city). A title in apposition makes it a person.
    /// </summary>
    private bool ShapeOrganization(Candidate c) =>
        c is { Type: "ORG", Kind: "name", Known: null } && c.TokenEnd - c.TokenStart is 2 or 3
        && lexicons.SuffixCue(Word(c.TokenEnd - 1)) == CueKind.None && lexicons.PrefixCue(Word(c.TokenStart)) == CueKind.None
        && !IsAcronym(Word(c.TokenStart)) && !IsAcronym(Word(c.TokenEnd - 1)) && !HasOrgWord(c.TokenStart, c.TokenEnd);

    /// <summary>True where a word of tokens <paramref name="from"/>..<paramref name="to"/> is an organization word ("Automobile Craiova").</summary>
    private bool HasOrgWord(int from, int to)
    {
        for (var j = from; j < to; j++)
        {
            if (lexicons.IsOrgWord(Word(j)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A lower-case word that can stand between a possessive and a title ("senior", "top").</summary>
    private bool IsModifier(int i) =>
        tokens[i].Kind == TokenKind.Word && !IsUpperLetter(text[tokens[i].Start]) && !IsPossessive(Word(i))
        && Word(i) is not ("the" or "a" or "an" or "and" or "or" or "of" or "who" or "which" or "as" or "is" or "was");

    /// <summary>
    /// The mention right before a title lends the person its country: "Russian", "Kremlin", "U.S.",
    /// "Ukraine’s", also over a lower-case word or two ("South Sudan’s information minister").
    /// </summary>
    private void Affiliate(Candidate person, int titleStart, Dictionary<int, int> byEnd)
    {
        var p = titleStart;
        for (var skip = 0; skip < 2 && p > 1 && IsModifier(p - 1) && !byEnd.ContainsKey(p); skip++)
        {
            p--;
        }

        if (p > 0 && tokens[p - 1].Kind == TokenKind.Word && IsPossessive(Word(p - 1)))
        {
            p--;
        }
        else if (p != titleStart)
        {
            p = titleStart; // a modifier is skipped only before a possessive
        }

        // "… shipbuilding in the U.S.\n\nTrade Minister X said": a name that ends the sentence before
        // lends nothing to the title that opens the next one.
        if (byEnd.TryGetValue(p, out var k) && candidates[k].Type is "NORP" or "ORG" or "GPE" && candidates[k].Sentence == person.Sentence)
        {
            person.Affiliation = candidates[k];
            person.Country ??= candidates[k].Country;
        }
    }
}
