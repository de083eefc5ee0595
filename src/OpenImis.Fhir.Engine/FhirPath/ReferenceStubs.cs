using OpenImis.Fhir.Engine.Model;

namespace OpenImis.Fhir.Engine.FhirPath;

/// <summary>
/// A <see cref="FhirPathEnvironment.ResolveReference"/> for search indexing and invariants, where the target is not
/// at hand: a relative or absolute reference <c>[base/]Type/id[/_history/v]</c> to a known resource type resolves to
/// a stub resource holding only its type and id, so <c>where(resolve() is Patient)</c> works without a database.
/// A logical reference (by identifier, with <c>type</c>) resolves to a stub holding its type only.
/// </summary>
public static class ReferenceStubs
{
    public static Func<string, ElementNode?> For(FhirModel model) => reference => Resolve(model, reference);

    public static Func<string, ElementNode?> ForLogical(FhirModel model) => typeName =>
        model.FindType(typeName) is { Kind: TypeKind.Resource } type ? new ElementNode(typeName, typeName, null, type, -1, [], [], [0]) : null;

    private static ElementNode? Resolve(FhirModel model, string reference)
    {
        var path = reference.AsSpan();
        var history = path.IndexOf("/_history/", StringComparison.Ordinal);
        if (history >= 0) path = path[..history];
        var lastSlash = path.LastIndexOf('/');
        if (lastSlash <= 0 || lastSlash == path.Length - 1) return null;
        var id = path[(lastSlash + 1)..];
        var before = path[..lastSlash];
        var typeStart = before.LastIndexOf('/') + 1;
        var typeName = before[typeStart..].ToString();
        if (model.FindType(typeName) is not { Kind: TypeKind.Resource } type || !IsValidId(id)) return null;
        var idNode = new ElementNode("id", "id", id.ToString(), model.FindType("id"), -1, [], [], [0]);
        return new ElementNode(typeName, typeName, null, type, -1, [idNode], ["id"], [0, 1]);
    }

    // FHIR id: [A-Za-z0-9\-\.]{1,64}
    private static bool IsValidId(ReadOnlySpan<char> id)
    {
        if (id.Length is 0 or > 64) return false;
        foreach (var c in id)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '.')) return false;
        }
        return true;
    }
}
