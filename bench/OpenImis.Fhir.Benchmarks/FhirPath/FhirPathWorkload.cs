using System.Text.Json;
using OpenImis.Fhir.Engine.FhirPath;
using OpenImis.Fhir.Engine.Model;

namespace OpenImis.Fhir.Benchmarks.FhirPath;

/// <summary>
/// The shared FHIRPath workload written by <c>bench/reference/workload.mjs</c>: example resources and the R4
/// search-parameter and invariant expressions that apply to them. Both engines run exactly this workload
/// (the benchmarks here and <c>bench/reference/bench.mjs</c>; the differential test links this file).
/// </summary>
internal sealed class FhirPathWorkload
{
    private FhirPathWorkload(IReadOnlyList<ElementNode> resources, IReadOnlyList<string> resourceFiles, IReadOnlyList<Case> cases)
    {
        Resources = resources;
        ResourceFiles = resourceFiles;
        Cases = cases;
    }

    public IReadOnlyList<ElementNode> Resources { get; }

    public IReadOnlyList<string> ResourceFiles { get; }

    public IReadOnlyList<Case> Cases { get; }

    internal sealed record Case(string Id, string Kind, int Resource, string Expression, string Source);

    /// <summary>Reads a workload file; resource paths in it are relative to <paramref name="repositoryRoot"/>.</summary>
    public static FhirPathWorkload Load(string workloadFile, string repositoryRoot, FhirModel model)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(workloadFile));
        var resources = new List<ElementNode>();
        var files = new List<string>();
        foreach (var resource in document.RootElement.GetProperty("resources").EnumerateArray())
        {
            var file = Path.GetFullPath(Path.Combine(repositoryRoot, resource.GetProperty("file").GetString()!));
            files.Add(file);
            using var json = JsonDocument.Parse(File.ReadAllBytes(file));
            resources.Add(ElementNodeReader.Read(json.RootElement, model));
        }
        var cases = new List<Case>();
        foreach (var c in document.RootElement.GetProperty("cases").EnumerateArray())
        {
            if (!c.TryGetProperty("expression", out var expression) || expression.ValueKind != JsonValueKind.String) continue;
            cases.Add(new Case(
                c.GetProperty("id").GetString()!,
                c.GetProperty("kind").GetString()!,
                c.GetProperty("resource").GetInt32(),
                expression.GetString()!,
                c.GetProperty("source").GetString() ?? ""));
        }
        return new FhirPathWorkload(resources, files, cases);
    }

    /// <summary>The environment both engines use: %resource is the resource; resolve() outside it gives a type/id stub.</summary>
    public static FhirPathEnvironment Environment(FhirModel model) => new() { ResolveReference = ReferenceStubs.For(model) };

    /// <summary>The repository root: the nearest ancestor of <paramref name="start"/> that holds OpenImis.Fhir.sln.</summary>
    public static string FindRepositoryRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OpenImis.Fhir.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException($"No OpenImis.Fhir.sln above {start}.");
    }
}
