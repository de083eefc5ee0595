using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OpenImis.Fhir.Application.Patch;

/// <summary>
/// JSON value equality as the JSON Patch <c>test</c> operation defines it (RFC 6902 section 4.6): numbers by numeric
/// value (<c>1</c> equals <c>1.0</c>), strings by code points, objects by members regardless of order, arrays item by item.
/// </summary>
internal static class JsonEquality
{
    public static bool AreEqual(JsonNode? left, JsonNode? right)
    {
        var kind = KindOf(left);
        if (kind != KindOf(right)) return false;
        switch (kind)
        {
            case JsonValueKind.Null:
            case JsonValueKind.True:
            case JsonValueKind.False:
                return true;
            case JsonValueKind.String:
                return string.Equals(left!.GetValue<string>(), right!.GetValue<string>(), StringComparison.Ordinal);
            case JsonValueKind.Number:
                return NumbersEqual(left!.ToJsonString(), right!.ToJsonString());
            case JsonValueKind.Array:
                var leftArray = left!.AsArray();
                var rightArray = right!.AsArray();
                if (leftArray.Count != rightArray.Count) return false;
                for (var i = 0; i < leftArray.Count; i++)
                {
                    if (!AreEqual(leftArray[i], rightArray[i])) return false;
                }
                return true;
            default:
                var leftObject = left!.AsObject();
                var rightObject = right!.AsObject();
                if (leftObject.Count != rightObject.Count) return false;
                foreach (var (name, value) in leftObject)
                {
                    if (!rightObject.TryGetPropertyValue(name, out var other) || !AreEqual(value, other)) return false;
                }
                return true;
        }
    }

    private static JsonValueKind KindOf(JsonNode? node) => node is null ? JsonValueKind.Null : node.GetValueKind();

    // Compared as decimals (exact for what JSON usually carries), as doubles beyond decimal's range.
    private static bool NumbersEqual(string left, string right)
    {
        if (decimal.TryParse(left, NumberStyles.Float, CultureInfo.InvariantCulture, out var l)
            && decimal.TryParse(right, NumberStyles.Float, CultureInfo.InvariantCulture, out var r))
        {
            return l == r;
        }
        return double.Parse(left, NumberStyles.Float, CultureInfo.InvariantCulture) == double.Parse(right, NumberStyles.Float, CultureInfo.InvariantCulture);
    }
}
