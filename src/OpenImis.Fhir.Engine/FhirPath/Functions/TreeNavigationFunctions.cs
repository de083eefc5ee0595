using OpenImis.Fhir.Engine.FhirPath.Compilation;
using OpenImis.Fhir.Engine.Model;
using static OpenImis.Fhir.Engine.FhirPath.Functions.FunctionSupport;

namespace OpenImis.Fhir.Engine.FhirPath.Functions;

/// <summary>FHIRPath 5.8 tree navigation: children() and descendants(). System values have no children.</summary>
internal static class TreeNavigationFunctions
{
    public static FunctionDefinition[] All { get; } =
    [
        Define("children", 0, 0, static (focus, _, _) => Children(focus)),
        Define("descendants", 0, 0, static (focus, _, _) => Descendants(focus)),
    ];

    private static FhirPathCollection Children(FhirPathCollection focus)
    {
        if (focus.Count == 1) return focus.Single is ElementNode node ? node.AllChildren() : FhirPathCollection.Empty;
        var builder = new CollectionBuilder();
        foreach (var item in focus)
        {
            if (item is ElementNode node) builder.AddRange(node.AllChildren());
        }
        return builder.ToCollection();
    }

    // All descendants, excluding the input items themselves, in document order (depth first, pre-order).
    private static FhirPathCollection Descendants(FhirPathCollection focus)
    {
        var builder = new CollectionBuilder();
        foreach (var item in focus)
        {
            if (item is ElementNode node) AddDescendants(node, ref builder);
        }
        return builder.ToCollection();
    }

    private static void AddDescendants(ElementNode node, ref CollectionBuilder builder)
    {
        foreach (var child in node.ChildSpan)
        {
            builder.Add(child);
            AddDescendants(child, ref builder);
        }
    }
}
