using System.Collections.Frozen;
using System.Text;
using AngleSharp.Dom;

namespace Dateline.Extraction;

/// <summary>
/// Finds an HTML page's article body and returns its paragraphs: furniture elements
/// (navigation, share bars, related links, comments, captions…) are removed first, then the
/// element whose paragraphs score best is taken with the siblings that belong to it, and
/// link-dense blocks inside it are dropped.
/// </summary>
/// <remarks>
/// The scoring follows Mozilla Readability's idea (paragraph scores flow to their parent and
/// grandparent; class names push candidates up or down; links dilute a candidate), with the
/// names and weights in <c>Data/Extraction/heuristics.txt</c>. Removal is done before scoring
/// so that a comment thread, however long, cannot win.
/// </remarks>
internal sealed class MainContent(ExtractionRules rules)
{
    private static readonly FrozenSet<string> BlockTags = new[]
    {
        "p", "div", "section", "article", "main", "header", "footer", "aside", "nav", "li", "ul", "ol",
        "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "table", "tr", "td", "th", "dd", "dt",
        "dl", "figure", "figcaption", "address", "hr", "br", "body", "center", "details", "summary",
        "tbody", "thead", "tfoot", "caption", "form", "fieldset", "hgroup",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> ParagraphTags = new[] { "p", "pre", "td", "blockquote" }
        .ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> ContainerTags = new[] { "div", "section", "article", "main", "span", "font", "center" }
        .ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> DroppedRoles = new[]
    {
        "navigation", "banner", "contentinfo", "complementary", "dialog", "alertdialog", "menu", "menubar", "search", "toolbar",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>The article's paragraphs, in page order, not yet cleaned of spaces or furniture lines.</summary>
    public List<string> Extract(IDocument page, CancellationToken cancellationToken = default)
    {
        var blocks = new List<string>();
        if (page.Body is not { } body)
        {
            return blocks;
        }

        RemoveFurniture(body, 0, null, cancellationToken);
        var pageChars = TextLength(body);
        var protect = ProtectedAncestors(body);
        ProtectDensest(body, protect);
        RemoveFurniture(body, pageChars, protect, cancellationToken);
        var scores = Score(body, cancellationToken);
        var top = Best(scores);
        if (top is null)
        {
            Emit(body, blocks);
            return blocks;
        }

        top = Widen(top, body, scores);

        var parts = WithSiblings(top, scores).ToList();
        if (Lead(top, parts) is { } lead)
        {
            Emit(lead, blocks);
        }

        foreach (var part in parts)
        {
            Emit(part, blocks);
        }

        DropTrailingScraps(blocks);

        // A page whose best candidate holds almost nothing (a teaser box beat a body of loose
        // text) is read whole, furniture already removed.
        var found = blocks.Sum(b => CountNonSpace(b));
        if (found < rules.FallbackMinChars && TextLength(body) > rules.FallbackFactor * Math.Max(found, 1))
        {
            blocks.Clear();
            Emit(body, blocks);
        }

        return blocks;
    }

    /// <summary>
    /// Removes furniture under <paramref name="body"/>: with no <paramref name="protect"/>ed set,
    /// only the elements that never hold text (scripts, styles, forms, navigation); then, with
    /// it, everything the rules name except the article's markers and their ancestors.
    /// </summary>
    private void RemoveFurniture(IElement body, int pageChars, HashSet<IElement>? protect, CancellationToken cancellationToken)
    {
        var doomed = new List<IElement>();
        var stack = new Stack<IElement>();
        stack.Push(body);
        while (stack.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var child in stack.Pop().Children)
            {
                var furniture = protect is null
                    ? rules.DropTags.Contains(child.LocalName) && child.LocalName != "form"
                    : !protect.Contains(child) && IsFurniture(child, pageChars);
                if (furniture)
                {
                    doomed.Add(child);
                }
                else
                {
                    stack.Push(child);
                }
            }
        }

        foreach (var element in doomed)
        {
            element.Remove();
        }
    }

    private bool IsFurniture(IElement element, int pageChars)
    {
        var tag = element.LocalName;
        if (rules.DropTags.Contains(tag))
        {
            // Old ASP.NET pages wrap the whole page in one form.
            return tag != "form" || !IsWrapper(element, pageChars);
        }

        if (element.HasAttribute("hidden") || IsHiddenByStyle(element.GetAttribute("style")))
        {
            return true;
        }

        if (element.GetAttribute("role") is { } role && DroppedRoles.Contains(role))
        {
            return !IsWrapper(element, pageChars);
        }

        if (IsBodyMarker(element))
        {
            return false;
        }

        if (tag is "article" or "main")
        {
            // An article element is the article, whatever its classes say.
            return false;
        }

        if (rules.SoftDropTags.Contains(tag))
        {
            // An article's own header holds its standfirst; its byline and date go by class.
            return !(tag == "header" && element.Closest("article") is not null) && !IsWrapper(element, pageChars);
        }

        var names = ClassAndId(element);
        if (names.Length == 0 || ContainsAny(names, rules.KeepSubstrings))
        {
            return false;
        }

        return (ContainsAny(names, rules.DropSubstrings) || HasToken(names, rules.DropTokens)) && !IsWrapper(element, pageChars);
    }

    /// <summary>The ancestors of every element marked as the article body by its class or itemprop.</summary>
    private HashSet<IElement> ProtectedAncestors(IElement body)
    {
        var result = new HashSet<IElement>();
        foreach (var element in body.Descendants<IElement>())
        {
            if (!IsBodyMarker(element) && !ContainsAny(ClassAndId(element), rules.KeepSubstrings))
            {
                continue;
            }

            for (var a = element.ParentElement; a is not null && result.Add(a); a = a.ParentElement)
            {
            }
        }

        return result;
    }

    /// <summary>
    /// Protects the element holding the most paragraph text (outside comment threads) and its
    /// ancestors: whatever its class names say ("entry share"), that is where the article is.
    /// </summary>
    private void ProtectDensest(IElement body, HashSet<IElement> protect)
    {
        var mass = new Dictionary<IElement, int>();
        foreach (var p in body.GetElementsByTagName("p"))
        {
            if (p.ParentElement is { } parent)
            {
                mass[parent] = mass.GetValueOrDefault(parent) + TextLength(p);
            }
        }

        foreach (var (element, _) in mass.OrderByDescending(kv => kv.Value).Take(3))
        {
            var inComments = false;
            for (var a = element; a is not null && !inComments; a = a.ParentElement)
            {
                inComments = ContainsAny(ClassAndId(a), rules.CommentSubstrings);
            }

            if (inComments)
            {
                continue;
            }

            for (var a = element; a is not null && protect.Add(a); a = a.ParentElement)
            {
            }

            return;
        }
    }

    private bool IsWrapper(IElement element, int pageChars) => TextLength(element) > rules.WrapperShare * pageChars;

    private bool IsBodyMarker(IElement element) =>
        element.GetAttribute("itemprop") is { } itemprop && rules.BodyItemprops.Contains(itemprop);

    private static bool IsHiddenByStyle(string? style)
    {
        if (string.IsNullOrEmpty(style))
        {
            return false;
        }

        Span<char> compact = stackalloc char[Math.Min(style.Length, 256)];
        var n = 0;
        foreach (var c in style)
        {
            if (n == compact.Length)
            {
                break;
            }

            if (!char.IsWhiteSpace(c))
            {
                compact[n++] = char.ToLowerInvariant(c);
            }
        }

        var s = compact[..n];
        return s.Contains("display:none", StringComparison.Ordinal) || s.Contains("visibility:hidden", StringComparison.Ordinal);
    }

    private Dictionary<IElement, double> Score(IElement body, CancellationToken cancellationToken)
    {
        var scores = new Dictionary<IElement, double>();
        foreach (var element in body.Descendants<IElement>())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var tag = element.LocalName;
            string text;
            IElement? receiver;
            if (ParagraphTags.Contains(tag) || (ContainerTags.Contains(tag) && !HasBlockChild(element)))
            {
                // A paragraph, or a container of inline text (read as one): its parent is the candidate.
                text = element.TextContent;
                receiver = element.ParentElement;
            }
            else if (ContainerTags.Contains(tag) && InlineText(element) is { } runs)
            {
                // Text runs between the blocks of a container (text broken by br, beside a
                // figure) are paragraphs of that container: it is the candidate.
                text = runs;
                receiver = element;
            }
            else
            {
                continue;
            }

            var length = CountNonSpace(text);
            if (length < rules.MinBlockChars)
            {
                continue;
            }

            var score = rules.ScoreBase + CountCommas(text) + Math.Min(length / rules.ScoreLengthUnit, rules.ScoreLengthCap);
            var ancestor = receiver;
            for (var level = 0; ancestor is not null && level < 5; level++, ancestor = ancestor.ParentElement)
            {
                if (!scores.TryGetValue(ancestor, out var current))
                {
                    current = InitialScore(ancestor);
                }

                var divider = level switch { 0 => 1.0, 1 => 2.0, _ => level * 3.0 };
                scores[ancestor] = current + (score / divider);
                if (ancestor == body)
                {
                    break;
                }
            }
        }

        return scores;
    }

    private double InitialScore(IElement element)
    {
        var score = rules.TagWeights.TryGetValue(element.LocalName, out var w) ? w : 0;
        if (IsBodyMarker(element))
        {
            score += 2 * rules.ClassWeight;
        }

        var names = ClassAndId(element);
        if (names.Length == 0)
        {
            return score;
        }

        if (ContainsAny(names, rules.KeepSubstrings) || ContainsAny(names, rules.PositiveSubstrings))
        {
            score += rules.ClassWeight;
        }

        if (ContainsAny(names, rules.NegativeSubstrings))
        {
            score -= rules.ClassWeight;
        }

        return score;
    }

    private static IElement? Best(Dictionary<IElement, double> scores)
    {
        IElement? best = null;
        var bestScore = double.NegativeInfinity;
        foreach (var (element, score) in scores)
        {
            var final = score * (1 - LinkDensity(element));
            scores[element] = final;
            if (final > bestScore || (final == bestScore && best is not null && best.CompareDocumentPosition(element).HasFlag(DocumentPositions.Preceding)))
            {
                best = element;
                bestScore = final;
            }
        }

        return best;
    }

    /// <summary>
    /// Moves up from the best candidate when the article is split across several containers:
    /// to the ancestor that holds several near-best candidates, to a parent whose score rises
    /// above the candidate's, and past wrappers that hold nothing else.
    /// </summary>
    private IElement Widen(IElement top, IElement body, Dictionary<IElement, double> scores)
    {
        var topScore = scores[top];
        // Only the next few candidates count (as Readability's five best do), which also keeps
        // pages of thousands of similar table cells from costing quadratic time.
        var alternatives = scores
            .Where(kv => kv.Key != top && kv.Value >= rules.AlternativeShare * topScore)
            .OrderByDescending(kv => kv.Value)
            .Take(rules.AlternativeCount + 2)
            .Select(kv => kv.Key)
            .ToList();
        if (alternatives.Count >= rules.AlternativeCount)
        {
            for (var ancestor = top.ParentElement; ancestor is not null && ancestor != body; ancestor = ancestor.ParentElement)
            {
                var held = alternatives.Count(a => ancestor.Contains(a));
                if (held >= rules.AlternativeCount)
                {
                    top = ancestor;
                    break;
                }
            }
        }

        var lastScore = scores.GetValueOrDefault(top);
        var threshold = lastScore / 3;
        for (var parent = top.ParentElement; parent is not null && parent != body; parent = parent.ParentElement)
        {
            if (!scores.TryGetValue(parent, out var parentScore))
            {
                continue;
            }

            if (parentScore < threshold)
            {
                break;
            }

            if (parentScore > lastScore)
            {
                top = parent;
                break;
            }

            lastScore = parentScore;
        }

        while (top.ParentElement is { } only && only != body && only.Children.Length == 1)
        {
            top = only;
        }

        return top;
    }

    /// <summary>
    /// Drops the short lines that trail an article ("Beitragsbild", "Kostenlose Beratung", a
    /// source label): short and not ending a sentence, after the last real paragraph.
    /// </summary>
    private void DropTrailingScraps(List<string> blocks)
    {
        while (blocks.Count > 1)
        {
            var last = blocks[^1].AsSpan().Trim();
            if (CountNonSpace(last) >= rules.ShortBlockChars || last.IsEmpty || last[^1] is '.' or '!' or '?' or '"' or '”' or '“' or '»' or '«' or ')')
            {
                return;
            }

            blocks.RemoveAt(blocks.Count - 1);
        }
    }

    /// <summary>
    /// The article's lead (standfirst, teaser, summary) when the page keeps it apart from the
    /// body: an element so named, before the body and near it, of paragraph length.
    /// </summary>
    private IElement? Lead(IElement top, List<IElement> parts)
    {
        var scope = top;
        for (var i = 0; i < rules.LeadLevels && scope.ParentElement is { } up && up.LocalName != "body"; i++)
        {
            scope = up;
            if (scope.LocalName == "article")
            {
                break;
            }
        }

        foreach (var element in scope.Descendants<IElement>())
        {
            if (element == top || parts.Any(p => p.Contains(element)))
            {
                // Only what comes before the body is a lead.
                return null;
            }

            var isLead = (element.GetAttribute("itemprop") is { } itemprop && itemprop.Equals("description", StringComparison.OrdinalIgnoreCase))
                || ContainsAny(ClassAndId(element), rules.LeadSubstrings);
            if (!isLead || element.LocalName is "meta" or "img" or "a")
            {
                continue;
            }

            var length = TextLength(element);
            if (length >= rules.LeadMinChars && length <= rules.LeadMaxChars && LinkDensity(element) < 0.25 && !element.Contains(top))
            {
                return element;
            }
        }

        return null;
    }

    private IEnumerable<IElement> WithSiblings(IElement top, Dictionary<IElement, double> scores)
    {
        if (top.ParentElement is not { } parent || top.LocalName is "body")
        {
            yield return top;
            yield break;
        }

        var topScore = scores.GetValueOrDefault(top);
        var threshold = Math.Max(rules.SiblingMinScore, topScore * rules.SiblingShare);
        var topClass = top.ClassName;
        foreach (var sibling in parent.Children)
        {
            if (sibling == top)
            {
                yield return sibling;
                continue;
            }

            var bonus = !string.IsNullOrEmpty(topClass) && string.Equals(sibling.ClassName, topClass, StringComparison.Ordinal)
                ? topScore * rules.SiblingShare
                : 0;
            if (scores.TryGetValue(sibling, out var score) && score + bonus >= threshold)
            {
                yield return sibling;
                continue;
            }

            if (sibling.LocalName is "p" or "blockquote" or "ul" or "ol" or "h2" or "h3" or "h4" or "pre")
            {
                var text = sibling.TextContent.AsSpan().Trim();
                var density = LinkDensity(sibling);
                if ((text.Length > 80 && density < 0.25) || (text.Length > 0 && density == 0 && text[^1] is '.' or '?' or '!' or '"' or '”' or ':'))
                {
                    yield return sibling;
                }
            }
        }
    }

    private void Emit(IElement root, List<string> blocks)
    {
        var collector = new BlockCollector(rules);
        collector.Walk(root, inLink: false, heading: false);
        collector.Flush(heading: false);
        collector.CopyTo(blocks);
    }

    private enum BlockKind
    {
        Text,
        Heading,
        Dropped,
    }

    /// <summary>
    /// Turns an element's text into blocks, one per block-level element, and drops link-dense
    /// and boilerplate blocks, and subheads left with no text under them (the heading of a
    /// removed "Related stories" list).
    /// </summary>
    private sealed class BlockCollector(ExtractionRules rules)
    {
        private readonly StringBuilder current = new();
        private readonly List<(string Text, BlockKind Kind)> blocks = [];
        private int linkChars;

        public void Walk(INode node, bool inLink, bool heading)
        {
            foreach (var child in node.ChildNodes)
            {
                switch (child)
                {
                    case IText text:
                        current.Append(text.Data);
                        if (inLink)
                        {
                            linkChars += CountNonSpace(text.Data);
                        }

                        break;
                    case IElement element when element.LocalName is "h1":
                        // The headline is metadata, not body text.
                        Flush(heading);
                        break;
                    case IElement element when element.LocalName is "br":
                        Flush(heading);
                        break;
                    case IElement element when BlockTags.Contains(element.LocalName):
                        var isHeading = heading || element.LocalName is "h2" or "h3" or "h4" or "h5" or "h6";
                        Flush(heading);
                        Walk(element, inLink, isHeading);
                        Flush(isHeading);
                        break;
                    case IElement element:
                        Walk(element, inLink || element.LocalName is "a", heading);
                        break;
                }
            }
        }

        public void Flush(bool heading)
        {
            if (current.Length == 0)
            {
                return;
            }

            var block = current.ToString();
            current.Clear();
            var length = CountNonSpace(block);
            var links = linkChars;
            linkChars = 0;
            if (length == 0)
            {
                return;
            }

            var dropped = (links > rules.MaxLinkDensity * length && length < rules.LinkDenseKeepChars)
                || (length <= rules.BoilerplateMaxChars && rules.IsBoilerplate(block));
            blocks.Add((block, dropped ? BlockKind.Dropped : heading ? BlockKind.Heading : BlockKind.Text));
        }

        public void CopyTo(List<string> output)
        {
            for (var i = 0; i < blocks.Count; i++)
            {
                var (text, kind) = blocks[i];
                if (kind == BlockKind.Dropped)
                {
                    continue;
                }

                if (kind == BlockKind.Heading)
                {
                    var next = i + 1;
                    while (next < blocks.Count && blocks[next].Kind == BlockKind.Heading)
                    {
                        next++;
                    }

                    if (next == blocks.Count || blocks[next].Kind == BlockKind.Dropped)
                    {
                        continue;
                    }
                }

                output.Add(text);
            }
        }
    }

    /// <summary>The text of a container's own text nodes and inline children, or null when it has little.</summary>
    private string? InlineText(IElement element)
    {
        StringBuilder? text = null;
        foreach (var child in element.ChildNodes)
        {
            var piece = child switch
            {
                IText t => t.Data,
                IElement e when !BlockTags.Contains(e.LocalName) => e.TextContent,
                _ => null,
            };
            if (!string.IsNullOrWhiteSpace(piece))
            {
                (text ??= new StringBuilder()).Append(piece);
            }
        }

        return text is not null && text.Length >= rules.MinBlockChars ? text.ToString() : null;
    }

    private static bool HasBlockChild(IElement element)
    {
        foreach (var child in element.Children)
        {
            if (BlockTags.Contains(child.LocalName) && child.LocalName is not "br")
            {
                return true;
            }
        }

        return false;
    }

    private static double LinkDensity(IElement element)
    {
        var total = TextLength(element);
        if (total == 0)
        {
            return 0;
        }

        var links = 0;
        foreach (var a in element.GetElementsByTagName("a"))
        {
            links += TextLength(a);
        }

        return Math.Min(1.0, (double)links / total);
    }

    private static int TextLength(IElement element) => CountNonSpace(element.TextContent);

    private static int CountNonSpace(ReadOnlySpan<char> text)
    {
        var n = 0;
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c))
            {
                n++;
            }
        }

        return n;
    }

    private static int CountCommas(ReadOnlySpan<char> text)
    {
        var n = 0;
        foreach (var c in text)
        {
            if (c is ',' or '，' or '、' or '،')
            {
                n++;
            }
        }

        return n;
    }

    /// <summary>
    /// The class and id attributes, lowercased and joined with a space, without taxonomy
    /// classes such as WordPress's <c>tag-social-media</c> (a post's topics, not its role).
    /// </summary>
    private string ClassAndId(IElement element)
    {
        var cls = element.GetAttribute("class");
        var id = element.GetAttribute("id");
        if (string.IsNullOrEmpty(cls) && string.IsNullOrEmpty(id))
        {
            return "";
        }

        if (cls is not null && rules.IgnoredClassPrefixes.Any(p => cls.Contains(p, StringComparison.OrdinalIgnoreCase)))
        {
            cls = string.Join(' ', cls.Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Where(c => !rules.IgnoredClassPrefixes.Any(p => c.StartsWith(p, StringComparison.OrdinalIgnoreCase))));
        }

        return string.Concat(cls, " ", id).ToLowerInvariant();
    }

    private static bool ContainsAny(string names, string[] needles)
    {
        foreach (var needle in needles)
        {
            if (names.Contains(needle, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasToken(string names, FrozenSet<string> tokens)
    {
        var lookup = tokens.GetAlternateLookup<ReadOnlySpan<char>>();
        var span = names.AsSpan();
        var start = -1;
        for (var i = 0; i <= span.Length; i++)
        {
            var boundary = i == span.Length || span[i] is ' ' or '-' or '_' or '\t' or '\n' or ':';
            if (!boundary)
            {
                if (start < 0)
                {
                    start = i;
                }

                continue;
            }

            if (start >= 0 && lookup.Contains(span[start..i]))
            {
                return true;
            }

            start = -1;
        }

        return false;
    }
}
