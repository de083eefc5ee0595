using System.Text.Json.Nodes;
using OpenImis.Fhir.Engine.Model;

namespace OpenImis.Fhir.Application.Patch;

/// <summary>
/// Turns a patch value into the JSON of one element, checking that it fits there (FHIR Patch: "the type of the value
/// must be correct for the place at which it will be added"). A typed value must be one of the element's types or
/// derive from one (an Age where a Quantity goes); a primitive may also go to a primitive element of another type with
/// the same JSON form (a valueString for a code), the validator judging its format afterwards. Parts build the element's
/// own type, child by child, using the model for choice names and for which children repeat.
/// </summary>
internal static class FhirPatchValueBuilder
{
    /// <param name="fixedType">The type a typed JSON name fixes (<c>deceasedBoolean</c>), or null.</param>
    /// <exception cref="PatchException">422: the value does not fit the element.</exception>
    public static FhirElementValue Build(FhirPatchValue value, ChildDefinition element, TypeReference? fixedType, FhirModel model, string label)
    {
        if (value.Parts is not null) return BuildFromParts(value, element, fixedType, model, label);
        if (value.Resource is not null) return BuildResource(value, element, model, label);

        var type = Match(value, element, fixedType)
            ?? throw PatchException.Unprocessable(
                $"{label}: {value.Describe()} does not fit {element.Path}, which takes {TypesOf(element, fixedType)}.", value.Location);
        return new FhirElementValue(value.Json?.DeepClone(), (JsonObject?)value.Extension?.DeepClone(), type);
    }

    private static TypeReference? Match(FhirPatchValue value, ChildDefinition element, TypeReference? fixedType)
    {
        var valueType = value.Type!;
        IEnumerable<TypeReference> candidates = fixedType is null ? element.Types : [fixedType];
        foreach (var candidate in candidates)
        {
            if (ReferenceEquals(candidate.Type, valueType)) return candidate;
        }
        foreach (var candidate in candidates)
        {
            if (valueType.IsA(candidate.Type)) return candidate;
        }
        // A choice's JSON name says the type, so only a non-choice element takes a primitive of another type.
        if (!element.IsChoice && element.Types.Count == 1 && SameJsonForm(valueType, element.Types[0].Type)) return element.Types[0];
        return null;
    }

    private static FhirElementValue BuildResource(FhirPatchValue value, ChildDefinition element, FhirModel model, string label)
    {
        var resource = value.Resource!;
        var resourceTypeName = resource["resourceType"]!.GetValue<string>();
        var resourceType = model.FindType(resourceTypeName);
        foreach (var candidate in element.Types)
        {
            if (candidate.Type.Kind == TypeKind.Resource && resourceType is { Kind: TypeKind.Resource, IsAbstract: false } && resourceType.IsA(candidate.Type))
            {
                return new FhirElementValue(resource.DeepClone(), null, candidate);
            }
        }
        throw PatchException.Unprocessable(
            $"{label}: a {resourceTypeName} resource does not fit {element.Path}, which takes {TypesOf(element, null)}.", value.Location);
    }

    private static FhirElementValue BuildFromParts(FhirPatchValue value, ChildDefinition element, TypeReference? fixedType, FhirModel model, string label)
    {
        if (element.IsChoice && fixedType is null)
        {
            throw PatchException.Unprocessable(
                $"{label}: {element.Path} is a choice of {TypesOf(element, null)}; give a typed value[x] rather than parts.", value.Location);
        }
        var target = fixedType ?? element.Types[0];
        if (target.Type.Kind != TypeKind.Complex && target.Type.Kind != TypeKind.Backbone)
        {
            throw PatchException.Unprocessable(
                $"{label}: {element.Path} is a {target.Code}; give it as {(target.Type.Kind == TypeKind.Resource ? "a resource" : "a value[x]")} rather than parts.",
                value.Location);
        }
        var obj = new JsonObject();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, part) in value.Parts!)
        {
            var child = FhirJsonNames.FindChild(target.Type, name, out var childFixedType)
                ?? throw PatchException.Unprocessable($"{label}: {target.Code} has no element '{name}'.", part.Location);
            var built = Build(part, child, childFixedType, model, label);
            var jsonName = FhirJsonNames.Of(child, built.Type.Code);
            if (child.IsArray)
            {
                var count = FhirJsonProperties.Normalize(obj, jsonName);
                FhirJsonProperties.InsertAt(obj, target.Type, jsonName, count, built.Value, built.Extension);
                continue;
            }
            if (!seen.Add(child.Name))
            {
                throw PatchException.Unprocessable($"{label}: {child.Path} does not repeat, but is given more than once.", part.Location);
            }
            FhirJsonProperties.Set(obj, target.Type, jsonName, -1, built.Value);
            FhirJsonProperties.Set(obj, target.Type, FhirJsonProperties.ExtensionName(jsonName), -1, built.Extension);
        }
        return new FhirElementValue(obj, null, target);
    }

    // Primitives share a JSON form when both are booleans, both numbers, or both strings (every other primitive).
    private static bool SameJsonForm(TypeDefinition valueType, TypeDefinition elementType) =>
        valueType.Kind == TypeKind.Primitive && elementType.Kind == TypeKind.Primitive && JsonFormOf(valueType) == JsonFormOf(elementType);

    private static string JsonFormOf(TypeDefinition primitive) => primitive.SystemType switch
    {
        "Boolean" => "boolean",
        "Integer" or "Decimal" => "number",
        _ => "string",
    };

    private static string TypesOf(ChildDefinition element, TypeReference? fixedType) =>
        fixedType is not null ? fixedType.Code : string.Join(" or ", element.Types.Select(t => t.Code));
}
