using Dateline.Extraction;
using Dateline.Input;
using Dateline.Model;

namespace Dateline.Cli.Commands;

/// <summary>Reads a file or standard input into a document, with every failure a clear message.</summary>
internal static class InputFiles
{
    public static Result<Document> Read(string path, ReadOptions options)
    {
        if (path == "-")
        {
            using var stdin = Console.OpenStandardInput();
            var bytes = ReadCapped(stdin, options.MaxBytes);
            return bytes is null
                ? Result<Document>.Failure(InputErrorCode.TooLarge, $"standard input is over the limit of {options.MaxBytes:N0} bytes (raise it with --max-bytes)")
                : Prefix("standard input", ArticleReader.Default.Read(bytes, SourceInfo.Stdin, options));
        }

        if (Directory.Exists(path))
        {
            return Result<Document>.Failure(InputErrorCode.IsDirectory, $"{path}: is a directory, not a file");
        }

        if (!File.Exists(path))
        {
            return Result<Document>.Failure(InputErrorCode.NotFound, $"{path}: no such file");
        }

        try
        {
            var info = new FileInfo(path);
            if (info.Length > options.MaxBytes)
            {
                return Result<Document>.Failure(InputErrorCode.TooLarge, $"{path}: the file is {info.Length:N0} bytes, over the limit of {options.MaxBytes:N0} (raise it with --max-bytes)");
            }

            var format = options.Format == InputFormat.Auto && (path.EndsWith(".html", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".htm", StringComparison.OrdinalIgnoreCase))
                ? InputFormat.Html
                : options.Format;
            var content = File.ReadAllBytes(path);
            return Prefix(path, ArticleReader.Default.Read(content, new SourceInfo("file", path, null), options with { Format = format }));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Result<Document>.Failure(InputErrorCode.Unreadable, $"{path}: cannot be read ({ex.Message})");
        }
    }

    private static Result<Document> Prefix(string name, Result<Document> result) =>
        result.Error is { } e ? Result<Document>.Failure(e.Code, $"{name}: {e.Message}") : result;

    private static byte[]? ReadCapped(Stream stream, long max)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int n;
        while ((n = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            buffer.Write(chunk, 0, n);
            if (buffer.Length > max)
            {
                return null;
            }
        }

        return buffer.ToArray();
    }
}
