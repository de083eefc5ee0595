using System.Text.Json;

namespace OpenImis.Fhir.Engine.Search;

/// <summary>
/// A SearchParameter resource, as much of it as search uses: code, type, the resource types it applies to, its
/// FHIRPath expression, reference targets and composite components.
/// </summary>
public sealed record SearchParameterDefinition(
    string Url,
    string Code,
    SearchParameterType Type,
    IReadOnlyList<string> Base,
    string? Expression,
    IReadOnlyList<string> Target,
    IReadOnlyList<SearchParameterComponent> Components)
{
    public static SearchParameterDefinition FromJson(JsonElement resource)
    {
        var type = Enum.Parse<SearchParameterType>(Text(resource, "type") ?? "special", ignoreCase: true);
        var components = new List<SearchParameterComponent>();
        if (resource.TryGetProperty("component", out var parts) && parts.ValueKind == JsonValueKind.Array)
        {
            foreach (var part in parts.EnumerateArray())
            {
                components.Add(new SearchParameterComponent(Text(part, "definition") ?? "", Text(part, "expression") ?? ""));
            }
        }
        return new SearchParameterDefinition(
            Text(resource, "url") ?? "",
            Text(resource, "code") ?? "",
            type,
            Texts(resource, "base"),
            Text(resource, "expression"),
            Texts(resource, "target"),
            components);
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static List<string> Texts(JsonElement element, string name)
    {
        var result = new List<string>();
        if (element.TryGetProperty(name, out var values) && values.ValueKind == JsonValueKind.Array)
        {
            foreach (var value in values.EnumerateArray())
            {
                if (value.ValueKind == JsonValueKind.String) result.Add(value.GetString()!);
            }
        }
        return result;
    }
}
