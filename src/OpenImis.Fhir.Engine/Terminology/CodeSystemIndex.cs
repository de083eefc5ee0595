using System.Text.Json;

namespace OpenImis.Fhir.Engine.Terminology;

/// <summary>
/// The concepts of one held CodeSystem, indexed by code with the system's case sensitivity, and their hierarchy.
/// Built on first use of the system and then read-only.
/// </summary>
internal sealed class CodeSystemIndex
{
    private readonly Dictionary<string, CodeSystemConcept> _byCode;

    private CodeSystemIndex(string url, string? version, string content, bool caseSensitive, List<CodeSystemConcept> concepts, Dictionary<string, CodeSystemConcept> byCode)
    {
        Url = url;
        Version = version;
        Content = content;
        CaseSensitive = caseSensitive;
        Concepts = concepts;
        _byCode = byCode;
    }

    public string Url { get; }

    public string? Version { get; }

    /// <summary>CodeSystem.content: complete, fragment, example, not-present (supplements are never indexed).</summary>
    public string Content { get; }

    /// <summary>
    /// Only a <c>complete</c> code system says a code it does not list does not exist
    /// (http://hl7.org/fhir/R4/codesystem-definitions.html#CodeSystem.content).
    /// </summary>
    public bool IsComplete => Content == "complete";

    public bool CaseSensitive { get; }

    public StringComparer Comparer => CaseSensitive ? StringComparer.Ordinal : StringComparer.OrdinalIgnoreCase;

    /// <summary>All concepts, nested ones included, in document order (depth first).</summary>
    public IReadOnlyList<CodeSystemConcept> Concepts { get; }

    public CodeSystemConcept? Find(string code) => _byCode.GetValueOrDefault(code);

    /// <summary>Indexes a CodeSystem resource; null for a supplement, which defines no codes of its own.</summary>
    public static CodeSystemIndex? Build(JsonElement codeSystem)
    {
        var url = JsonRead.String(codeSystem, "url");
        var content = JsonRead.String(codeSystem, "content") ?? "complete";
        if (url is null || content == "supplement") return null;
        // R4 gives caseSensitive no default; absent is taken as case-sensitive, the stricter reading for validation.
        var caseSensitive = JsonRead.Boolean(codeSystem, "caseSensitive") ?? true;
        var byCode = new Dictionary<string, CodeSystemConcept>(caseSensitive ? StringComparer.Ordinal : StringComparer.OrdinalIgnoreCase);
        var concepts = new List<CodeSystemConcept>();
        if (JsonRead.TryArray(codeSystem, "concept", out var top)) AddConcepts(top, parent: null, concepts, byCode);
        LinkPropertyHierarchy(concepts, byCode);
        return new CodeSystemIndex(url, JsonRead.String(codeSystem, "version"), content, caseSensitive, concepts, byCode);
    }

    private static void AddConcepts(JsonElement array, CodeSystemConcept? parent, List<CodeSystemConcept> concepts, Dictionary<string, CodeSystemConcept> byCode)
    {
        foreach (var element in array.EnumerateArray())
        {
            var code = JsonRead.String(element, "code");
            if (code is null) continue;
            if (!byCode.TryGetValue(code, out var concept))
            {
                concept = new CodeSystemConcept(code, JsonRead.String(element, "display"), element);
                byCode.Add(code, concept);
                concepts.Add(concept);
            }
            parent?.LinkChild(concept);
            if (JsonRead.TryArray(element, "concept", out var nested)) AddConcepts(nested, concept, concepts, byCode);
        }
    }

    // Hierarchy by property: parent/subsumedBy name a concept's parents, child its children
    // (http://hl7.org/fhir/R4/codesystem-concept-properties.html); v3 code systems use child.
    private static void LinkPropertyHierarchy(List<CodeSystemConcept> concepts, Dictionary<string, CodeSystemConcept> byCode)
    {
        foreach (var concept in concepts)
        {
            if (!JsonRead.TryArray(concept.Source, "property", out var properties)) continue;
            foreach (var property in properties.EnumerateArray())
            {
                var name = JsonRead.String(property, "code");
                if (name is not ("parent" or "subsumedBy" or "child")) continue;
                var value = JsonRead.String(property, "valueCode");
                if (value is null || !byCode.TryGetValue(value, out var other)) continue;
                if (name == "child") concept.LinkChild(other);
                else other.LinkChild(concept);
            }
        }
    }
}
