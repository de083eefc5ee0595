using OpenImis.Fhir.LoadDriver.Measurement;

namespace OpenImis.Fhir.LoadDriver.Http;

/// <summary><c>GET [base]/Patient/{id}</c> over Patients created before, in a random order of its own.</summary>
internal sealed class ReadWorker : ILoadWorker
{
    private readonly HttpClient _client;
    private readonly Uri[] _uris;
    private readonly Random _random;
    private readonly ResponseBuffer _response = new();

    public ReadWorker(HttpClient client, Uri[] uris, Random random)
    {
        ArgumentOutOfRangeException.ThrowIfZero(uris.Length);
        _client = client;
        _uris = uris;
        _random = random;
    }

    public async ValueTask<RequestFailure?> ExecuteAsync(CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, _uris[_random.Next(_uris.Length)]);
        var (response, length) = await FhirHttp.SendAsync(_client, request, _response, cancellationToken);
        using (response)
        {
            return response.IsSuccessStatusCode ? null : FhirHttp.Failure(response, _response, length);
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
