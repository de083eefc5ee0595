using System.Text.Json;
using OpenImis.Fhir.Engine.Model;

namespace OpenImis.Fhir.Engine.Definitions;

/// <summary>
/// Builds the <see cref="FhirModel"/> from StructureDefinition snapshots: primitive types, complex types (constraint
/// profiles such as SimpleQuantity included, based on Quantity), resources, and inline backbone types named by path.
/// </summary>
internal static class FhirModelBuilder
{
    private const string FhirTypeExtension = "http://hl7.org/fhir/StructureDefinition/structuredefinition-fhir-type";

    public static FhirModel Build(FhirDefinitions definitions) => Build(definitions.StructureDefinitions);

    public static FhirModel Build(IEnumerable<JsonElement> structureDefinitions)
    {
        var types = new Dictionary<string, TypeDefinition>(StringComparer.Ordinal);
        var byUrl = new Dictionary<string, TypeDefinition>(StringComparer.Ordinal);
        var sources = new List<(TypeDefinition Type, JsonElement Definition)>();

        // Pass 1: a TypeDefinition per type, so element types and base definitions can refer to any of them.
        foreach (var sd in structureDefinitions)
        {
            var kind = KindOf(GetString(sd, "kind"));
            if (kind is null) continue; // logical models (MetadataResource) are not instance types
            if (!sd.TryGetProperty("snapshot", out _)) continue;
            var isConstraint = GetString(sd, "derivation") == "constraint";
            var name = isConstraint ? GetString(sd, "name") : GetString(sd, "type");
            var url = GetString(sd, "url");
            if (name is null || url is null || (isConstraint && !IsCoreTypeProfile(sd, kind.Value, url))) continue;
            if (types.ContainsKey(name)) continue;
            var isAbstract = sd.TryGetProperty("abstract", out var a) && a.ValueKind == JsonValueKind.True;
            var type = new TypeDefinition(name, kind.Value, isAbstract, kind == TypeKind.Primitive ? FhirPrimitiveTypes.SystemTypeOf(name) : null)
            {
                Url = url,
            };
            types[name] = type;
            byUrl[url] = type;
            sources.Add((type, sd));
        }

        foreach (var (type, sd) in sources)
        {
            var baseUrl = GetString(sd, "baseDefinition");
            if (baseUrl is not null && byUrl.TryGetValue(baseUrl, out var baseType) && !ReferenceEquals(baseType, type)) type.Base = baseType;
        }

        // Pass 2: children from the snapshots (inline types get added to the same dictionary).
        foreach (var (type, sd) in sources) AddChildren(type, sd, types);

        foreach (var type in types.Values) type.IndexJsonProperties();
        return new FhirModel(types);
    }

    private static void AddChildren(TypeDefinition type, JsonElement sd, Dictionary<string, TypeDefinition> types)
    {
        var elements = sd.GetProperty("snapshot").GetProperty("element");
        var count = elements.GetArrayLength();
        if (count == 0) return;
        var paths = new string[count];
        for (var i = 0; i < count; i++) paths[i] = GetString(elements[i], "path") ?? "";
        var rootPath = paths[0];
        var isResource = type.Kind == TypeKind.Resource;
        var resourceIdPath = rootPath + ".id";

        // Owners by element path: the type itself at the root, inline types below it.
        var owners = new Dictionary<string, TypeDefinition>(StringComparer.Ordinal) { [rootPath] = type };

        // First the inline types, so a contentReference can point at one defined anywhere in the snapshot.
        for (var i = 1; i < count; i++)
        {
            var element = elements[i];
            if (IsSlice(element)) continue;
            var code = SingleTypeCode(element);
            if (code is not ("BackboneElement" or "Element")) continue;
            if (i + 1 >= count || !IsBelow(paths[i + 1], paths[i])) continue; // no children: a plain Element/BackboneElement
            var baseType = types.GetValueOrDefault(code);
            var inline = new TypeDefinition(paths[i], TypeKind.Backbone, isAbstract: false, systemType: null) { Base = baseType };
            owners[paths[i]] = inline;
            types.TryAdd(paths[i], inline);
        }

        for (var i = 1; i < count; i++)
        {
            var element = elements[i];
            if (IsSlice(element)) continue;
            var path = paths[i];
            var dot = path.LastIndexOf('.');
            if (dot <= 0 || !owners.TryGetValue(path[..dot], out var owner)) continue;
            var rawName = path[(dot + 1)..];
            // A primitive's own value is the node's Value, not a child element.
            if (type.Kind == TypeKind.Primitive && ReferenceEquals(owner, type) && rawName == "value") continue;
            var isChoice = rawName.EndsWith("[x]", StringComparison.Ordinal);
            var name = isChoice ? rawName[..^3] : rawName;
            var min = element.TryGetProperty("min", out var minElement) && minElement.TryGetInt32(out var m) ? m : 0;
            var maxText = GetString(element, "max");
            int? max = maxText is null or "*" ? null : int.TryParse(maxText, out var parsedMax) ? parsedMax : null;
            var references = TypeReferencesOf(element, path, owners, types, isResource && path == resourceIdPath);
            if (references.Length == 0) continue;
            var isSummary = element.TryGetProperty("isSummary", out var summary) && summary.ValueKind == JsonValueKind.True;
            owner.AddChild(new ChildDefinition(name, path, min, max, isChoice, references, isSummary));
        }
    }

    private static TypeReference[] TypeReferencesOf(
        JsonElement element, string path, Dictionary<string, TypeDefinition> owners, Dictionary<string, TypeDefinition> types, bool isResourceId)
    {
        if (owners.TryGetValue(path, out var inline))
        {
            return [new TypeReference(SingleTypeCode(element) ?? "BackboneElement", inline)];
        }
        var contentReference = GetString(element, "contentReference");
        if (contentReference is not null)
        {
            var target = contentReference.StartsWith('#') ? contentReference[1..] : contentReference;
            var hash = target.IndexOf('#', StringComparison.Ordinal);
            if (hash >= 0) target = target[(hash + 1)..];
            if (!owners.TryGetValue(target, out var referenced) && !types.TryGetValue(target, out referenced)) return [];
            return [new TypeReference(referenced.Base?.Name ?? "BackboneElement", referenced)];
        }
        if (!element.TryGetProperty("type", out var typeArray) || typeArray.ValueKind != JsonValueKind.Array) return [];
        var result = new List<TypeReference>(typeArray.GetArrayLength());
        foreach (var entry in typeArray.EnumerateArray())
        {
            var code = FhirTypeCodeOf(entry, isResourceId);
            if (code is null) continue;
            if (!types.TryGetValue(code, out var resolved)) continue;
            // Several entries may name the same type (Reference with different profiles in constraints): keep one.
            var duplicate = false;
            foreach (var existing in result) duplicate |= existing.Code == code;
            if (!duplicate) result.Add(new TypeReference(resolved.Name, resolved));
        }
        return [.. result];
    }

    /// <summary>
    /// The FHIR type code of an ElementDefinition.type entry. R4 writes <c>id</c>, <c>Extension.url</c> and similar with
    /// FHIRPath System codes plus a fhir-type extension; the extension gives the FHIR type, except that a resource's own
    /// id is an <c>id</c> (the R4 snapshots say <c>string</c>, the specification says <c>id</c>).
    /// </summary>
    private static string? FhirTypeCodeOf(JsonElement typeEntry, bool isResourceId)
    {
        var code = GetString(typeEntry, "code");
        if (code is null || !code.StartsWith(FhirPrimitiveTypes.SystemCodePrefix, StringComparison.Ordinal)) return code;
        if (isResourceId) return "id";
        if (typeEntry.TryGetProperty("extension", out var extensions) && extensions.ValueKind == JsonValueKind.Array)
        {
            foreach (var extension in extensions.EnumerateArray())
            {
                if (GetString(extension, "url") != FhirTypeExtension) continue;
                var fhirType = GetString(extension, "valueUrl") ?? GetString(extension, "valueUri");
                if (fhirType is not null) return fhirType;
            }
        }
        return FhirPrimitiveTypes.FhirTypeOfSystemCode(code);
    }

    /// <summary>
    /// Core constraints on data types (SimpleQuantity, MoneyQuantity) are types elements name; other constraints
    /// (extension definitions, resource profiles, IG profiles) are profiles for the validator, not model types.
    /// </summary>
    private static bool IsCoreTypeProfile(JsonElement sd, TypeKind kind, string url) =>
        kind == TypeKind.Complex
        && url.StartsWith("http://hl7.org/fhir/StructureDefinition/", StringComparison.Ordinal)
        && GetString(sd, "type") != "Extension";

    private static string? SingleTypeCode(JsonElement element)
    {
        if (!element.TryGetProperty("type", out var typeArray) || typeArray.ValueKind != JsonValueKind.Array || typeArray.GetArrayLength() != 1) return null;
        return GetString(typeArray[0], "code");
    }

    private static bool IsSlice(JsonElement element) =>
        element.TryGetProperty("sliceName", out _) || (GetString(element, "id")?.Contains(':', StringComparison.Ordinal) ?? false);

    private static bool IsBelow(string path, string parent) =>
        path.Length > parent.Length + 1 && path[parent.Length] == '.' && path.StartsWith(parent, StringComparison.Ordinal);

    private static TypeKind? KindOf(string? kind) => kind switch
    {
        "primitive-type" => TypeKind.Primitive,
        "complex-type" => TypeKind.Complex,
        "resource" => TypeKind.Resource,
        _ => null,
    };

    private static string? GetString(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
