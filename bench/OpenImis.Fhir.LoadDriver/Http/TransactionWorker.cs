using OpenImis.Fhir.LoadDriver.Measurement;
using OpenImis.Fhir.LoadDriver.Workload;

namespace OpenImis.Fhir.LoadDriver.Http;

/// <summary><c>POST [base]</c> with a fresh 100-entry transaction Bundle (families: Group, Patients, Claim).</summary>
internal sealed class TransactionWorker(HttpClient client, Uri baseUrl, BodyTemplate bundle, UniqueCodes codes) : ILoadWorker
{
    private readonly Uri _uri = new(baseUrl.AbsoluteUri.TrimEnd('/'));
    private readonly byte[] _body = new byte[bundle.Length];
    private readonly ResponseBuffer _response = new();

    public async ValueTask<RequestFailure?> ExecuteAsync(CancellationToken cancellationToken)
    {
        bundle.Render(_body, codes);
        using var request = FhirHttp.Post(_uri, _body, _body.Length);
        var (response, length) = await FhirHttp.SendAsync(client, request, _response, cancellationToken);
        using (response)
        {
            return response.IsSuccessStatusCode ? null : FhirHttp.Failure(response, _response, length);
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
