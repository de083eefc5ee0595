using System.Diagnostics;
using System.Text.Json;

namespace OpenImis.Fhir.Engine.Definitions;

/// <summary>
/// The FHIR conformance resources (StructureDefinitions, ValueSets, CodeSystems, SearchParameters, ...) read from
/// definition Bundles, kept as <see cref="JsonElement"/>s. The parsed documents stay alive for the lifetime of this
/// object (the elements point into them), so an instance is loaded once and shared; it is immutable and thread-safe.
/// </summary>
public sealed class FhirDefinitions
{
    /// <summary>The R4 bundles the engine needs: type and resource definitions, search parameters, value sets and code systems, extensions.</summary>
    public static readonly IReadOnlyList<string> R4Files =
    [
        "profiles-types.json",
        "profiles-resources.json",
        "search-parameters.json",
        "valuesets.json",
        "extension-definitions.json",
    ];

    private static readonly Lazy<FhirDefinitions> SharedR4 = new(LoadR4, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly JsonDocument[] _documents;
    private readonly Dictionary<string, JsonElement> _byUrl = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, JsonElement>> _byTypeAndUrl = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<JsonElement>> _byType = new(StringComparer.Ordinal);

    private FhirDefinitions(JsonDocument[] documents, TimeSpan loadTime)
    {
        _documents = documents;
        LoadTime = loadTime;
        foreach (var document in documents) Index(document.RootElement);
    }

    /// <summary>The R4 core definitions, loaded on first use and shared (tests, CLI, server start-up).</summary>
    public static FhirDefinitions R4 => SharedR4.Value;

    /// <summary>Loads <see cref="R4Files"/> from the folder <see cref="DefinitionsDirectory.FindR4"/> finds.</summary>
    public static FhirDefinitions LoadR4() => Load(DefinitionsDirectory.FindR4(), R4Files);

    /// <summary>Loads definition Bundles (or single resources) from files in <paramref name="directory"/>, in parallel.</summary>
    public static FhirDefinitions Load(string directory, IEnumerable<string> fileNames)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(fileNames);
        var watch = Stopwatch.StartNew();
        var paths = fileNames.Select(name => Path.Combine(directory, name)).ToArray();
        var documents = new JsonDocument[paths.Length];
        // The files parse independently; the big one (profiles-resources, 34 MB) dominates, the others hide behind it.
        Parallel.For(0, paths.Length, i => documents[i] = Parse(paths[i]));
        var loaded = watch.Elapsed;
        return new FhirDefinitions(documents, loaded);
    }

    /// <summary>How long reading and parsing the files took (not counting indexing).</summary>
    public TimeSpan LoadTime { get; }

    public IReadOnlyList<JsonElement> StructureDefinitions => OfType("StructureDefinition");

    public IReadOnlyList<JsonElement> SearchParameters => OfType("SearchParameter");

    public IReadOnlyList<JsonElement> ValueSets => OfType("ValueSet");

    public IReadOnlyList<JsonElement> CodeSystems => OfType("CodeSystem");

    /// <summary>The resource types present (StructureDefinition, ValueSet, OperationDefinition, ...).</summary>
    public IReadOnlyCollection<string> ResourceTypes => _byType.Keys;

    /// <summary>All loaded resources of a resource type, in file order; empty when there are none.</summary>
    public IReadOnlyList<JsonElement> OfType(string resourceType) =>
        _byType.TryGetValue(resourceType, out var list) ? list : [];

    /// <summary>
    /// The resource with this canonical URL (a <c>|version</c> suffix is ignored), whatever its type; when several
    /// resources share a URL, the first loaded wins. Null when unknown.
    /// </summary>
    public JsonElement? FindByUrl(string canonical)
    {
        ArgumentNullException.ThrowIfNull(canonical);
        return _byUrl.TryGetValue(StripVersion(canonical), out var found) ? found : null;
    }

    /// <summary>The resource of this type with this canonical URL (a <c>|version</c> suffix is ignored), or null.</summary>
    public JsonElement? FindByUrl(string resourceType, string canonical)
    {
        ArgumentNullException.ThrowIfNull(resourceType);
        ArgumentNullException.ThrowIfNull(canonical);
        return _byTypeAndUrl.TryGetValue(resourceType, out var byUrl) && byUrl.TryGetValue(StripVersion(canonical), out var found)
            ? found
            : null;
    }

    public JsonElement? FindStructureDefinition(string canonical) => FindByUrl("StructureDefinition", canonical);

    public JsonElement? FindValueSet(string canonical) => FindByUrl("ValueSet", canonical);

    public JsonElement? FindCodeSystem(string canonical) => FindByUrl("CodeSystem", canonical);

    public JsonElement? FindSearchParameter(string canonical) => FindByUrl("SearchParameter", canonical);

    /// <summary>Number of parsed documents kept alive; for diagnostics.</summary>
    internal int DocumentCount => _documents.Length;

    private static JsonDocument Parse(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16, FileOptions.SequentialScan);
        return JsonDocument.Parse(stream);
    }

    private static string StripVersion(string canonical)
    {
        var bar = canonical.IndexOf('|', StringComparison.Ordinal);
        return bar < 0 ? canonical : canonical[..bar];
    }

    private void Index(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object) return;
        if (ResourceTypeOf(root) == "Bundle" && root.TryGetProperty("entry", out var entries) && entries.ValueKind == JsonValueKind.Array)
        {
            foreach (var entry in entries.EnumerateArray())
            {
                if (entry.ValueKind == JsonValueKind.Object && entry.TryGetProperty("resource", out var resource)) Add(resource);
            }
            return;
        }
        Add(root);
    }

    private void Add(JsonElement resource)
    {
        var type = ResourceTypeOf(resource);
        if (type is null) return;
        if (!_byType.TryGetValue(type, out var list)) _byType[type] = list = [];
        list.Add(resource);
        if (resource.TryGetProperty("url", out var urlElement) && urlElement.ValueKind == JsonValueKind.String)
        {
            var url = urlElement.GetString()!;
            _byUrl.TryAdd(url, resource);
            if (!_byTypeAndUrl.TryGetValue(type, out var byUrl)) _byTypeAndUrl[type] = byUrl = new(StringComparer.Ordinal);
            byUrl.TryAdd(url, resource);
        }
    }

    private static string? ResourceTypeOf(JsonElement resource) =>
        resource.ValueKind == JsonValueKind.Object
        && resource.TryGetProperty("resourceType", out var type)
        && type.ValueKind == JsonValueKind.String
            ? type.GetString()
            : null;
}
