using OpenImis.Fhir.Engine.FhirPath.Compilation;
using OpenImis.Fhir.Engine.Model;

namespace OpenImis.Fhir.Engine.FhirPath.Operators;

/// <summary>The type test behind <c>is</c>, <c>as</c> and <c>ofType()</c> (spec 6.3).</summary>
internal static class TypeTests
{
    /// <summary>
    /// <c>is</c>: the item is of the type or derives from it (<c>code is string</c>, <c>uuid is uri</c>, <c>Age is Quantity</c>).
    /// With <paramref name="exactPrimitives"/> (<c>as</c>, <c>ofType</c>) a FHIR primitive must be of exactly that type:
    /// the R4 suite wants <c>gender.is(string)</c> true but <c>gender.as(string)</c> and <c>gender.ofType(string)</c> empty.
    /// </summary>
    public static bool Is(object item, ResolvedType type, bool exactPrimitives = false)
    {
        if (type.IsSystem)
        {
            if (type.Name == "Any") return true;
            // A FHIR primitive is not a System value (FHIR.string is not System.String), spec 6.3 and FHIR R4 fhirpath.html.
            return TypeNames.SystemTypeOf(item) == type.Name;
        }
        if (item is not ElementNode node) return false;
        if (exactPrimitives && node.Type is { Kind: TypeKind.Primitive }) return string.Equals(node.TypeName, type.Name, StringComparison.Ordinal);
        if (type.Definition is not null && node.Type is not null) return node.Type.IsA(type.Definition);
        return string.Equals(node.TypeName, type.Name, StringComparison.Ordinal);
    }

    /// <summary><c>as</c>: the single item when it is of <paramref name="type"/>, else empty; several items are an error.</summary>
    public static FhirPathCollection As(FhirPathCollection input, ResolvedType type, int position)
    {
        var item = Items.Singleton(input, position, "'as'");
        return item is not null && Is(item, type, exactPrimitives: true) ? input : FhirPathCollection.Empty;
    }

    /// <summary>The items of <paramref name="input"/> that are of <paramref name="type"/>; the input itself when all are.</summary>
    public static FhirPathCollection OfType(FhirPathCollection input, ResolvedType type)
    {
        if (input.Count == 1) return Is(input.Single, type, exactPrimitives: true) ? input : FhirPathCollection.Empty;
        var builder = new CollectionBuilder();
        foreach (var item in input)
        {
            if (Is(item, type, exactPrimitives: true)) builder.Add(item);
        }
        return builder.Count == input.Count ? input : builder.ToCollection();
    }
}
