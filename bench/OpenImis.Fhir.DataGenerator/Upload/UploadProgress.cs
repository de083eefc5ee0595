using System.Globalization;
using OpenImis.Fhir.DataGenerator.Model;

namespace OpenImis.Fhir.DataGenerator.Upload;

/// <summary>
/// Counts what was loaded, prints a progress line every few seconds (resources, rate now and overall, ETA) and the
/// summary at the end, per phase and overall.
/// </summary>
internal sealed class UploadProgress(int totalResources, TextWriter output, TimeProvider time)
{
    private readonly long _started = time.GetTimestamp();
    private readonly Lock _lock = new();
    private readonly List<(DataSetPhase Phase, int Resources, TimeSpan Elapsed)> _phases = [];
    private long _resources;
    private long _bundles;
    private long _skipped;
    private long _retries;
    private DataSetPhase _phase;
    private long _phaseStarted;
    private long _phaseResources;
    private long _lastReport;
    private long _lastResources;

    public long Resources => Interlocked.Read(ref _resources);
    public long Retries => Interlocked.Read(ref _retries);

    public void PhaseStarted(DataSetPhase phase)
    {
        lock (_lock)
        {
            _phase = phase;
            _phaseStarted = time.GetTimestamp();
            _phaseResources = Resources;
        }
        output.WriteLine($"Phase {phase}");
    }

    public void PhaseDone()
    {
        lock (_lock)
        {
            _phases.Add((_phase, (int)(Resources - _phaseResources), time.GetElapsedTime(_phaseStarted)));
        }
    }

    public void Loaded(DataSetBundle bundle)
    {
        Interlocked.Add(ref _resources, bundle.Resources.Count);
        Interlocked.Increment(ref _bundles);
    }

    public void Skipped(DataSetBundle bundle)
    {
        Interlocked.Add(ref _skipped, bundle.Resources.Count);
        Loaded(bundle);
    }

    public void Retried(DataSetBundle bundle, int attempt, string reason)
    {
        Interlocked.Increment(ref _retries);
        output.WriteLine($"  retry {attempt} of Bundle {bundle.Index}: {reason}");
    }

    /// <summary>Prints a progress line every <paramref name="interval"/> until cancelled.</summary>
    public async Task ReportAsync(TimeSpan interval, CancellationToken cancellationToken)
    {
        _lastReport = _started;
        try
        {
            while (true)
            {
                await Task.Delay(interval, time, cancellationToken);
                Report();
            }
        }
        catch (OperationCanceledException)
        {
            // the run is over
        }
    }

    public void Summary()
    {
        var elapsed = time.GetElapsedTime(_started);
        output.WriteLine();
        output.WriteLine($"Loaded {N(Resources)} resources in {N(Interlocked.Read(ref _bundles))} Bundles in {Clock(elapsed)}: {N(Resources / elapsed.TotalSeconds)} resources/s"
            + (_skipped > 0 ? $" ({N(_skipped)} skipped as already loaded)" : "") + $", {N(Retries)} retries");
        foreach (var (phase, resources, phaseElapsed) in _phases)
        {
            output.WriteLine($"  {phase,-14} {N(resources),12} resources  {Clock(phaseElapsed)}  {N(resources / Math.Max(phaseElapsed.TotalSeconds, 0.001)),8} resources/s");
        }
    }

    private void Report()
    {
        var now = time.GetTimestamp();
        var resources = Resources;
        var overall = resources / time.GetElapsedTime(_started, now).TotalSeconds;
        var recent = (resources - _lastResources) / time.GetElapsedTime(_lastReport, now).TotalSeconds;
        _lastReport = now;
        _lastResources = resources;
        var eta = overall > 0 ? TimeSpan.FromSeconds((totalResources - resources) / overall) : TimeSpan.Zero;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {100.0 * resources / totalResources,5:F1}%  {N(resources)} / {N(totalResources)} resources  {N(recent)}/s now  {N(overall)}/s overall  ETA {Clock(eta)}  [{_phase}]"));
    }

    private static string N(double value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Clock(TimeSpan span) => span.ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture);
}
