using System.Diagnostics;
using System.Text;

namespace Dateline.Tests.Support;

/// <summary>Runs the real <c>dateline</c> command (the built CLI assembly) in a child process.</summary>
public static class CliRunner
{
    public sealed record Outcome(int ExitCode, string Stdout, string Stderr);

    public static string SamplesDirectory => Path.Combine(AppContext.BaseDirectory, "Samples");

    /// <summary>How to start the CLI with these arguments; the user's own store is never touched.</summary>
    public static ProcessStartInfo StartInfo(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Dateline.Cli.dll"));
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        start.Environment.Remove("DATELINE_DB");
        return start;
    }

    public static Outcome Run(string? stdin, params string[] args)
    {
        var start = StartInfo(args);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            process.StandardInput.Write(stdin);
        }

        process.StandardInput.Close();
        if (!process.WaitForExit(120_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("dateline did not finish within 120 s");
        }

        return new Outcome(process.ExitCode, stdout.Result, stderr.Result);
    }
}
