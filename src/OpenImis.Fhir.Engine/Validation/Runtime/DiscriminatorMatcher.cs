using OpenImis.Fhir.Engine.Model;
using OpenImis.Fhir.Engine.Validation.Compilation;

namespace OpenImis.Fhir.Engine.Validation.Runtime;

/// <summary>
/// Does an element belong to a slice? Follows each discriminator path (the FHIRPath subset of profiling.html#discriminator:
/// names, <c>$this</c>, <c>extension('url')</c>, <c>ofType(T)</c>) through the element and the slice's plan at once.
/// value/pattern: every fixed or pattern met along the path (the path's end or a parent pattern) must match;
/// exists: the slice's min/max at the path; type: the element's type among the slice's types; profile: the value at
/// the path conforms to one of the slice's type profiles there (a nested validation). A <c>resolve()</c> step is not
/// followed (it matches).
/// </summary>
internal sealed class DiscriminatorMatcher(ValidationRun run)
{
    private readonly ProfileRegistry registry = run.Services.Registry;

    // The nodes at the current step of a path and the next: reused, so matching allocates nothing. A matcher belongs
    // to one run and matching does not re-enter it (a profile discriminator validates in a nested run of its own).
    private List<ElementNode> _nodes = [];
    private List<ElementNode> _next = [];

    public bool Matches(ElementNode node, ElementPlan slice, SlicingPlan slicing)
    {
        foreach (var discriminator in slicing.Discriminators)
        {
            if (!Matches(node, slice, discriminator)) return false;
        }
        return true;
    }

    private bool Matches(ElementNode node, ElementPlan slice, DiscriminatorPlan discriminator)
    {
        var checksValue = discriminator.Type is "value" or "pattern";
        _nodes.Clear();
        _nodes.Add(node);
        ElementPlan? plan = slice;
        if (checksValue && !CheckValue(_nodes, plan)) return false;
        foreach (var step in discriminator.Steps)
        {
            switch (step.Kind)
            {
                case DiscriminatorStepKind.This:
                    continue;
                case DiscriminatorStepKind.Resolve:
                    return true;
                case DiscriminatorStepKind.OfType:
                    OfType(_nodes, step.Value, _next);
                    (_nodes, _next) = (_next, _nodes);
                    continue;
            }
            var parentType = _nodes.Count > 0 ? _nodes[0].TypeName : null;
            if (step.Kind == DiscriminatorStepKind.Extension)
            {
                ExtensionsWithUrl(_nodes, step.Value, _next);
                plan = plan is null ? null : ExtensionSlice(PlanNavigator.Child(registry, plan, "extension", parentType), step.Value);
            }
            else
            {
                ChildNodes(_nodes, step.Value, _next);
                plan = plan is null ? null : PlanNavigator.Child(registry, plan, step.Value, parentType);
            }
            (_nodes, _next) = (_next, _nodes);
            if (checksValue && !CheckValue(_nodes, plan)) return false;
        }
        if (plan is null) return true;
        switch (discriminator.Type)
        {
            case "exists":
                return plan.Min >= 1 ? _nodes.Count > 0 : plan.Max != 0 || _nodes.Count == 0;
            case "type":
                if (_nodes.Count == 0) return false;
                foreach (var n in _nodes)
                {
                    if (plan.Types.Length > 0 && plan.TypeFor(n.TypeName) is null) return false;
                }
                return true;
            case "profile":
                if (_nodes.Count == 0) return false;
                foreach (var n in _nodes)
                {
                    if (!ConformsToTypeProfile(n, plan)) return false;
                }
                return true;
            default:
                return true;
        }
    }

    private bool ConformsToTypeProfile(ElementNode node, ElementPlan plan)
    {
        if (plan.TypeFor(node.TypeName) is not { Profiles.Length: > 0 } type || run.Depth >= 2) return true;
        for (var i = 0; i < type.Profiles.Length; i++)
        {
            if (type.ProfilePlan(registry, i) is not { } profile) continue;
            var nested = new ValidationRun(run.Services, node, run.Depth + 1);
            new ElementWalker(nested).Validate(node, profile.Root, node.IsResource ? node : ResourceOf(node));
            nested.Release();
            if (!nested.HasErrors) return true;
        }
        return false;
    }

    private static ElementNode ResourceOf(ElementNode node)
    {
        var current = node;
        while (!current.IsResource && current.Parent is { } parent) current = parent;
        return current;
    }

    // A fixed or pattern on the plan at this step must be met by one of the nodes there.
    private static bool CheckValue(List<ElementNode> nodes, ElementPlan? plan)
    {
        if (plan is null || (plan.Fixed is null && plan.Pattern is null)) return true;
        var exact = plan.Fixed is not null;
        foreach (var node in nodes)
        {
            if (PatternMatcher.Matches(node, plan, exact)) return true;
        }
        return false;
    }

    private static ElementPlan? ExtensionSlice(ElementPlan? extension, string url)
    {
        if (extension is null) return null;
        foreach (var slice in extension.Slices)
        {
            foreach (var type in slice.Types)
            {
                if (Array.IndexOf(type.Profiles, url) >= 0) return slice;
            }
        }
        return null;
    }

    public static string? UrlOf(ElementNode extension) =>
        extension.Children("url") is { Count: 1 } url ? ((ElementNode)url.Single).Value as string : null;

    private static void ChildNodes(List<ElementNode> nodes, string name, List<ElementNode> result)
    {
        result.Clear();
        foreach (var node in nodes)
        {
            foreach (var child in node.Children(name)) result.Add((ElementNode)child);
        }
    }

    private static void OfType(List<ElementNode> nodes, string typeName, List<ElementNode> result)
    {
        result.Clear();
        foreach (var node in nodes)
        {
            if (node.TypeName == typeName) result.Add(node);
        }
    }

    private static void ExtensionsWithUrl(List<ElementNode> nodes, string url, List<ElementNode> result)
    {
        result.Clear();
        foreach (var node in nodes)
        {
            foreach (var child in node.Children("extension"))
            {
                if (UrlOf((ElementNode)child) == url) result.Add((ElementNode)child);
            }
        }
    }
}
