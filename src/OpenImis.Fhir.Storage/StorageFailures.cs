using Npgsql;

namespace OpenImis.Fhir.Storage;

/// <summary>
/// What a storage failure means to the layers above, so that they need not know PostgreSQL's error codes: a lost race
/// (rolled back whole; sending the same work again may succeed) or a database that cannot be reached.
/// </summary>
public static class StorageFailures
{
    /// <summary>A deadlock or serialization failure: the transaction was rolled back and nothing of it is stored.</summary>
    public static bool IsLostRace(Exception exception) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure };

    /// <summary>Any failure of the database or of the connection to it (what background work retries later).</summary>
    public static bool IsDatabaseFailure(Exception exception) => exception is NpgsqlException or TimeoutException;

    /// <summary>The database is down, unreachable or timed out.</summary>
    public static bool IsUnavailable(Exception exception) =>
        exception is TimeoutException || exception is NpgsqlException { IsTransient: true } || exception is NpgsqlException { InnerException: System.Net.Sockets.SocketException };
}
