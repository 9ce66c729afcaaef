using System.Text.Json;
using Dateline.Extraction;
using Dateline.Model;

namespace Dateline.Input;

/// <summary>One line of a JSON Lines input: its number (from 1) and the article or why there is none.</summary>
public sealed record JsonLine(int Number, Result<Document> Result);

/// <summary>
/// Reads JSON Lines, one article per line, as other tools export them:
/// <c>{"text": "…"}</c> or <c>{"html": "…"}</c>, with optional <c>url</c>, <c>published</c>
/// (ISO 8601) and <c>title</c>. Streams: one line in memory at a time.
/// </summary>
/// <remarks>
/// A bad line is a result with its line number, not an exception, so a batch goes on past it.
/// A record's <c>published</c> counts as given with the input (<c>publishedFrom: option</c>),
/// but an explicit <see cref="ReadOptions.Published"/> still wins; its <c>title</c> wins over
/// the page's.
/// </remarks>
public sealed class JsonLinesReader(ArticleReader reader)
{
    private static readonly JsonDocumentOptions JsonOptions = new() { MaxDepth = 16 };

    /// <summary>A reader over the default article reader.</summary>
    public static JsonLinesReader Default { get; } = new(ArticleReader.Default);

    /// <summary>Reads every non-blank line of <paramref name="input"/>, named <paramref name="name"/> in sources.</summary>
    public IEnumerable<JsonLine> Read(TextReader input, string name, ReadOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(name);
        options ??= new ReadOptions();
        var number = 0;
        while (input.ReadLine() is { } line)
        {
            cancellationToken.ThrowIfCancellationRequested();
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            yield return new JsonLine(number, ReadLine(line, name, number, options));
        }
    }

    private Result<Document> ReadLine(string line, string name, int number, ReadOptions options)
    {
        if (line.Length > options.MaxBytes)
        {
            return Result<Document>.Failure(InputErrorCode.TooLarge, $"{name}:{number}: the line is {line.Length:N0} characters, over the limit of {options.MaxBytes:N0}");
        }

        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(line, JsonOptions);
        }
        catch (JsonException ex)
        {
            return Result<Document>.Failure(InputErrorCode.Malformed, $"{name}:{number}: not a JSON object ({ex.Message})");
        }

        using (json)
        {
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return Result<Document>.Failure(InputErrorCode.Malformed, $"{name}:{number}: expected a JSON object, found {root.ValueKind}");
            }

            var html = String(root, "html");
            var text = String(root, "text");
            if (html is null && text is null)
            {
                return Result<Document>.Failure(InputErrorCode.Empty, $"{name}:{number}: the record has neither \"text\" nor \"html\"");
            }

            var published = options.Published;
            if (published is null && String(root, "published") is { } value)
            {
                published = PublicationDate.TryParse(value);
                if (published is null)
                {
                    return Result<Document>.Failure(InputErrorCode.InvalidDate, $"{name}:{number}: \"published\" '{value}' is not an ISO 8601 date");
                }
            }

            var source = new SourceInfo("jsonl", String(root, "url"), null);
            var lineOptions = options with { Published = published, Format = html is not null ? InputFormat.Html : InputFormat.Text };
            var result = reader.Read(html ?? text!, source, lineOptions);
            if (result.Error is { } error)
            {
                return Result<Document>.Failure(error.Code, $"{name}:{number}: {error.Message}");
            }

            return String(root, "title") is { } title ? Result<Document>.Success(result.Value! with { Title = title }) : result;
        }
    }

    private static string? String(JsonElement root, string property) =>
        root.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString())
            ? value.GetString()
            : null;
}
