using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using Dateline.Text;

namespace Dateline.Model;

/// <summary>
/// One article: its immutable text and metadata, plus layers of spans that the pipeline's stages
/// add one after another. This is the one model that flows through Dateline.
/// </summary>
/// <remarks>
/// A stage never edits a document; it returns a copy with its own layer set
/// (<c>document with { Sentences = … }</c>). Copies share the text and every other layer.
/// </remarks>
public sealed record Document
{
    /// <summary>Creates a document around an article's clean text.</summary>
    public Document(string text, SourceInfo source)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(source);
        Text = text;
        Source = source;
        Id = ComputeId(text);
    }

    /// <summary>Stable identifier: <c>d-</c> and 16 hex digits of the SHA-256 of the normalized text.</summary>
    public string Id { get; }

    /// <summary>The clean article body; paragraphs separated by a blank line.</summary>
    public string Text { get; }

    /// <summary>Where the article came from.</summary>
    public SourceInfo Source { get; init; }

    /// <summary>The headline, or null.</summary>
    public string? Title { get; init; }

    /// <summary>Bylines, in order.</summary>
    public ImmutableArray<string> Authors { get; init; } = [];

    /// <summary>Publication date, the anchor of relative time expressions; null when unknown.</summary>
    public PublicationDate? Published { get; init; }

    /// <summary>Where <see cref="Published"/> came from: option, jsonld, meta, url, dateline, text, crawl (a WARC record's date) or none.</summary>
    public string PublishedFrom { get; init; } = "none";

    /// <summary>ISO 639-1 language code, or null when unknown; only English is analysed beyond text structure.</summary>
    public string? Language { get; init; }

    /// <summary>The last modification the page's metadata states; null when it states none (or the input is not a page).</summary>
    public PublicationDate? Modified { get; init; }

    /// <summary>The page's own summary of the article (its description meta tag), or null.</summary>
    public string? Description { get; init; }

    /// <summary>What the reader dropped from the input, and why.</summary>
    public ImmutableArray<Removal> Removed { get; init; } = [];

    /// <summary>Paragraph extents, in order, without the blank lines between them.</summary>
    public ImmutableArray<TextSpan> Paragraphs { get; init; } = [];

    /// <summary>Sentence extents, in order; each lies inside one paragraph.</summary>
    public ImmutableArray<TextSpan> Sentences { get; init; } = [];

    /// <summary>Tokens, in order; each lies inside one sentence.</summary>
    public ImmutableArray<Token> Tokens { get; init; } = [];

    /// <summary>Entities with their mentions.</summary>
    public ImmutableArray<Entity> Entities { get; init; } = [];

    /// <summary>Quotations and their speakers.</summary>
    public ImmutableArray<Quote> Quotes { get; init; } = [];

    /// <summary>Temporal expressions in TIMEX3.</summary>
    public ImmutableArray<Timex> Timexes { get; init; } = [];

    /// <summary>CAMEO-coded events.</summary>
    public ImmutableArray<Event> Events { get; init; } = [];

    /// <summary>Quantities and what they measure.</summary>
    public ImmutableArray<Figure> Figures { get; init; } = [];

    /// <summary>The characters of a span of this document.</summary>
    public ReadOnlySpan<char> this[TextSpan span] => Text.AsSpan(span.Start, span.Length);

    /// <summary>Index of the first token that starts at or after <paramref name="offset"/> (Tokens.Length when none does).</summary>
    public int TokenIndexAt(int offset)
    {
        int lo = 0, hi = Tokens.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (Tokens[mid].Start < offset)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <summary>Number of word and number tokens: the unit of throughput figures.</summary>
    public int WordCount
    {
        get
        {
            var count = 0;
            foreach (var token in Tokens)
            {
                if (token.Kind is TokenKind.Word or TokenKind.Number)
                {
                    count++;
                }
            }

            return count;
        }
    }

    private static string ComputeId(string text)
    {
        // The id hashes the folded view (quotes, dashes, spaces unified) so that the same story
        // with other typography gets the same id.
        var folded = TextNormalizer.Fold(text);
        var bytes = Encoding.UTF8.GetBytes(folded);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(bytes, hash);
        return "d-" + Convert.ToHexStringLower(hash[..8]);
    }
}
