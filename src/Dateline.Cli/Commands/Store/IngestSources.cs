using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Dateline.Extraction;
using Dateline.Input;
using Dateline.Model;

namespace Dateline.Cli.Commands.Store;

/// <summary>How ingest reads its sources.</summary>
internal enum IngestFormat
{
    /// <summary>By file name: .jsonl/.ndjson are JSON Lines, .sgm(.gz) Reuters SGML, .warc(.gz) web archives, anything else one article (text or HTML); http(s) URLs are fetched.</summary>
    Auto,
    /// <summary>Every file is one article.</summary>
    Article,
    /// <summary>One JSON object per line: text or html, and optional url, published, title, outlet.</summary>
    Jsonl,
    /// <summary>Reuters-21578 SGML (optionally gzip-compressed): one article per REUTERS record with a BODY.</summary>
    ReutersSgml,
    /// <summary>A web archive (.warc or .warc.gz): one article per HTML response record.</summary>
    Warc,
}

/// <summary>One article to read, analyse and store; reading happens on a worker thread.</summary>
internal sealed record IngestItem(string Name, Func<Result<Document>> Read);

/// <summary>
/// Turns ingest's arguments (files, directories, globs, JSON Lines, Reuters SGML) into a lazy stream
/// of items, so a million-line batch is never held in memory. A source that cannot be opened
/// becomes one failed item with the reason; the rest goes on.
/// </summary>
internal static class IngestSources
{
    private static readonly string[] ArticleExtensions = [".txt", ".text", ".html", ".htm", ".jsonl", ".ndjson", ".sgm", ".sgm.gz", ".warc", ".warc.gz"];

    public static IEnumerable<IngestItem> Enumerate(IEnumerable<string> arguments, IngestFormat format, ReadOptions options, CancellationToken cancellationToken) =>
        Enumerate(arguments, format, options, web: null, cancellationToken);

    /// <summary>As above, with URLs (pages and feeds) fetched through <paramref name="web"/>; without it a URL is a failed item.</summary>
    public static IEnumerable<IngestItem> Enumerate(IEnumerable<string> arguments, IngestFormat format, ReadOptions options, WebSources? web, CancellationToken cancellationToken)
    {
        foreach (var argument in arguments)
        {
            if (WebSources.IsUrl(argument))
            {
                IEnumerable<IngestItem> fetched = web is null
                    ? [Failed(argument, InputErrorCode.InvalidUrl, $"{argument}: URLs are not read here")]
                    : web.Items(argument, options, cancellationToken);
                foreach (var item in fetched)
                {
                    yield return item;
                }

                continue;
            }

            foreach (var path in Expand(argument))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var kind = format == IngestFormat.Auto ? Detect(path) : format;
                var items = kind switch
                {
                    IngestFormat.Jsonl => JsonLines(path, options, cancellationToken),
                    IngestFormat.ReutersSgml => Reuters(path, cancellationToken),
                    IngestFormat.Warc => Warc(path, options, cancellationToken),
                    _ => [new IngestItem(path, () => InputFiles.Read(path, options))],
                };
                foreach (var item in items)
                {
                    yield return item;
                }
            }
        }
    }

    private static IngestFormat Detect(string path) =>
        path == "-" || path.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".ndjson", StringComparison.OrdinalIgnoreCase) ? IngestFormat.Jsonl
        : path.EndsWith(".sgm", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".sgm.gz", StringComparison.OrdinalIgnoreCase) ? IngestFormat.ReutersSgml
        : path.EndsWith(".warc", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".warc.gz", StringComparison.OrdinalIgnoreCase) ? IngestFormat.Warc
        : IngestFormat.Article;

    /// <summary>A file as itself; a directory as its article files, recursively, in name order; a glob (*, ?, **) as its matches.</summary>
    private static IEnumerable<string> Expand(string argument)
    {
        if (argument == "-" || File.Exists(argument))
        {
            return [argument];
        }

        if (Directory.Exists(argument))
        {
            return Directory.EnumerateFiles(argument, "*", SearchOption.AllDirectories)
                .Where(f => ArticleExtensions.Any(e => f.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
                .Order(StringComparer.Ordinal);
        }

        if (argument.AsSpan().IndexOfAny('*', '?') >= 0)
        {
            var wildcard = argument.AsSpan().IndexOfAny('*', '?');
            var slash = argument.LastIndexOf('/', wildcard);
            var root = slash < 0 ? "." : argument[..Math.Max(1, slash)];
            var pattern = argument[(slash + 1)..];
            var recursive = pattern.StartsWith("**/", StringComparison.Ordinal);
            var file = recursive ? pattern[3..] : pattern;
            if (file.Contains('/', StringComparison.Ordinal) || !Directory.Exists(root))
            {
                return [argument];
            }

            var matches = Directory.EnumerateFiles(root, file, recursive ? SearchOption.AllDirectories : SearchOption.TopDirectoryOnly).Order(StringComparer.Ordinal).ToList();
            return matches.Count > 0 ? matches : [argument];
        }

        // Not found: InputFiles reports it as one failed item.
        return [argument];
    }

    private static IEnumerable<IngestItem> JsonLines(string path, ReadOptions options, CancellationToken cancellationToken)
    {
        TextReader reader;
        try
        {
            reader = path == "-" ? Console.In : new StreamReader(path, Encoding.UTF8);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return [Failed(path, InputErrorCode.Unreadable, $"{path}: cannot be read ({ex.Message})")];
        }

        return Lines(reader, path, options, cancellationToken);
    }

    private static IEnumerable<IngestItem> Lines(TextReader reader, string path, ReadOptions options, CancellationToken cancellationToken)
    {
        using (reader)
        {
            var number = 0;
            while (reader.ReadLine() is { } line)
            {
                cancellationToken.ThrowIfCancellationRequested();
                number++;
                if (line.AsSpan().IsWhiteSpace())
                {
                    continue;
                }

                var name = $"{path}:{number}";
                yield return new IngestItem(name, () => ParseLine(line, name, options));
            }
        }
    }

    /// <summary>One JSON Lines record: <c>{"text"|"html": …, "url": …, "published": …, "title": …, "outlet": …}</c>.</summary>
    internal static Result<Document> ParseLine(string line, string name, ReadOptions options)
    {
        try
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return Result<Document>.Failure(InputErrorCode.Empty, $"{name}: the line is not a JSON object");
            }

            var url = String(root, "url");
            var outlet = String(root, "outlet") ?? (Uri.TryCreate(url, UriKind.Absolute, out var uri) ? StripWww(uri.Host) : null);
            var source = new SourceInfo("jsonl", url, outlet);
            PublicationDate? published = options.Published;
            if (String(root, "published") is { } value)
            {
                published = PublicationDate.TryParse(value);
                if (published is null)
                {
                    return Result<Document>.Failure(InputErrorCode.InvalidDate, $"{name}: \"published\" is not an ISO 8601 date: {value}");
                }
            }

            Result<Document> read;
            if (String(root, "html") is { } html)
            {
                read = ArticleReader.Default.Read(html, source, options with { Format = InputFormat.Html, Published = published });
            }
            else if (String(root, "text") is { } text)
            {
                read = ArticleReader.Default.Read(text, source, options with { Format = InputFormat.Text, Published = published });
            }
            else
            {
                return Result<Document>.Failure(InputErrorCode.Empty, $"{name}: the line has neither \"text\" nor \"html\"");
            }

            if (read.Error is { } error)
            {
                return Result<Document>.Failure(error.Code, $"{name}: {error.Message}");
            }

            var document = read.Value!;
            if (String(root, "title") is { } title)
            {
                document = document with { Title = title };
            }

            return Result<Document>.Success(document);
        }
        catch (JsonException ex)
        {
            return Result<Document>.Failure(InputErrorCode.Unreadable, $"{name}: not valid JSON ({ex.Message})");
        }
    }

    private static string StripWww(string host) => host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? host[4..] : host;

    private static string? String(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static IngestItem Failed(string name, InputErrorCode code, string message) =>
        new(name, () => Result<Document>.Failure(code, message));

    /// <summary>A WARC file streamed record by record; each response record's page is read by a worker.</summary>
    private static IEnumerable<IngestItem> Warc(string path, ReadOptions options, CancellationToken cancellationToken)
    {
        Stream file;
        try
        {
            file = File.OpenRead(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return [Failed(path, InputErrorCode.Unreadable, $"{path}: cannot be read ({ex.Message})")];
        }

        return WarcRecords(file, path, options, cancellationToken);
    }

    private static IEnumerable<IngestItem> WarcRecords(Stream file, string path, ReadOptions options, CancellationToken cancellationToken)
    {
        using (file)
        {
            foreach (var record in WarcReader.Default.Records(file, options, cancellationToken))
            {
                var name = $"{path}#{record.Number}";
                yield return new IngestItem(name, () =>
                {
                    var read = record.Read();
                    return read.Error is { } error ? Result<Document>.Failure(error.Code, $"{path}: {error.Message}") : read;
                });
            }
        }
    }

    private static IEnumerable<IngestItem> Reuters(string path, CancellationToken cancellationToken)
    {
        string content;
        try
        {
            using var file = File.OpenRead(path);
            using var stream = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionMode.Decompress) : (Stream)file;
            using var reader = new StreamReader(stream, Encoding.Latin1);
            content = reader.ReadToEnd();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            return [Failed(path, InputErrorCode.Unreadable, $"{path}: cannot be read ({ex.Message})")];
        }

        return ReutersSgml.Records(content, path, cancellationToken);
    }
}

/// <summary>
/// Reads Reuters-21578's SGML: each <c>&lt;REUTERS … NEWID="n"&gt;</c> record's TITLE, DATE and BODY,
/// with SGML character references decoded. A record without a BODY (a headline-only brief) is a
/// failed item with that reason.
/// </summary>
internal static class ReutersSgml
{
    public static IEnumerable<IngestItem> Records(string content, string path, CancellationToken cancellationToken)
    {
        var at = 0;
        while ((at = content.IndexOf("<REUTERS", at, StringComparison.Ordinal)) >= 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var end = content.IndexOf("</REUTERS>", at, StringComparison.Ordinal);
            if (end < 0)
            {
                yield break;
            }

            var record = content[at..end];
            at = end;
            var id = Attribute(record, "NEWID") ?? "?";
            var name = $"{path}#{id}";
            yield return new IngestItem(name, () => Read(record, name, id));
        }
    }

    private static Result<Document> Read(string record, string name, string id)
    {
        var body = Element(record, "BODY");
        if (body is null || body.AsSpan().IsWhiteSpace())
        {
            return Result<Document>.Failure(InputErrorCode.Empty, $"{name}: the record has no BODY");
        }

        // The body ends with the wire's sign-off ("Reuter") before the end-of-text control character.
        body = body.TrimEnd();
        if (body.EndsWith("Reuter", StringComparison.Ordinal))
        {
            body = body[..^6];
        }

        var source = new SourceInfo("file", name, "reuters.com");
        var read = ArticleReader.Default.Read(body, source, new ReadOptions { Format = InputFormat.Text });
        if (read.Error is { } error)
        {
            return Result<Document>.Failure(error.Code, $"{name}: {error.Message}");
        }

        var document = read.Value!;
        var title = Element(record, "TITLE");
        var published = Date(Element(record, "DATE"));
        return Result<Document>.Success(document with
        {
            Title = title is null ? null : title.Trim(),
            Published = published,
            PublishedFrom = published is null ? "none" : "meta",
        });
    }

    private static PublicationDate? Date(string? value)
    {
        // 26-FEB-1987 15:01:01.79
        if (value is null)
        {
            return null;
        }

        // Drop the hundredths of a second: " 2-MAR-1987 17:44:54.39" → "2-MAR-1987 17:44:54".
        var text = value.Trim();
        var dot = text.LastIndexOf('.');
        text = dot > 0 ? text[..dot] : text;
        return DateTime.TryParseExact(text, "d-MMM-yyyy HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var when)
            ? new PublicationDate(DateOnly.FromDateTime(when), TimeOnly.FromDateTime(when))
            : null;
    }

    private static string? Attribute(string record, string name)
    {
        var key = name + "=\"";
        var start = record.IndexOf(key, StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        start += key.Length;
        var end = record.IndexOf('"', start);
        return end < 0 ? null : record[start..end];
    }

    private static string? Element(string record, string tag)
    {
        var open = record.IndexOf("<" + tag + ">", StringComparison.Ordinal);
        if (open < 0)
        {
            return null;
        }

        open += tag.Length + 2;
        var close = record.IndexOf("</" + tag + ">", open, StringComparison.Ordinal);
        return close < 0 ? null : Decode(record.AsSpan(open, close - open));
    }

    /// <summary>Decodes &amp;lt; &amp;gt; &amp;amp; and numeric references; control characters become nothing.</summary>
    private static string Decode(ReadOnlySpan<char> text)
    {
        var builder = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '&')
            {
                var semi = text[i..].IndexOf(';');
                if (semi > 1 && semi < 8)
                {
                    var entity = text.Slice(i + 1, semi - 1);
                    string? replacement = entity switch
                    {
                        "lt" => "<",
                        "gt" => ">",
                        "amp" => "&",
                        "quot" => "\"",
                        _ when entity[0] == '#' && int.TryParse(entity[1..], NumberStyles.None, CultureInfo.InvariantCulture, out var code)
                            => code is < 32 and not 9 and not 10 and not 13 ? "" : char.ConvertFromUtf32(code),
                        _ => null,
                    };
                    if (replacement is not null)
                    {
                        builder.Append(replacement);
                        i += semi + 1;
                        continue;
                    }
                }
            }

            if (c >= ' ' || c is '\n' or '\t' or '\r')
            {
                builder.Append(c);
            }

            i++;
        }

        return builder.ToString();
    }
}
