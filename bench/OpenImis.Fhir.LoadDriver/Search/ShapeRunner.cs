using System.Diagnostics;
using OpenImis.Fhir.LoadDriver.Http;
using OpenImis.Fhir.LoadDriver.Measurement;

namespace OpenImis.Fhir.LoadDriver.Search;

/// <summary>
/// Sends the searches of one shape: each client (a closed loop, one request in flight) first its warm-up searches,
/// unmeasured, then its share of the measured ones. Every search was drawn beforehand; latency runs from just before
/// the request is sent to the end of its body, and the answer is checked after the clock stops.
/// </summary>
internal static class ShapeRunner
{
    public static async Task<ShapeMeasurement> RunAsync(HttpClient client, Uri baseUrl, string shape, IReadOnlyList<ClientQueries> clients, TextWriter log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(clients);
        var errors = new ErrorLog(shape, log);
        var recorders = clients.Select(_ => new LatencyRecorder()).ToArray();
        var failed = new int[clients.Count];
        var matches = new long[clients.Count];
        var included = new long[clients.Count];
        var anySuccess = 0;
        var root = baseUrl.AbsoluteUri.TrimEnd('/') + "/";
        await Task.WhenAll(clients.Select((queries, index) => Task.Run(async () =>
        {
            var buffer = new ResponseBuffer();
            for (var i = 0; i < queries.Warmup.Count + queries.Measured.Count; i++)
            {
                if (errors.Aborted) break;
                var measured = i >= queries.Warmup.Count;
                var query = measured ? queries.Measured[i - queries.Warmup.Count] : queries.Warmup[i];
                using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(root + query.PathAndQuery));
                RequestFailure? failure = null;
                SearchAnswer? answer = null;
                var sent = Stopwatch.GetTimestamp();
                long done;
                try
                {
                    var (response, length) = await FhirHttp.SendAsync(client, request, buffer, cancellationToken);
                    done = Stopwatch.GetTimestamp();
                    using (response)
                    {
                        if (!response.IsSuccessStatusCode) failure = FhirHttp.Failure(response, buffer, length);
                        else if ((answer = SearchAnswer.Read(buffer.Span(length), query)).Problem is { } problem) failure = new RequestFailure((int)response.StatusCode, $"{query.PathAndQuery}: {problem}");
                    }
                }
                catch (Exception e) when (e is HttpRequestException or IOException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
                {
                    done = Stopwatch.GetTimestamp();
                    failure = new RequestFailure(0, $"{query.PathAndQuery}: {e.GetType().Name}: {e.Message}");
                }
                if (failure is { } f)
                {
                    errors.Add(f, Volatile.Read(ref anySuccess) != 0);
                    if (measured) failed[index]++;
                    continue;
                }
                Volatile.Write(ref anySuccess, 1);
                if (!measured) continue;
                recorders[index].Record(done - sent);
                matches[index] += answer!.Matches;
                included[index] += answer.Included;
            }
        }, cancellationToken)));
        var good = recorders.Sum(r => r.Count);
        return new ShapeMeasurement(
            Requests: good + failed.Sum(),
            Errors: failed.Sum(),
            Latency: LatencyRecorder.Summarise(recorders),
            MeanMatches: good == 0 ? 0 : Math.Round((double)matches.Sum() / good, 1),
            MeanIncluded: good == 0 ? 0 : Math.Round((double)included.Sum() / good, 1),
            ErrorSamples: errors.Samples);
    }
}
