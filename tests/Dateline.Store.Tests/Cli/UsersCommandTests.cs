using Dateline.Store.Annotations;
using Dateline.Store.Sqlite;
using Dateline.Store.Tests.Support;
using Dateline.Tests.Support;

namespace Dateline.Store.Tests.Cli;

/// <summary><c>dateline users add</c> and an export with an analyst's correction in the store.</summary>
public sealed class UsersCommandTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("dateline-users-").FullName;

    private string Db => Path.Combine(folder, "store.db");

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Users_add_prints_the_password_and_key_once_and_stores_only_hashes()
    {
        var run = CliRunner.Run(null, "users", "add", "ilse", "--role", "analyst", "--db", Db);
        Assert.Equal(0, run.ExitCode);
        var lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(": ", 2)).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
        Assert.Equal("analyst", lines["role"]);
        Assert.StartsWith("dl_", lines["api-key"], StringComparison.Ordinal);
        using var store = SqliteStore.Open(Db);
        var user = ((IAnnotationStore)store).FindUser("ilse")!;
        Assert.DoesNotContain(lines["password"], user.PasswordHash, StringComparison.Ordinal);
        Assert.NotEqual(lines["api-key"], user.ApiKeyHash);
    }

    [Fact]
    public void Users_add_refuses_an_unknown_role_with_exit_code_2()
    {
        var run = CliRunner.Run(null, "users", "add", "ilse", "--role", "owner", "--db", Db);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("unknown role", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Export_leaves_out_an_event_an_analyst_rejected()
    {
        var harbor = Corpus.Harbor();
        using (var store = SqliteStore.Open(Db))
        {
            store.Write([harbor]);
            ((IAnnotationStore)store).AddCorrection(new CorrectionRecord(0, harbor.Id, CorrectionKinds.EventReject, harbor.Events[0].Id, null, "not an event", "ilse", "2026-03-04T10:00:00Z"));
        }

        var run = CliRunner.Run(null, "export", "--format", "csv", "--db", Db);
        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain($",{harbor.Id},{harbor.Events[0].Id},", run.Stdout, StringComparison.Ordinal);
        Assert.Equal(harbor.Events.Length, run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }
}
