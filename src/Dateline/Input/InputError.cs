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
