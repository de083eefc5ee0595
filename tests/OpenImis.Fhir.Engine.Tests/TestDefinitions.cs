using OpenImis.Fhir.Engine.Model;

namespace OpenImis.Fhir.Engine.Tests;

/// <summary>
/// Where the shared reference material lives: <c>shared/</c> sits beside the repository (and beside worktrees'
/// ancestors), so it is found by walking up from the test binaries.
/// </summary>
internal static class TestDefinitions
{
    private static readonly Lazy<string> SharedRoot = new(FindSharedRoot);

    /// <summary>The FHIRPath conformance folder (<c>shared/conformance/fhirpath</c>).</summary>
    public static string FhirPathConformance => Path.Combine(SharedRoot.Value, "conformance", "fhirpath");

    /// <summary>A conformance input, e.g. <c>patient-example.json</c>.</summary>
    public static string ConformanceInput(string fileName) => Path.Combine(FhirPathConformance, "inputs", fileName);

    /// <summary>The openIMIS IG examples folder.</summary>
    public static string OpenImisExamples => Path.Combine(SharedRoot.Value, "reference", "openimis-ig", "examples");

    /// <summary>Reads a conformance input with the R4 model.</summary>
    public static ElementNode ReadConformanceInput(string fileName)
    {
        using var stream = File.OpenRead(ConformanceInput(fileName));
        return ElementNodeReader.Read(stream, FhirModel.R4);
    }

    private static string FindSharedRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared");
            if (Directory.Exists(Path.Combine(candidate, "conformance", "fhirpath"))) return candidate;
        }
        throw new DirectoryNotFoundException(
            $"No 'shared/conformance/fhirpath' folder beside any ancestor of '{AppContext.BaseDirectory}'. " +
            "The shared reference material is expected next to the repository (e.g. /work/shared beside /work/main).");
    }
}
