using System.Diagnostics;
using OpenImis.Fhir.LoadDriver.Results;

namespace OpenImis.Fhir.LoadDriver.Measurement;

/// <summary>
/// Runs one scenario at one concurrency: <c>clients</c> workers in closed loops, a warm-up, then the measured window.
/// A request counts when it completes inside the window (throughput = completions per second); its latency is
/// measured from just before it is sent to the end of its response.
/// </summary>
internal static class ScenarioRunner
{
    public static async Task<ScenarioResult> RunAsync(
        Scenario scenario, int clients, Func<int, CancellationToken, ValueTask<ILoadWorker>> createWorker,
        TimeSpan warmup, TimeSpan duration, TextWriter log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(createWorker);
        ArgumentNullException.ThrowIfNull(log);
        var workers = new ILoadWorker[clients];
        for (var i = 0; i < clients; i++) workers[i] = await createWorker(i, cancellationToken);
        var errors = new ErrorLog($"{scenario.Name}@{clients}", log);
        var recorders = new LatencyRecorder[clients];
        var measuredErrors = new int[clients];
        var anySuccess = 0;
        // The driver shares the cores with the server and PostgreSQL: what it took of them in the window (JIT and
        // warm-up left out) is part of the result.
        using var process = Process.GetCurrentProcess();
        var windowCpu = Task.CompletedTask;
        var cpuAtWindow = TimeSpan.Zero;
        TimeSpan? machineAtWindow = null;
        var start = Stopwatch.GetTimestamp();
        try
        {
            windowCpu = Task.Run(async () =>
            {
                await Task.Delay(warmup, cancellationToken);
                process.Refresh();
                cpuAtWindow = process.TotalProcessorTime;
                machineAtWindow = MachineCpu.Busy();
            }, cancellationToken);
            var measureFrom = start + (long)(warmup.TotalSeconds * Stopwatch.Frequency);
            var measureTo = measureFrom + (long)(duration.TotalSeconds * Stopwatch.Frequency);
            var tasks = new Task[clients];
            for (var i = 0; i < clients; i++)
            {
                var index = i;
                recorders[index] = new LatencyRecorder();
                tasks[index] = Task.Run(async () =>
                {
                    var worker = workers[index];
                    var recorder = recorders[index];
                    while (!errors.Aborted)
                    {
                        var sent = Stopwatch.GetTimestamp();
                        RequestFailure? failure;
                        try
                        {
                            failure = await worker.ExecuteAsync(cancellationToken);
                        }
                        catch (Exception e) when (e is HttpRequestException or IOException or TaskCanceledException or Npgsql.NpgsqlException && !cancellationToken.IsCancellationRequested)
                        {
                            failure = new RequestFailure(0, $"{e.GetType().Name}: {e.Message}");
                        }
                        var done = Stopwatch.GetTimestamp();
                        if (failure is { } failed)
                        {
                            errors.Add(failed, Volatile.Read(ref anySuccess) != 0);
                            if (done >= measureFrom && done <= measureTo) measuredErrors[index]++;
                        }
                        else
                        {
                            Volatile.Write(ref anySuccess, 1);
                            if (done >= measureFrom && done <= measureTo) recorder.Record(done - sent);
                        }
                        if (done >= measureTo) break;
                    }
                }, cancellationToken);
            }
            await Task.WhenAll(tasks);
        }
        finally
        {
            foreach (var worker in workers) await worker.DisposeAsync();
        }
        await windowCpu;
        process.Refresh();
        var machine = MachineCpu.Busy();
        var window = (Stopwatch.GetElapsedTime(start) - warmup).TotalSeconds;
        var driverSeconds = (process.TotalProcessorTime - cpuAtWindow).TotalSeconds;
        var driverCpu = driverSeconds / window;
        var requests = recorders.Sum(r => r.Count);
        var seconds = duration.TotalSeconds;
        // The rest of the machine's CPU in the window (the server and PostgreSQL), per request completed in it.
        double? serviceCpuMs = machine is { } end && machineAtWindow is { } begin && requests > 0
            ? Math.Round(((end - begin).TotalSeconds - driverSeconds) / window / (requests / seconds) * 1000, 3)
            : null;
        return new ScenarioResult(
            Scenario: scenario.Name,
            Target: scenario.Target,
            Clients: clients,
            ResourcesPerRequest: scenario.ResourcesPerRequest,
            Seconds: seconds,
            Requests: requests,
            Errors: measuredErrors.Sum(),
            RequestsPerSecond: Math.Round(requests / seconds, 1),
            ResourcesPerSecond: Math.Round(requests * scenario.ResourcesPerRequest / seconds, 1),
            Latency: LatencyRecorder.Summarise(recorders),
            ErrorSamples: errors.Samples,
            Aborted: errors.Aborted,
            DriverCpuPercent: Math.Round(driverCpu * 100, 1),
            ServiceCpuMsPerRequest: serviceCpuMs);
    }
}
