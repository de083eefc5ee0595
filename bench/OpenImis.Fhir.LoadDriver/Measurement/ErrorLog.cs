namespace OpenImis.Fhir.LoadDriver.Measurement;

/// <summary>
/// Failures of one scenario: counted, the first few kept for the report and printed at once. Locked, but only failed
/// requests come here.
/// </summary>
internal sealed class ErrorLog(string scenario, TextWriter log)
{
    public const int Kept = 5;

    /// <summary>Give up on a scenario after this many failures without a single success: the server is not serving.</summary>
    private const int AbortAfter = 200;

    private readonly List<string> _samples = [];
    private readonly Lock _lock = new();
    private int _total;

    public IReadOnlyList<string> Samples
    {
        get { lock (_lock) return [.. _samples]; }
    }

    public bool Aborted { get; private set; }

    public void Add(RequestFailure failure, bool anySuccess)
    {
        lock (_lock)
        {
            _total++;
            if (_samples.Count < Kept)
            {
                var text = failure.ToString();
                _samples.Add(text);
                log.WriteLine($"  {scenario}: failed request: {text}");
            }
            if (!anySuccess && _total >= AbortAfter) Aborted = true;
        }
    }
}
