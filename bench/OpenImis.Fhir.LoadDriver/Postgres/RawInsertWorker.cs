using System.Text;
using Npgsql;
using NpgsqlTypes;
using OpenImis.Fhir.LoadDriver.Measurement;
using OpenImis.Fhir.LoadDriver.Workload;

namespace OpenImis.Fhir.LoadDriver.Postgres;

/// <summary>
/// The ceiling of <c>create</c>: the same Patient JSON as one autocommitted single-row INSERT, on a connection of its own
/// with a prepared statement (the fastest way a client can write one row).
/// </summary>
internal sealed class RawInsertWorker : ILoadWorker
{
    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlCommand _command;
    private readonly BodyTemplate _patient;
    private readonly UniqueCodes _codes;
    private readonly TimeProvider _time;
    private readonly byte[] _body;
    private readonly NpgsqlParameter<Guid> _id = new() { NpgsqlDbType = NpgsqlDbType.Uuid };
    private readonly NpgsqlParameter<DateTime> _lastUpdated = new() { NpgsqlDbType = NpgsqlDbType.TimestampTz };
    private readonly NpgsqlParameter<string> _json = new() { NpgsqlDbType = NpgsqlDbType.Jsonb };

    private RawInsertWorker(NpgsqlConnection connection, BodyTemplate patient, UniqueCodes codes, TimeProvider time)
    {
        _connection = connection;
        _patient = patient;
        _codes = codes;
        _time = time;
        _body = new byte[patient.Length];
        _command = new NpgsqlCommand(RawTable.InsertOne, connection)
        {
            Parameters =
            {
                _id,
                new NpgsqlParameter<string> { NpgsqlDbType = NpgsqlDbType.Text, TypedValue = "Patient" },
                new NpgsqlParameter<int> { NpgsqlDbType = NpgsqlDbType.Integer, TypedValue = 1 },
                _lastUpdated,
                _json,
            },
        };
    }

    public static async ValueTask<ILoadWorker> OpenAsync(NpgsqlDataSource dataSource, BodyTemplate patient, UniqueCodes codes, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var worker = new RawInsertWorker(connection, patient, codes, time);
        await worker._command.PrepareAsync(cancellationToken);
        return worker;
    }

    public async ValueTask<RequestFailure?> ExecuteAsync(CancellationToken cancellationToken)
    {
        _patient.Render(_body, _codes);
        _id.TypedValue = Guid.NewGuid();
        _lastUpdated.TypedValue = _time.GetUtcNow().UtcDateTime;
        _json.TypedValue = Encoding.UTF8.GetString(_body);
        await _command.ExecuteNonQueryAsync(cancellationToken);
        return null;
    }

    public async ValueTask DisposeAsync()
    {
        await _command.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
