using System.Text.RegularExpressions;
using OpenImis.Fhir.Engine.Model;
using OpenImis.Fhir.Engine.Validation.Compilation;

namespace OpenImis.Fhir.Engine.Validation.Runtime;

/// <summary>
/// Literal references (references.html#literal): the format (<c>Type/id</c>, an absolute URL, <c>urn:uuid:</c>,
/// <c>urn:oid:</c>, <c>#id</c>) and the referenced type against the element's target profiles (each profile's base
/// type). External targets are never resolved; <c>#id</c> and <c>urn:uuid:</c> are typed from the container or Bundle.
/// </summary>
internal static partial class ReferenceChecker
{
    [GeneratedRegex(@"^([A-Za-z]+)/[A-Za-z0-9\-\.]{1,64}(/_history/[A-Za-z0-9\-\.]{1,64})?$")]
    private static partial Regex RelativeReference();

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9+.\-]*://\S+$")]
    private static partial Regex AbsoluteUrl();

    [GeneratedRegex(@"/([A-Z][A-Za-z]+)/[A-Za-z0-9\-\.]{1,64}(/_history/[A-Za-z0-9\-\.]{1,64})?$")]
    private static partial Regex TypeInUrl();

    public static void Check(ValidationRun run, ElementNode node, TypePlan? type, ElementNode resource)
    {
        if (node.Children("reference") is not { Count: 1 } items || ((ElementNode)items.Single).Value is not string reference) return;
        var model = run.Services.Model;
        string? targetType;
        if (reference.StartsWith('#'))
        {
            targetType = reference.Length > 1 ? ContainedType(resource, reference[1..]) : null;
        }
        else if (reference.StartsWith("urn:uuid:", StringComparison.Ordinal) || reference.StartsWith("urn:oid:", StringComparison.Ordinal))
        {
            targetType = EntryType(resource, reference);
        }
        else if (RelativeReference().Match(reference) is { Success: true } relative && model.IsResourceType(relative.Groups[1].Value))
        {
            targetType = relative.Groups[1].Value;
        }
        else if (AbsoluteUrl().IsMatch(reference))
        {
            targetType = TypeInUrl().Match(reference) is { Success: true } m && model.IsResourceType(m.Groups[1].Value) ? m.Groups[1].Value : EntryType(resource, reference);
        }
        else
        {
            run.Report(IssueSeverity.Error, IssueTypes.Value, node, $"'{reference}' is not a valid literal reference (Type/id, an absolute URL, urn:uuid:, or #id)", "reference-format");
            return;
        }
        if (targetType is null || type is null || type.TargetProfiles.Count == 0) return;
        var allowed = new List<string>(type.TargetProfiles.Count);
        foreach (var profile in type.TargetProfiles)
        {
            var allowedType = run.Services.Registry.Find(profile)?.Type ?? profile[(profile.LastIndexOf('/') + 1)..];
            if (allowedType == "Resource" || allowedType == targetType) return;
            allowed.Add(allowedType);
        }
        run.Report(IssueSeverity.Error, IssueTypes.Structure, node, $"The reference points to a {targetType}; allowed here: {string.Join(", ", allowed)}", "reference-target");
    }

    private static string? ContainedType(ElementNode resource, string id)
    {
        // A contained resource refers to its siblings through the container (references.html#contained).
        var container = resource;
        if (resource.Name == "contained" && resource.Parent is { } parent) container = parent;
        foreach (var item in container.Children("contained"))
        {
            var contained = (ElementNode)item;
            if (contained.Children("id") is { Count: 1 } ids && ((ElementNode)ids.Single).Value as string == id) return contained.TypeName;
        }
        return null;
    }

    private static string? EntryType(ElementNode resource, string fullUrl)
    {
        for (var node = resource.Parent; node is not null; node = node.Parent)
        {
            if (node.TypeName != "Bundle") continue;
            foreach (var item in node.Children("entry"))
            {
                var entry = (ElementNode)item;
                if (entry.Children("fullUrl") is { Count: 1 } url && ((ElementNode)url.Single).Value as string == fullUrl
                    && entry.Children("resource") is { Count: 1 } target)
                {
                    return ((ElementNode)target.Single).TypeName;
                }
            }
        }
        return null;
    }
}
