using OpenImis.Fhir.LoadDriver.Measurement;
using OpenImis.Fhir.LoadDriver.Workload;

namespace OpenImis.Fhir.LoadDriver.Http;

/// <summary><c>POST [base]/Patient</c> with a fresh validated openIMIS Patient; keeps the new ids for the reads.</summary>
internal sealed class CreateWorker(HttpClient client, Uri baseUrl, BodyTemplate patient, UniqueCodes codes, CreatedIds? created) : ILoadWorker
{
    private readonly Uri _uri = new(baseUrl.AbsoluteUri.TrimEnd('/') + "/Patient");
    private readonly byte[] _body = new byte[patient.Length];
    private readonly ResponseBuffer _response = new();
    private readonly List<string> _ids = [];

    public async ValueTask<RequestFailure?> ExecuteAsync(CancellationToken cancellationToken)
    {
        patient.Render(_body, codes);
        using var request = FhirHttp.Post(_uri, _body, _body.Length);
        var (response, length) = await FhirHttp.SendAsync(client, request, _response, cancellationToken);
        using (response)
        {
            if (!response.IsSuccessStatusCode) return FhirHttp.Failure(response, _response, length);
            if (created is not null && _ids.Count < CreatedIds.Cap)
            {
                if (CreatedIds.FromResponse(response, "Patient", _response.Span(length)) is not { } id)
                {
                    return new RequestFailure((int)response.StatusCode, "created, but neither Location nor the body names the new id");
                }
                _ids.Add(id);
            }
            return null;
        }
    }

    public ValueTask DisposeAsync()
    {
        created?.AddRange(_ids);
        return ValueTask.CompletedTask;
    }
}
