using Npgsql;

namespace OpenImis.Fhir.Server.Tests.Infrastructure;

/// <summary>Direct queries against the server's database, to check what a request stored (or did not).</summary>
public static class Database
{
    /// <summary>The rows of a query with positional parameters ($1, $2, ...), each row as its column values (DBNull as null).</summary>
    public static async Task<List<object?[]>> QueryAsync(string connectionString, string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters) command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        var rows = new List<object?[]>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++) row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            rows.Add(row);
        }
        return rows;
    }

    public static async Task<long> CountAsync(string connectionString, string sql, params object[] parameters) =>
        Convert.ToInt64((await QueryAsync(connectionString, sql, parameters))[0][0], System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// A transaction on a connection of its own that holds a resource's row <c>for update</c> until disposed (rolled
    /// back): writes of the resource wait for it.
    /// </summary>
    public static async Task<IAsyncDisposable> LockRowAsync(string connectionString, string type, string id)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var transaction = await connection.BeginTransactionAsync();
        await using (var command = new NpgsqlCommand("select 1 from fhir_resource where resource_type = $1 and id = $2 for update", connection, transaction))
        {
            command.Parameters.Add(new() { Value = type });
            command.Parameters.Add(new() { Value = id });
            await command.ExecuteNonQueryAsync();
        }
        return new HeldRow(connection, transaction);
    }

    private sealed class HeldRow(NpgsqlConnection connection, NpgsqlTransaction transaction) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await transaction.RollbackAsync();
            await transaction.DisposeAsync();
            await connection.DisposeAsync();
        }
    }

    /// <summary>How many versions of a resource are stored (0: nothing was ever written).</summary>
    public static Task<long> VersionCountAsync(string connectionString, string type, string id) =>
        CountAsync(connectionString, "select count(*) from fhir_resource_version where resource_type = $1 and id = $2", type, id);
}
