using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using Dateline.Extraction;
using Dateline.Input;
using Dateline.Model;
using Polly;
using Polly.Retry;

namespace Dateline.Sources;

/// <summary>
/// Fetches pages by URL for analysis, safely and politely: a time limit, a size cap (the body is
/// streamed and reading stops at the cap, after decompression), redirects followed one by one so
/// that each hop is checked, gzip/deflate/brotli, a User-Agent naming Dateline and its version,
/// robots.txt honoured (cached per host), a delay between requests to one host, retries with
/// backoff on 5xx and 429 (honouring Retry-After), and refusal of non-public addresses after DNS
/// resolution, at connect time, for every connection (see <see cref="AddressPolicy"/>).
/// </summary>
/// <remarks>
/// One fetcher is meant to live as long as the program (it holds the connection pool, the
/// robots.txt cache and the per-host clocks) and is safe to use from many threads. Every
/// expected failure is a result with an <see cref="InputError"/> whose code names the reason
/// (DNS, unreachable, timeout, too large, refused address, HTTP status, robots, redirects), so a
/// batch records it and goes on. Only cancellation by the caller throws.
/// </remarks>
public sealed class ArticleFetcher : IDisposable
{
    private static readonly TimeSpan MaxCrawlDelay = TimeSpan.FromSeconds(30);
    private const int MaxRobotsBytes = 512 * 1024;

    private readonly FetchOptions options;
    private readonly HttpClient client;
    private readonly ResiliencePipeline<HttpResponseMessage> retries;
    private readonly TimeProvider time;
    private readonly ConcurrentDictionary<string, Lazy<Task<RobotsTxt>>> robots = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, HostGate> gates = new(StringComparer.Ordinal);

    /// <summary>Creates a fetcher with <paramref name="options"/> (defaults when null).</summary>
    public ArticleFetcher(FetchOptions? options = null)
        : this(options ?? new FetchOptions(), TimeProvider.System)
    {
    }

    internal ArticleFetcher(FetchOptions options, TimeProvider time)
    {
        this.options = options;
        this.time = time;
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate | DecompressionMethods.Brotli,
            UseProxy = false,
            UseCookies = false,
            ConnectTimeout = options.Timeout,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            MaxResponseHeadersLength = 64,
            ConnectCallback = ConnectAsync,
        };
        client = new HttpClient(handler, disposeHandler: true) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        client.DefaultRequestHeaders.UserAgent.ParseAdd(options.UserAgent);
        client.DefaultRequestHeaders.Accept.ParseAdd("text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/feed+json,application/xml;q=0.9,*/*;q=0.5");
        retries = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = Math.Max(1, options.MaxRetries),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = false,
                Delay = options.RetryDelay,
                MaxDelay = options.MaxRetryDelay,
                ShouldHandle = args => ValueTask.FromResult(
                    options.MaxRetries > 0 && args.Outcome.Result is { } response && IsRetryable(response) && !(RetryAfter(response) > options.MaxRetryDelay)),
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result is { } response ? RetryAfter(response) : null),
                OnRetry = args =>
                {
                    args.Outcome.Result?.Dispose();
                    return default;
                },
            })
            .Build();
    }

    /// <summary>The options this fetcher was made with.</summary>
    public FetchOptions Options => options;

    /// <summary>
    /// Fetches <paramref name="uri"/> (following redirects) into a page, or says why not. Throws
    /// only <see cref="OperationCanceledException"/> when <paramref name="cancellationToken"/> is cancelled.
    /// </summary>
    public async Task<Result<FetchedPage>> FetchAsync(Uri uri, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(uri);
        var current = uri;
        var visited = new HashSet<string>(StringComparer.Ordinal);
        for (var hop = 0; ; hop++)
        {
            if (!current.IsAbsoluteUri || (current.Scheme != Uri.UriSchemeHttp && current.Scheme != Uri.UriSchemeHttps))
            {
                return Fail<FetchedPage>(InputErrorCode.InvalidUrl, $"{current}: not an http or https URL");
            }

            if (!visited.Add(current.AbsoluteUri))
            {
                return Fail<FetchedPage>(InputErrorCode.TooManyRedirects, $"{uri}: a redirect loop (back to {current})");
            }

            if (hop > options.MaxRedirects)
            {
                return Fail<FetchedPage>(InputErrorCode.TooManyRedirects, $"{uri}: more than {options.MaxRedirects} redirects");
            }

            try
            {
                if (options.HonourRobots && !(await RobotsFor(current, cancellationToken).ConfigureAwait(false)).Allows(current))
                {
                    return Fail<FetchedPage>(InputErrorCode.RobotsDisallowed, $"{current}: robots.txt disallows fetching it");
                }

                using var response = await SendAsync(current, cancellationToken).ConfigureAwait(false);
                var status = (int)response.StatusCode;
                if (status is 301 or 302 or 303 or 307 or 308)
                {
                    if (response.Headers.Location is not { } location)
                    {
                        return Fail<FetchedPage>(InputErrorCode.HttpStatus, $"{current}: HTTP {status} redirect without a Location");
                    }

                    current = location.IsAbsoluteUri ? location : new Uri(current, location);
                    continue;
                }

                if (status is < 200 or > 299)
                {
                    return Fail<FetchedPage>(InputErrorCode.HttpStatus, $"{current}: HTTP {status} {response.ReasonPhrase}".TrimEnd());
                }

                var body = await ReadCappedAsync(response, current, cancellationToken).ConfigureAwait(false);
                if (body.Error is { } tooLarge)
                {
                    return Result<FetchedPage>.Failure(tooLarge);
                }

                var type = response.Content.Headers.ContentType;
                return Result<FetchedPage>.Success(new FetchedPage(uri, current, type?.MediaType, Unquote(type?.CharSet), body.Value!));
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return Fail<FetchedPage>(InputErrorCode.Timeout, $"{current}: no answer within {options.Timeout.TotalSeconds:0.#} s");
            }
            catch (HttpRequestException ex)
            {
                return Result<FetchedPage>.Failure(Describe(ex, current));
            }
            catch (IOException ex)
            {
                return Fail<FetchedPage>(InputErrorCode.Unreachable, $"{current}: the connection failed ({ex.Message})");
            }
        }
    }

    /// <summary>
    /// Fetches <paramref name="uri"/> and reads the page into a document whose url is the page's
    /// (after redirects), so that the date-from-URL rule and the store see it. Feeds and other
    /// non-page content types are refused with <see cref="InputErrorCode.Unsupported"/>.
    /// </summary>
    public async Task<Result<Document>> FetchArticleAsync(Uri uri, ReadOptions? readOptions = null, CancellationToken cancellationToken = default)
    {
        var fetched = await FetchAsync(uri, cancellationToken).ConfigureAwait(false);
        return fetched.Value is { } page ? ReadArticle(page, readOptions) : Result<Document>.Failure(fetched.Error!);
    }

    /// <summary>Reads a fetched page into a document (HTML or plain text), with the page's URL and declared charset.</summary>
    public static Result<Document> ReadArticle(FetchedPage page, ReadOptions? readOptions = null)
    {
        ArgumentNullException.ThrowIfNull(page);
        readOptions ??= new ReadOptions();
        InputFormat format;
        if (page.IsHtml)
        {
            format = InputFormat.Html;
        }
        else if (page.ContentType is null or "text/plain")
        {
            format = page.ContentType is null ? InputFormat.Auto : InputFormat.Text;
        }
        else
        {
            return Result<Document>.Failure(InputErrorCode.Unsupported, $"{page.Uri}: {page.ContentType}, not a page");
        }

        var source = new SourceInfo("url", page.Uri.AbsoluteUri, null);
        var read = ArticleReader.Default.Read(page.Body, source, readOptions with { Format = format, Charset = page.Charset, MaxBytes = Math.Max(readOptions.MaxBytes, page.Body.Length) });
        return read.Error is { } error ? Result<Document>.Failure(error.Code, $"{page.Uri}: {error.Message}") : read;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        client.Dispose();
        foreach (var gate in gates.Values)
        {
            gate.Dispose();
        }
    }

    private async Task<HttpResponseMessage> SendAsync(Uri uri, CancellationToken cancellationToken)
    {
        var gate = gates.GetOrAdd(HostKey(uri), _ => new HostGate());
        return await retries.ExecuteAsync(
            async token =>
            {
                await gate.WaitTurnAsync(await DelayFor(uri, token).ConfigureAwait(false), time, token).ConfigureAwait(false);
                using var request = new HttpRequestMessage(HttpMethod.Get, uri);
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(token);
                timeout.CancelAfter(options.Timeout);
                return await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);
    }

    private async Task<TimeSpan> DelayFor(Uri uri, CancellationToken cancellationToken)
    {
        if (!options.HonourRobots || options.PolitenessDelay <= TimeSpan.Zero)
        {
            return options.PolitenessDelay;
        }

        // The robots.txt fetch itself is not delayed by its own (still unknown) Crawl-delay.
        if (uri.AbsolutePath.Equals("/robots.txt", StringComparison.Ordinal))
        {
            return options.PolitenessDelay;
        }

        var rules = await RobotsFor(uri, cancellationToken).ConfigureAwait(false);
        return rules.CrawlDelay is { } asked && asked > options.PolitenessDelay ? (asked < MaxCrawlDelay ? asked : MaxCrawlDelay) : options.PolitenessDelay;
    }

    private Task<RobotsTxt> RobotsFor(Uri uri, CancellationToken cancellationToken)
    {
        var lazy = robots.GetOrAdd(HostKey(uri), _ => new Lazy<Task<RobotsTxt>>(() => LoadRobotsAsync(uri, CancellationToken.None)));
        return lazy.Value.WaitAsync(cancellationToken);
    }

    private async Task<RobotsTxt> LoadRobotsAsync(Uri page, CancellationToken cancellationToken)
    {
        var uri = new Uri(page, "/robots.txt");
        try
        {
            // Redirects of robots.txt are followed (RFC 9309 asks for at least five), on the same checks.
            for (var hop = 0; hop <= options.MaxRedirects; hop++)
            {
                using var response = await SendAsync(uri, cancellationToken).ConfigureAwait(false);
                var status = (int)response.StatusCode;
                if (status is 301 or 302 or 303 or 307 or 308 && response.Headers.Location is { } location)
                {
                    uri = location.IsAbsoluteUri ? location : new Uri(uri, location);
                    if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
                    {
                        return RobotsTxt.AllowAll;
                    }

                    continue;
                }

                if (status is >= 400 and < 500)
                {
                    return RobotsTxt.AllowAll;
                }

                if (status >= 500)
                {
                    return RobotsTxt.DisallowAll;
                }

                var body = await ReadCappedAsync(response, uri, cancellationToken, MaxRobotsBytes).ConfigureAwait(false);
                return body.Value is { } bytes ? RobotsTxt.Parse(System.Text.Encoding.UTF8.GetString(bytes), FetchOptions.ProductToken) : RobotsTxt.AllowAll;
            }

            return RobotsTxt.AllowAll;
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // No robots.txt to be had (unreachable, refused, slow): the page's own fetch will fail
            // with the real reason, or, if the host answers pages but not robots.txt, go ahead.
            return RobotsTxt.AllowAll;
        }
    }

    private async Task<Result<byte[]>> ReadCappedAsync(HttpResponseMessage response, Uri uri, CancellationToken cancellationToken, long? cap = null)
    {
        var max = cap ?? options.MaxBytes;
        if (response.Content.Headers.ContentLength is { } declared && declared > max && response.Content.Headers.ContentEncoding.Count == 0)
        {
            return Result<byte[]>.Failure(InputErrorCode.TooLarge, $"{uri}: the body is {declared:N0} bytes, over the limit of {max:N0} (raise it with --max-bytes)");
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Timeout);
        var stream = await response.Content.ReadAsStreamAsync(timeout.Token).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int n;
            while ((n = await stream.ReadAsync(chunk, timeout.Token).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + n > max)
                {
                    return Result<byte[]>.Failure(InputErrorCode.TooLarge, $"{uri}: the body is over the limit of {max:N0} bytes (raise it with --max-bytes)");
                }

                buffer.Write(chunk, 0, n);
            }

            return Result<byte[]>.Success(buffer.ToArray());
        }
    }

    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host.Trim('[', ']');
        var port = context.DnsEndPoint.Port;
        IPAddress[] addresses;
        if (IPAddress.TryParse(host, out var literal))
        {
            addresses = [literal];
        }
        else
        {
            try
            {
                addresses = await Dns.GetHostAddressesAsync(host, cancellationToken).ConfigureAwait(false);
            }
            catch (SocketException ex)
            {
                throw new FetchFailure(InputErrorCode.DnsFailure, $"the host name {host} does not resolve ({ex.SocketErrorCode})");
            }

            if (addresses.Length == 0)
            {
                throw new FetchFailure(InputErrorCode.DnsFailure, $"the host name {host} has no address");
            }
        }

        var allowed = options.AllowPrivate ? addresses : Array.FindAll(addresses, a => AddressPolicy.IsPublic(a) || options.AlsoAllowed.Contains(a));
        if (allowed.Length == 0)
        {
            var first = addresses[0];
            var what = host == first.ToString() ? first.ToString() : $"{host} ({first})";
            throw new FetchFailure(InputErrorCode.RefusedAddress, $"{what} is a {AddressPolicy.Classify(first)} address; refused (allow it with --allow-private)");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, port, cancellationToken).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch (SocketException ex)
        {
            socket.Dispose();
            throw new FetchFailure(InputErrorCode.Unreachable, $"{host}:{port} is unreachable ({ex.SocketErrorCode})");
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static InputError Describe(HttpRequestException ex, Uri uri)
    {
        for (Exception? inner = ex; inner is not null; inner = inner.InnerException)
        {
            if (inner is FetchFailure failure)
            {
                return new InputError(failure.Code, $"{uri}: {failure.Message}");
            }
        }

        return ex.HttpRequestError switch
        {
            HttpRequestError.NameResolutionError => new InputError(InputErrorCode.DnsFailure, $"{uri}: the host name does not resolve"),
            HttpRequestError.ConfigurationLimitExceeded => new InputError(InputErrorCode.TooLarge, $"{uri}: the response headers are too large"),
            HttpRequestError.InvalidResponse or HttpRequestError.ResponseEnded => new InputError(InputErrorCode.Unreachable, $"{uri}: the server sent a broken response ({ex.Message})"),
            _ => new InputError(InputErrorCode.Unreachable, $"{uri}: {ex.Message}"),
        };
    }

    private static bool IsRetryable(HttpResponseMessage response) => (int)response.StatusCode >= 500 || response.StatusCode == HttpStatusCode.TooManyRequests;

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        if (response.Headers.RetryAfter is not RetryConditionHeaderValue retry)
        {
            return null;
        }

        var wait = retry.Delta ?? (retry.Date is { } date ? date - time.GetUtcNow() : null);
        return wait is { } w ? (w < TimeSpan.Zero ? TimeSpan.Zero : w) : null;
    }

    private static string HostKey(Uri uri) => uri.Scheme + "://" + uri.Authority;

    private static string? Unquote(string? charset) => charset?.Trim('"', '\'', ' ');

    private static Result<T> Fail<T>(InputErrorCode code, string message)
        where T : class => Result<T>.Failure(code, message);

    /// <summary>A failure found while connecting, carried out of the handler to become a result.</summary>
    private sealed class FetchFailure(InputErrorCode code, string message) : IOException(message)
    {
        public InputErrorCode Code { get; } = code;
    }

    /// <summary>One host's turn-taking: requests to it start at least a delay apart.</summary>
    private sealed class HostGate : IDisposable
    {
        private readonly SemaphoreSlim turn = new(1, 1);
        private long next;

        public async Task WaitTurnAsync(TimeSpan delay, TimeProvider time, CancellationToken cancellationToken)
        {
            if (delay <= TimeSpan.Zero)
            {
                return;
            }

            await turn.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                var now = time.GetTimestamp();
                if (next > now)
                {
                    await Task.Delay(time.GetElapsedTime(now, next), time, cancellationToken).ConfigureAwait(false);
                    now = time.GetTimestamp();
                }

                next = now + (long)(delay.TotalSeconds * time.TimestampFrequency);
            }
            finally
            {
                turn.Release();
            }
        }

        public void Dispose() => turn.Dispose();
    }
}
