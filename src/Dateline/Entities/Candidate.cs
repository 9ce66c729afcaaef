namespace Dateline.Entities;

/// <summary>
/// One mention found by the tagger before coreference groups mentions into entities. Built and
/// refined within one article's analysis, never shared.
/// </summary>
internal sealed class Candidate
{
    /// <summary>First character (inclusive) and last (exclusive).</summary>
    public int Start { get; set; }

    public int End { get; set; }

    /// <summary>First token and the token after the last; equal for a mention inside one token ("Kremlin" in "Kremlin-backed").</summary>
    public int TokenStart { get; set; }

    public int TokenEnd { get; set; }

    public int Sentence { get; set; }

    /// <summary>PERSON, ORG, GPE, LOC, NORP, FAC, EVENT, or UNK while undecided.</summary>
    public string Type { get; set; } = "UNK";

    /// <summary>name, nominal or pronoun.</summary>
    public string Kind { get; set; } = "name";

    /// <summary>The known phrase it matched, or null for a name found by its shape.</summary>
    public Phrase? Known { get; set; }

    /// <summary>Merge key: the canonical name for known phrases, else the text.</summary>
    public string Key { get; set; } = "";

    /// <summary>Titles stated next to this mention.</summary>
    public List<string>? Titles { get; set; }

    /// <summary>Class of the nominal's title (head, office, other), or the group noun of an organization nominal.</summary>
    public string? Head { get; set; }

    /// <summary>Country stated in the text (a nationality word, an affiliation), or null.</summary>
    public string? Country { get; set; }

    /// <summary>The mention whose entity lends this one its country ("Zelensky’s chief of staff"), or null.</summary>
    public Candidate? Affiliation { get; set; }

    /// <summary>Typed PERSON by shape alone (no given name, title or dictionary entry): open to evidence elsewhere.</summary>
    public bool Weak { get; set; }

    /// <summary>For a title nominal, the name inside it ("Russian" in "the Russian leader"), kept should the nominal find no person.</summary>
    public Candidate? Inner { get; set; }

    /// <summary>m, f, or '-'.</summary>
    public char Gender { get; set; } = '-';

    /// <summary>Set when coreference assigns the mention to an entity; -1 while unassigned or dropped.</summary>
    public int Entity { get; set; } = -1;

    public void AddTitle(string title)
    {
        Titles ??= [];
        if (!Titles.Contains(title))
        {
            Titles.Add(title);
        }
    }
}

/// <summary>A title seen in the text, before or after a name.</summary>
internal readonly record struct TitleUse(int TokenStart, int TokenEnd, Phrase Title, string Text);
