using Dateline.Model;

namespace Dateline.Text;

/// <summary>
/// Tells the article's language from its function words, so that only English text reaches the
/// English analysis stages; other languages are kept and flagged by their code.
/// </summary>
public sealed class LanguageStage(TextLexicons lexicons) : IStage
{
    // Enough words to decide, few enough to stay cheap on long articles.
    private const int SampleWords = 400;
    private const double MinimumShare = 0.12;
    private const int MinimumWords = 8;

    /// <inheritdoc />
    public string Name => "language";

    /// <inheritdoc />
    public Document Process(Document document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        // The text decides; a language the page declares stands only where the text is too short or unclear to tell.
        return document with { Language = Identify(document) ?? document.Language };
    }

    /// <summary>The ISO 639-1 code of the language, or null when the text is too short or unclear.</summary>
    public string? Identify(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var languages = lexicons.StopwordLanguages;
        Span<int> hits = stackalloc int[languages.Count];
        Span<char> lower = stackalloc char[32];
        var words = 0;
        foreach (var token in document.Tokens)
        {
            if (token.Kind != TokenKind.Word || token.Length > lower.Length)
            {
                continue;
            }

            if (++words > SampleWords)
            {
                break;
            }

            var word = lower[..token.Length];
            document.Text.AsSpan(token.Start, token.Length).ToLowerInvariant(word);
            for (var mask = lexicons.StopwordMask(word); mask != 0; mask &= mask - 1)
            {
                hits[System.Numerics.BitOperations.TrailingZeroCount(mask)]++;
            }
        }

        if (words < MinimumWords)
        {
            return null;
        }

        var best = -1;
        for (var l = 0; l < languages.Count; l++)
        {
            if (best < 0 || hits[l] > hits[best])
            {
                best = l;
            }
        }

        var share = (double)hits[best] / Math.Min(words, SampleWords);
        return share >= MinimumShare ? languages[best] : null;
    }
}
