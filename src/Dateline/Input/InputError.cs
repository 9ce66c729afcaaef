namespace Dateline.Input;

/// <summary>Why an input could not become an article.</summary>
public enum InputErrorCode
{
    /// <summary>The input holds no bytes, or no text once page furniture and markup are gone.</summary>
    Empty,
    /// <summary>The bytes are not text (an image, archive, PDF or other binary).</summary>
    Binary,
    /// <summary>The input is larger than the configured limit.</summary>
    TooLarge,
    /// <summary>The file does not exist.</summary>
    NotFound,
    /// <summary>The path names a directory.</summary>
    IsDirectory,
    /// <summary>The file exists but cannot be read.</summary>
    Unreadable,
    /// <summary>A publication date that is not ISO 8601.</summary>
    InvalidDate,
    /// <summary>A record of a structured input (a JSON Lines line, a WARC record) that cannot be parsed.</summary>
    Malformed,
    /// <summary>A record that holds no article: a WARC request or metadata record, a non-HTML or failed response.</summary>
    Unsupported,
    /// <summary>A record cut short: the input ends before the length its header announced.</summary>
    Truncated,
    /// <summary>A URL that is not an absolute http or https address.</summary>
    InvalidUrl,
    /// <summary>The host name of a URL does not resolve.</summary>
    DnsFailure,
    /// <summary>The host resolves but does not accept a connection, or drops it.</summary>
    Unreachable,
    /// <summary>The server did not answer (or finish answering) in time.</summary>
    Timeout,
    /// <summary>The host resolves to a private, loopback, link-local or other non-public address.</summary>
    RefusedAddress,
    /// <summary>The server answered with an error status (after any retries).</summary>
    HttpStatus,
    /// <summary>The site's robots.txt does not allow fetching the page.</summary>
    RobotsDisallowed,
    /// <summary>More redirects than allowed, or a redirect loop.</summary>
    TooManyRedirects,
}

/// <summary>An expected failure of input: a code and a message that names the problem.</summary>
public sealed record InputError(InputErrorCode Code, string Message)
{
    /// <summary>The code in kebab case, as batch reports print it ("too-large").</summary>
    public string Reason => Code switch
    {
        InputErrorCode.TooLarge => "too-large",
        InputErrorCode.NotFound => "not-found",
        InputErrorCode.IsDirectory => "is-directory",
        InputErrorCode.InvalidDate => "invalid-date",
        InputErrorCode.InvalidUrl => "invalid-url",
        InputErrorCode.DnsFailure => "dns",
        InputErrorCode.RefusedAddress => "refused-address",
        InputErrorCode.HttpStatus => "http-status",
        InputErrorCode.RobotsDisallowed => "robots",
        InputErrorCode.TooManyRedirects => "too-many-redirects",
        _ => Code.ToString().ToLowerInvariant(),
    };

    /// <inheritdoc />
    public override string ToString() => Message;
}

/// <summary>A value or the reason there is none. Expected failures are results, not exceptions.</summary>
public readonly record struct Result<T>
    where T : class
{
    private Result(T? value, InputError? error)
    {
        Value = value;
        Error = error;
    }

    /// <summary>The value, when <see cref="Error"/> is null.</summary>
    public T? Value { get; }

    /// <summary>Why there is no value, or null on success.</summary>
    public InputError? Error { get; }

    /// <summary>True on success.</summary>
    public bool Succeeded => Error is null;

    /// <summary>A success.</summary>
    public static Result<T> Success(T value) => new(value, null);

    /// <summary>A failure.</summary>
    public static Result<T> Failure(InputErrorCode code, string message) => new(null, new InputError(code, message));

    /// <summary>A failure.</summary>
    public static Result<T> Failure(InputError error) => new(null, error);
}
