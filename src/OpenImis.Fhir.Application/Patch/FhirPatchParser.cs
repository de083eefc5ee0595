using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using OpenImis.Fhir.Engine.FhirPath;
using OpenImis.Fhir.Engine.Model;

namespace OpenImis.Fhir.Application.Patch;

/// <summary>
/// Reads a FHIRPath Patch Parameters resource into checked operations: one <c>operation</c> parameter per operation,
/// its parts <c>type</c>, <c>path</c>, <c>name</c>, <c>value</c>, <c>index</c>, <c>source</c>, <c>destination</c>.
/// Everything that can be judged without the resource is judged here, paths compiled included, so a malformed patch
/// is a 400 whatever the resource; locations are FHIRPath locations in the Parameters resource.
/// </summary>
internal static class FhirPatchParser
{
    private const string Root = "Parameters";

    private static readonly string[] PartNames = ["type", "path", "name", "value", "index", "source", "destination"];

    /// <exception cref="PatchException">400: not a well-formed FHIRPath Patch.</exception>
    public static IReadOnlyList<FhirPatchOperation> Parse(JsonNode? document, FhirPathEngine engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        if (document is not JsonObject parameters || StringOf(parameters["resourceType"]) != "Parameters")
        {
            throw PatchException.Malformed("A FHIRPath Patch must be a Parameters resource.", "");
        }
        if (!parameters.TryGetPropertyValue("parameter", out var list) || list is null) return [];
        if (list is not JsonArray array) throw PatchException.Malformed("Parameters.parameter must be an array.", $"{Root}.parameter");
        var operations = new FhirPatchOperation[array.Count];
        for (var i = 0; i < array.Count; i++) operations[i] = ParseOperation(array[i], i, engine);
        return operations;
    }

    private static FhirPatchOperation ParseOperation(JsonNode? node, int number, FhirPathEngine engine)
    {
        var location = $"{Root}.parameter[{number}]";
        var label = $"Operation {number}";
        if (node is not JsonObject parameter) throw PatchException.Malformed($"{label} is not a JSON object.", location);
        var name = StringOf(parameter["name"]);
        if (name != "operation")
        {
            throw PatchException.Malformed(
                $"{label}: a FHIRPath Patch parameter must be named 'operation', not {(name is null ? "nothing" : $"'{name}'")}.", location + ".name");
        }
        foreach (var (key, _) in parameter)
        {
            if (key is "name" or "part" or "id" or "extension") continue;
            throw PatchException.Malformed($"{label}: an operation has parts only, not '{key}'.", $"{location}.{key}");
        }
        if (parameter["part"] is not JsonArray partArray || partArray.Count == 0)
        {
            throw PatchException.Malformed($"{label} has no parts: it needs at least 'type' and 'path'.", location);
        }

        var parts = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        var partLocations = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var j = 0; j < partArray.Count; j++)
        {
            var partLocation = $"{location}.part[{j}]";
            if (partArray[j] is not JsonObject part) throw PatchException.Malformed($"{label}: part {j} is not a JSON object.", partLocation);
            var partName = StringOf(part["name"]) ?? throw PatchException.Malformed($"{label}: part {j} has no name.", partLocation);
            if (Array.IndexOf(PartNames, partName) < 0)
            {
                throw PatchException.Malformed(
                    $"{label}: unknown part '{partName}' (expected type, path, name, value, index, source or destination).", partLocation);
            }
            if (!parts.TryAdd(partName, part)) throw PatchException.Malformed($"{label}: the part '{partName}' is given twice.", partLocation);
            partLocations[partName] = partLocation;
        }

        var model = engine.Model;
        var typeText = RequiredString(parts, partLocations, "type", label, location, model);
        FhirPatchOperationType type = typeText switch
        {
            "add" => FhirPatchOperationType.Add,
            "insert" => FhirPatchOperationType.Insert,
            "delete" => FhirPatchOperationType.Delete,
            "replace" => FhirPatchOperationType.Replace,
            "move" => FhirPatchOperationType.Move,
            _ => throw PatchException.Malformed(
                $"{label}: unknown type '{typeText}' (expected add, insert, delete, replace or move).", partLocations["type"]),
        };
        var path = RequiredString(parts, partLocations, "path", label, location, model);
        label = $"{label} ({typeText} at '{path}')";

        var allowed = type switch
        {
            FhirPatchOperationType.Add => new[] { "type", "path", "name", "value" },
            FhirPatchOperationType.Insert => ["type", "path", "index", "value"],
            FhirPatchOperationType.Delete => ["type", "path"],
            FhirPatchOperationType.Replace => ["type", "path", "value"],
            _ => ["type", "path", "source", "destination"],
        };
        foreach (var partName in parts.Keys)
        {
            if (Array.IndexOf(allowed, partName) < 0)
            {
                throw PatchException.Malformed($"{label}: the part '{partName}' does not belong to a {typeText} operation.", partLocations[partName]);
            }
        }
        foreach (var partName in allowed)
        {
            if (!parts.ContainsKey(partName)) throw PatchException.Malformed($"{label}: the part '{partName}' is required.", location);
        }

        string? elementName = null;
        CompiledExpression? target;
        if (type is FhirPatchOperationType.Insert or FhirPatchOperationType.Move)
        {
            // The path names a list; its parent is what must exist (the list itself may be empty).
            if (!TrySplitList(path, out var parentPath, out elementName))
            {
                throw PatchException.Malformed(
                    $"{label}: the path must end in the name of the list (e.g. 'Patient.identifier').", partLocations["path"]);
            }
            target = parentPath.Length == 0 ? null : Compile(engine, parentPath, label, partLocations["path"]);
        }
        else
        {
            target = Compile(engine, path, label, partLocations["path"]);
        }
        if (type == FhirPatchOperationType.Add)
        {
            elementName = RequiredString(parts, partLocations, "name", label, location, model);
            if (!IsIdentifier(elementName)) throw PatchException.Malformed($"{label}: '{elementName}' is not an element name.", partLocations["name"]);
        }

        var value = parts.TryGetValue("value", out var valuePart) ? ParseValue(valuePart, partLocations["value"], label, model) : null;
        return new FhirPatchOperation(
            number,
            type,
            path,
            target,
            elementName,
            value,
            OptionalIndex(parts, partLocations, "index", label, model),
            OptionalIndex(parts, partLocations, "source", label, model),
            OptionalIndex(parts, partLocations, "destination", label, model),
            location,
            partLocations);
    }

    /// <summary>Reads the value of a part: one <c>value[x]</c> (with its <c>_value[x]</c>), a <c>resource</c>, or nested <c>part</c>s.</summary>
    private static FhirPatchValue ParseValue(JsonObject part, string location, string label, FhirModel model)
    {
        TypeDefinition? type = null;
        string? typedName = null;
        JsonNode? json = null;
        JsonObject? extension = null;
        JsonObject? resource = null;
        List<KeyValuePair<string, FhirPatchValue>>? parts = null;
        foreach (var (key, node) in part)
        {
            if (key is "name" or "id" or "extension") continue;
            if (key == "resource")
            {
                if (node is not JsonObject obj || StringOf(obj["resourceType"]) is null)
                {
                    throw PatchException.Malformed($"{label}: 'resource' must be a resource (an object with a resourceType).", $"{location}.resource");
                }
                resource = obj;
                continue;
            }
            if (key == "part")
            {
                parts = ParseParts(node, location, label, model);
                continue;
            }
            var isExtension = key.StartsWith("_value", StringComparison.Ordinal);
            var suffix = isExtension ? key[6..] : key.StartsWith("value", StringComparison.Ordinal) ? key[5..] : "";
            if (suffix.Length == 0 || !char.IsUpper(suffix[0]))
            {
                throw PatchException.Malformed($"{label}: unexpected property '{key}' in a part.", $"{location}.{key}");
            }
            if (typedName is not null && !string.Equals(typedName, suffix, StringComparison.Ordinal))
            {
                throw PatchException.Malformed($"{label}: a part has one value[x], not value{typedName} and value{suffix}.", $"{location}.{key}");
            }
            typedName = suffix;
            type = TypeOfSuffix(suffix, model)
                ?? throw PatchException.Malformed($"{label}: '{key}' does not name a FHIR data type.", $"{location}.{key}");
            if (isExtension)
            {
                if (type.Kind != TypeKind.Primitive || node is not JsonObject extensionObject)
                {
                    throw PatchException.Malformed($"{label}: '{key}' must be the object with a primitive's id and extensions.", $"{location}.{key}");
                }
                extension = extensionObject;
            }
            else
            {
                CheckShape(node, type, key, label, location);
                json = node;
            }
        }

        var forms = (type is not null ? 1 : 0) + (resource is not null ? 1 : 0) + (parts is not null ? 1 : 0);
        if (forms == 0) throw PatchException.Malformed($"{label}: the part has no value (value[x], resource or part).", location);
        if (forms > 1) throw PatchException.Malformed($"{label}: a part has one of value[x], resource or part, not several.", location);
        return new FhirPatchValue { Location = location, Type = type, Json = json, Extension = extension, Resource = resource, Parts = parts };
    }

    private static List<KeyValuePair<string, FhirPatchValue>> ParseParts(JsonNode? node, string location, string label, FhirModel model)
    {
        if (node is not JsonArray array || array.Count == 0)
        {
            throw PatchException.Malformed($"{label}: 'part' must be a non-empty array.", $"{location}.part");
        }
        var parts = new List<KeyValuePair<string, FhirPatchValue>>(array.Count);
        for (var k = 0; k < array.Count; k++)
        {
            var subLocation = $"{location}.part[{k}]";
            if (array[k] is not JsonObject sub) throw PatchException.Malformed($"{label}: a part is not a JSON object.", subLocation);
            var name = StringOf(sub["name"]);
            if (name is null || !IsIdentifier(name)) throw PatchException.Malformed($"{label}: a part needs the name of an element.", subLocation);
            parts.Add(new(name, ParseValue(sub, subLocation, label, model)));
        }
        return parts;
    }

    // value[x] suffixes are type codes with the first letter upper-cased: valueHumanName is HumanName, valueDateTime dateTime.
    private static TypeDefinition? TypeOfSuffix(string suffix, FhirModel model)
    {
        var complex = model.FindType(suffix);
        if (complex is { Kind: TypeKind.Complex, IsAbstract: false }) return complex;
        var primitive = model.FindType(string.Concat(char.ToLowerInvariant(suffix[0]).ToString(), suffix.AsSpan(1)));
        return primitive is { Kind: TypeKind.Primitive } ? primitive : null;
    }

    private static void CheckShape(JsonNode? node, TypeDefinition type, string key, string label, string location)
    {
        var kind = node?.GetValueKind() ?? JsonValueKind.Null;
        var fits = type.Kind == TypeKind.Primitive
            ? kind is JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False
            : kind == JsonValueKind.Object;
        if (!fits)
        {
            var expected = type.Kind == TypeKind.Primitive ? "a JSON string, number or boolean" : "a JSON object";
            throw PatchException.Malformed($"{label}: '{key}' must be {expected}.", $"{location}.{key}");
        }
    }

    private static string RequiredString(
        Dictionary<string, JsonObject> parts, Dictionary<string, string> locations, string name, string label, string operationLocation, FhirModel model)
    {
        if (!parts.TryGetValue(name, out var part)) throw PatchException.Malformed($"{label}: the part '{name}' is required.", operationLocation);
        var value = ParseValue(part, locations[name], label, model);
        if (value.Json is JsonValue json && json.GetValueKind() == JsonValueKind.String)
        {
            var text = json.GetValue<string>();
            if (text.Length > 0) return text;
        }
        throw PatchException.Malformed($"{label}: the part '{name}' needs a non-empty string value (e.g. valueString).", locations[name]);
    }

    private static int OptionalIndex(
        Dictionary<string, JsonObject> parts, Dictionary<string, string> locations, string name, string label, FhirModel model)
    {
        if (!parts.TryGetValue(name, out var part)) return -1;
        var value = ParseValue(part, locations[name], label, model);
        if (value.Json is JsonValue json
            && json.GetValueKind() == JsonValueKind.Number
            && int.TryParse(json.ToJsonString(), NumberStyles.None, CultureInfo.InvariantCulture, out var index))
        {
            return index;
        }
        throw PatchException.Malformed($"{label}: the part '{name}' needs a whole number of 0 or more (valueInteger).", locations[name]);
    }

    private static CompiledExpression Compile(FhirPathEngine engine, string path, string label, string location)
    {
        try
        {
            return engine.Compile(path);
        }
        catch (FhirPathException e)
        {
            throw PatchException.Malformed($"{label}: the path is not valid FHIRPath: {e.Message}", location);
        }
    }

    /// <summary>
    /// Splits a list path into its parent path and the list's name: <c>Patient.name[0].given</c> into
    /// <c>Patient.name[0]</c> and <c>given</c>; a bare name (<c>identifier</c>) has an empty parent, the resource.
    /// </summary>
    internal static bool TrySplitList(string path, out string parentPath, out string name)
    {
        parentPath = "";
        name = "";
        var text = path.TrimEnd();
        int start;
        if (text.EndsWith('`'))
        {
            start = text.LastIndexOf('`', text.Length - 2);
            if (start < 0) return false;
            name = text[(start + 1)..^1];
        }
        else
        {
            start = text.Length;
            while (start > 0 && (char.IsAsciiLetterOrDigit(text[start - 1]) || text[start - 1] == '_')) start--;
            name = text[start..];
        }
        if (!IsIdentifier(name)) return false;
        var before = text[..start].TrimEnd();
        if (before.Length == 0) return true;
        if (!before.EndsWith('.')) return false;
        parentPath = before[..^1].TrimEnd();
        return parentPath.Length > 0;
    }

    private static bool IsIdentifier(string name)
    {
        if (name.Length == 0 || !(char.IsAsciiLetter(name[0]) || name[0] == '_')) return false;
        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_') return false;
        }
        return true;
    }

    private static string? StringOf(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
}
