using System.Diagnostics;
using System.Globalization;
using Dateline.Tests.Support;

namespace Dateline.Store.Tests.Support;

/// <summary>Runs <c>dateline ingest</c> and kills it with SIGKILL at random moments, for the crash tests of both stores.</summary>
internal static class IngestKiller
{
    /// <summary>
    /// Starts the ingest ten times, each killed once the store has grown by a random number of
    /// articles (so however fast or slow the machine is today), and checks the store after each kill with
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

            // Kill once the store has grown by a random share of what is left for this and the
            // kills still to come, measured in stored articles rather than in milliseconds: a fast
            // machine finishes a whole run within any fixed delay, a slow one never reaches it.
            var before = count();
            var left = Math.Max(1, expected - before);
            var target = before + 1 + random.Next(0, Math.Max(1, (int)(left / (10 - kill))));
            var wait = Stopwatch.StartNew();
            while (!process.HasExited && count() < target && wait.Elapsed < TimeSpan.FromSeconds(60))
            {
                Thread.Sleep(1);
            }

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
