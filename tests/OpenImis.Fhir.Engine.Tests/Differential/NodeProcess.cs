using System.Diagnostics;

namespace OpenImis.Fhir.Engine.Tests.Differential;

/// <summary>Runs a Node script of bench/reference from the repository root and fails with its stderr if it fails.</summary>
internal static class NodeProcess
{
    public static void Run(string repositoryRoot, params string[] arguments)
    {
        var start = new ProcessStartInfo("node") { WorkingDirectory = repositoryRoot, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start node.");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"node {string.Join(' ', arguments)} did not finish in 3 minutes.");
        }
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"node {string.Join(' ', arguments)} exited with {process.ExitCode}: {stderr.Result}{stdout.Result}");
        }
    }
}
