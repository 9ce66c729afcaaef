using System.Data.Common;
using System.Text.RegularExpressions;

namespace Dateline.Store;

/// <summary>
/// A prepared command with its parameters found by name in the SQL (<c>@name</c>), reused for
/// every row of a batch: one parse per batch, not per row.
/// </summary>
internal sealed partial class Statement : IDisposable
{
    private readonly DbCommand command;
    private readonly Dictionary<string, DbParameter> parameters = new(StringComparer.Ordinal);

    public Statement(DbConnection connection, DbTransaction? transaction, string sql)
    {
        command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        foreach (Match match in ParameterName().Matches(sql))
        {
            var name = match.Groups[1].Value;
            if (!parameters.ContainsKey(name))
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                parameter.Value = DBNull.Value;
                command.Parameters.Add(parameter);
                parameters[name] = parameter;
            }
        }
    }

    public Statement Set(string name, object? value)
    {
        parameters[name].Value = value ?? DBNull.Value;
        return this;
    }

    /// <summary>Sets a parameter only if the SQL names it: for values one dialect uses and the other does not.</summary>
    public Statement Offer(string name, object? value)
    {
        if (parameters.TryGetValue(name, out var parameter))
        {
            parameter.Value = value ?? DBNull.Value;
        }

        return this;
    }

    public int Execute() => command.ExecuteNonQuery();

    /// <summary>Appends this statement with its current parameter values to <paramref name="batch"/>, to run later with others.</summary>
    public void AddTo(DbBatch batch)
    {
        var queued = batch.CreateBatchCommand();
        queued.CommandText = command.CommandText;
        foreach (var parameter in parameters.Values)
        {
            var copy = queued.CreateParameter();
            copy.ParameterName = parameter.ParameterName;
            copy.Value = parameter.Value;
            queued.Parameters.Add(copy);
        }

        batch.BatchCommands.Add(queued);
    }

    public object? Scalar()
    {
        var value = command.ExecuteScalar();
        return value is DBNull ? null : value;
    }

    public DbDataReader Reader() => command.ExecuteReader();

    public void Dispose() => command.Dispose();

    [GeneratedRegex(@"(?<![@\w])@([A-Za-z_][A-Za-z0-9_]*)", RegexOptions.CultureInvariant)]
    private static partial Regex ParameterName();
}

/// <summary>Typed column reads that turn SQL NULL into C# null.</summary>
internal static class ReaderExtensions
{
    public static string? Text(this DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static long? Long(this DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : Convert.ToInt64(reader.GetValue(ordinal), System.Globalization.CultureInfo.InvariantCulture);

    public static int Int(this DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? 0 : Convert.ToInt32(reader.GetValue(ordinal), System.Globalization.CultureInfo.InvariantCulture);

    public static double? Double(this DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : Convert.ToDouble(reader.GetValue(ordinal), System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>
/// Writes that need no answer, sent to the server together: a batch of articles costs a few round
/// trips instead of one per row. Where the provider cannot batch commands (SQLite, which is in
/// process and has no round trips) each write runs at once.
/// </summary>
internal sealed class WriteQueue : IDisposable
{
    private const int MaxCommands = 2000;
    private readonly DbBatch? batch;

    public WriteQueue(DbConnection connection, DbTransaction transaction)
    {
        if (connection.CanCreateBatch)
        {
            batch = connection.CreateBatch();
            batch.Transaction = transaction;
        }
    }

    /// <summary>Queues the statement with its current values (or runs it now, where there is no batching).</summary>
    public void Add(Statement statement)
    {
        if (batch is null)
        {
            statement.Execute();
            return;
        }

        statement.AddTo(batch);
        if (batch.BatchCommands.Count >= MaxCommands)
        {
            Flush();
        }
    }

    /// <summary>Runs every queued write: before a read that may depend on them, and before commit.</summary>
    public void Flush()
    {
        if (batch is { BatchCommands.Count: > 0 })
        {
            batch.ExecuteNonQuery();
            batch.BatchCommands.Clear();
        }
    }

    public void Dispose() => batch?.Dispose();
}
