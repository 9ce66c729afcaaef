using System.Collections.Immutable;
using Dateline.Model;

namespace Dateline.Text;

/// <summary>The text-structure stage: paragraphs, tokens and sentences, in one pass per paragraph.</summary>
public sealed class TextStage : IStage
{
    private readonly Tokenizer tokenizer;
    private readonly SentenceSplitter splitter;

    /// <summary>Creates the stage over the given lexicons.</summary>
    public TextStage(TextLexicons lexicons)
    {
        tokenizer = new Tokenizer(lexicons);
        splitter = new SentenceSplitter(lexicons);
    }

    /// <inheritdoc />
    public string Name => "text";

    /// <inheritdoc />
    public Document Process(Document document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        var text = document.Text;
        var paragraphs = ParagraphSplitter.Split(text);
        var tokens = ImmutableArray.CreateBuilder<Token>(Math.Max(16, text.Length / 5));
        var sentences = ImmutableArray.CreateBuilder<TextSpan>(Math.Max(4, text.Length / 120));
        foreach (var paragraph in paragraphs)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var first = tokens.Count;
            tokenizer.Tokenize(text, paragraph.Start, paragraph.End, tokens);
            splitter.Split(text, tokens, first, tokens.Count, sentences);
        }

        return document with
        {
            Paragraphs = paragraphs,
            Tokens = tokens.ToImmutable(),
            Sentences = sentences.ToImmutable(),
        };
    }
}
