using System.Text.Json;
using System.Text.RegularExpressions;

namespace OpenImis.Fhir.Engine.Terminology;

/// <summary>
/// Evaluates one ValueSet.compose.include.filter on a held, complete CodeSystem
/// (http://hl7.org/fhir/R4/valueset.html#compositions, operators: http://hl7.org/fhir/R4/valueset-filter-operator.html).
/// Returns the selected concepts, or null when the filter is one we cannot evaluate (the caller answers Unknown).
/// </summary>
internal static class ConceptFilter
{
    private static readonly TimeSpan RegexTimeout = TimeSpan.FromSeconds(1);

    public static HashSet<CodeSystemConcept>? Apply(CodeSystemIndex codeSystem, string property, string op, string value)
    {
        var isConcept = property is "concept" or "code";
        switch (op)
        {
            case "is-a" when isConcept:
                return Descendants(codeSystem.Find(value), includeSelf: true);
            case "descendent-of" when isConcept:
                return Descendants(codeSystem.Find(value), includeSelf: false);
            case "is-not-a" when isConcept:
            {
                var excluded = Descendants(codeSystem.Find(value), includeSelf: true);
                var result = new HashSet<CodeSystemConcept>();
                foreach (var concept in codeSystem.Concepts)
                {
                    if (!excluded.Contains(concept)) result.Add(concept);
                }
                return result;
            }
            case "generalizes" when isConcept:
                return Ancestors(codeSystem.Find(value));
            case "in" or "not-in" when isConcept:
            {
                var listed = new HashSet<CodeSystemConcept>();
                foreach (var code in value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                {
                    if (codeSystem.Find(code) is { } found) listed.Add(found);
                }
                if (op == "in") return listed;
                var rest = new HashSet<CodeSystemConcept>();
                foreach (var concept in codeSystem.Concepts)
                {
                    if (!listed.Contains(concept)) rest.Add(concept);
                }
                return rest;
            }
            case "=":
                return Where(codeSystem, concept => PropertyEquals(codeSystem, concept, property, value));
            case "exists":
            {
                var wanted = value == "true";
                return Where(codeSystem, concept => HasProperty(concept, property) == wanted);
            }
            case "regex" when property is "code" or "display":
            {
                // The value is the whole pattern the property must match (valueset-filter-operator: regex).
                var regex = new Regex("^(?:" + value + ")$", RegexOptions.CultureInvariant, RegexTimeout);
                return Where(codeSystem, concept => (property == "code" ? concept.Code : concept.Display) is { } text && regex.IsMatch(text));
            }
            default:
                return null;
        }
    }

    private static HashSet<CodeSystemConcept> Where(CodeSystemIndex codeSystem, Func<CodeSystemConcept, bool> predicate)
    {
        var result = new HashSet<CodeSystemConcept>();
        foreach (var concept in codeSystem.Concepts)
        {
            if (predicate(concept)) result.Add(concept);
        }
        return result;
    }

    private static HashSet<CodeSystemConcept> Descendants(CodeSystemConcept? root, bool includeSelf)
    {
        var result = new HashSet<CodeSystemConcept>();
        if (root is null) return result;
        var pending = new Stack<CodeSystemConcept>();
        pending.Push(root);
        // The visited set doubles as the result, so a cycle in parent/child properties ends the walk.
        var visited = new HashSet<CodeSystemConcept> { root };
        while (pending.Count > 0)
        {
            var concept = pending.Pop();
            if (concept.Children is null) continue;
            foreach (var child in concept.Children)
            {
                if (visited.Add(child)) pending.Push(child);
            }
        }
        foreach (var concept in visited)
        {
            if (includeSelf || !ReferenceEquals(concept, root)) result.Add(concept);
        }
        return result;
    }

    private static HashSet<CodeSystemConcept> Ancestors(CodeSystemConcept? root)
    {
        var visited = new HashSet<CodeSystemConcept>();
        if (root is null) return visited;
        var pending = new Stack<CodeSystemConcept>();
        visited.Add(root);
        pending.Push(root);
        while (pending.Count > 0)
        {
            var concept = pending.Pop();
            if (concept.Parents is null) continue;
            foreach (var parent in concept.Parents)
            {
                if (visited.Add(parent)) pending.Push(parent);
            }
        }
        return visited;
    }

    private static bool PropertyEquals(CodeSystemIndex codeSystem, CodeSystemConcept concept, string property, string value)
    {
        switch (property)
        {
            case "concept" or "code":
                return codeSystem.Comparer.Equals(concept.Code, value);
            case "display":
                return string.Equals(concept.Display, value, StringComparison.Ordinal);
            case "parent" when IsLinked(codeSystem, concept.Parents, value):
                return true;
            case "child" when IsLinked(codeSystem, concept.Children, value):
                return true;
        }
        if (!JsonRead.TryArray(concept.Source, "property", out var properties)) return false;
        foreach (var entry in properties.EnumerateArray())
        {
            if (JsonRead.String(entry, "code") == property && PropertyValueText(entry) == value) return true;
        }
        return false;
    }

    // parent = X also holds through nesting, which carries no explicit parent property.
    private static bool IsLinked(CodeSystemIndex codeSystem, List<CodeSystemConcept>? linked, string code)
    {
        if (linked is null) return false;
        foreach (var other in linked)
        {
            if (codeSystem.Comparer.Equals(other.Code, code)) return true;
        }
        return false;
    }

    private static bool HasProperty(CodeSystemConcept concept, string property)
    {
        if (!JsonRead.TryArray(concept.Source, "property", out var properties)) return false;
        foreach (var entry in properties.EnumerateArray())
        {
            if (JsonRead.String(entry, "code") == property) return true;
        }
        return false;
    }

    private static string? PropertyValueText(JsonElement entry)
    {
        foreach (var member in entry.EnumerateObject())
        {
            if (!member.Name.StartsWith("value", StringComparison.Ordinal)) continue;
            return member.Value.ValueKind switch
            {
                JsonValueKind.String => member.Value.GetString(),
                JsonValueKind.True => "true",
                JsonValueKind.False => "false",
                JsonValueKind.Number => member.Value.GetRawText(),
                JsonValueKind.Object => JsonRead.String(member.Value, "code"), // valueCoding
                _ => null,
            };
        }
        return null;
    }
}
