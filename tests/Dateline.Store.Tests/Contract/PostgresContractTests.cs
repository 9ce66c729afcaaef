using Dateline.Store.Postgres;
using Npgsql;

namespace Dateline.Store.Tests.Contract;

/// <summary>
/// The store contract on PostgreSQL, in a fresh schema per test. Runs when DATELINE_TEST_POSTGRES
/// holds a connection string (.ci/postgres.sh prints one); reported as skipped, with the reason,
/// otherwise.
/// </summary>
public sealed class PostgresContractTests : StoreContractTests
{
    public const string Variable = "DATELINE_TEST_POSTGRES";

    private readonly string schema = "dateline_test_" + Guid.NewGuid().ToString("N")[..12];
    private string? connectionString;

    protected override IArticleStore CreateEmpty()
    {
        var server = Environment.GetEnvironmentVariable(Variable);
        Skip.If(string.IsNullOrWhiteSpace(server), $"{Variable} is not set: no PostgreSQL server to test against (run .ci/postgres.sh)");
        var builder = new NpgsqlConnectionStringBuilder(PostgresStore.ToConnectionString(server!));
        using (var admin = new NpgsqlConnection(builder.ConnectionString))
        {
            admin.Open();
            using var create = admin.CreateCommand();
            create.CommandText = $"CREATE SCHEMA {schema}";
            create.ExecuteNonQuery();
        }

        builder.SearchPath = schema;
        builder.Pooling = false;
        connectionString = builder.ConnectionString;
        return PostgresStore.Open(connectionString);
    }

    protected override IArticleStore Reopen() => PostgresStore.Open(connectionString!);

    public override void Dispose()
    {
        base.Dispose();
        if (connectionString is null)
        {
            return;
        }

        var builder = new NpgsqlConnectionStringBuilder(connectionString) { SearchPath = null };
        using var admin = new NpgsqlConnection(builder.ConnectionString);
        admin.Open();
        using var drop = admin.CreateCommand();
        drop.CommandText = $"DROP SCHEMA {schema} CASCADE";
        drop.ExecuteNonQuery();
    }
}
