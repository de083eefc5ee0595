using OpenImis.Fhir.Engine.FhirPath.Compilation;
using OpenImis.Fhir.Engine.FhirPath.Operators;
using OpenImis.Fhir.Engine.Model;

namespace OpenImis.Fhir.Engine.FhirPath.Functions;

/// <summary>
/// resolve() (FHIR R4 fhirpath.html#functions): for each Reference (or reference string) the resource it points at:
/// a contained resource (<c>#id</c>), an entry of the enclosing Bundle, or whatever the environment resolves.
/// Unresolved references are left out.
/// </summary>
internal static class ReferenceResolution
{
    public static FhirPathCollection Resolve(FhirPathCollection focus, FunctionArguments arguments, EvaluationContext context)
    {
        var builder = new CollectionBuilder();
        foreach (var item in focus)
        {
            var reference = ReferenceText(item);
            if (string.IsNullOrEmpty(reference))
            {
                if (LogicalTarget(item, context) is { } logical) builder.Add(logical);
                continue;
            }
            var resolved = Find(item as ElementNode, reference, context);
            if (resolved is not null) builder.Add(resolved);
        }
        return builder.ToCollection();
    }

    private static string? ReferenceText(object item)
    {
        if (item is ElementNode { Value: null } node)
        {
            var references = node.Children("reference");
            return references.Count == 1 ? Items.Unwrap(references.Single) as string : null;
        }
        return Items.Unwrap(item) as string;
    }

    // A Reference by identifier names its target's type only (Reference.type).
    private static ElementNode? LogicalTarget(object item, EvaluationContext context)
    {
        if (context.Environment.ResolveLogicalReference is not { } resolve || item is not ElementNode { TypeName: "Reference" } node) return null;
        if (node.Children("reference").Count != 0 || node.Children("identifier").Count == 0) return null;
        var types = node.Children("type");
        return types.Count == 1 && Items.Unwrap(types.Single) is string type ? resolve(type) : null;
    }

    private static ElementNode? Find(ElementNode? origin, string reference, EvaluationContext context)
    {
        var start = origin ?? context.Resource;
        if (reference[0] == '#') return start is null ? null : FindContained(start, reference);
        if (start is not null && FindInBundle(start, reference) is { } entry) return entry;
        return context.Environment.ResolveReference?.Invoke(reference);
    }

    // '#id' is a contained resource of the container; '#' alone is the container itself.
    private static ElementNode? FindContained(ElementNode origin, string reference)
    {
        var resource = FunctionSupport.ContainingResource(origin);
        if (resource is { Name: "contained", Parent: not null } && FunctionSupport.ContainingResource(resource.Parent) is { } container)
        {
            resource = container;
        }
        if (resource is null) return null;
        if (reference.Length == 1) return resource;
        var id = reference.AsSpan(1);
        foreach (var contained in resource.Children("contained"))
        {
            if (contained is ElementNode node && Id(node) is { } nodeId && id.SequenceEqual(nodeId)) return node;
        }
        return null;
    }

    // Bundle entries match by fullUrl, or by Type/id (of a relative reference, or the tail of an absolute one).
    private static ElementNode? FindInBundle(ElementNode origin, string reference)
    {
        var typeAndId = TypeAndId(reference);
        for (var bundle = origin; bundle is not null; bundle = bundle.Parent)
        {
            if (bundle.TypeName != "Bundle") continue;
            foreach (var entryItem in bundle.Children("entry"))
            {
                var entry = (ElementNode)entryItem;
                var resources = entry.Children("resource");
                if (resources.Count != 1 || resources.Single is not ElementNode resource) continue;
                var fullUrls = entry.Children("fullUrl");
                if (fullUrls.Count == 1 && Items.Unwrap(fullUrls.Single) is string fullUrl
                    && (fullUrl == reference || (fullUrl.EndsWith(reference, StringComparison.Ordinal) && fullUrl[^(reference.Length + 1)] == '/')))
                {
                    return resource;
                }
                if (typeAndId is { } ti && resource.TypeName == ti.Type && Id(resource) == ti.Id) return resource;
            }
        }
        return null;
    }

    /// <summary><c>Type/id</c> from a relative or absolute reference, ignoring <c>/_history/n</c>.</summary>
    internal static (string Type, string Id)? TypeAndId(string reference)
    {
        var parts = reference.Split('/');
        var count = parts.Length;
        if (count >= 4 && parts[count - 2] == "_history") count -= 2;
        if (count < 2) return null;
        var type = parts[count - 2];
        var id = parts[count - 1];
        if (type.Length == 0 || id.Length == 0 || !char.IsAsciiLetterUpper(type[0])) return null;
        return (type, id);
    }

    private static string? Id(ElementNode resource)
    {
        var ids = resource.Children("id");
        return ids.Count == 1 ? Items.Unwrap(ids.Single) as string : null;
    }
}
