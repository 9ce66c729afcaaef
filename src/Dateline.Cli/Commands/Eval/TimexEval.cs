using System.CommandLine;
using System.Globalization;
using System.Net;
using System.Text;
using System.Xml.Linq;
using Dateline.Model;

[assembly: System.Runtime.CompilerServices.InternalsVisibleTo("Dateline.Tests")]

namespace Dateline.Cli.Commands.Eval;

/// <summary>A gold or system temporal expression: character extent in the document text, type and value.</summary>
internal sealed record TimexSpan(int Start, int End, string Type, string Value)
{
    public bool Overlaps(TimexSpan other) => other.Start < End && Start < other.End;
}

/// <summary>
/// One evaluation document: its text, creation time, gold expressions, an extent not to score
/// (the DCT's own tokens) and where annotation stops (MEANTIME annotates the first sentences only).
/// </summary>
internal sealed record TimexGoldDocument(string Name, string Text, DateOnly? Dct, IReadOnlyList<TimexSpan> Gold, TextSpan? Excluded = null, int? AnnotatedEnd = null);

/// <summary>
/// <c>dateline eval timex DIR</c>: TempEval-3 Task A figures (extent strict and relaxed, type and
/// value) for the time stage on TimeML <c>.tml</c> files (TempEval-3) or MEANTIME's CAT XML.
/// </summary>
internal static class TimexEval
{
    public static Command Create()
    {
        var dir = new Argument<string>("dir") { Description = "A folder of TimeML .tml files (TempEval-3) or MEANTIME CAT .xml files." };
        var input = new Option<string?>("--input") { Description = "TempEval-3 system-input folder (*.tml.TE3input): the text is read from there and checked against the gold." };
        var errors = new Option<string>("--errors") { Description = "Where to write the list of errors.", DefaultValueFactory = _ => "timex-errors.txt" };
        var command = new Command("timex", "TIMEX3 extents, types and values against TimeML gold (TempEval-3 Task A scoring).")
        {
            dir, input, errors,
        };
        command.SetAction(parse => Run(parse.GetValue(dir)!, parse.GetValue(input), parse.GetValue(errors)!));
        return command;
    }

    private static int Run(string dir, string? inputDir, string errorsPath)
    {
        if (!Directory.Exists(dir))
        {
            Console.Error.WriteLine($"dateline: {dir}: no such folder");
            return Program.InputErrorExit;
        }

        var documents = new List<TimexGoldDocument>();
        var tml = Directory.GetFiles(dir, "*.tml", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();
        foreach (var path in tml)
        {
            var doc = ReadTimeMl(Path.GetFileName(path), File.ReadAllText(path));
            if (inputDir is not null)
            {
                var inputPath = Path.Combine(inputDir, Path.GetFileName(path) + ".TE3input");
                if (!File.Exists(inputPath))
                {
                    Console.Error.WriteLine($"dateline: {inputPath}: no such file");
                    return Program.InputErrorExit;
                }

                var given = ReadTimeMl(Path.GetFileName(inputPath), File.ReadAllText(inputPath));
                if (!string.Equals(given.Text, doc.Text, StringComparison.Ordinal))
                {
                    Console.Error.WriteLine($"dateline: {inputPath}: its text differs from the gold text; the gold offsets cannot be used");
                    return Program.InputErrorExit;
                }

                doc = doc with { Text = given.Text, Dct = given.Dct };
            }

            documents.Add(doc);
        }

        if (documents.Count == 0)
        {
            var root = Directory.Exists(Path.Combine(dir, "intra-doc_annotation")) ? Path.Combine(dir, "intra-doc_annotation") : dir;
            foreach (var path in Directory.GetFiles(root, "*.xml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                documents.Add(ReadCat(Path.GetFileName(path), File.ReadAllText(path)));
            }
        }

        if (documents.Count == 0)
        {
            Console.Error.WriteLine($"dateline: {dir}: no .tml or CAT .xml files");
            return Program.InputErrorExit;
        }

        var score = new TimexScore();
        var log = new StringBuilder();
        foreach (var doc in documents)
        {
            var system = Tag(doc);
            score.Add(doc, system, log);
        }

        File.WriteAllText(errorsPath, log.ToString());
        Console.Write(score.Report(documents.Count));
        Console.WriteLine($"errors: {errorsPath}");
        return 0;
    }

    /// <summary>Runs the pipeline on a document's text with its creation time as publication date.</summary>
    internal static List<TimexSpan> Tag(TimexGoldDocument doc)
    {
        var document = new Document(doc.Text, new SourceInfo("file", doc.Name, null));
        if (doc.Dct is { } dct)
        {
            document = document with { Published = new PublicationDate(dct), PublishedFrom = "option" };
        }

        var analysed = Pipeline.Default.Analyze(document);
        return analysed.Timexes
            .Select(t => new TimexSpan(t.Start, t.End, t.Type, t.Value))
            .Where(t => doc.Excluded is not { } x || !(t.Start < x.End && x.Start < t.End))
            .Where(t => doc.AnnotatedEnd is not { } e || t.Start < e)
            .ToList();
    }

    /// <summary>
    /// Reads a TimeML document: the DCT, the TEXT element's content with tags removed and entities
    /// decoded, and the TIMEX3 extents inside it.
    /// </summary>
    internal static TimexGoldDocument ReadTimeMl(string name, string xml)
    {
        DateOnly? dct = null;
        var dctAt = xml.IndexOf("<DCT>", StringComparison.Ordinal);
        if (dctAt >= 0 && Attribute(xml, xml.IndexOf("<TIMEX3", dctAt, StringComparison.Ordinal), "value") is { } v)
        {
            dct = ParseDate(v);
        }

        var open = xml.IndexOf("<TEXT>", StringComparison.Ordinal);
        var close = xml.IndexOf("</TEXT>", StringComparison.Ordinal);
        if (open < 0 || close < open)
        {
            return new TimexGoldDocument(name, "", dct, []);
        }

        var text = new StringBuilder();
        var gold = new List<TimexSpan>();
        (int Start, string Type, string Value)? current = null;
        for (var i = open + 6; i < close;)
        {
            var c = xml[i];
            if (c == '<')
            {
                var end = xml.IndexOf('>', i);
                var tag = xml.AsSpan(i + 1, end - i - 1);
                if (tag.StartsWith("TIMEX3", StringComparison.Ordinal))
                {
                    current = (text.Length, Attribute(xml, i, "type") ?? "", Attribute(xml, i, "value") ?? "");
                }
                else if (tag.StartsWith("/TIMEX3", StringComparison.Ordinal) && current is { } t)
                {
                    gold.Add(new TimexSpan(t.Start, text.Length, t.Type, t.Value));
                    current = null;
                }

                i = end + 1;
            }
            else if (c == '&')
            {
                var semi = xml.IndexOf(';', i);
                text.Append(WebUtility.HtmlDecode(xml[i..(semi + 1)]));
                i = semi + 1;
            }
            else
            {
                text.Append(c);
                i++;
            }
        }

        return new TimexGoldDocument(name, text.ToString(), dct, gold);
    }

    /// <summary>
    /// Reads a MEANTIME CAT document: the text is its tokens joined by spaces (a blank line between
    /// sentences); gold extents run from the first to the last anchored token. The creation time's
    /// own tokens are not scored.
    /// </summary>
    internal static TimexGoldDocument ReadCat(string name, string xml)
    {
        var root = XDocument.Parse(xml).Root!;
        var text = new StringBuilder();
        var offsets = new Dictionary<string, (int Start, int End)>(StringComparer.Ordinal);
        string? sentence = null;
        var sentenceEnds = new Dictionary<string, int>(StringComparer.Ordinal);
        var sentenceOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var token in root.Elements("token"))
        {
            var s = (string?)token.Attribute("sentence") ?? "";
            if (text.Length > 0)
            {
                text.Append(s == sentence ? " " : "\n\n");
            }

            sentence = s;
            var start = text.Length;
            text.Append(token.Value);
            offsets[(string)token.Attribute("t_id")!] = (start, text.Length);
            sentenceEnds[s] = text.Length;
            sentenceOf[(string)token.Attribute("t_id")!] = s;
        }

        // Annotation covers the sentences up to the last one any markable touches.
        var annotatedEnd = 0;
        foreach (var anchor in root.Descendants("token_anchor"))
        {
            if (sentenceOf.TryGetValue((string?)anchor.Attribute("t_id") ?? "", out var s))
            {
                annotatedEnd = Math.Max(annotatedEnd, sentenceEnds[s]);
            }
        }

        DateOnly? dct = null;
        TextSpan? excluded = null;
        var gold = new List<TimexSpan>();
        foreach (var timex in root.Descendants("TIMEX3"))
        {
            var anchors = timex.Elements("token_anchor")
                .Select(a => offsets.TryGetValue((string)a.Attribute("t_id")!, out var o) ? o : ((int Start, int End)?)null)
                .Where(o => o is not null)
                .Select(o => o!.Value)
                .ToList();
            var value = (string?)timex.Attribute("value") ?? "";
            if ((string?)timex.Attribute("functionInDocument") == "CREATION_TIME")
            {
                dct = ParseDate(value);
                if (anchors.Count > 0)
                {
                    excluded = new TextSpan(anchors.Min(a => a.Start), anchors.Max(a => a.End));
                }

                continue;
            }

            if (anchors.Count == 0)
            {
                continue;
            }

            gold.Add(new TimexSpan(anchors.Min(a => a.Start), anchors.Max(a => a.End), (string?)timex.Attribute("type") ?? "", value));
        }

        gold.Sort((a, b) => a.Start.CompareTo(b.Start));
        return new TimexGoldDocument(name, text.ToString(), dct, gold, excluded, annotatedEnd);
    }

    private static DateOnly? ParseDate(string value) =>
        value.Length >= 10 && DateOnly.TryParseExact(value.AsSpan(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    /// <summary>The value of <paramref name="name"/> in the tag opening at <paramref name="tagStart"/>.</summary>
    private static string? Attribute(string xml, int tagStart, string name)
    {
        if (tagStart < 0)
        {
            return null;
        }

        var tagEnd = xml.IndexOf('>', tagStart);
        var key = " " + name + "=\"";
        var at = xml.IndexOf(key, tagStart, tagEnd - tagStart, StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        var from = at + key.Length;
        var to = xml.IndexOf('"', from);
        return WebUtility.HtmlDecode(xml[from..to]);
    }
}

/// <summary>
/// TempEval-3 Task A scoring: extents matched strictly (same characters) and relaxed (overlap);
/// a gold expression's type and value count when it is matched (relaxed) and equal.
/// </summary>
internal sealed class TimexScore
{
    private static readonly string[] Types = ["DATE", "TIME", "DURATION", "SET"];

    private readonly Dictionary<string, Counts> byType = Types.ToDictionary(t => t, _ => new Counts(), StringComparer.Ordinal);

    public Counts All { get; } = new();

    /// <summary>Scores one document and appends its errors to <paramref name="log"/>.</summary>
    public void Add(TimexGoldDocument doc, IReadOnlyList<TimexSpan> system, StringBuilder? log)
    {
        var used = new bool[system.Count];
        All.System += system.Count;
        foreach (var s in system)
        {
            Bucket(s.Type).System++;
        }

        foreach (var g in doc.Gold)
        {
            All.Gold++;
            var bucket = Bucket(g.Type);
            bucket.Gold++;

            // Prefer an identical extent, then the first overlapping one.
            var match = -1;
            for (var k = 0; k < system.Count; k++)
            {
                if (!used[k] && system[k].Start == g.Start && system[k].End == g.End)
                {
                    match = k;
                    break;
                }
            }

            for (var k = 0; k < system.Count && match < 0; k++)
            {
                if (!used[k] && system[k].Overlaps(g))
                {
                    match = k;
                }
            }

            if (match < 0)
            {
                log?.Append(CultureInfo.InvariantCulture, $"{doc.Name}\tmissed\t{Show(doc, g)}\t\t{Context(doc, g)}\n");
                continue;
            }

            used[match] = true;
            var s = system[match];
            var strict = s.Start == g.Start && s.End == g.End;
            var typeOk = string.Equals(s.Type, g.Type, StringComparison.Ordinal);
            var valueOk = string.Equals(s.Value, g.Value, StringComparison.Ordinal);
            foreach (var c in new[] { All, bucket })
            {
                c.Relaxed++;
                c.Strict += strict ? 1 : 0;
                c.TypeOk += typeOk ? 1 : 0;
                c.ValueOk += valueOk ? 1 : 0;
            }

            if (!strict || !typeOk || !valueOk)
            {
                var what = !valueOk ? "value" : !typeOk ? "type" : "extent";
                log?.Append(CultureInfo.InvariantCulture, $"{doc.Name}\t{what}\t{Show(doc, g)}\t{Show(doc, s)}\t{Context(doc, g)}\n");
            }
        }

        for (var k = 0; k < system.Count; k++)
        {
            if (!used[k])
            {
                log?.Append(CultureInfo.InvariantCulture, $"{doc.Name}\tspurious\t\t{Show(doc, system[k])}\t{Context(doc, system[k])}\n");
            }
        }
    }

    private Counts Bucket(string type) => byType.TryGetValue(type, out var c) ? c : byType["DATE"];

    /// <summary>The figures as a plain-text table.</summary>
    public string Report(int documents)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"{documents} documents, {All.Gold} gold timexes, {All.System} system timexes\n\n");
        sb.Append("                      P       R      F1\n");
        Row(sb, "extent strict", All.Strict, All.System, All.Gold);
        Row(sb, "extent relaxed", All.Relaxed, All.System, All.Gold);
        Row(sb, "type", All.TypeOk, All.System, All.Gold);
        Row(sb, "value", All.ValueOk, All.System, All.Gold);
        sb.Append(CultureInfo.InvariantCulture, $"type accuracy  {Ratio(All.TypeOk, All.Relaxed):0.0000}   value accuracy {Ratio(All.ValueOk, All.Relaxed):0.0000}  (of relaxed matches)\n\n");
        sb.Append("by type        gold  system  relaxed-R  value-R  value-acc\n");
        foreach (var type in Types)
        {
            var c = byType[type];
            sb.Append(CultureInfo.InvariantCulture, $"{type,-12} {c.Gold,5} {c.System,7}  {Ratio(c.Relaxed, c.Gold),9:0.0000} {Ratio(c.ValueOk, c.Gold),8:0.0000} {Ratio(c.ValueOk, c.Relaxed),10:0.0000}\n");
        }

        return sb.ToString();
    }

    private static void Row(StringBuilder sb, string what, int ok, int system, int gold)
    {
        var p = Ratio(ok, system);
        var r = Ratio(ok, gold);
        sb.Append(CultureInfo.InvariantCulture, $"{what,-16} {p,7:0.0000} {r,7:0.0000} {F1(p, r),7:0.0000}\n");
    }

    internal static double Ratio(int a, int b) => b == 0 ? 0 : (double)a / b;

    internal static double F1(double p, double r) => p + r == 0 ? 0 : 2 * p * r / (p + r);

    private static string Show(TimexGoldDocument doc, TimexSpan t) => $"{doc.Text[t.Start..t.End].ReplaceLineEndings(" ")} [{t.Type} {t.Value}]";

    private static string Context(TimexGoldDocument doc, TimexSpan t)
    {
        var from = Math.Max(0, t.Start - 60);
        var to = Math.Min(doc.Text.Length, t.End + 60);
        return doc.Text[from..to].ReplaceLineEndings(" ");
    }

    /// <summary>Counts for one row of the report.</summary>
    internal sealed class Counts
    {
        public int Gold { get; set; }

        public int System { get; set; }

        public int Strict { get; set; }

        public int Relaxed { get; set; }

        public int TypeOk { get; set; }

        public int ValueOk { get; set; }

        public double StrictF1 => F1(Ratio(Strict, System), Ratio(Strict, Gold));

        public double RelaxedF1 => F1(Ratio(Relaxed, System), Ratio(Relaxed, Gold));

        public double ValueF1 => F1(Ratio(ValueOk, System), Ratio(ValueOk, Gold));
    }
}
