using System.Globalization;
using System.IO.Compression;
using System.Text;
using Dateline.Extraction;
using Dateline.Model;

namespace Dateline.Input;

/// <summary>One record of a WARC file: its number (from 1), target URI, and the article or why there is none.</summary>
public sealed record WarcItem(int Number, string? TargetUri, Result<Document> Result);

/// <summary>
/// One record of a WARC file whose article is read on demand (<see cref="Read"/>), so that the
/// file is streamed by one reader while a pool of workers extracts the pages.
/// </summary>
public sealed class WarcRecord
{
    private readonly Func<Result<Document>> read;

    internal WarcRecord(int number, string? targetUri, Func<Result<Document>> read, bool ends)
    {
        Number = number;
        TargetUri = targetUri;
        this.read = read;
        Ends = ends;
    }

    /// <summary>The record's number in the file, from 1.</summary>
    public int Number { get; }

    /// <summary>The WARC-Target-URI, or null.</summary>
    public string? TargetUri { get; }

    /// <summary>True when nothing can be read after this record (it is truncated or the compression is corrupt).</summary>
    internal bool Ends { get; }

    /// <summary>Reads the record's page into an article, or says why there is none.</summary>
    public Result<Document> Read() => read();
}

/// <summary>
/// Streams a WARC file (<c>.warc</c>, or <c>.warc.gz</c> made of one gzip member per record, as
/// Common Crawl ships them) and reads the HTML of every response record into an article.
/// </summary>
/// <remarks>
/// Records are read one at a time; a record whose block is larger than
/// <see cref="ReadOptions.MaxBytes"/> is skipped without being held in memory, which also caps
/// what a gzip bomb can cost. Every other record (requests, metadata, non-HTML or failed
/// responses, a truncated last record) becomes a result with a reason, so a batch can count
/// them. The WARC-Target-URI becomes the document's url (and feeds the date-from-URL rule). The
/// WARC-Date is the crawl's, not the publication date: it is the anchor only when the page gives
/// none (<c>publishedFrom: crawl</c>), and it overrules a page date later than itself (a page
/// cannot be published after it was fetched; such a date is a misread or an update time).
/// </remarks>
public sealed class WarcReader(ArticleReader reader)
{
    private const int MaxHeaderLine = 16 * 1024;

    /// <summary>A reader over the default article reader.</summary>
    public static WarcReader Default { get; } = new(ArticleReader.Default);

    /// <summary>Reads every record of <paramref name="stream"/> (plain or gzip-compressed WARC).</summary>
    public IEnumerable<WarcItem> Read(Stream stream, ReadOptions? options = null, CancellationToken cancellationToken = default) =>
        Records(stream, options, cancellationToken).Select(r => new WarcItem(r.Number, r.TargetUri, r.Read()));

    /// <summary>
    /// Streams the records of <paramref name="stream"/> (plain or gzip-compressed WARC), each read
    /// into an article only when asked; one record's block in memory at a time.
    /// </summary>
    public IEnumerable<WarcRecord> Records(Stream stream, ReadOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        options ??= new ReadOptions();
        var buffered = new BufferedStream(stream, 64 * 1024);
        var first = new byte[2];
        var peeked = buffered.Read(first, 0, 2);
        var head = new MemoryStream(first, 0, peeked);
        Stream input = new ConcatStream(head, buffered);
        if (peeked == 2 && first[0] == 0x1F && first[1] == 0x8B)
        {
            // GZipStream reads concatenated members one after another.
            input = new BufferedStream(new GZipStream(input, CompressionMode.Decompress), 64 * 1024);
        }

        var number = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            WarcRecord? record;
            try
            {
                record = ReadRecord(input, ++number, options);
            }
            catch (InvalidDataException ex)
            {
                // A corrupt gzip member ends the file: nothing after it can be found again.
                var failure = Result<Document>.Failure(InputErrorCode.Truncated, $"record {number}: the compressed data is corrupt ({ex.Message})");
                record = new WarcRecord(number, null, () => failure, ends: true);
            }

            if (record is null)
            {
                yield break;
            }

            yield return record;
            if (record.Ends)
            {
                yield break;
            }
        }
    }

    private WarcRecord? ReadRecord(Stream input, int number, ReadOptions options)
    {
        string? version;
        do
        {
            version = ReadLine(input);
            if (version is null)
            {
                return null;
            }
        }
        while (version.Length == 0);

        if (!version.StartsWith("WARC/", StringComparison.Ordinal))
        {
            return Done(number, null, Result<Document>.Failure(InputErrorCode.Malformed, $"record {number}: expected a WARC version line, found '{Shorten(version)}'"));
        }

        var headers = ReadHeaders(input);
        var uri = headers.GetValueOrDefault("WARC-Target-URI")?.Trim('<', '>');
        if (!long.TryParse(headers.GetValueOrDefault("Content-Length"), NumberStyles.None, CultureInfo.InvariantCulture, out var length))
        {
            return Done(number, uri, Result<Document>.Failure(InputErrorCode.Malformed, $"record {number}: no valid Content-Length"));
        }

        var type = headers.GetValueOrDefault("WARC-Type") ?? "";
        if (length > options.MaxBytes)
        {
            var skipped = Skip(input, length);
            return skipped < length
                ? Done(number, uri, Truncated(number, length, skipped), ends: true)
                : Done(number, uri, Result<Document>.Failure(InputErrorCode.TooLarge, $"record {number}: the block is {length:N0} bytes, over the limit of {options.MaxBytes:N0}"));
        }

        var block = new byte[length];
        var read = input.ReadAtLeast(block, block.Length, throwOnEndOfStream: false);
        if (read < length)
        {
            return Done(number, uri, Truncated(number, length, read), ends: true);
        }

        if (!type.Equals("response", StringComparison.OrdinalIgnoreCase))
        {
            return Done(number, uri, Result<Document>.Failure(InputErrorCode.Unsupported, $"record {number}: a {type} record, not a response"));
        }

        var crawled = DateTimeOffset.TryParse(headers.GetValueOrDefault("WARC-Date"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date) ? date : (DateTimeOffset?)null;
        return new WarcRecord(number, uri, () => WithCrawlDate(Response(block, uri, number, options), crawled, options), ends: false);
    }

    private static WarcRecord Done(int number, string? uri, Result<Document> result, bool ends = false) => new(number, uri, () => result, ends);

    /// <summary>The crawl date anchors a page without a date, and overrules a page date after it.</summary>
    private static Result<Document> WithCrawlDate(Result<Document> result, DateTimeOffset? crawled, ReadOptions options)
    {
        if (result.Value is not { } document || crawled is not { } when || options.Published is not null)
        {
            return result;
        }

        var day = DateOnly.FromDateTime(when.UtcDateTime);
        if (document.Published is { } published && published.Date <= day.AddDays(1))
        {
            return result;
        }

        var crawl = new PublicationDate(day, TimeOnly.FromDateTime(when.UtcDateTime), TimeSpan.Zero);
        return Result<Document>.Success(document with { Published = crawl, PublishedFrom = "crawl" });
    }

    private Result<Document> Response(byte[] block, string? uri, int number, ReadOptions options)
    {
        using var http = new MemoryStream(block, writable: false);
        var status = ReadLine(http) ?? "";
        var parts = status.Split(' ', 3);
        if (parts.Length < 2 || !parts[0].StartsWith("HTTP/", StringComparison.Ordinal))
        {
            return Result<Document>.Failure(InputErrorCode.Malformed, $"record {number}: the response has no HTTP status line");
        }

        if (parts[1] != "200")
        {
            return Result<Document>.Failure(InputErrorCode.Unsupported, $"record {number}: HTTP {parts[1]}, not a page");
        }

        var headers = ReadHeaders(http);
        var contentType = headers.GetValueOrDefault("Content-Type") ?? "";
        if (!contentType.Contains("html", StringComparison.OrdinalIgnoreCase))
        {
            return Result<Document>.Failure(InputErrorCode.Unsupported, $"record {number}: {(contentType.Length == 0 ? "no content type" : contentType)}, not HTML");
        }

        var body = block.AsSpan((int)http.Position);
        byte[]? decoded = null;
        if (headers.GetValueOrDefault("Transfer-Encoding") is { } te && te.Contains("chunked", StringComparison.OrdinalIgnoreCase))
        {
            decoded = Dechunk(body);
            if (decoded is null)
            {
                return Result<Document>.Failure(InputErrorCode.Malformed, $"record {number}: bad chunked encoding");
            }

            body = decoded;
        }

        if (headers.GetValueOrDefault("Content-Encoding") is { } ce && ce.Contains("gzip", StringComparison.OrdinalIgnoreCase))
        {
            var inflated = Gunzip(body, options.MaxBytes, out var tooLarge);
            if (inflated is null)
            {
                return tooLarge
                    ? Result<Document>.Failure(InputErrorCode.TooLarge, $"record {number}: the page inflates past the limit of {options.MaxBytes:N0} bytes")
                    : Result<Document>.Failure(InputErrorCode.Malformed, $"record {number}: bad gzip content encoding");
            }

            body = inflated;
        }

        var charset = Charset(contentType);
        var text = TextDecoder.Decode(body, charset);
        if (text.Value is not { } value)
        {
            return Result<Document>.Failure(text.Error!.Code, $"record {number}: {text.Error.Message}");
        }

        var result = reader.Read(value.Text, new SourceInfo("warc", uri, null), options with { Format = InputFormat.Html });
        return result.Error is { } error ? Result<Document>.Failure(error.Code, $"record {number}: {error.Message}") : result;
    }

    private static Result<Document> Truncated(int number, long length, long read) =>
        Result<Document>.Failure(InputErrorCode.Truncated, $"record {number}: truncated, {read:N0} of {length:N0} bytes");

    private static string? Charset(string contentType)
    {
        var at = contentType.IndexOf("charset=", StringComparison.OrdinalIgnoreCase);
        return at < 0 ? null : contentType[(at + 8)..].Split(';')[0].Trim().Trim('"', '\'');
    }

    private static Dictionary<string, string> ReadHeaders(Stream input)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        while (ReadLine(input) is { Length: > 0 } line)
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                headers.TryAdd(line[..colon].Trim(), line[(colon + 1)..].Trim());
            }
        }

        return headers;
    }

    /// <summary>A line without its CR LF, read as Latin-1 (headers are ASCII); null at the end.</summary>
    private static string? ReadLine(Stream input)
    {
        var line = new StringBuilder();
        int b;
        while ((b = input.ReadByte()) >= 0)
        {
            if (b == '\n')
            {
                return line.ToString().TrimEnd('\r');
            }

            if (line.Length < MaxHeaderLine)
            {
                line.Append((char)b);
            }
        }

        return line.Length > 0 ? line.ToString() : null;
    }

    private static long Skip(Stream input, long count)
    {
        var buffer = new byte[81920];
        long skipped = 0;
        while (skipped < count)
        {
            var n = input.Read(buffer, 0, (int)Math.Min(buffer.Length, count - skipped));
            if (n == 0)
            {
                break;
            }

            skipped += n;
        }

        return skipped;
    }

    private static byte[]? Dechunk(ReadOnlySpan<byte> body)
    {
        var output = new MemoryStream();
        var at = 0;
        while (at < body.Length)
        {
            var end = body[at..].IndexOf((byte)'\n');
            if (end < 0)
            {
                return null;
            }

            var sizeText = Encoding.ASCII.GetString(body.Slice(at, end)).Split(';')[0].Trim();
            if (!int.TryParse(sizeText, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var size) || size < 0)
            {
                return null;
            }

            at += end + 1;
            if (size == 0)
            {
                return output.ToArray();
            }

            if (at + size > body.Length)
            {
                return null;
            }

            output.Write(body.Slice(at, size));
            at += size;
            while (at < body.Length && body[at] is (byte)'\r' or (byte)'\n')
            {
                at++;
            }
        }

        return output.ToArray();
    }

    private static byte[]? Gunzip(ReadOnlySpan<byte> body, long max, out bool tooLarge)
    {
        tooLarge = false;
        try
        {
            using var gzip = new GZipStream(new MemoryStream(body.ToArray()), CompressionMode.Decompress);
            using var output = new MemoryStream();
            var buffer = new byte[81920];
            int n;
            while ((n = gzip.Read(buffer, 0, buffer.Length)) > 0)
            {
                output.Write(buffer, 0, n);
                if (output.Length > max)
                {
                    tooLarge = true;
                    return null;
                }
            }

            return output.ToArray();
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    private static string Shorten(string line) => line.Length <= 40 ? line : line[..40] + "…";

    /// <summary>Two streams read one after the other (the peeked bytes, then the rest).</summary>
    private sealed class ConcatStream(Stream first, Stream second) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = first.Read(buffer, offset, count);
            return n > 0 ? n : second.Read(buffer, offset, count);
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
