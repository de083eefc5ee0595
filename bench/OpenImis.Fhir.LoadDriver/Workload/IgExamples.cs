using System.Text.Json.Nodes;

namespace OpenImis.Fhir.LoadDriver.Workload;

/// <summary>The example instances of the openIMIS IG folder (<c>Type-id.json</c>, conformance resources left out).</summary>
internal sealed class IgExamples
{
    private static readonly HashSet<string> ConformanceTypes = ["StructureDefinition", "CodeSystem", "ValueSet", "ImplementationGuide", "SearchParameter", "CapabilityStatement"];

    private IgExamples(string directory, IReadOnlyList<JsonObject> resources)
    {
        Directory = directory;
        Resources = resources;
    }

    public string Directory { get; }

    /// <summary>Sorted by file name; each has resourceType and id.</summary>
    public IReadOnlyList<JsonObject> Resources { get; }

    public static IgExamples Load(string directory)
    {
        var resources = new List<JsonObject>();
        foreach (var file in System.IO.Directory.EnumerateFiles(directory, "*-*.json").Order(StringComparer.Ordinal))
        {
            if (JsonNode.Parse(File.ReadAllBytes(file)) is not JsonObject resource) continue;
            var type = (string?)resource["resourceType"];
            if (type is null || resource["id"] is null || ConformanceTypes.Contains(type)) continue;
            resources.Add(resource);
        }
        return new IgExamples(directory, resources);
    }

    /// <summary>A deep copy of the example <c>Type/id</c>, to be changed freely.</summary>
    public JsonObject Copy(string type, string id) =>
        (JsonObject)(Resources.FirstOrDefault(r => (string?)r["resourceType"] == type && (string?)r["id"] == id)
            ?? throw new InvalidOperationException($"The IG folder {Directory} has no example {type}/{id}.")).DeepClone();

    /// <summary>
    /// The examples that <paramref name="bodies"/> refer to (<c>Type/id</c>), directly or through other examples
    /// (Location/Jamula-village is part of Jamu-municipality, ...), in file order.
    /// </summary>
    public IReadOnlyList<JsonObject> ReferencedFrom(IEnumerable<JsonNode> bodies)
    {
        var byKey = Resources.ToDictionary(Key, StringComparer.Ordinal);
        var needed = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<JsonNode>(bodies);
        while (pending.TryPop(out var node))
        {
            foreach (var reference in References(node))
            {
                if (byKey.TryGetValue(reference, out var example) && needed.Add(reference)) pending.Push(example);
            }
        }
        return [.. Resources.Where(r => needed.Contains(Key(r)))];
    }

    private static string Key(JsonObject resource) => $"{(string?)resource["resourceType"]}/{(string?)resource["id"]}";

    private static IEnumerable<string> References(JsonNode node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj)
                {
                    if (name == "reference" && value is JsonValue v && v.TryGetValue<string>(out var text)) yield return text;
                    else if (value is not null) foreach (var r in References(value)) yield return r;
                }
                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    if (item is not null) foreach (var r in References(item)) yield return r;
                }
                break;
        }
    }

    /// <summary>
    /// The IG folder: <paramref name="configured"/>, else <c>ig-profiles</c> in the working directory, the program's
    /// folder or one of their parents (the driver usually runs from the repository).
    /// </summary>
    public static string FindDirectory(string? configured)
    {
        if (configured is not null) return configured;
        foreach (var start in (string[])[System.IO.Directory.GetCurrentDirectory(), AppContext.BaseDirectory])
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "ig-profiles");
                if (File.Exists(Path.Combine(candidate, "Patient-john-doe.json"))) return candidate;
            }
        }
        throw new InvalidOperationException("ig-profiles/ not found; pass --ig DIR.");
    }
}
