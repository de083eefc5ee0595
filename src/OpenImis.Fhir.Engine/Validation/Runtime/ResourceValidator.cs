using OpenImis.Fhir.Engine.Model;
using OpenImis.Fhir.Engine.Validation.Compilation;

namespace OpenImis.Fhir.Engine.Validation.Runtime;

/// <summary>
/// Validates a resource against its core definition, each profile of <c>meta.profile</c> and the extra profiles
/// asked for, then every contained and Bundle entry resource the walk queued, each with its own definitions.
/// </summary>
internal static class ResourceValidator
{
    public static void Validate(ValidationRun run, ElementNode root, IReadOnlyList<string> extraProfiles)
    {
        var walker = new ElementWalker(run);
        ValidateOne(run, walker, root, extraProfiles);
        while (run.PendingResources.TryDequeue(out var next)) ValidateOne(run, walker, next, []);
    }

    private static void ValidateOne(ValidationRun run, ElementWalker walker, ElementNode resource, IReadOnlyList<string> extraProfiles)
    {
        // A resource of unknown type was reported by the JSON stage; there is nothing to validate it against.
        if (resource.Type is null or { IsAbstract: true } || run.Services.Registry.ForType(resource.TypeName) is not { } core) return;
        var profiles = new List<ProfilePlan>();
        foreach (var meta in resource.Children("meta"))
        {
            foreach (var item in ((ElementNode)meta).Children("profile"))
            {
                var entry = (ElementNode)item;
                if (entry.Value is string canonical && Resolve(run, resource, canonical, entry.Location) is { } profile) profiles.Add(profile);
            }
        }
        foreach (var canonical in extraProfiles)
        {
            if (Resolve(run, resource, canonical, resource.Location) is { } profile) profiles.Add(profile);
        }
        // A constraint profile's snapshot holds all of the core definition, so the core walk would only repeat it;
        // it is needed when no such profile applies.
        if (!profiles.Exists(p => p.IsConstraint)) walker.Validate(resource, core.Root, resource);
        foreach (var profile in profiles) walker.Validate(resource, profile.Root, resource);
        CheckContainedIds(run, resource);
    }

    // references.html#contained: '#id' finds a contained resource by its id within the container, so two with the same
    // id would make such a reference ambiguous.
    private static void CheckContainedIds(ValidationRun run, ElementNode resource)
    {
        var contained = resource.Children("contained");
        if (contained.Count < 2) return;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in contained)
        {
            var node = (ElementNode)item;
            if (node.Children("id") is { Count: 1 } ids && ((ElementNode)ids.Single).Value is string id && !seen.Add(id))
            {
                run.Report(IssueSeverity.Error, IssueTypes.Invariant, node, $"Another contained resource already has the id '{id}'", "contained-id-unique");
            }
        }
    }

    // profiling.html#profile-claims: an unknown canonical (or version) cannot be checked; a profile of another type is a processing error.
    private static ProfilePlan? Resolve(ValidationRun run, ElementNode resource, string canonical, string location)
    {
        var profile = run.Services.Registry.Find(canonical);
        var bar = canonical.IndexOf('|', StringComparison.Ordinal);
        if (profile is null || (bar >= 0 && profile.Version != canonical[(bar + 1)..]))
        {
            run.Report(IssueSeverity.Error, IssueTypes.NotSupported, location, $"The profile {canonical} is not known", "profile-unknown");
            return null;
        }
        if (profile.Type != resource.TypeName)
        {
            run.Report(IssueSeverity.Error, IssueTypes.Processing, location, $"The profile {canonical} constrains {profile.Type}, not {resource.TypeName}", "profile-type");
            return null;
        }
        return profile;
    }
}
