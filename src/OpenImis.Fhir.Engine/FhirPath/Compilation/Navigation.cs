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

        // Several parents: count first so the result array has its exact size (or is not needed at all).
        var total = 0;
        var nonEmptyParents = 0;
        FhirPathCollection only = default;
        foreach (var item in input)
        {
            if (item is not ElementNode node) continue;
            var children = node.Children(name);
            if (children.IsEmpty) continue;
            total += children.Count;
            nonEmptyParents++;
            only = children;
        }
        if (nonEmptyParents <= 1) return only;
        var result = new object[total];
        var next = 0;
        foreach (var item in input)
        {
            if (item is not ElementNode node) continue;
            foreach (var child in node.Children(name)) result[next++] = child;
        }
        return new FhirPathCollection(result);
    }
}
