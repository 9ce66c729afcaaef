using System.Collections.Frozen;
using System.Globalization;
using System.Text.RegularExpressions;
using Dateline.Data;

namespace Dateline.Extraction;

/// <summary>
/// The main-content heuristics and their weights, loaded once from
/// <c>Data/Extraction/heuristics.txt</c> so that they can be read and tuned without code.
/// </summary>
internal sealed class ExtractionRules
{
    private readonly Regex boilerplate;

    private static readonly Lazy<ExtractionRules> LazyDefault = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    private ExtractionRules(IReadOnlyDictionary<string, string> values)
    {
        DropTags = Set(values, "drop-tags");
        SoftDropTags = Set(values, "soft-drop-tags");
        DropSubstrings = List(values, "drop-substrings");
        DropTokens = Set(values, "drop-tokens");
        KeepSubstrings = List(values, "keep-substrings");
        BodyItemprops = Set(values, "body-itemprops");
        PositiveSubstrings = List(values, "positive-substrings");
        NegativeSubstrings = List(values, "negative-substrings");
        ScoreBase = Number(values, "score-base");
        ScoreLengthUnit = Number(values, "score-length-unit");
        ScoreLengthCap = Number(values, "score-length-cap");
        MinBlockChars = (int)Number(values, "score-min-block-chars");
        ClassWeight = Number(values, "class-weight");
        TagWeights = Weights(values, "tag-bonus").Concat(Weights(values, "tag-malus"))
            .ToFrozenDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        SiblingShare = Number(values, "sibling-share");
        SiblingMinScore = Number(values, "sibling-min-score");
        MaxLinkDensity = Number(values, "max-link-density");
        LinkDenseKeepChars = (int)Number(values, "link-dense-keep-chars");
        ShortBlockChars = (int)Number(values, "short-block-chars");
        WrapperShare = Number(values, "wrapper-share");
        AlternativeShare = Number(values, "alternative-share");
        AlternativeCount = (int)Number(values, "alternative-count");
        BoilerplateMaxChars = (int)Number(values, "boilerplate-max-chars");
        IgnoredClassPrefixes = List(values, "ignored-class-prefixes");
        CommentSubstrings = List(values, "comment-substrings");
        LeadSubstrings = List(values, "lead-substrings");
        FallbackMinChars = (int)Number(values, "fallback-min-chars");
        FallbackFactor = Number(values, "fallback-factor");
        LeadLevels = (int)Number(values, "lead-levels");
        LeadMinChars = (int)Number(values, "lead-min-chars");
        LeadMaxChars = (int)Number(values, "lead-max-chars");
        ArticleTypes = Set(values, "article-types");
        PublishedMeta = List(values, "published-meta");
        ModifiedMeta = List(values, "modified-meta");
        ScriptDateKeys = Words(values, "script-date-keys").Select(k => "\"" + k + "\"").ToArray();
        AuthorMeta = List(values, "author-meta");
        DateElementSubstrings = List(values, "date-element-substrings");
        GenericDateMeta = Set(values, "generic-date-meta");
        NavigationPrefixes = List(values, "navigation-prefixes");
        boilerplate = new Regex(
            "^(?:" + string.Join("|", DataFile.Lines("Extraction/boilerplate.txt")) + ")$",
            // No timeout: a match runs only on blocks of at most boilerplate-max-chars characters,
            // which bounds its cost, while a wall-clock timeout fires when a large page's GC
            // pauses stretch a match on a loaded machine (seen at 1 s).
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled,
            Regex.InfiniteMatchTimeout);
    }

    /// <summary>The shipped rules.</summary>
    public static ExtractionRules Default => LazyDefault.Value;

    public FrozenSet<string> DropTags { get; }

    public FrozenSet<string> SoftDropTags { get; }

    public string[] DropSubstrings { get; }

    public FrozenSet<string> DropTokens { get; }

    public string[] KeepSubstrings { get; }

    public FrozenSet<string> BodyItemprops { get; }

    public string[] PositiveSubstrings { get; }

    public string[] NegativeSubstrings { get; }

    public double ScoreBase { get; }

    public double ScoreLengthUnit { get; }

    public double ScoreLengthCap { get; }

    public int MinBlockChars { get; }

    public double ClassWeight { get; }

    public FrozenDictionary<string, double> TagWeights { get; }

    public double SiblingShare { get; }

    public double SiblingMinScore { get; }

    public double MaxLinkDensity { get; }

    public int LinkDenseKeepChars { get; }

    public int ShortBlockChars { get; }

    public double WrapperShare { get; }

    public double AlternativeShare { get; }

    public int AlternativeCount { get; }

    public int BoilerplateMaxChars { get; }

    public string[] IgnoredClassPrefixes { get; }

    public string[] CommentSubstrings { get; }

    public string[] LeadSubstrings { get; }

    public int FallbackMinChars { get; }

    public double FallbackFactor { get; }

    public int LeadLevels { get; }

    public int LeadMinChars { get; }

    public int LeadMaxChars { get; }

    /// <summary>JSON-LD @type values that mark an article.</summary>
    public FrozenSet<string> ArticleTypes { get; }

    /// <summary>Meta tag names of the publication date, most trusted first.</summary>
    public string[] PublishedMeta { get; }

    /// <summary>Meta tag names of the modification date.</summary>
    public string[] ModifiedMeta { get; }

    /// <summary>Quoted JSON keys of the publication date in a page's script data, in order of trust.</summary>
    public string[] ScriptDateKeys { get; }

    /// <summary>Meta tag names of the authors.</summary>
    public string[] AuthorMeta { get; }

    /// <summary>Parts of a class or id that mark an element as a date line ("entry-date", "post-meta", Drupal's "submitted").</summary>
    public string[] DateElementSubstrings { get; }

    /// <summary>Publication meta names that say only "a date" (often the system's last change), trusted less than the page's own shown date.</summary>
    public FrozenSet<string> GenericDateMeta { get; }

    /// <summary>Starts of the words of a class or id (split at spaces, hyphens, underscores) that mark a site's navigation, whose dates (today's, a menu entry's) are not the article's.</summary>
    public string[] NavigationPrefixes { get; }

    /// <summary>
    /// True when a whole short block is boilerplate (a photo credit, a call to subscribe, the
    /// heading of a related-links box), by the patterns of <c>Data/Extraction/boilerplate.txt</c>.
    /// </summary>
    public bool IsBoilerplate(string block)
    {
        var core = block.AsSpan().Trim().TrimEnd(" .:!?»›→>|-–—…".AsSpan()).TrimStart(" «‹←<|-–—•·(".AsSpan());
        return core.Length > 0 && boilerplate.IsMatch(core);
    }

    private static ExtractionRules Load()
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in DataFile.KeyedLines("Extraction/heuristics.txt"))
        {
            values[key] = values.TryGetValue(key, out var before) ? before + " " + value : value;
        }

        return new ExtractionRules(values);
    }

    private static string[] Words(IReadOnlyDictionary<string, string> values, string key) =>
        values.TryGetValue(key, out var v)
            ? v.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            : throw new FormatException($"heuristics.txt: the key '{key}' is missing.");

    private static string[] List(IReadOnlyDictionary<string, string> values, string key) =>
        [.. Words(values, key).Select(w => w.ToLowerInvariant()).Distinct(StringComparer.Ordinal)];

    private static FrozenSet<string> Set(IReadOnlyDictionary<string, string> values, string key) =>
        Words(values, key).ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static double Number(IReadOnlyDictionary<string, string> values, string key)
    {
        var word = Words(values, key).Single();
        return double.TryParse(word, NumberStyles.Float, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw new FormatException($"heuristics.txt: '{key}' must be a number, not '{word}'.");
    }

    private static IEnumerable<KeyValuePair<string, double>> Weights(IReadOnlyDictionary<string, string> values, string key)
    {
        foreach (var pair in Words(values, key))
        {
            var colon = pair.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || !double.TryParse(pair.AsSpan(colon + 1), NumberStyles.Float, CultureInfo.InvariantCulture, out var weight))
            {
                throw new FormatException($"heuristics.txt: '{key}' expects tag:weight pairs, not '{pair}'.");
            }

            yield return new KeyValuePair<string, double>(pair[..colon], weight);
        }
    }
}
