using System.Text.Json;
using OpenImis.Fhir.Engine.Definitions;

namespace OpenImis.Fhir.Benchmarks.FhirPath;

/// <summary>
/// Every distinct FHIRPath expression of the loaded definitions: SearchParameter expressions and the constraints of
/// every StructureDefinition snapshot. Shared by the start-up benchmark and the robustness test (linked there).
/// </summary>
internal static class R4Expressions
{
    public static IReadOnlyList<string> Distinct(FhirDefinitions definitions)
    {
        var expressions = new HashSet<string>(StringComparer.Ordinal);
        foreach (var parameter in definitions.SearchParameters)
        {
            if (parameter.TryGetProperty("expression", out var e) && e.ValueKind == JsonValueKind.String) expressions.Add(e.GetString()!);
        }
        foreach (var definition in definitions.StructureDefinitions)
        {
            if (!definition.TryGetProperty("snapshot", out var snapshot)) continue;
            foreach (var element in snapshot.GetProperty("element").EnumerateArray())
            {
                if (!element.TryGetProperty("constraint", out var constraints)) continue;
                foreach (var constraint in constraints.EnumerateArray())
                {
                    if (constraint.TryGetProperty("expression", out var e) && e.ValueKind == JsonValueKind.String) expressions.Add(e.GetString()!);
                }
            }
        }
        return [.. expressions];
    }
}
