namespace OpenImis.Fhir.Engine.Tests.Conformance;

/// <summary>
/// <c>fhirpath-known-failures.txt</c>: suite tests expected to fail today, one per line as <c>testName  # reason</c>
/// (blank lines and <c>#</c> comments allowed). The suite test fails when an unlisted test fails or a listed one
/// passes, so the list can only shrink.
/// </summary>
internal static class KnownFailures
{
    public const string FileName = "fhirpath-known-failures.txt";

    private static readonly string RelativePath = Path.Combine("tests", "OpenImis.Fhir.Engine.Tests", "Conformance", FileName);

    /// <summary>The file in the source tree, found by walking up from the test binaries (it is not copied to the output).</summary>
    public static string FindFile()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, RelativePath);
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException($"{RelativePath} not found above {AppContext.BaseDirectory}");
    }

    /// <summary>Test name to reason.</summary>
    public static IReadOnlyDictionary<string, string> Load() => Parse(File.ReadAllLines(FindFile()));

    public static IReadOnlyDictionary<string, string> Parse(IEnumerable<string> lines)
    {
        var known = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var raw in lines)
        {
            var hash = raw.IndexOf('#', StringComparison.Ordinal);
            var name = (hash < 0 ? raw : raw[..hash]).Trim();
            if (name.Length == 0) continue;
            var reason = hash < 0 ? "" : raw[(hash + 1)..].Trim();
            if (!known.TryAdd(name, reason)) throw new InvalidDataException($"{FileName} lists '{name}' twice");
        }
        return known;
    }
}
