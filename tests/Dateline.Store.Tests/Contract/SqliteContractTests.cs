using Dateline.Store.Sqlite;

namespace Dateline.Store.Tests.Contract;

/// <summary>The store contract on the embedded SQLite store, in a fresh temporary file.</summary>
public sealed class SqliteContractTests : StoreContractTests
{
    private readonly string folder = Directory.CreateTempSubdirectory("dateline-store-").FullName;

    private string DatabasePath => Path.Combine(folder, "store.db");

    protected override IArticleStore CreateEmpty() => SqliteStore.Open(DatabasePath);

    protected override IArticleStore Reopen() => SqliteStore.Open(DatabasePath);

    public override void Dispose()
    {
        base.Dispose();
        Directory.Delete(folder, recursive: true);
    }
}
