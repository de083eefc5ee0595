using OpenImis.Fhir.Engine.Model;

namespace OpenImis.Fhir.Application.Patch;

/// <summary>
/// How elements are named in FHIR JSON: a choice element carries its type (<c>value[x]</c> of type dateTime is
/// <c>valueDateTime</c>); every other element is its plain name. The element tree drops the suffix, so patching maps
/// it back here.
/// </summary>
internal static class FhirJsonNames
{
    /// <summary>The JSON property of <paramref name="element"/> holding a value of type <paramref name="typeCode"/>.</summary>
    public static string Of(ChildDefinition element, string typeCode) => element.IsChoice ? WithSuffix(element.Name, typeCode) : element.Name;

    /// <summary>The JSON property a node was read from (its parent's type tells whether it is a choice).</summary>
    public static string Of(ElementNode node)
    {
        var element = node.Parent?.Type?.FindChild(node.Name);
        return element is { IsChoice: true } ? WithSuffix(node.Name, node.TypeName) : node.Name;
    }

    /// <summary>
    /// The element <paramref name="name"/> stands for in <paramref name="type"/>: its FHIRPath name (<c>deceased</c>), or
    /// for a choice also its JSON name (<c>deceasedBoolean</c>), which then fixes the type in <paramref name="fixedType"/>.
    /// </summary>
    public static ChildDefinition? FindChild(TypeDefinition type, string name, out TypeReference? fixedType)
    {
        fixedType = null;
        var direct = type.FindChild(name);
        if (direct is not null) return direct;
        foreach (var child in type.Children)
        {
            if (!child.IsChoice || name.Length <= child.Name.Length || !name.StartsWith(child.Name, StringComparison.Ordinal)) continue;
            foreach (var candidate in child.Types)
            {
                if (string.Equals(name, WithSuffix(child.Name, candidate.Code), StringComparison.Ordinal))
                {
                    fixedType = candidate;
                    return child;
                }
            }
        }
        return null;
    }

    /// <summary>
    /// Where a JSON property belongs among an object's properties: <c>resourceType</c> first, then the type's elements in
    /// definition order; properties the type does not define go last.
    /// </summary>
    public static int OrderOf(TypeDefinition? type, string jsonName)
    {
        var name = jsonName.StartsWith('_') ? jsonName[1..] : jsonName;
        if (name == "resourceType") return -1;
        if (type is null) return int.MaxValue;
        var element = FindChild(type, name, out _);
        if (element is null) return int.MaxValue;
        for (var i = 0; i < type.Children.Count; i++)
        {
            if (ReferenceEquals(type.Children[i], element)) return i;
        }
        return int.MaxValue;
    }

    private static string WithSuffix(string name, string typeCode) =>
        typeCode.Length == 0 ? name : string.Concat(name, char.ToUpperInvariant(typeCode[0]).ToString(), typeCode.AsSpan(1));
}
