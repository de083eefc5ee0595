using System.Globalization;
using System.Text.Json;
using OpenImis.Fhir.Engine.FhirPath.Values;
using OpenImis.Fhir.Engine.Model;

namespace OpenImis.Fhir.Engine.Validation.Runtime;

/// <summary>
/// fixed[x] and pattern[x] (elementdefinition-definitions.html#ElementDefinition.pattern_x_): a pattern is matched
/// when every value it gives is present in the instance (arrays: each pattern item matches some instance item);
/// fixed additionally requires the same number of array items.
/// </summary>
internal static class PatternMatcher
{
    public static bool Matches(ElementNode node, JsonElement expected, bool exact)
    {
        switch (expected.ValueKind)
        {
            case JsonValueKind.String:
                return node.Value is { } value && string.Equals(Text(value), expected.GetString(), StringComparison.Ordinal);
            case JsonValueKind.Number:
                return expected.TryGetDecimal(out var number) && node.Value switch
                {
                    long l => l == number,
                    decimal d => d == number,
                    _ => false,
                };
            case JsonValueKind.True:
            case JsonValueKind.False:
                return node.Value is bool b && b == (expected.ValueKind == JsonValueKind.True);
            case JsonValueKind.Object:
                return MatchesObject(node, expected, exact);
            default:
                return false;
        }
    }

    private static bool MatchesObject(ElementNode node, JsonElement expected, bool exact)
    {
        foreach (var property in expected.EnumerateObject())
        {
            if (property.Name.StartsWith('_') || property.Name == "resourceType") continue;
            var children = ChildrenFor(node, property.Name);
            if (property.Value.ValueKind == JsonValueKind.Array)
            {
                if (exact && children.Count != property.Value.GetArrayLength()) return false;
                foreach (var item in property.Value.EnumerateArray())
                {
                    if (!AnyMatches(children, item, exact)) return false;
                }
            }
            else if (!AnyMatches(children, property.Value, exact))
            {
                return false;
            }
        }
        return true;
    }

    private static bool AnyMatches(List<ElementNode> children, JsonElement expected, bool exact)
    {
        foreach (var child in children)
        {
            if (Matches(child, expected, exact)) return true;
        }
        return false;
    }

    // Pattern JSON names choices with their type (valueQuantity); the tree names them value with TypeName Quantity.
    private static List<ElementNode> ChildrenFor(ElementNode node, string jsonName)
    {
        var result = new List<ElementNode>();
        foreach (var item in node.Children(jsonName)) result.Add((ElementNode)item);
        if (result.Count > 0) return result;
        foreach (var item in node.AllChildren())
        {
            var child = (ElementNode)item;
            if (jsonName.Length > child.Name.Length
                && jsonName.StartsWith(child.Name, StringComparison.Ordinal)
                && string.Equals(jsonName[child.Name.Length..], Capitalized(child.TypeName), StringComparison.Ordinal))
            {
                result.Add(child);
            }
        }
        return result;
    }

    private static string Capitalized(string type) => type.Length == 0 ? type : char.ToUpperInvariant(type[0]) + type[1..];

    public static string Text(object value) => value switch
    {
        string s => s,
        PartialDateTime p => p.ToFhirString(),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
