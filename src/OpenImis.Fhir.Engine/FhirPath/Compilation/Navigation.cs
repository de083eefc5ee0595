using OpenImis.Fhir.Engine.Model;

namespace OpenImis.Fhir.Engine.FhirPath.Compilation;

/// <summary>Member navigation (spec 4.1): the children of every input item with a name, in order.</summary>
internal static class Navigation
{
    public static FhirPathCollection Children(FhirPathCollection input, string name)
    {
        // The common case, one parent: a slice of its children, no allocation.
        if (input.Count == 1) return input.Single is ElementNode single ? single.Children(name) : FhirPathCollection.Empty;
        if (input.IsEmpty) return FhirPathCollection.Empty;
        var builder = new CollectionBuilder();
        foreach (var item in input)
        {
            if (item is ElementNode node) builder.AddRange(node.Children(name));
        }
        return builder.ToCollection();
    }
}
