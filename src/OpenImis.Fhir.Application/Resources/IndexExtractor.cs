using OpenImis.Fhir.Engine.Model;
using OpenImis.Fhir.Engine.Search;
using OpenImis.Fhir.Storage;

namespace OpenImis.Fhir.Application.Resources;

/// <summary>
/// The identifier and reference rows of a resource: its own <c>identifier</c> elements, and every Reference in it,
/// those of its contained resources included (they point at this server's resources as the container's own do, and
/// are checked and block deletes the same way). References to a contained resource (<c>#id</c>) are not rows; nor
/// are the references inside other nested resources (Bundle entries, Parameters), which are content, not links.
/// </summary>
public static class IndexExtractor
{
    private const string OpenImisIdentifiers = "https://openimis.github.io/openimis_fhir_r4_ig/CodeSystem/openimis-identifiers";

    public static IReadOnlyList<IndexedIdentifier> Identifiers(ElementNode resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var nodes = resource.Children("identifier");
        if (nodes.IsEmpty) return [];
        var result = new List<IndexedIdentifier>(nodes.Count);
        foreach (var item in nodes)
        {
            var identifier = (ElementNode)item;
            if (Primitive(identifier, "value") is not { } value) continue;
            var system = Primitive(identifier, "system") ?? "";
            string? typeSystem = null, typeCode = null;
            if (First(identifier, "type") is { } type && First(type, "coding") is { } coding)
            {
                typeCode = Primitive(coding, "code");
                // The IG slices identifiers by type.coding.code alone (discriminator type.coding.code): a Code or UUID
                // type without a system is the openIMIS one, and unique per resource type like it.
                typeSystem = Primitive(coding, "system") ?? (typeCode is "Code" or "UUID" ? OpenImisIdentifiers : null);
            }
            var row = new IndexedIdentifier(system, value, typeSystem, typeCode);
            if (!result.Contains(row)) result.Add(row);
        }
        return result;
    }

    /// <summary>References with their location; <paramref name="isResourceType"/> tells <c>Patient/1</c> from a relative URL of another kind.</summary>
    public static IReadOnlyList<IndexedReference> References(ElementNode resource, Func<string, bool> isResourceType)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var result = new List<IndexedReference>();
        Collect(resource, isResourceType, result);
        return result;
    }

    private static void Collect(ElementNode node, Func<string, bool> isResourceType, List<IndexedReference> result)
    {
        foreach (var item in node.AllChildren())
        {
            var child = (ElementNode)item;
            if (child.IsResource && child.Name != "contained") continue;
            if (child.TypeName == "Reference")
            {
                Add(child, isResourceType, result);
            }
            Collect(child, isResourceType, result);
        }
    }

    private static void Add(ElementNode reference, Func<string, bool> isResourceType, List<IndexedReference> result)
    {
        var path = reference.Location;
        var literal = Primitive(reference, "reference");
        if (literal is not null)
        {
            if (literal.StartsWith('#')) return;
            if (SearchValueExtractor.ParseRelative(literal, isResourceType) is { } target)
            {
                var version = literal.Split('/') is { Length: 4 } parts ? parts[3] : null;
                result.Add(new IndexedReference(path, target.Type, target.Id, null, null, null, version));
                return;
            }
            result.Add(new IndexedReference(path, Primitive(reference, "type"), null, literal, null, null));
            return;
        }
        if (First(reference, "identifier") is { } identifier && Primitive(identifier, "value") is { } value)
        {
            result.Add(new IndexedReference(path, Primitive(reference, "type"), null, null, Primitive(identifier, "system"), value));
        }
    }

    private static ElementNode? First(ElementNode node, string name)
    {
        var children = node.Children(name);
        return children.IsEmpty ? null : (ElementNode)children[0];
    }

    private static string? Primitive(ElementNode node, string name) => First(node, name)?.Value as string;
}
