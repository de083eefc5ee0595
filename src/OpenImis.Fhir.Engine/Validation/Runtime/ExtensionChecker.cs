using OpenImis.Fhir.Engine.Model;
using OpenImis.Fhir.Engine.Validation.Compilation;

namespace OpenImis.Fhir.Engine.Validation.Runtime;

/// <summary>
/// Extensions (extensibility.html): an extension is validated against the definition its url names; an unknown url is
/// a warning, and the extension is then checked as the base Extension only; the definition's contexts must admit the
/// element carrying it (extensibility.html#context).
/// </summary>
internal static class ExtensionChecker
{
    /// <returns>False when no definition describes the extension (no url, or an unknown one): the caller checks it as the base Extension.</returns>
    public static bool ValidateByUrl(ValidationRun run, ElementWalker walker, ElementNode node, ElementNode resource)
    {
        if (DiscriminatorMatcher.UrlOf(node) is not { } url) return false;
        var profile = run.Services.Registry.Find(url);
        if (profile is null || !profile.IsExtension)
        {
            run.Report(IssueSeverity.Warning, IssueTypes.Extension, node, $"The extension {url} is not known; it is checked as an Extension only", "extension-unknown");
            return false;
        }
        Apply(run, walker, node, profile, resource);
        return true;
    }

    public static void Apply(ValidationRun run, ElementWalker walker, ElementNode node, ProfilePlan profile, ElementNode resource)
    {
        if (!ContextAdmits(profile, node))
        {
            var contexts = string.Join(", ", profile.Contexts.Select(c => c.Expression));
            run.Report(IssueSeverity.Error, IssueTypes.Extension, node, $"The extension {profile.Url} is not allowed here (contexts: {contexts})", "extension-context");
        }
        walker.Validate(node, profile.Root, resource);
    }

    private static bool ContextAdmits(ProfilePlan profile, ElementNode node)
    {
        if (profile.Contexts.Count == 0 || node.Parent is not { } parent) return true;
        List<string>? paths = null;
        foreach (var context in profile.Contexts)
        {
            switch (context.Type)
            {
                case "fhirpath":
                    return true; // FHIRPath contexts are not evaluated yet: admit.
                case "extension":
                    if (parent.TypeName == "Extension" && DiscriminatorMatcher.UrlOf(parent) == context.Expression) return true;
                    break;
                default:
                    for (var type = parent.Type; type is not null; type = type.Base)
                    {
                        if (type.Name == context.Expression) return true;
                    }
                    paths ??= ElementPaths(parent);
                    if (paths.Contains(context.Expression)) return true;
                    break;
            }
        }
        return false;
    }

    // The element's definition paths: from the nearest resource (Claim.item for Claim.item[0]) and from each complex
    // data type above it (HumanName.family for Patient.contact[0].name.family), without indexes.
    private static List<string> ElementPaths(ElementNode node)
    {
        var paths = new List<string>();
        var suffix = "";
        for (var current = node; current is not null; current = current.Parent)
        {
            if (current.IsResource)
            {
                paths.Add(current.TypeName + suffix);
                break;
            }
            if (!ReferenceEquals(current, node) && current.Type is { Kind: TypeKind.Complex }) paths.Add(current.TypeName + suffix);
            suffix = "." + current.Name + suffix;
        }
        return paths;
    }
}
