using OpenImis.Fhir.Engine.FhirPath.Compilation;
using OpenImis.Fhir.Engine.Model;

namespace OpenImis.Fhir.Engine.FhirPath.Operators;

/// <summary>The type test behind <c>is</c>, <c>as</c> and <c>ofType()</c> (spec 6.3).</summary>
internal static class TypeTests
{
    public static bool Is(object item, ResolvedType type)
    {
        if (type.IsSystem)
        {
            if (type.Name == "Any") return true;
            // A FHIR primitive is not a System value (FHIR.string is not System.String), spec 6.3 and FHIR R4 fhirpath.html.
            return TypeNames.SystemTypeOf(item) == type.Name;
        }
        if (item is not ElementNode node) return false;
        if (type.Definition is not null && node.Type is not null) return node.Type.IsA(type.Definition);
        return string.Equals(node.TypeName, type.Name, StringComparison.Ordinal);
    }

    /// <summary>The items of <paramref name="input"/> that are of <paramref name="type"/>; the input itself when all are.</summary>
    public static FhirPathCollection OfType(FhirPathCollection input, ResolvedType type)
    {
        if (input.Count == 1) return Is(input.Single, type) ? input : FhirPathCollection.Empty;
        var builder = new CollectionBuilder();
        foreach (var item in input)
        {
            if (Is(item, type)) builder.Add(item);
        }
        return builder.Count == input.Count ? input : builder.ToCollection();
    }
}
