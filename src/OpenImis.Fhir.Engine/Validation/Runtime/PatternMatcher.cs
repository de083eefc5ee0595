using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using OpenImis.Fhir.Engine.FhirPath.Values;
using OpenImis.Fhir.Engine.Model;
using OpenImis.Fhir.Engine.Validation.Compilation;

namespace OpenImis.Fhir.Engine.Validation.Runtime;

/// <summary>
/// fixed[x] and pattern[x] (elementdefinition-definitions.html#ElementDefinition.pattern_x_): a pattern is matched
/// when every value it gives is present in the instance (arrays: each pattern item matches some instance item);
/// fixed additionally requires the same number of array items.
/// </summary>
internal static class PatternMatcher
{
    /// <summary>The plan's fixed value (<paramref name="exact"/>) or pattern; a string one is compared as a .NET string.</summary>
    public static bool Matches(ElementNode node, ElementPlan plan, bool exact)
    {
        var text = exact ? plan.FixedText : plan.PatternText;
        if (text is not null) return node.Value is { } value && string.Equals(value as string ?? Text(value), text, StringComparison.Ordinal);
        var expected = exact ? plan.Fixed : plan.Pattern;
        return expected is { } json && Matches(node, json, exact);
    }

    public static bool Matches(ElementNode node, JsonElement expected, bool exact)
    {
        switch (expected.ValueKind)
        {
            case JsonValueKind.String:
                // ValueEquals compares with the JSON text as it is: no string is made for the expected value.
                return node.Value is { } value && expected.ValueEquals(value as string ?? Text(value));
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
            var name = JsonMarshal.GetRawUtf8PropertyName(property);
            // An escaped name (never seen in FHIR definitions) is compared unescaped.
            if (name.IndexOf((byte)'\\') >= 0) name = Encoding.UTF8.GetBytes(property.Name);
            if ((name.Length > 0 && name[0] == (byte)'_') || name.SequenceEqual("resourceType"u8)) continue;
            if (property.Value.ValueKind == JsonValueKind.Array)
            {
                if (exact && CountChildren(node, name) != property.Value.GetArrayLength()) return false;
                foreach (var item in property.Value.EnumerateArray())
                {
                    if (!AnyChildMatches(node, name, item, exact)) return false;
                }
            }
            else if (!AnyChildMatches(node, name, property.Value, exact))
            {
                return false;
            }
        }
        return true;
    }

    // The children a pattern property names. Pattern JSON names choices with their type (valueQuantity); the tree
    // names them value with TypeName Quantity.
    private static bool AnyChildMatches(ElementNode node, ReadOnlySpan<byte> jsonName, JsonElement expected, bool exact)
    {
        var named = false;
        foreach (var child in node.ChildSpan)
        {
            if (!IsNamed(child, jsonName)) continue;
            named = true;
            if (Matches(child, expected, exact)) return true;
        }
        if (named) return false;
        foreach (var child in node.ChildSpan)
        {
            if (IsChoiceNamed(child, jsonName) && Matches(child, expected, exact)) return true;
        }
        return false;
    }

    private static int CountChildren(ElementNode node, ReadOnlySpan<byte> jsonName)
    {
        var named = 0;
        var choices = 0;
        foreach (var child in node.ChildSpan)
        {
            if (IsNamed(child, jsonName)) named++;
            else if (IsChoiceNamed(child, jsonName)) choices++;
        }
        return named > 0 ? named : choices;
    }

    // Element and type names are ASCII (FHIR names), so bytes and chars compare one to one.
    private static bool IsNamed(ElementNode child, ReadOnlySpan<byte> jsonName) => AsciiEquals(child.Name, jsonName);

    // valueQuantity names the child value of type Quantity: the name, then the type with its first letter capitalised.
    private static bool IsChoiceNamed(ElementNode child, ReadOnlySpan<byte> jsonName)
    {
        var name = child.Name;
        var type = child.TypeName;
        if (type.Length == 0 || jsonName.Length != name.Length + type.Length) return false;
        if (!AsciiEquals(name, jsonName[..name.Length])) return false;
        return jsonName[name.Length] == char.ToUpperInvariant(type[0]) && AsciiEquals(type.AsSpan(1), jsonName[(name.Length + 1)..]);
    }

    private static bool AsciiEquals(ReadOnlySpan<char> text, ReadOnlySpan<byte> utf8)
    {
        if (text.Length != utf8.Length) return false;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != utf8[i]) return false;
        }
        return true;
    }

    public static string Text(object value) => value switch
    {
        string s => s,
        PartialDateTime p => p.ToFhirString(),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
