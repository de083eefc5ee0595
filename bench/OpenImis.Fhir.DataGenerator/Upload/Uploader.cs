using System.Net;
using System.Net.Http.Headers;
using System.Runtime.ExceptionServices;
using System.Text.Json;
using System.Threading.Channels;
using OpenImis.Fhir.DataGenerator.Model;

namespace OpenImis.Fhir.DataGenerator.Upload;

/// <summary>
/// Sends the Bundles of a data set to <c>POST [base]</c>, phase after phase: reference data one Bundle at a time (each
/// may refer to the ones before), then households and claims with <see cref="UploadOptions.Clients"/> Bundles in
/// flight. Network errors, timeouts and 5xx/429 answers are retried (the Bundles are PUTs, so a retry is harmless);
/// any other answer stops the run with the server's OperationOutcome.
/// </summary>
internal sealed class Uploader(HttpClient http, UploadOptions options, UploadProgress progress)
{
    private static readonly MediaTypeHeaderValue FhirJson = new("application/fhir+json");

    public async Task RunAsync(IEnumerable<DataSetBundle> bundles, CancellationToken cancellationToken)
    {
        using var enumerator = bundles.GetEnumerator();
        var next = enumerator.MoveNext() ? enumerator.Current : null;
        while (next is not null)
        {
            var phase = next.Phase;
            progress.PhaseStarted(phase);
            var clients = phase == DataSetPhase.ReferenceData ? 1 : options.Clients;
            var channel = Channel.CreateBounded<DataSetBundle>(new BoundedChannelOptions(2 * clients) { SingleWriter = true });
            using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var workers = Enumerable.Range(0, clients).Select(_ => Task.Run(() => WorkAsync(channel.Reader, failed), CancellationToken.None)).ToArray();
            try
            {
                // Rendering the next Bundle overlaps with sending the ones in the channel.
                while (next is not null && next.Phase == phase)
                {
                    await channel.Writer.WriteAsync(next, failed.Token);
                    next = enumerator.MoveNext() ? enumerator.Current : null;
                }
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // a worker failed: its exception is reported below
            }
            finally
            {
                channel.Writer.TryComplete();
            }
            await WhenAllAsync(workers);
            progress.PhaseDone();
        }
    }

    private async Task WorkAsync(ChannelReader<DataSetBundle> reader, CancellationTokenSource failed)
    {
        try
        {
            await foreach (var bundle in reader.ReadAllAsync(failed.Token))
            {
                await SendAsync(bundle, failed.Token);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await failed.CancelAsync();
            throw;
        }
    }

    // The first real failure, not the cancellations it caused in the other workers.
    private static async Task WhenAllAsync(Task[] workers)
    {
        try
        {
            await Task.WhenAll(workers);
        }
        catch
        {
            var cause = workers.Where(t => t.IsFaulted).SelectMany(t => t.Exception!.InnerExceptions).FirstOrDefault(e => e is not OperationCanceledException);
            if (cause is not null) ExceptionDispatchInfo.Throw(cause);
            throw;
        }
    }

    private async Task SendAsync(DataSetBundle bundle, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            string failure;
            try
            {
                if (options.Resume && await ExistsAsync(bundle.Resources[^1], cancellationToken))
                {
                    progress.Skipped(bundle);
                    return;
                }
                using var request = new HttpRequestMessage(HttpMethod.Post, options.BaseUrl) { Content = new ReadOnlyMemoryContent(bundle.Json) };
                request.Content.Headers.ContentType = FhirJson;
                request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(FhirJson.MediaType!));
                request.Headers.Add("Prefer", "return=minimal");
                using var response = await http.SendAsync(request, cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    progress.Loaded(bundle);
                    return;
                }
                var body = await response.Content.ReadAsStringAsync(cancellationToken);
                failure = $"HTTP {(int)response.StatusCode}: {Describe(body)}";
                if (!Retryable(response.StatusCode)) throw new UploadException($"Bundle {bundle.Index} ({bundle.Phase}, {bundle.Resources[0]} ...) was refused: {failure}");
            }
            catch (HttpRequestException e)
            {
                failure = e.Message;
            }
            catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
            {
                failure = "timeout: " + e.Message;
            }
            if (attempt >= options.MaxAttempts) throw new UploadException($"Bundle {bundle.Index} ({bundle.Phase}) failed {attempt} times; last: {failure}");
            progress.Retried(bundle, attempt, failure);
            await Task.Delay(TimeSpan.FromSeconds(Math.Pow(2, attempt)), cancellationToken);
        }
    }

    private async Task<bool> ExistsAsync(string resource, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(new Uri(options.BaseUrl + "/" + resource), cancellationToken);
        if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Gone) return false;
        if (response.IsSuccessStatusCode) return true;
        throw new UploadException($"GET {resource} (to resume) answered HTTP {(int)response.StatusCode}");
    }

    private static bool Retryable(HttpStatusCode status) =>
        (int)status >= 500 || status is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout;

    // The issues of an OperationOutcome, one per line; the raw body when it is not one.
    private static string Describe(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (!document.RootElement.TryGetProperty("issue", out var issues)) return body;
            return string.Join(Environment.NewLine + "    ", issues.EnumerateArray().Take(20).Select(issue =>
            {
                var text = issue.TryGetProperty("details", out var details) && details.TryGetProperty("text", out var t) ? t.GetString()
                    : issue.TryGetProperty("diagnostics", out var d) ? d.GetString() : issue.ToString();
                var where = issue.TryGetProperty("expression", out var e) ? " @ " + string.Join(", ", e.EnumerateArray().Select(x => x.GetString())) : "";
                return $"{issue.GetProperty("severity").GetString()}: {text}{where}";
            }));
        }
        catch (JsonException)
        {
            return body.Length > 2000 ? body[..2000] : body;
        }
    }
}
