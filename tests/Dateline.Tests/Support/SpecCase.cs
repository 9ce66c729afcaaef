using System.Text;
using Xunit.Abstractions;

namespace Dateline.Tests.Support;

/// <summary>
/// One example of a golden spec file: a titled input and the output it must produce.
/// </summary>
/// <remarks>
/// Spec files are Markdown under <c>Specs/</c>, readable by anyone who edits the data files:
/// <code>
/// ## Abbreviations do not end a sentence
/// published: 2025-05-13        (optional key: value lines)
/// ```input
/// U.S. President Donald Trump arrived. He spoke.
/// ```
/// ```expected
/// [U.S. President Donald Trump arrived.]
/// [He spoke.]
/// ```
/// </code>
/// Each example becomes one test named after its file and title.
/// </remarks>
public sealed partial class SpecCase : IXunitSerializable
{
    public SpecCase()
    {
    }

    public SpecCase(string file, string title, string input, string expected, IReadOnlyDictionary<string, string> options)
    {
        File = file;
        Title = title;
        Input = input;
        Expected = expected;
        Options = options;
    }

    public string File { get; private set; } = "";

    public string Title { get; private set; } = "";

    public string Input { get; private set; } = "";

    public string Expected { get; private set; } = "";

    public IReadOnlyDictionary<string, string> Options { get; private set; } = new Dictionary<string, string>();

    public string? Option(string key) => Options.TryGetValue(key, out var v) ? v : null;

    public void Deserialize(IXunitSerializationInfo info)
    {
        File = info.GetValue<string>(nameof(File));
        Title = info.GetValue<string>(nameof(Title));
        Input = info.GetValue<string>(nameof(Input));
        Expected = info.GetValue<string>(nameof(Expected));
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in info.GetValue<string>(nameof(Options)).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = line.IndexOf('=', StringComparison.Ordinal);
            options[line[..eq]] = line[(eq + 1)..];
        }

        Options = options;
    }

    public void Serialize(IXunitSerializationInfo info)
    {
        info.AddValue(nameof(File), File);
        info.AddValue(nameof(Title), Title);
        info.AddValue(nameof(Input), Input);
        info.AddValue(nameof(Expected), Expected);
        info.AddValue(nameof(Options), string.Join('\n', Options.Select(kv => kv.Key + "=" + kv.Value)));
    }

    public override string ToString() => $"{File}: {Title}";

    /// <summary>Every example in the spec files under <c>Specs/{folder}</c> whose name matches.</summary>
    public static TheoryData<SpecCase> Load(string folder, string pattern = "*.md")
    {
        var data = new TheoryData<SpecCase>();
        var root = Path.Combine(AppContext.BaseDirectory, "Specs", folder);
        foreach (var path in Directory.GetFiles(root, pattern).Order(StringComparer.Ordinal))
        {
            foreach (var c in Parse(Path.GetFileName(path), System.IO.File.ReadAllText(path)))
            {
                data.Add(c);
            }
        }

        return data;
    }

    /// <summary>Parses the examples of one spec file.</summary>
    public static IEnumerable<SpecCase> Parse(string file, string markdown)
    {
        string? title = null;
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        string? input = null;
        // Line endings inside input blocks are kept as written (an example may test CRLF input).
        var lines = markdown.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                title = line[3..].Trim();
                options = new Dictionary<string, string>(StringComparer.Ordinal);
                input = null;
            }
            else if (line.StartsWith("```input", StringComparison.Ordinal) || line.StartsWith("```expected", StringComparison.Ordinal))
            {
                var isInput = line.StartsWith("```input", StringComparison.Ordinal);
                var body = new StringBuilder();
                for (i++; i < lines.Length && !lines[i].StartsWith("```", StringComparison.Ordinal); i++)
                {
                    body.Append(isInput ? lines[i] : lines[i].TrimEnd('\r')).Append('\n');
                }

                var text = body.ToString().TrimEnd('\n').TrimEnd('\r');
                if (isInput)
                {
                    input = text;
                }
                else
                {
                    if (title is null || input is null)
                    {
                        throw new FormatException($"{file}: an expected block needs a '## title' and an input block before it (line {i}).");
                    }

                    yield return new SpecCase(file, title, input, text, options);
                    input = null;
                }
            }
            else if (title is not null && input is null && OptionLine().Match(line) is { Success: true } m)
            {
                options[m.Groups[1].Value] = m.Groups[2].Value.Trim();
            }
        }
    }

    /// <summary>An option line under a title: <c>published: 2025-05-13</c>.</summary>
    [System.Text.RegularExpressions.GeneratedRegex("^([a-z][a-z-]*): (.*)$")]
    private static partial System.Text.RegularExpressions.Regex OptionLine();
}
