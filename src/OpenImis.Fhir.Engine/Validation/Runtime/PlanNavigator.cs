using OpenImis.Fhir.Engine.Validation.Compilation;

namespace OpenImis.Fhir.Engine.Validation.Runtime;

/// <summary>
/// Finds the plan of a child element: in the snapshot when it goes below the element, otherwise in the type's
/// profile (an extension definition) or the type's own core definition (Patient.name → HumanName's children).
/// </summary>
internal static class PlanNavigator
{
    public static ElementPlan? Child(ProfileRegistry registry, ElementPlan plan, string name, string? nodeType)
    {
        if (plan.HasChildren) return plan.Child(name);
        var type = nodeType is not null ? plan.TypeFor(nodeType) : null;
        type ??= plan.Types.Length == 1 ? plan.Types[0] : null;
        if (type is null) return nodeType is null ? null : registry.ForType(nodeType)?.Root.Child(name);
        if (type.Profiles.Length > 0 && type.ProfilePlan(registry, 0) is { } profile) return profile.Root.Child(name);
        return registry.ForType(nodeType ?? type.Code)?.Root.Child(name);
    }
}
