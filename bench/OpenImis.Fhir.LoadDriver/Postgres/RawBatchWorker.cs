using System.Text;
using Npgsql;
using NpgsqlTypes;
using OpenImis.Fhir.LoadDriver.Measurement;
using OpenImis.Fhir.LoadDriver.Workload;

namespace OpenImis.Fhir.LoadDriver.Postgres;

/// <summary>
/// The ceiling of <c>transaction</c>: the 100 resources of the Bundle as one 100-row INSERT, one transaction, on a
/// connection of its own with a prepared statement.
/// </summary>
internal sealed class RawBatchWorker : ILoadWorker
{
    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlCommand _command;
    private readonly IReadOnlyList<RawRow> _rows;
    private readonly UniqueCodes _codes;
    private readonly TimeProvider _time;
    private readonly byte[][] _bodies;
    private readonly Guid[] _ids;
    private readonly DateTime[] _lastUpdated;
    private readonly string[] _json;

    private RawBatchWorker(NpgsqlConnection connection, IReadOnlyList<RawRow> rows, UniqueCodes codes, TimeProvider time)
    {
        _connection = connection;
        _rows = rows;
        _codes = codes;
        _time = time;
        _bodies = [.. rows.Select(r => new byte[r.Body.Length])];
        _ids = new Guid[rows.Count];
        _lastUpdated = new DateTime[rows.Count];
        _json = new string[rows.Count];
        var versions = new int[rows.Count];
        Array.Fill(versions, 1);
        _command = new NpgsqlCommand(RawTable.InsertMany, connection)
        {
            Parameters =
            {
                new NpgsqlParameter<Guid[]> { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid, TypedValue = _ids },
                new NpgsqlParameter<string[]> { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text, TypedValue = [.. rows.Select(r => r.Type)] },
                new NpgsqlParameter<int[]> { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Integer, TypedValue = versions },
                new NpgsqlParameter<DateTime[]> { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz, TypedValue = _lastUpdated },
                new NpgsqlParameter<string[]> { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb, TypedValue = _json },
            },
        };
    }

    public static async ValueTask<ILoadWorker> OpenAsync(NpgsqlDataSource dataSource, IReadOnlyList<RawRow> rows, UniqueCodes codes, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var worker = new RawBatchWorker(connection, rows, codes, time);
        await worker._command.PrepareAsync(cancellationToken);
        return worker;
    }

    public async ValueTask<RequestFailure?> ExecuteAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow().UtcDateTime;
        for (var i = 0; i < _rows.Count; i++)
        {
            _rows[i].Body.Render(_bodies[i], _codes);
            _ids[i] = Guid.NewGuid();
            _lastUpdated[i] = now;
            _json[i] = Encoding.UTF8.GetString(_bodies[i]);
        }
        await _command.ExecuteNonQueryAsync(cancellationToken);
        return null;
    }

    public async ValueTask DisposeAsync()
    {
        await _command.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
