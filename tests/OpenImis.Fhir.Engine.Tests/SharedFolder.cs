namespace OpenImis.Fhir.Engine.Tests;

/// <summary>
/// The read-only <c>shared</c> folder beside the repository (conformance suites, reference examples). Found by
/// walking up from the test binaries, so it works from the main checkout and from worktrees alike.
/// </summary>
internal static class SharedFolder
{
    private static readonly Lazy<string?> Root = new(Find);

    /// <summary>The <c>shared</c> folder; fails the test with a clear message when it is missing.</summary>
    public static string Path => Root.Value ?? throw new DirectoryNotFoundException(
        "../shared is missing: the FHIRPath conformance suite is read from ../shared/conformance/fhirpath (CI always has it)");

    public static string FhirPathSuite => System.IO.Path.Combine(Path, "conformance", "fhirpath");

    public static string OpenImisExamples => System.IO.Path.Combine(Path, "reference", "openimis-ig", "examples");

    private static string? Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            // An ancestor named shared, or a sibling shared/ of an ancestor (e.g. /work/shared beside /work/main).
            if (dir.Name == "shared" && Directory.Exists(System.IO.Path.Combine(dir.FullName, "conformance"))) return dir.FullName;
            var sibling = System.IO.Path.Combine(dir.FullName, "shared");
            if (Directory.Exists(System.IO.Path.Combine(sibling, "conformance"))) return sibling;
        }
        return null;
    }
}
