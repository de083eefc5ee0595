using System.Diagnostics;

namespace OpenImis.Fhir.Engine.Tests.ImplementationGuide;

/// <summary>The repository's ig-profiles/ and the script that builds it from fsh/ (scripts/build-ig.sh).</summary>
internal static class IgBuild
{
    public const string Canonical = "https://openimis.github.io/openimis_fhir_r4_ig/";

    private static readonly Lazy<string> Root = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OpenImis.Fhir.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException($"No OpenImis.Fhir.sln above {AppContext.BaseDirectory}.");
    });

    public static string RepositoryRoot => Root.Value;

    public static string IgProfiles => Path.Combine(RepositoryRoot, "ig-profiles");

    /// <summary>The published IG 1.0.0's canonical resources, one JSON file each.</summary>
    public static string PublishedDefinitions => Path.Combine(SharedFolder.Path, "reference", "openimis-ig", "definitions");

    /// <summary>Runs <c>bash scripts/build-ig.sh OUT_DIR</c> from the repository root; fails with its output if it fails.</summary>
    public static string Run(string outDirectory, TimeSpan timeout)
    {
        var start = new ProcessStartInfo("bash")
        {
            WorkingDirectory = RepositoryRoot,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        start.ArgumentList.Add("scripts/build-ig.sh");
        start.ArgumentList.Add(outDirectory);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start bash.");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"scripts/build-ig.sh did not finish in {timeout.TotalMinutes} minutes.");
        }
        var output = stdout.Result + stderr.Result;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"scripts/build-ig.sh exited with {process.ExitCode}:\n{output}");
        }
        return output;
    }
}
