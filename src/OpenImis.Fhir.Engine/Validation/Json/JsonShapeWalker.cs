using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using OpenImis.Fhir.Engine.Model;
using OpenImis.Fhir.Engine.Validation.Primitives;

namespace OpenImis.Fhir.Engine.Validation.Json;

/// <summary>
/// Walks the JSON of one resource once, resolving each property against the model as the reader does
/// (<see cref="TypeDefinition.FindJsonProperty"/>), and reports what http://hl7.org/fhir/R4/json.html forbids.
/// One instance per check; not thread-safe.
/// </summary>
internal sealed class JsonShapeWalker(FhirModel model, List<ValidationIssue> issues)
{
    // Property names copied on the stack (to look up the _name sibling); longer or escaped names fall back to a string.
    private const int MaxStackNameLength = 128;
    private const int MaxQuotedLength = 80;

    private readonly LocationPath _path = new();

    public void CheckRoot(JsonElement resource)
    {
        if (resource.ValueKind != JsonValueKind.Object)
        {
            _path.Push("Resource", -1);
            Report(IssueSeverity.Fatal, IssueTypes.Structure, ShapeRules.ResourceType,
                $"A FHIR resource is a JSON object, not {KindName(resource.ValueKind)}.");
            _path.Pop();
            return;
        }
        CheckResource(resource, declared: null, isRoot: true);
    }

    /// <summary>A resource: the root, a contained resource, Bundle.entry.resource, Parameters.parameter.resource, ...</summary>
    private void CheckResource(JsonElement resource, TypeDefinition? declared, bool isRoot)
    {
        var severity = isRoot ? IssueSeverity.Fatal : IssueSeverity.Error;
        if (!resource.TryGetProperty("resourceType"u8, out var typeElement) || typeElement.ValueKind != JsonValueKind.String)
        {
            if (isRoot) _path.Push("Resource", -1);
            Report(severity, IssueTypes.Structure, ShapeRules.ResourceType,
                "A resource needs a string 'resourceType' naming its type (json.html#resources).");
            if (isRoot) _path.Pop();
            return;
        }
        var typeName = typeElement.GetString()!;
        var type = model.FindType(typeName);
        if (type is null || type.Kind != TypeKind.Resource || type.IsAbstract || (declared is not null && !type.IsA(declared)))
        {
            if (isRoot) _path.Push(typeName.Length == 0 ? "Resource" : typeName, -1);
            var why = type is { Kind: TypeKind.Resource, IsAbstract: true } ? "an abstract type" : "not a known R4 resource type";
            if (type is { Kind: TypeKind.Resource, IsAbstract: false }) why = $"not a {declared!.Name}";
            Report(severity, IssueTypes.Structure, ShapeRules.ResourceType, $"resourceType '{Quote(typeName)}' is {why}.");
            if (isRoot) _path.Pop();
            return;
        }
        if (isRoot) _path.Push(type.Name, -1);
        CheckObject(resource, type, isResource: true);
        if (isRoot) _path.Pop();
    }

    /// <summary>The properties of an object of a complex, backbone or resource type, or of a primitive's <c>_name</c> object.</summary>
    private void CheckObject(JsonElement obj, TypeDefinition type, bool isResource)
    {
        // json.html: "objects are never empty"; a resource has at least its resourceType, so it is never {}.
        if (obj.GetPropertyCount() == 0)
        {
            Report(IssueSeverity.Error, IssueTypes.Structure, ShapeRules.EmptyObject,
                $"{CurrentName()}: an empty object {{}} is not allowed; leave the element out instead.");
            return;
        }
        foreach (var property in obj.EnumerateObject())
        {
            var raw = JsonMarshal.GetRawUtf8PropertyName(property);
            if (raw.SequenceEqual("resourceType"u8))
            {
                if (!isResource) ReportUnknown(property.Name, type, "only allowed at the root of a resource, not inside an element.");
                continue;
            }
            var isUnderscore = raw.Length > 1 && raw[0] == (byte)'_';
            var baseName = isUnderscore ? raw[1..] : raw;
            JsonPropertyBinding? binding;
            if (baseName.IndexOf((byte)'\\') < 0)
            {
                binding = type.FindJsonProperty(baseName);
            }
            else
            {
                var name = property.Name;
                binding = type.FindJsonProperty(isUnderscore ? name.AsSpan(1) : name.AsSpan());
            }
            if (binding is null)
            {
                ReportUnknown(property.Name, type, null);
                continue;
            }
            if (isUnderscore) CheckPrimitiveExtras(obj, binding, property.Value, property.Name);
            else CheckProperty(obj, binding, property.Value, raw);
        }
    }

    /// <summary>A property holding element values: single or array per the element's max, each value checked by its type.</summary>
    private void CheckProperty(JsonElement obj, JsonPropertyBinding binding, JsonElement value, ReadOnlySpan<byte> rawName)
    {
        var child = binding.Child;
        var type = binding.Type.Type;
        var name = child.Name;
        if (!child.IsArray)
        {
            _path.Push(name, -1);
            if (value.ValueKind == JsonValueKind.Array)
            {
                Report(IssueSeverity.Error, IssueTypes.Structure, ShapeRules.SingleExpected,
                    $"{name}: can occur at most once, so it is a single value, not an array.");
            }
            else CheckValue(type, value);
            _path.Pop();
            return;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            _path.Push(name, -1);
            Report(IssueSeverity.Error, IssueTypes.Structure, ShapeRules.ArrayExpected,
                $"{name}: can repeat, so it is always a JSON array, even for one value (json.html#arrays).");
            CheckValue(type, value);
            _path.Pop();
            return;
        }
        var count = value.GetArrayLength();
        if (count == 0)
        {
            ReportAtChild(name, IssueTypes.Structure, ShapeRules.EmptyArray,
                $"{name}: an empty array [] is not allowed; leave the element out instead.");
            return;
        }

        // A primitive array may hold null where its _name array holds the id/extensions of that position (json.html#primitive).
        var extras = default(JsonElement);
        var extrasCount = -1;
        if (type.Kind == TypeKind.Primitive && TryGetSibling(obj, rawName, underscore: true, name, out var sibling)
            && sibling.ValueKind == JsonValueKind.Array)
        {
            extras = sibling;
            extrasCount = sibling.GetArrayLength();
            if (extrasCount != count)
            {
                ReportAtChild(name, IssueTypes.Structure, ShapeRules.ArrayLengthMismatch,
                    $"{name}: has {count} values but _{name} has {extrasCount} entries; the two arrays must align position by position.");
            }
        }
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            _path.Push(name, index);
            if (item.ValueKind == JsonValueKind.Null)
            {
                var covered = index < extrasCount && extras[index].ValueKind == JsonValueKind.Object;
                if (!covered)
                {
                    Report(IssueSeverity.Error, IssueTypes.Structure, ShapeRules.Null,
                        type.Kind == TypeKind.Primitive
                            ? $"{name}: null is only allowed in a primitive array where _{name} has an entry at the same position."
                            : $"{name}: null is not allowed in FHIR JSON.");
                }
            }
            else CheckValue(type, item);
            _path.Pop();
            index++;
        }
    }

    /// <summary>A <c>_name</c> property: the id and extensions of a primitive element (or of each entry of a primitive array).</summary>
    private void CheckPrimitiveExtras(JsonElement obj, JsonPropertyBinding binding, JsonElement value, string jsonName)
    {
        var child = binding.Child;
        var type = binding.Type.Type;
        var name = child.Name;
        if (type.Kind != TypeKind.Primitive)
        {
            _path.Push(jsonName, -1);
            Report(IssueSeverity.Error, IssueTypes.Structure, ShapeRules.UnknownProperty,
                $"{jsonName}: a '_' property is only allowed for primitive elements; {name} is a {binding.Type.Code}, which holds its id and extensions itself.");
            _path.Pop();
            return;
        }
        if (!child.IsArray || value.ValueKind != JsonValueKind.Array)
        {
            _path.Push(name, -1);
            if (value.ValueKind == JsonValueKind.Array)
            {
                Report(IssueSeverity.Error, IssueTypes.Structure, ShapeRules.SingleExpected,
                    $"{jsonName}: {name} can occur at most once, so {jsonName} is a single object, not an array.");
            }
            else
            {
                if (child.IsArray)
                {
                    Report(IssueSeverity.Error, IssueTypes.Structure, ShapeRules.ArrayExpected,
                        $"{jsonName}: {name} can repeat, so {jsonName} is an array aligned with it (json.html#primitive).");
                }
                CheckExtrasObject(type, value, jsonName, allowNull: false);
            }
            _path.Pop();
            return;
        }

        var count = value.GetArrayLength();
        if (count == 0)
        {
            ReportAtChild(name, IssueTypes.Structure, ShapeRules.EmptyArray,
                $"{jsonName}: an empty array [] is not allowed; leave it out instead.");
            return;
        }
        // Nulls and the length are judged from the value array when there is one (so each problem is reported once).
        var hasValueArray = TryGetSibling(obj, default, underscore: false, name, out var values) && values.ValueKind == JsonValueKind.Array;
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            _path.Push(name, index);
            CheckExtrasObject(type, item, jsonName, allowNull: hasValueArray);
            _path.Pop();
            index++;
        }
    }

    private void CheckExtrasObject(TypeDefinition primitive, JsonElement value, string jsonName, bool allowNull)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                CheckObject(value, primitive, isResource: false);
                break;
            case JsonValueKind.Null:
                if (!allowNull)
                {
                    Report(IssueSeverity.Error, IssueTypes.Structure, ShapeRules.Null,
                        $"{jsonName}: null is only allowed in a _ array where the value array has a value at the same position.");
                }
                break;
            default:
                Report(IssueSeverity.Error, IssueTypes.Structure, ShapeRules.Kind,
                    $"{jsonName}: holds a primitive's id and extensions, so it is a JSON object, not {KindName(value.ValueKind)}.");
                break;
        }
    }

    /// <summary>One (non-array) value of an element: a primitive, a resource, or an object of a complex/backbone type.</summary>
    private void CheckValue(TypeDefinition type, JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            Report(IssueSeverity.Error, IssueTypes.Structure, ShapeRules.Null,
                $"{CurrentName()}: null is not allowed; leave the element out instead.");
            return;
        }
        switch (type.Kind)
        {
            case TypeKind.Primitive:
                CheckPrimitive(type, value);
                return;
            case TypeKind.Resource:
                if (value.ValueKind != JsonValueKind.Object)
                {
                    Report(IssueSeverity.Error, IssueTypes.Structure, ShapeRules.Kind,
                        $"{CurrentName()}: holds a resource, a JSON object, not {KindName(value.ValueKind)}.");
                    return;
                }
                CheckResource(value, declared: type, isRoot: false);
                return;
            default:
                if (value.ValueKind != JsonValueKind.Object)
                {
                    Report(IssueSeverity.Error, IssueTypes.Structure, ShapeRules.Kind,
                        $"{CurrentName()}: is a {TypeLabel(type)}, so it is a JSON object, not {KindName(value.ValueKind)}.");
                    return;
                }
                CheckObject(value, type, isResource: false);
                return;
        }
    }

    private void CheckPrimitive(TypeDefinition type, JsonElement value)
    {
        var rule = PrimitiveRule.For(type.Name);
        var kind = value.ValueKind;
        switch (rule.JsonKind)
        {
            case PrimitiveJsonKind.Boolean:
                if (kind is not (JsonValueKind.True or JsonValueKind.False)) ReportKind(type, value, "true or false");
                return;
            case PrimitiveJsonKind.Decimal:
                // The R4 decimal regex is the JSON number grammar, so any JSON number is a decimal, within our range.
                if (kind != JsonValueKind.Number)
                {
                    ReportKind(type, value, "a JSON number");
                    return;
                }
                var number = JsonMarshal.GetRawUtf8Value(value);
                if (DecimalRange.Check(number) is { } outside) ReportFormat(type, Encoding.UTF8.GetString(number), outside, isRange: true);
                return;
            case PrimitiveJsonKind.Integer or PrimitiveJsonKind.PositiveInt or PrimitiveJsonKind.UnsignedInt:
                if (kind != JsonValueKind.Number)
                {
                    ReportKind(type, value, "a JSON number");
                    return;
                }
                var raw = JsonMarshal.GetRawUtf8Value(value);
                var reason = IntegerFormat.Check(raw, rule.JsonKind, out var isRange);
                if (reason is not null) ReportFormat(type, Encoding.UTF8.GetString(raw), reason, isRange);
                return;
        }

        if (kind != JsonValueKind.String)
        {
            ReportKind(type, value, "a JSON string");
            return;
        }
        var text = JsonMarshal.GetRawUtf8Value(value);
        text = text[1..^1]; // the raw value keeps its quotes
        if (text.Length == 0)
        {
            // json.html: "string property values can never be empty"; whitespace-only strings are allowed (SHOULD only).
            Report(IssueSeverity.Error, IssueTypes.Structure, ShapeRules.EmptyString,
                $"{CurrentName()}: an empty string \"\" is not allowed; leave the element out instead.");
            return;
        }
        var escaped = text.IndexOf((byte)'\\') >= 0;
        if (escaped && JsonEscapes.HasNul(text))
        {
            Report(IssueSeverity.Error, IssueTypes.Value, ShapeRules.NulCharacter,
                $"{CurrentName()}: holds the character U+0000 (NUL), which FHIR strings should not contain (datatypes.html#string) and which FHIR XML cannot represent.");
            return;
        }
        if (rule.Format == PrimitiveFormat.None) return;
        byte[]? unescaped = null;
        if (escaped)
        {
            // Escapes are rare in FHIR data: unescape through a string rather than re-implement JSON unescaping.
            unescaped = Encoding.UTF8.GetBytes(value.GetString()!);
            text = unescaped;
        }
        if (rule.Format == PrimitiveFormat.String)
        {
            // Characters are never more than UTF-8 bytes, so only a long text needs counting.
            if (text.Length > TextFormat.MaxStringLength)
            {
                var length = value.GetString()!.Length;
                if (length > TextFormat.MaxStringLength)
                {
                    Report(IssueSeverity.Error, IssueTypes.Value, ShapeRules.PrimitiveRange,
                        $"{CurrentName()}: is {length} characters long; a string SHALL NOT exceed 1,048,576 characters (datatypes.html#string).");
                }
            }
            return;
        }
        var problem = PrimitiveFormatChecker.Check(rule.Format, text);
        if (problem is not null) ReportFormat(type, Encoding.UTF8.GetString(text), problem, isRange: false);
    }

    private bool TryGetSibling(JsonElement obj, ReadOnlySpan<byte> rawName, bool underscore, string name, out JsonElement sibling)
    {
        if (!underscore) return obj.TryGetProperty(name, out sibling);
        Span<byte> buffer = stackalloc byte[MaxStackNameLength + 1];
        if (rawName.Length > MaxStackNameLength || rawName.IndexOf((byte)'\\') >= 0) return obj.TryGetProperty("_" + name, out sibling);
        buffer[0] = (byte)'_';
        rawName.CopyTo(buffer[1..]);
        return obj.TryGetProperty(buffer[..(rawName.Length + 1)], out sibling);
    }

    private void ReportUnknown(string jsonName, TypeDefinition type, string? why)
    {
        _path.Push(jsonName, -1);
        var message = why ?? $"not an element of {TypeLabel(type)}{ChoiceHint(jsonName, type)}.";
        Report(IssueSeverity.Error, IssueTypes.Structure, ShapeRules.UnknownProperty, $"{jsonName}: {message}");
        _path.Pop();
    }

    /// <summary>For <c>valueFoo</c> on a type with <c>value[x]</c>: the JSON names that element does allow.</summary>
    private static string ChoiceHint(string jsonName, TypeDefinition type)
    {
        var name = jsonName.StartsWith('_') ? jsonName[1..] : jsonName;
        foreach (var child in type.Children)
        {
            if (!child.IsChoice || name.Length <= child.Name.Length || !name.StartsWith(child.Name, StringComparison.Ordinal)) continue;
            var names = new StringBuilder();
            foreach (var choice in child.Types)
            {
                if (names.Length > 0) names.Append(", ");
                names.Append(child.Name).Append(char.ToUpperInvariant(choice.Code[0])).Append(choice.Code.AsSpan(1));
            }
            return $" ({child.Name}[x] allows {names})";
        }
        return "";
    }

    private void ReportKind(TypeDefinition type, JsonElement value, string expected) =>
        Report(IssueSeverity.Error, IssueTypes.Structure, ShapeRules.Kind,
            $"{CurrentName()}: is a {type.Name}, written as {expected}, not {KindName(value.ValueKind)}"
            + (value.ValueKind is JsonValueKind.String or JsonValueKind.Number ? $" ({Quote(value.GetRawText())})." : "."));

    private void ReportFormat(TypeDefinition type, string text, string reason, bool isRange) =>
        Report(IssueSeverity.Error, IssueTypes.Value, isRange ? ShapeRules.PrimitiveRange : ShapeRules.PrimitiveFormat,
            $"{CurrentName()}: '{Quote(text)}' is not a valid {type.Name} ({reason}).");

    // An issue located at the child element `name` of the current position.
    private void ReportAtChild(string name, string code, string rule, string message)
    {
        _path.Push(name, -1);
        Report(IssueSeverity.Error, code, rule, message);
        _path.Pop();
    }

    private void Report(IssueSeverity severity, string code, string rule, string message) =>
        issues.Add(new ValidationIssue(severity, code, _path.ToString(), message, rule));

    private string CurrentName()
    {
        var location = _path.ToString();
        var dot = location.LastIndexOf('.');
        var last = dot < 0 ? location : location[(dot + 1)..];
        var bracket = last.IndexOf('[', StringComparison.Ordinal);
        return bracket < 0 ? last : last[..bracket];
    }

    private static string TypeLabel(TypeDefinition type) => type.Kind == TypeKind.Backbone ? $"{type.Name} (a backbone element)" : type.Name;

    private static string Quote(string text) => text.Length <= MaxQuotedLength ? text : string.Concat(text.AsSpan(0, MaxQuotedLength), "...");

    private static string KindName(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };
}
