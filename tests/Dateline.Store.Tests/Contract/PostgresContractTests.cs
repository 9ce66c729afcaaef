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

/// <summary>What only the shared store faces: a server that drops the connection between batches.</summary>
public sealed class PostgresFaultTests
{
    [SkippableFact]
    public void A_dropped_connection_is_reopened_and_the_batch_written_once()
    {
        using var contract = new PostgresHarness();
        var store = contract.Store;
        store.Write([Support.Corpus.Harbor()]);
        contract.TerminateStoreConnections();
        var outcomes = store.Write([Support.Corpus.Border(), Support.Corpus.Harbor()]);
        Assert.Equal([WriteStatus.Stored, WriteStatus.Duplicate], outcomes.Select(o => o.Status));
        Assert.Equal(2, store.Stats().Articles);
    }

    /// <summary>A fresh schema on the test server, and a way to cut the store off.</summary>
    private sealed class PostgresHarness : IDisposable
    {
        private readonly string admin;
        private readonly string schema = "dateline_fault_" + Guid.NewGuid().ToString("N")[..12];

        public PostgresHarness()
        {
            var server = Environment.GetEnvironmentVariable(PostgresContractTests.Variable);
            Skip.If(string.IsNullOrWhiteSpace(server), $"{PostgresContractTests.Variable} is not set: no PostgreSQL server to test against (run .ci/postgres.sh)");
            admin = PostgresStore.ToConnectionString(server!);
            Execute($"CREATE SCHEMA {schema}");
            Store = PostgresStore.Open(new NpgsqlConnectionStringBuilder(admin) { SearchPath = schema, Pooling = false, ApplicationName = schema }.ConnectionString);
        }

        public PostgresStore Store { get; }

        public void TerminateStoreConnections() =>
            Execute($"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = '{schema}'");

        public void Dispose()
        {
            Store.Dispose();
            Execute($"DROP SCHEMA {schema} CASCADE");
        }

        private void Execute(string sql)
        {
            using var connection = new NpgsqlConnection(admin);
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.ExecuteNonQuery();
        }
    }
}
