using Dateline.Input;
using Dateline.Model;
using Dateline.Text;

namespace Dateline.Extraction;

/// <summary>What kind of content an input holds.</summary>
public enum InputFormat
{
    /// <summary>Decide from the content: HTML when it starts like a page, else plain text.</summary>
    Auto,
    /// <summary>Plain text.</summary>
    Text,
    /// <summary>An HTML page.</summary>
    Html,
}

/// <summary>Options for reading one input.</summary>
public sealed record ReadOptions
{
    /// <summary>The default limit on input size: 5 MB.</summary>
    public const long DefaultMaxBytes = 5_000_000;

    /// <summary>Inputs larger than this are refused.</summary>
    public long MaxBytes { get; init; } = DefaultMaxBytes;

    /// <summary>How to read the content.</summary>
    public InputFormat Format { get; init; } = InputFormat.Auto;

    /// <summary>The publication date given by the user, which wins over any found in the input.</summary>
    public PublicationDate? Published { get; init; }

    /// <summary>
    /// The charset the transport declared (an HTTP or WARC Content-Type header), or null; it
    /// decides between legacy encodings when the bytes are not UTF-8 (see <see cref="TextDecoder"/>).
    /// </summary>
    public string? Charset { get; init; }
}

/// <summary>
/// Reads raw bytes (a file, standard input, a request body) into a document ready for the
/// pipeline: decoding, format detection, article text, publication date. Never throws on bad
/// input; says what is wrong instead.
/// </summary>
public sealed class ArticleReader
{
    private readonly TextArticleReader text;
    private readonly Lazy<HtmlArticleReader> html;

    /// <summary>Creates a reader over the given lexicons.</summary>
    public ArticleReader(TextLexicons lexicons)
    {
        text = new TextArticleReader(lexicons);

        // The HTML reader's rules load only when a page comes: plain text never waits for them.
        html = new Lazy<HtmlArticleReader>(() => new HtmlArticleReader(text), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>A reader over the shipped lexicons.</summary>
    public static ArticleReader Default { get; } = new(TextLexicons.Default);

    /// <summary>Reads <paramref name="bytes"/> from <paramref name="source"/>.</summary>
    public Result<Document> Read(ReadOnlySpan<byte> bytes, SourceInfo source, ReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        options ??= new ReadOptions();
        if (bytes.Length > options.MaxBytes)
        {
            return Result<Document>.Failure(
                InputErrorCode.TooLarge,
                $"the input is {bytes.Length:N0} bytes, over the limit of {options.MaxBytes:N0} (raise it with --max-bytes)");
        }

        var decoded = TextDecoder.Decode(bytes, options.Charset);
        return decoded.Value is { } value ? Read(value.Text, source, options) : Result<Document>.Failure(decoded.Error!);
    }

    /// <summary>Reads already-decoded content from <paramref name="source"/>.</summary>
    public Result<Document> Read(string content, SourceInfo source, ReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(source);
        options ??= new ReadOptions();
        var format = options.Format == InputFormat.Auto ? Sniff(content) : options.Format;
        var document = format == InputFormat.Html ? html.Value.Read(content, source) : text.Read(content, source);
        if (document.Text.Length == 0)
        {
            var why = document.Removed.IsEmpty ? "it holds no text" : "it holds only page furniture";
            return Result<Document>.Failure(InputErrorCode.Empty, $"the input has no article text: {why}");
        }

        if (options.Published is { } published)
        {
            document = document with { Published = published, PublishedFrom = "option" };
        }

        return Result<Document>.Success(document);
    }

    /// <summary>HTML when the content opens like a page (a doctype, an html, head or body tag).</summary>
    public static InputFormat Sniff(string content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var head = content.AsSpan(0, Math.Min(content.Length, 1024)).TrimStart();
        if (head.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase)
            || head.StartsWith("<html", StringComparison.OrdinalIgnoreCase)
            || head.StartsWith("<head", StringComparison.OrdinalIgnoreCase)
            || head.StartsWith("<body", StringComparison.OrdinalIgnoreCase)
            || (head.StartsWith("<!--", StringComparison.Ordinal) && head.Contains("<html", StringComparison.OrdinalIgnoreCase))
            || (head.StartsWith("<?xml", StringComparison.Ordinal) && head.Contains("<html", StringComparison.OrdinalIgnoreCase)))
        {
            return InputFormat.Html;
        }

        return InputFormat.Text;
    }
}
