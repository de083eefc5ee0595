using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OpenImis.Fhir.Engine.Tests.Conformance;

/// <summary>
/// JSON equality for round-trip checks: objects ignore property order, arrays keep it, numbers compare by decimal
/// value (<c>1.0</c> = <c>1</c>), strings exactly. Returns the JSON path of the first difference.
/// </summary>
internal static class JsonSemantics
{
    public static string? FirstDifference(JsonNode? expected, JsonNode? actual, string path = "$")
    {
        switch (expected)
        {
            case null:
                return actual is null ? null : $"{path}: expected null, got {actual.ToJsonString()}";
            case JsonObject expectedObject:
                if (actual is not JsonObject actualObject) return $"{path}: expected an object, got {Show(actual)}";
                foreach (var (name, value) in expectedObject)
                {
                    if (!actualObject.TryGetPropertyValue(name, out var other)) return $"{path}.{name}: missing";
                    var difference = FirstDifference(value, other, $"{path}.{name}");
                    if (difference is not null) return difference;
                }
                foreach (var (name, _) in actualObject)
                {
                    if (!expectedObject.ContainsKey(name)) return $"{path}.{name}: unexpected property";
                }
                return null;
            case JsonArray expectedArray:
                if (actual is not JsonArray actualArray) return $"{path}: expected an array, got {Show(actual)}";
                if (expectedArray.Count != actualArray.Count) return $"{path}: expected {expectedArray.Count} items, got {actualArray.Count}";
                for (var i = 0; i < expectedArray.Count; i++)
                {
                    var difference = FirstDifference(expectedArray[i], actualArray[i], $"{path}[{i}]");
                    if (difference is not null) return difference;
                }
                return null;
            default:
                if (actual is not JsonValue actualValue) return $"{path}: expected {expected.ToJsonString()}, got {Show(actual)}";
                var expectedValue = expected.AsValue();
                if (expectedValue.GetValueKind() == JsonValueKind.Number && actualValue.GetValueKind() == JsonValueKind.Number)
                {
                    return Equals(NumberText(expectedValue), NumberText(actualValue))
                        ? null
                        : $"{path}: expected {expected.ToJsonString()}, got {actual.ToJsonString()}";
                }
                return JsonNode.DeepEquals(expected, actual) ? null : $"{path}: expected {expected.ToJsonString()}, got {actual.ToJsonString()}";
        }
    }

    private static string Show(JsonNode? node) => node?.ToJsonString() ?? "null";

    private static object NumberText(JsonValue value)
    {
        var raw = value.ToJsonString();
        return decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : raw;
    }
}
