using System.Reflection;

namespace Dateline.Data;

/// <summary>Reads the library's embedded data files (lexicons and patterns).</summary>
/// <remarks>
/// Data files are plain UTF-8 text: one entry a line, <c>#</c> starts a comment, blank lines
/// are ignored. They are embedded in the assembly so the library needs no files beside it.
/// </remarks>
internal static class DataFile
{
    /// <summary>The non-comment, non-blank lines of an embedded data file, trimmed.</summary>
    public static IEnumerable<string> Lines(string name) => Lines(typeof(DataFile).Assembly, "Dateline.Data.", name);

    /// <summary>
    /// The same reading for the data files another Dateline assembly embeds (the store's), so that
    /// every data file follows one format.
    /// </summary>
    public static IEnumerable<string> Lines(Assembly assembly, string resourcePrefix, string name)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        using var stream = assembly.GetManifestResourceStream(resourcePrefix + name)
            ?? throw new InvalidOperationException($"Embedded data file '{name}' is missing from the {assembly.GetName().Name} assembly.");
        using var reader = new StreamReader(stream, System.Text.Encoding.UTF8);
        while (reader.ReadLine() is { } line)
        {
            var hash = line.IndexOf('#', StringComparison.Ordinal);
            var content = (hash >= 0 ? line[..hash] : line).Trim();
            if (content.Length > 0)
            {
                yield return content;
            }
        }
    }

    /// <summary>Lines of the form <c>key: value value …</c>, split at the first colon.</summary>
    public static IEnumerable<(string Key, string Value)> KeyedLines(string name)
    {
        foreach (var line in Lines(name))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                throw new FormatException($"Data file '{name}': expected 'key: value' but found '{line}'.");
            }

            yield return (line[..colon].Trim(), line[(colon + 1)..].Trim());
        }
    }

    /// <summary>
    /// Lines of the form <c>class: word word …</c>, where each class names a member of
    /// <typeparamref name="TEnum"/> (any case): every word with the classes it is listed under,
    /// joined by <paramref name="combine"/> (a bitwise or, for flag enums).
    /// </summary>
    public static Dictionary<string, TEnum> WordClasses<TEnum>(string name, Func<TEnum, TEnum, TEnum> combine)
        where TEnum : struct, Enum
    {
        var map = new Dictionary<string, TEnum>(StringComparer.Ordinal);
        foreach (var (key, value) in KeyedLines(name))
        {
            if (!key.All(char.IsAsciiLetter) || !Enum.TryParse<TEnum>(key, ignoreCase: true, out var cls))
            {
                throw new FormatException($"Data file '{name}': unknown class '{key}'.");
            }

            foreach (var word in value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                map[word] = map.TryGetValue(word, out var known) ? combine(known, cls) : cls;
            }
        }

        return map;
    }
}
