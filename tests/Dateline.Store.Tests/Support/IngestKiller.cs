using System.Diagnostics;
using System.Globalization;
using Dateline.Tests.Support;

namespace Dateline.Store.Tests.Support;

/// <summary>Runs <c>dateline ingest</c> and kills it with SIGKILL at random moments, for the crash tests of both stores.</summary>
internal static class IngestKiller
{
    /// <summary>
    /// Starts the ingest ten times, each killed at a random moment after its first commit (however
    /// slow the machine is today), and checks the store after each kill with
    /// <paramref name="checkStore"/> (which returns the number of articles stored). Returns how many
    /// kills landed in the middle of the work: a test that proves something needs several.
    /// </summary>
    public static int KillTenTimes(string input, string db, int batchSize, int seed, int expected, Func<long> count, Func<long> checkStore)
    {
        var random = new Random(seed);
        var interrupted = 0;
        for (var kill = 0; kill < 10; kill++)
        {
            using var process = Process.Start(CliRunner.StartInfo("ingest", input, "--db", db, "--batch-size", batchSize.ToString(CultureInfo.InvariantCulture), "--quiet"))!;
            process.StandardInput.Close();
            _ = process.StandardOutput.ReadToEndAsync();
            _ = process.StandardError.ReadToEndAsync();

            var before = count();
            var wait = Stopwatch.StartNew();
            while (!process.HasExited && count() <= before && wait.Elapsed < TimeSpan.FromSeconds(60))
            {
                Thread.Sleep(10);
            }

            Thread.Sleep(random.Next(0, 300));
            if (!process.HasExited)
            {
                process.Kill(); // SIGKILL: no finally blocks, no flush, no rollback by the process itself
            }

            process.WaitForExit();
            var stored = checkStore();
            Assert.True(stored <= expected);
            interrupted += stored > 0 && stored < expected ? 1 : 0;
        }

        return interrupted;
    }
}
