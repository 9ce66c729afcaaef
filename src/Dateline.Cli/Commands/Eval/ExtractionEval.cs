using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Dateline.Extraction;
using Dateline.Input;
using Dateline.Model;
using Dateline.Text;
using Document = Dateline.Model.Document;

namespace Dateline.Cli.Commands.Eval;

/// <summary>
/// <c>dateline eval extraction DIR</c>: article-body extraction scored as the benchmark in DIR
/// scores it, with SmartReader (the .NET port of Readability) run on the same pages.
/// </summary>
/// <remarks>
/// Two layouts are recognised. The Zyte article-extraction benchmark (<c>ground-truth.json</c>,
/// <c>html/*.html.gz</c>) is scored with its own token-shingle precision and recall; the
/// published system outputs in <c>baseline-outputs/</c>, when present, are scored by the same
/// code so that the scorer can be checked against the published figures. Trafilatura's
/// benchmark (<c>evaldata.json</c>, <c>html/*.gz</c>) is scored on the segments that must and
/// must not appear, and on publication dates where the page has one.
/// </remarks>
internal static partial class ExtractionEval
{
    public static Command Create()
    {
        var dir = new Argument<DirectoryInfo>("dir") { Description = "The benchmark folder (article-extraction-benchmark/ or trafilatura-eval/)." };
        var errors = new Option<FileInfo?>("--errors") { Description = "Write per-page errors (tab-separated) to this file." };
        var noBaseline = new Option<bool>("--no-smartreader") { Description = "Skip the SmartReader baseline." };
        var command = new Command("extraction", "Article-body extraction on the Zyte benchmark or trafilatura's benchmark, beside SmartReader.")
        {
            dir, errors, noBaseline,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var folder = parse.GetValue(dir)!;
            var errorFile = parse.GetValue(errors);
            var smart = !parse.GetValue(noBaseline);
            if (File.Exists(Path.Combine(folder.FullName, "ground-truth.json")))
            {
                return Task.FromResult(Zyte(folder.FullName, errorFile, smart, cancellationToken));
            }

            if (File.Exists(Path.Combine(folder.FullName, "evaldata.json")))
            {
                return Task.FromResult(Trafilatura(folder.FullName, errorFile, smart, cancellationToken));
            }

            Console.Error.WriteLine($"dateline: {folder.FullName} holds neither ground-truth.json (Zyte benchmark) nor evaldata.json (trafilatura benchmark)");
            return Task.FromResult(Program.InputErrorExit);
        });
        return command;
    }

    private static readonly HtmlArticleReader Reader = new(new TextArticleReader(TextLexicons.Default));

    /// <summary>Our extraction of one page: decode, then read as HTML; never throws on bad input.</summary>
    private static Document? Extract(byte[] bytes, string? url)
    {
        var decoded = TextDecoder.Decode(bytes);
        if (decoded.Value is not { } value)
        {
            return null;
        }

        return Reader.Read(value.Text, new SourceInfo("benchmark", url, null));
    }

    private static string SmartReaderText(byte[] bytes, string? url)
    {
        var decoded = TextDecoder.Decode(bytes);
        if (decoded.Value is not { } value)
        {
            return "";
        }

        try
        {
            var article = new SmartReader.Reader(url ?? "https://example.invalid/", value.Text).GetArticle();
            return article.TextContent ?? "";
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A baseline crash scores as empty output, as the benchmarks score crashes.
            return "";
        }
    }

    private static byte[] Gunzip(string path)
    {
        using var file = File.OpenRead(path);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var memory = new MemoryStream();
        gzip.CopyTo(memory);
        return memory.ToArray();
    }

    // ---------------------------------------------------------------- Zyte benchmark

    private static int Zyte(string root, FileInfo? errorFile, bool smart, CancellationToken cancellationToken)
    {
        using var gold = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(root, "ground-truth.json")));
        var pages = gold.RootElement.EnumerateObject()
            .Select(p => (Id: p.Name, Body: p.Value.GetProperty("articleBody").GetString() ?? "", Url: p.Value.TryGetProperty("url", out var u) ? u.GetString() : null))
            .OrderBy(p => p.Id, StringComparer.Ordinal)
            .ToList();

        var ours = new List<Shingles.Counts>();
        var theirs = new List<Shingles.Counts>();
        var inputs = new List<(byte[] Bytes, string? Url)>();
        using var errors = errorFile is null ? null : new StreamWriter(errorFile.FullName, false, new UTF8Encoding(false));
        errors?.WriteLine("id\tprecision\trecall\tf1\tsmartreader_f1\tours_chars\tgold_chars\turl");
        foreach (var page in pages)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var bytes = Gunzip(Path.Combine(root, "html", page.Id + ".html.gz"));
            inputs.Add((bytes, page.Url));
            var document = Extract(bytes, page.Url);
            var counts = Shingles.Compare(page.Body, document?.Text ?? "");
            ours.Add(counts);
            var baseline = smart ? Shingles.Compare(page.Body, SmartReaderText(bytes, page.Url)) : default;
            theirs.Add(baseline);
            errors?.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{page.Id}\t{counts.Precision:0.000}\t{counts.Recall:0.000}\t{counts.F1:0.000}\t{baseline.F1:0.000}\t{document?.Text.Length ?? 0}\t{page.Body.Length}\t{page.Url}"));
        }

        Console.WriteLine($"Zyte article-extraction benchmark: {pages.Count} pages, token 4-gram shingles (the benchmark's evaluate.py)");
        Console.WriteLine();
        Console.WriteLine($"{"system",-34} {"F1",6} {"P",6} {"R",6} {"mean F1",8} {"median F1",9} {"exact",6}");
        Row("dateline (this build)", ours);
        if (smart)
        {
            Row("SmartReader 0.11.1 (same run)", theirs);
        }

        var published = Path.Combine(root, "baseline-outputs");
        if (Directory.Exists(published))
        {
            Console.WriteLine();
            Console.WriteLine("Published outputs in baseline-outputs/, scored by this scorer:");
            foreach (var file in Directory.GetFiles(published, "*.json.gz").Order(StringComparer.Ordinal))
            {
                var outputs = PublishedOutputs(file);
                var counts = pages.Select(p => Shingles.Compare(p.Body, outputs.GetValueOrDefault(p.Id, ""))).ToList();
                Row(Path.GetFileName(file)[..^".json.gz".Length], counts);
            }
        }

        Speed(inputs);
        return 0;
    }

    /// <summary>
    /// Extracts every page twice more on one thread and times the second pass: the scored pass
    /// and the first of these let the runtime finish recompiling hot code with full optimization
    /// (tiered compilation), whose background compiler threads otherwise count as extraction
    /// CPU time, so the figure is the steady state of a long batch. CPU time is reported beside
    /// wall time because a shared machine's wall clock measures the neighbours too.
    /// </summary>
    private static void Speed(List<(byte[] Bytes, string? Url)> inputs)
    {
        foreach (var (bytes, url) in inputs)
        {
            _ = Extract(bytes, url);
        }

        var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpuBefore = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        foreach (var (bytes, url) in inputs)
        {
            _ = Extract(bytes, url);
        }

        var wall = clock.Elapsed;
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;
        var megabytes = inputs.Sum(i => (long)i.Bytes.Length) / 1e6;
        Console.WriteLine();
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Speed (decode + extract, {inputs.Count} pages, {megabytes:0.0} MB, one thread): {inputs.Count / cpu.TotalSeconds:0} pages/s per core of CPU time ({cpu.TotalMilliseconds / inputs.Count:0.0} ms a page); wall clock {inputs.Count / wall.TotalSeconds:0} pages/s."));
    }

    private static void Row(string name, List<Shingles.Counts> pages)
    {
        var (p, r, f1) = Shingles.Aggregate(pages);
        var perPage = pages.Select(c => c.F1).Order().ToArray();
        var median = perPage.Length == 0 ? 0 : perPage.Length % 2 == 1
            ? perPage[perPage.Length / 2]
            : (perPage[(perPage.Length / 2) - 1] + perPage[perPage.Length / 2]) / 2;
        var exact = pages.Count(c => c.Exact) / (double)Math.Max(1, pages.Count);
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{name,-34} {f1,6:0.000} {p,6:0.000} {r,6:0.000} {perPage.DefaultIfEmpty().Average(),8:0.000} {median,9:0.000} {exact,6:0.000}"));
    }

    private static Dictionary<string, string> PublishedOutputs(string path)
    {
        using var doc = JsonDocument.Parse(Gunzip(path));
        var root = doc.RootElement.TryGetProperty("output", out var output) ? output : doc.RootElement;
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var page in root.EnumerateObject())
        {
            if (page.Value.ValueKind == JsonValueKind.Object && page.Value.TryGetProperty("articleBody", out var body) && body.ValueKind == JsonValueKind.String)
            {
                result[page.Name] = body.GetString() ?? "";
            }
        }

        return result;
    }

    /// <summary>
    /// The Zyte benchmark's measure: multisets of 4-token shingles (tokens are <c>\w+</c>);
    /// a page's true positives, false positives and false negatives are divided by their sum
    /// so that every page weighs the same.
    /// </summary>
    internal static partial class Shingles
    {
        internal readonly record struct Counts(double Tp, double Fp, double Fn, bool Exact)
        {
            public double Precision => Tp + Fp > 0 ? Tp / (Tp + Fp) : 1;

            public double Recall => Tp + Fn > 0 ? Tp / (Tp + Fn) : 1;

            public double F1 => (2 * Tp) + Fp + Fn > 0 ? 2 * Tp / ((2 * Tp) + Fp + Fn) : 1;
        }

        public static Counts Compare(string gold, string predicted)
        {
            var goldTokens = Tokens(gold);
            var predictedTokens = Tokens(predicted);
            var truth = Grams(goldTokens);
            var guess = Grams(predictedTokens);
            double tp = 0, fp = 0, fn = 0;
            foreach (var (key, count) in guess)
            {
                var t = truth.GetValueOrDefault(key);
                tp += Math.Min(t, count);
                fp += Math.Max(0, count - t);
            }

            foreach (var (key, count) in truth)
            {
                fn += Math.Max(0, count - guess.GetValueOrDefault(key));
            }

            var sum = tp + fp + fn;
            var exact = goldTokens.SequenceEqual(predictedTokens, StringComparer.Ordinal);
            return sum > 0 ? new Counts(tp / sum, fp / sum, fn / sum, exact) : new Counts(0, 0, 0, exact);
        }

        /// <summary>Mean precision and recall over the pages where each is defined, and their F1.</summary>
        public static (double Precision, double Recall, double F1) Aggregate(IReadOnlyList<Counts> pages)
        {
            var precisions = new List<double>();
            var recalls = new List<double>();
            foreach (var c in pages)
            {
                if (c.Tp + c.Fp > 0)
                {
                    precisions.Add(c.Tp / (c.Tp + c.Fp));
                }
                else if (c.Fn == 0)
                {
                    precisions.Add(1);
                }

                if (c.Tp + c.Fn > 0)
                {
                    recalls.Add(c.Tp / (c.Tp + c.Fn));
                }
                else if (c.Fp == 0)
                {
                    recalls.Add(1);
                }
            }

            var p = precisions.DefaultIfEmpty().Average();
            var r = recalls.DefaultIfEmpty().Average();
            return (p, r, p + r > 0 ? 2 * p * r / (p + r) : 0);
        }

        private static List<string> Tokens(string text)
        {
            var tokens = new List<string>();
            foreach (Match m in Word().Matches(text))
            {
                tokens.Add(m.Value);
            }

            return tokens;
        }

        private static Dictionary<string, int> Grams(List<string> tokens)
        {
            var grams = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < Math.Max(1, tokens.Count - 3); i++)
            {
                var gram = string.Join(' ', tokens.GetRange(i, Math.Min(4, tokens.Count - i)));
                if (gram.Length > 0)
                {
                    grams[gram] = grams.GetValueOrDefault(gram) + 1;
                }
            }

            return grams;
        }

        // Python's \w on str: letters, numbers (any N category) and the underscore; no marks.
        [GeneratedRegex(@"[\p{L}\p{N}_]+", RegexOptions.CultureInvariant)]
        private static partial Regex Word();
    }

    // ---------------------------------------------------------------- trafilatura benchmark

    private sealed record Segments(int Tp, int Fn, int Fp, int Tn)
    {
        public static Segments operator +(Segments a, Segments b) => new(a.Tp + b.Tp, a.Fn + b.Fn, a.Fp + b.Fp, a.Tn + b.Tn);

        public double Precision => Tp + Fp > 0 ? Tp / (double)(Tp + Fp) : 0;

        public double Recall => Tp + Fn > 0 ? Tp / (double)(Tp + Fn) : 0;

        public double F1 => (2 * Tp) + Fp + Fn > 0 ? 2 * Tp / (double)((2 * Tp) + Fp + Fn) : 0;

        public double Accuracy => (Tp + Tn) / (double)Math.Max(1, Tp + Tn + Fp + Fn);
    }

    private static int Trafilatura(string root, FileInfo? errorFile, bool smart, CancellationToken cancellationToken)
    {
        using var data = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(root, "evaldata.json")));
        var ours = new Segments(0, 0, 0, 0);
        var theirs = new Segments(0, 0, 0, 0);
        int pages = 0, dated = 0, datesRight = 0, datesFound = 0;
        var from = new Dictionary<string, (int Right, int All)>(StringComparer.Ordinal);
        var inputs = new List<(byte[] Bytes, string? Url)>();
        using var errors = errorFile is null ? null : new StreamWriter(errorFile.FullName, false, new UTF8Encoding(false));
        errors?.WriteLine("file\tkind\texpected\tfound");
        foreach (var entry in data.RootElement.EnumerateObject().OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var page = entry.Value;
            var file = page.GetProperty("file").GetString()!;
            var path = Path.Combine(root, "html", file + ".gz");
            if (!File.Exists(path))
            {
                continue;
            }

            pages++;
            var bytes = Gunzip(path);
            inputs.Add((bytes, entry.Name));
            var document = Extract(bytes, entry.Name);
            var with = Strings(page, "with");
            var without = Strings(page, "without");
            var text = Collapse(document?.Text ?? "");
            ours += Score(text, with, without, file, errors);
            if (smart)
            {
                theirs += Score(Collapse(SmartReaderText(bytes, entry.Name)), with, without, file, errors: null);
            }

            var goldDate = page.TryGetProperty("date", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null;
            if (!string.IsNullOrEmpty(goldDate))
            {
                dated++;
                var found = document?.Published?.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                var source = document?.PublishedFrom ?? "none";
                var right = string.Equals(found, goldDate, StringComparison.Ordinal);
                datesFound += found is null ? 0 : 1;
                datesRight += right ? 1 : 0;
                var tally = from.GetValueOrDefault(source);
                from[source] = (tally.Right + (right ? 1 : 0), tally.All + 1);
                if (!right)
                {
                    errors?.WriteLine($"{file}\tdate\t{goldDate}\t{found ?? "-"} ({source})");
                }
            }
        }

        Console.WriteLine($"trafilatura benchmark: {pages} pages, {ours.Tp + ours.Fn} segments that must appear, {ours.Fp + ours.Tn} that must not");
        Console.WriteLine();
        Console.WriteLine($"{"system",-34} {"F1",6} {"P",6} {"R",6} {"acc",6}");
        SegmentRow("dateline (this build)", ours);
        if (smart)
        {
            SegmentRow("SmartReader 0.11.1 (same run)", theirs);
        }

        Console.WriteLine();
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Publication dates: {datesRight} of {dated} dated pages right ({datesRight / (double)Math.Max(1, dated):0.000}); a date found on {datesFound}."));
        foreach (var (source, (right, all)) in from.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  from {source,-7} {right,4} right of {all,4}"));
        }

        Speed(inputs);
        return 0;
    }

    private static void SegmentRow(string name, Segments s) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-34} {s.F1,6:0.000} {s.Precision,6:0.000} {s.Recall,6:0.000} {s.Accuracy,6:0.000}"));

    private static Segments Score(string text, List<string> with, List<string> without, string file, StreamWriter? errors)
    {
        int tp = 0, fn = 0, fp = 0, tn = 0;
        foreach (var segment in with)
        {
            if (text.Contains(Collapse(segment), StringComparison.Ordinal))
            {
                tp++;
            }
            else
            {
                fn++;
                errors?.WriteLine($"{file}\tmissing\t{Collapse(segment)}\t");
            }
        }

        foreach (var segment in without)
        {
            if (text.Contains(Collapse(segment), StringComparison.Ordinal))
            {
                fp++;
                errors?.WriteLine($"{file}\tunwanted\t{Collapse(segment)}\t");
            }
            else
            {
                tn++;
            }
        }

        return new Segments(tp, fn, fp, tn);
    }

    private static List<string> Strings(JsonElement page, string name) =>
        page.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array
            ? [.. array.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!)]
            : [];

    private static string Collapse(string text) => Spaces().Replace(text, " ").Trim();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Spaces();
}
