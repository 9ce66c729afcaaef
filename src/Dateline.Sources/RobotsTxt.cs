namespace Dateline.Sources;

/// <summary>
/// The rules of one robots.txt (RFC 9309) for one crawler: the group naming the crawler's
/// product token, else the <c>*</c> group; the longest matching rule decides, and
/// <c>Allow</c> wins a tie; <c>*</c> matches any run of characters and a final <c>$</c> anchors
/// the end. A <c>Crawl-delay</c> in that group is kept as a politeness hint.
/// </summary>
public sealed class RobotsTxt
{
    private readonly List<(string Pattern, bool Allow)> rules;

    private RobotsTxt(List<(string Pattern, bool Allow)> rules, TimeSpan? crawlDelay)
    {
        this.rules = rules;
        CrawlDelay = crawlDelay;
    }

    /// <summary>Rules that allow everything: no robots.txt, or one that could not be found (4xx).</summary>
    public static RobotsTxt AllowAll { get; } = new([], null);

    /// <summary>Rules that allow nothing: what RFC 9309 asks when the file is unavailable (5xx).</summary>
    public static RobotsTxt DisallowAll { get; } = new([("/", false)], null);

    /// <summary>The delay between requests the site asks for, or null.</summary>
    public TimeSpan? CrawlDelay { get; }

    /// <summary>Parses <paramref name="content"/> for the crawler whose product token is <paramref name="productToken"/> ("Dateline").</summary>
    public static RobotsTxt Parse(string content, string productToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrEmpty(productToken);
        List<(string, bool)>? mine = null, any = null;
        TimeSpan? mineDelay = null, anyDelay = null;
        var agents = new List<string>();
        var inRules = false;
        List<(string, bool)>? current = null;
        TimeSpan? currentDelay = null;
        var currentIsMine = false;
        var currentIsAny = false;

        void Close()
        {
            if (current is null)
            {
                return;
            }

            if (currentIsMine)
            {
                (mine ??= []).AddRange(current);
                mineDelay ??= currentDelay;
            }
            else if (currentIsAny)
            {
                (any ??= []).AddRange(current);
                anyDelay ??= currentDelay;
            }
        }

        foreach (var raw in content.Split('\n'))
        {
            var hash = raw.IndexOf('#', StringComparison.Ordinal);
            var line = (hash >= 0 ? raw[..hash] : raw).Trim();
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                continue;
            }

            var key = line[..colon].Trim();
            var value = line[(colon + 1)..].Trim();
            if (key.Equals("user-agent", StringComparison.OrdinalIgnoreCase))
            {
                if (inRules)
                {
                    Close();
                    agents.Clear();
                    current = null;
                    currentDelay = null;
                    inRules = false;
                }

                agents.Add(value);
                current ??= [];
                currentIsMine = agents.Exists(a => a.Length > 1 && productToken.StartsWith(a.TrimEnd('*'), StringComparison.OrdinalIgnoreCase));
                currentIsAny = agents.Contains("*");
                continue;
            }

            if (current is null)
            {
                continue;
            }

            if (key.Equals("allow", StringComparison.OrdinalIgnoreCase) || key.Equals("disallow", StringComparison.OrdinalIgnoreCase))
            {
                inRules = true;
                if (value.Length > 0)
                {
                    current.Add((value, key.Length == 5));
                }
            }
            else if (key.Equals("crawl-delay", StringComparison.OrdinalIgnoreCase))
            {
                inRules = true;
                if (double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var seconds) && seconds is > 0 and <= 3600)
                {
                    currentDelay = TimeSpan.FromSeconds(seconds);
                }
            }
        }

        Close();
        return mine is not null ? new RobotsTxt(mine, mineDelay) : any is not null ? new RobotsTxt(any, anyDelay) : AllowAll;
    }

    /// <summary>True when the path and query of <paramref name="uri"/> may be fetched.</summary>
    public bool Allows(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        var path = uri.PathAndQuery;
        if (path.Equals("/robots.txt", StringComparison.Ordinal))
        {
            return true;
        }

        var best = -1;
        var allow = true;
        foreach (var (pattern, isAllow) in rules)
        {
            if (Matches(pattern, path) && (pattern.Length > best || (pattern.Length == best && isAllow)))
            {
                best = pattern.Length;
                allow = isAllow;
            }
        }

        return allow;
    }

    /// <summary>Matches a rule with <c>*</c> wildcards and an optional final <c>$</c> against the start of <paramref name="path"/>.</summary>
    internal static bool Matches(string pattern, string path)
    {
        var anchored = pattern.EndsWith('$');
        var body = anchored ? pattern.AsSpan(0, pattern.Length - 1) : pattern.AsSpan();
        return Match(body, path.AsSpan(), anchored);
    }

    /// <summary>Wildcard match in linear-times-pattern steps (the classic two-pointer scan with one backtrack point).</summary>
    private static bool Match(ReadOnlySpan<char> pattern, ReadOnlySpan<char> text, bool anchored)
    {
        int p = 0, t = 0, starAt = -1, resumeAt = 0;
        while (t < text.Length)
        {
            if (p < pattern.Length && pattern[p] == '*')
            {
                starAt = p++;
                resumeAt = t;
            }
            else if (p < pattern.Length && pattern[p] == text[t])
            {
                p++;
                t++;
            }
            else if (p == pattern.Length && !anchored)
            {
                return true;
            }
            else if (starAt >= 0)
            {
                p = starAt + 1;
                t = ++resumeAt;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }
}
