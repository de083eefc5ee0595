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
        ElementNode? target = null;
        if (reference.StartsWith('#'))
        {
            target = reference.Length > 1 ? Contained(resource, reference[1..]) : null;
            targetType = target?.TypeName;
        }
        else if (reference.StartsWith("urn:uuid:", StringComparison.Ordinal) || reference.StartsWith("urn:oid:", StringComparison.Ordinal))
        {
            target = Entry(resource, reference);
            targetType = target?.TypeName;
        }
        else if (RelativeType(reference, model) is { } relativeType)
        {
            targetType = relativeType;
        }
        else if (AbsoluteUrl().IsMatch(reference))
        {
            target = Entry(resource, reference);
            targetType = target?.TypeName
                ?? (TypeInUrl().Match(reference) is { Success: true } m && model.IsResourceType(m.Groups[1].Value) ? m.Groups[1].Value : null);
        }
        else
        {
            run.Report(IssueSeverity.Error, IssueTypes.Value, node, $"'{reference}' is not a valid literal reference (Type/id, an absolute URL, urn:uuid:, or #id)", "reference-format");
            return;
        }
        // Reference.type: "if both Reference.type and Reference.reference are populated and Reference.reference is a FHIR
        // URL, both SHALL be consistent" (R4 datatypes).
        if (targetType is not null && node.Children("type") is { Count: 1 } declared && ((ElementNode)declared.Single).Value is string declaredType
            && declaredType != targetType && declaredType != "http://hl7.org/fhir/StructureDefinition/" + targetType)
        {
            run.Report(IssueSeverity.Error, IssueTypes.Value, node, $"Reference.type says {declaredType}, but the reference points to a {targetType}", "reference-type");
            return;
        }
        if (targetType is null || type is null || type.TargetProfiles.Length == 0) return;
        var allowed = new List<string>(type.TargetProfiles.Length);
        var profilesOfType = new List<ProfilePlan>();
        foreach (var profile in type.TargetProfiles)
        {
            var plan = run.Services.Registry.Find(profile);
            var allowedType = plan?.Type ?? profile[(profile.LastIndexOf('/') + 1)..];
            if (allowedType == "Resource") return;
            if (allowedType == targetType)
            {
                // A core definition (or one we cannot load) asks only for the type, which matches.
                if (plan is null || plan.Url.StartsWith(ProfileRegistry.CoreCanonicalPrefix, StringComparison.Ordinal)) return;
                profilesOfType.Add(plan);
            }
            allowed.Add(allowedType);
        }
        if (profilesOfType.Count > 0)
        {
            // The target is here (contained or in the Bundle): it must conform to one of the target profiles.
            if (target is null || TargetConforms(run, target, profilesOfType)) return;
            var urls = string.Join(", ", profilesOfType.Select(p => p.Url));
            run.Report(IssueSeverity.Error, IssueTypes.Structure, node, $"The referenced {targetType} conforms to none of the target profiles {urls}", "reference-target-profile");
            return;
        }
        run.Report(IssueSeverity.Error, IssueTypes.Structure, node, $"The reference points to a {targetType}; allowed here: {string.Join(", ", allowed)}", "reference-target");
    }

    // Type/id: the type is the pattern's first group, the letters before the first '/' (IsMatch makes no Match object).
    private static string? RelativeType(string reference, FhirModel model)
    {
        if (!RelativeReference().IsMatch(reference)) return null;
        var type = reference[..reference.IndexOf('/', StringComparison.Ordinal)];
        return model.IsResourceType(type) ? type : null;
    }

    // Validates the target against each profile on its own (a nested run, depth-limited so reference cycles end).
    private static bool TargetConforms(ValidationRun run, ElementNode target, List<ProfilePlan> profiles)
    {
        if (run.Depth >= 2) return true;
        foreach (var profile in profiles)
        {
            var nested = new ValidationRun(run.Services, target, run.Depth + 1);
            new ElementWalker(nested).Validate(target, profile.Root, target);
            nested.Release();
            if (!nested.HasErrors) return true;
        }
        return false;
    }

    private static ElementNode? Contained(ElementNode resource, string id)
    {
        // A contained resource refers to its siblings through the container (references.html#contained).
        var container = resource;
        if (resource.Name == "contained" && resource.Parent is { } parent) container = parent;
        foreach (var item in container.Children("contained"))
        {
            var contained = (ElementNode)item;
            if (contained.Children("id") is { Count: 1 } ids && ((ElementNode)ids.Single).Value as string == id) return contained;
        }
        return null;
    }

    private static ElementNode? Entry(ElementNode resource, string fullUrl)
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
                    return (ElementNode)target.Single;
                }
            }
        }
        return null;
    }
}
