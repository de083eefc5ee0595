namespace OpenImis.Fhir.LoadDriver.Measurement;

/// <summary>One client of a scenario: it sends one request at a time (a closed loop), so clients = concurrency.</summary>
internal interface ILoadWorker : IAsyncDisposable
{
    /// <summary>One request, its response read to the end. Null when it succeeded, else what went wrong.</summary>
    ValueTask<RequestFailure?> ExecuteAsync(CancellationToken cancellationToken);
}
