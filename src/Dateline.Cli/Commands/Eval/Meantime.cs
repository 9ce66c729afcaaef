using System.Globalization;
using System.Text;
using System.Xml.Linq;

namespace Dateline.Cli.Commands.Eval;

/// <summary>
/// One document of the NewsReader MEANTIME corpus (CAT XML): text rebuilt from its tokens with
/// news spacing, each token's offsets, its creation time, and the markables and relations as
/// XML for the evaluations to read.
/// </summary>
/// <remarks>
/// MEANTIME has no character offsets, only tokens with sentence numbers. The headline (sentence
/// 0), the dateline (1) and the body become paragraphs so the pipeline reads them as an article.
/// Annotation covers the headline, the dateline and the first sentences of the body only:
/// <see cref="AnnotatedEnd"/> is where scoring must stop.
/// </remarks>
internal sealed class MeantimeDocument
{
    /// <summary>Sentences MEANTIME annotates: the headline, the dateline and the first four of the body.</summary>
    public const int AnnotatedSentences = 5;

    private MeantimeDocument(string name, string text, Dictionary<string, (int Start, int End)> tokens, DateOnly? created, int annotatedEnd, XElement root)
    {
        Name = name;
        Text = text;
        Tokens = tokens;
        Created = created;
        AnnotatedEnd = annotatedEnd;
        Root = root;
    }

    public string Name { get; }

    public string Text { get; }

    /// <summary>Offsets of each token by its t_id.</summary>
    public IReadOnlyDictionary<string, (int Start, int End)> Tokens { get; }

    /// <summary>The document creation time, when the corpus gives a valid one.</summary>
    public DateOnly? Created { get; }

    /// <summary>End of the annotated part of the text.</summary>
    public int AnnotatedEnd { get; }

    public XElement Root { get; }

    public IEnumerable<XElement> Markables(string name) => Root.Element("Markables")?.Elements(name) ?? [];

    public IEnumerable<XElement> Relations(string name) => Root.Element("Relations")?.Elements(name) ?? [];

    /// <summary>The extent of a markable's token anchors, or null when it has none (implicit markables).</summary>
    public (int Start, int End)? Extent(XElement markable)
    {
        var anchors = markable.Elements("token_anchor").Select(a => (string)a.Attribute("t_id")!).Where(Tokens.ContainsKey).ToList();
        return anchors.Count == 0 ? null : (anchors.Min(a => Tokens[a].Start), anchors.Max(a => Tokens[a].End));
    }

    /// <summary>The CAT XML files under a path (a file, a corpus folder, or the corpus root).</summary>
    public static string[] Files(string path) =>
        File.Exists(path) ? [path]
        : Directory.Exists(path) ? [.. Directory.GetFiles(path, "*.xml", SearchOption.AllDirectories)
            .Where(f => f.Contains("intra-doc_annotation", StringComparison.Ordinal) || !f.Contains("cross-doc", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)]
        : [];

    /// <summary>Reads a CAT XML document, or null when it is not one.</summary>
    public static MeantimeDocument? Read(string file)
    {
        XDocument xml;
        try
        {
            xml = XDocument.Load(file);
        }
        catch (System.Xml.XmlException)
        {
            return null;
        }

        var root = xml.Root;
        if (root is null || root.Name.LocalName != "Document")
        {
            return null;
        }

        var builder = new NewsSpacing();
        var offsets = new Dictionary<string, (int, int)>(StringComparer.Ordinal);
        var lastSentence = "";
        var annotatedEnd = 0;
        foreach (var token in root.Elements("token"))
        {
            var sentence = (string?)token.Attribute("sentence") ?? "";
            if (sentence != lastSentence)
            {
                builder.Break(sentence is "1" or "2" ? "\n\n" : " ");
                lastSentence = sentence;
            }

            offsets[(string)token.Attribute("t_id")!] = builder.Add(token.Value);
            if (int.TryParse(sentence, CultureInfo.InvariantCulture, out var number) && number <= AnnotatedSentences)
            {
                annotatedEnd = builder.Length;
            }
        }

        DateOnly? created = null;
        var dct = root.Element("Markables")?.Elements("TIMEX3")
            .FirstOrDefault(t => (string?)t.Attribute("functionInDocument") == "CREATION_TIME");
        if (dct is not null && DateOnly.TryParseExact((string?)dct.Attribute("value"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            created = d;
        }

        return new MeantimeDocument(Path.GetFileName(file), builder.ToString(), offsets, created, annotatedEnd, root);
    }
}

/// <summary>Joins tokens into text the way news is printed: no space before closing punctuation and clitics.</summary>
internal sealed class NewsSpacing
{
    private readonly StringBuilder sb = new();
    private bool noSpaceNext = true;
    private bool openDouble;

    public int Length => sb.Length;

    public override string ToString() => sb.ToString();

    public void Break(string separator)
    {
        if (sb.Length > 0)
        {
            sb.Append(separator);
        }

        noSpaceNext = true;
    }

    public (int Start, int End) Add(string token)
    {
        var closing = token is "," or "." or ";" or ":" or "!" or "?" or ")" or "]" or "}" or "%" or "'s" or "’s" or "n't" or "'re" or "'ve" or "'ll" or "'d" or "'m" or "''" or "”" or "'" or "...";
        if (token == "\"")
        {
            closing = openDouble;
            openDouble = !openDouble;
        }

        if (!noSpaceNext && !closing)
        {
            sb.Append(' ');
        }

        var start = sb.Length;
        sb.Append(token);

        // "O' Leary", "D' Angelo": an apostrophe after a single capital joins a surname.
        var elided = token.Length == 2 && char.IsUpper(token[0]) && token[1] is '\'' or '’';
        noSpaceNext = elided || token is "(" or "[" or "{" or "$" or "“" or "``" or "`" || (token == "\"" && openDouble);
        return (start, sb.Length);
    }
}
