using System.Text.Json;
using Dateline.Tests.Support;

namespace Dateline.Tests.Cli;

/// <summary>The <c>dateline analyze</c> command as a user runs it: JSON, summary, and every input error.</summary>
public sealed class AnalyzeCommandTests : IDisposable
{
    private readonly string scratch = Directory.CreateTempSubdirectory("dateline-cli-").FullName;

    private static string Sample => Path.Combine(CliRunner.SamplesDirectory, "harbor-accord.txt");

    public void Dispose() => Directory.Delete(scratch, recursive: true);

    [Fact]
    public void Json_output_follows_the_contract_with_consistent_offsets()
    {
        var run = CliRunner.Run(null, "analyze", Sample, "--published", "2026-03-04", "--json");
        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Stdout);
        var root = json.RootElement;
        Assert.Equal("dateline.document/1", root.GetProperty("schema").GetString());
        Assert.Matches("^d-[0-9a-f]{16}$", root.GetProperty("id").GetString());
        Assert.Equal("file", root.GetProperty("source").GetProperty("kind").GetString());
        Assert.Equal("2026-03-04", root.GetProperty("published").GetString());
        Assert.Equal("option", root.GetProperty("publishedFrom").GetString());
        Assert.Equal("en", root.GetProperty("language").GetString());
        foreach (var array in new[] { "authors", "removed", "paragraphs", "sentences", "entities", "quotes", "timexes", "events", "figures" })
        {
            Assert.Equal(JsonValueKind.Array, root.GetProperty(array).ValueKind);
        }

        var text = root.GetProperty("text").GetString()!;
        Assert.DoesNotContain("Leave a Comment", text, StringComparison.Ordinal);
        Assert.Contains(root.GetProperty("removed").EnumerateArray(), r => r.GetProperty("text").GetString() == "Leave a Comment" && r.GetProperty("reason").GetString() == "furniture");
        Assert.Equal(9, root.GetProperty("paragraphs").GetArrayLength());
        foreach (var span in root.GetProperty("paragraphs").EnumerateArray().Concat(root.GetProperty("sentences").EnumerateArray()))
        {
            var start = span[0].GetInt32();
            var end = span[1].GetInt32();
            Assert.InRange(start, 0, end);
            Assert.InRange(end, start, text.Length);
            Assert.False(char.IsWhiteSpace(text[start]));
            Assert.False(char.IsWhiteSpace(text[end - 1]));
        }

        // Paragraphs are separated by exactly one blank line.
        var paragraphs = root.GetProperty("paragraphs").EnumerateArray().ToArray();
        for (var i = 1; i < paragraphs.Length; i++)
        {
            Assert.Equal("\n\n", text[paragraphs[i - 1][1].GetInt32()..paragraphs[i][0].GetInt32()]);
        }
    }

    [Fact]
    public void The_same_input_gives_byte_identical_json()
    {
        var a = CliRunner.Run(null, "analyze", Sample, "--published", "2026-03-04", "--json", "--pretty");
        var b = CliRunner.Run(null, "analyze", Sample, "--published", "2026-03-04", "--json", "--pretty");
        Assert.Equal(0, a.ExitCode);
        Assert.Equal(a.Stdout, b.Stdout);
    }

    [Fact]
    public void Standard_input_is_read_with_a_dash()
    {
        var run = CliRunner.Run("Officials met in Oslo on Monday. They agreed.", "analyze", "-", "--json");
        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.Equal("stdin", json.RootElement.GetProperty("source").GetProperty("kind").GetString());
        Assert.Equal(2, json.RootElement.GetProperty("sentences").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("published").ValueKind);
        Assert.Equal("none", json.RootElement.GetProperty("publishedFrom").GetString());
    }

    [Fact]
    public void The_terminal_summary_shows_counts_and_sentences()
    {
        var run = CliRunner.Run(null, "analyze", Sample, "--published", "2026-03-04");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("9 paragraphs", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("Leave a Comment", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("Sentences", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_input_yields_title_and_body_without_scripts()
    {
        var path = Path.Combine(scratch, "page.html");
        File.WriteAllText(path, "<!doctype html><html><head><title>Port deal signed</title><script>var x = 'tracking';</script></head>"
            + "<body><p>The ministers signed the deal.</p><p>Work starts in May.</p><style>p{}</style></body></html>");
        var run = CliRunner.Run(null, "analyze", path, "--json");
        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.Equal("Port deal signed", json.RootElement.GetProperty("title").GetString());
        Assert.Equal("The ministers signed the deal.\n\nWork starts in May.", json.RootElement.GetProperty("text").GetString());
    }

    [Fact]
    public void Windows_1252_and_utf16_files_are_decoded()
    {
        var latin = Path.Combine(scratch, "latin.txt");
        File.WriteAllBytes(latin, [.. "The caf"u8, 0xE9, .. " opened "u8, 0x93, .. "today"u8, 0x94, .. "."u8]);
        var utf16 = Path.Combine(scratch, "utf16.txt");
        File.WriteAllText(utf16, "Zürich talks ended on Friday.", new System.Text.UnicodeEncoding(false, true));
        using var a = JsonDocument.Parse(CliRunner.Run(null, "analyze", latin, "--json").Stdout);
        Assert.Equal("The café opened “today”.", a.RootElement.GetProperty("text").GetString());
        using var b = JsonDocument.Parse(CliRunner.Run(null, "analyze", utf16, "--json").Stdout);
        Assert.Equal("Zürich talks ended on Friday.", b.RootElement.GetProperty("text").GetString());
    }

    public static TheoryData<string, string> BadInputs() => new()
    {
        { "missing", "no such file" },
        { "directory", "is a directory" },
        { "binary", "binary" },
        { "empty", "empty" },
        { "furniture-only", "no article text" },
        { "oversize", "over the limit" },
        { "bad-date", "not an ISO 8601 date" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void Bad_input_is_a_one_line_message_and_exit_code_2(string kind, string message)
    {
        var path = Path.Combine(scratch, kind + ".txt");
        var args = new List<string> { "analyze", path };
        switch (kind)
        {
            case "directory":
                Directory.CreateDirectory(path);
                break;
            case "binary":
                File.WriteAllBytes(path, [0x89, (byte)'P', (byte)'N', (byte)'G', 0, 1, 2, 3]);
                break;
            case "empty":
                File.WriteAllBytes(path, []);
                break;
            case "furniture-only":
                File.WriteAllText(path, "Leave a Comment\nShare this article\n");
                break;
            case "oversize":
                File.WriteAllText(path, new string('a', 2000));
                args.AddRange(["--max-bytes", "1000"]);
                break;
            case "bad-date":
                File.WriteAllText(path, "Some news.");
                args.AddRange(["--published", "13/05/2025"]);
                break;
        }

        var run = CliRunner.Run(null, [.. args]);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Stderr, StringComparison.Ordinal);
        Assert.Single(run.Stderr.Trim().Split('\n'));
        Assert.Equal("", run.Stdout);
    }

    [Fact]
    public void Version_and_help_work()
    {
        var version = CliRunner.Run(null, "--version");
        Assert.Equal(0, version.ExitCode);
        Assert.StartsWith("0.1.0", version.Stdout, StringComparison.Ordinal);
        var help = CliRunner.Run(null, "--help");
        Assert.Equal(0, help.ExitCode);
        Assert.Contains("Examples:", help.Stdout, StringComparison.Ordinal);
        Assert.Contains("analyze", help.Stdout, StringComparison.Ordinal);
    }
}
