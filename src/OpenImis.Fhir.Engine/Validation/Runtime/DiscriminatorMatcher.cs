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
        List<ElementNode> nodes = [node];
        ElementPlan? plan = slice;
        if (checksValue && !CheckValue(nodes, plan)) return false;
        foreach (var step in discriminator.Steps)
        {
            switch (step.Kind)
            {
                case DiscriminatorStepKind.This:
                    continue;
                case DiscriminatorStepKind.Resolve:
                    return true;
                case DiscriminatorStepKind.OfType:
                    nodes = OfType(nodes, step.Value);
                    continue;
            }
            var parentType = nodes.Count > 0 ? nodes[0].TypeName : null;
            if (step.Kind == DiscriminatorStepKind.Extension)
            {
                nodes = ExtensionsWithUrl(nodes, step.Value);
                plan = plan is null ? null : ExtensionSlice(PlanNavigator.Child(registry, plan, "extension", parentType), step.Value);
            }
            else
            {
                nodes = ChildNodes(nodes, step.Value);
                plan = plan is null ? null : PlanNavigator.Child(registry, plan, step.Value, parentType);
            }
            if (checksValue && !CheckValue(nodes, plan)) return false;
        }
        return discriminator.Type switch
        {
            "exists" => plan is null || (plan.Min >= 1 ? nodes.Count > 0 : plan.Max != 0 || nodes.Count == 0),
            "type" => plan is null || (nodes.Count > 0 && nodes.All(n => plan.Types.Count == 0 || plan.TypeFor(n.TypeName) is not null)),
            "profile" => plan is null || (nodes.Count > 0 && nodes.All(n => ConformsToTypeProfile(n, plan))),
            _ => true,
        };
    }

    private bool ConformsToTypeProfile(ElementNode node, ElementPlan plan)
    {
        var profiles = plan.TypeFor(node.TypeName)?.Profiles ?? [];
        if (profiles.Count == 0 || run.Depth >= 2) return true;
        foreach (var url in profiles)
        {
            if (registry.Find(url) is not { } profile) continue;
            var nested = new ValidationRun(run.Services, run.Depth + 1);
            new ElementWalker(nested).Validate(node, profile.Root, node.IsResource ? node : ResourceOf(node));
            if (!nested.Issues.Any(i => i.Severity is IssueSeverity.Error or IssueSeverity.Fatal)) return true;
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
        if (plan is null) return true;
        var expected = plan.Fixed ?? plan.Pattern;
        if (expected is null) return true;
        foreach (var node in nodes)
        {
            if (PatternMatcher.Matches(node, expected.Value, exact: plan.Fixed is not null)) return true;
        }
        return false;
    }

    private static ElementPlan? ExtensionSlice(ElementPlan? extension, string url)
    {
        if (extension is null) return null;
        foreach (var slice in extension.Slices)
        {
            if (slice.Types.Any(t => t.Profiles.Contains(url))) return slice;
        }
        return null;
    }

    public static string? UrlOf(ElementNode extension) =>
        extension.Children("url") is { Count: 1 } url ? ((ElementNode)url.Single).Value as string : null;

    private static List<ElementNode> ChildNodes(List<ElementNode> nodes, string name)
    {
        var result = new List<ElementNode>();
        foreach (var node in nodes)
        {
            foreach (var child in node.Children(name)) result.Add((ElementNode)child);
        }
        return result;
    }

    private static List<ElementNode> OfType(List<ElementNode> nodes, string typeName)
    {
        var result = new List<ElementNode>(nodes.Count);
        foreach (var node in nodes)
        {
            if (node.TypeName == typeName) result.Add(node);
        }
        return result;
    }

    private static List<ElementNode> ExtensionsWithUrl(List<ElementNode> nodes, string url)
    {
        var result = new List<ElementNode>();
        foreach (var node in nodes)
        {
            foreach (var child in node.Children("extension"))
            {
                if (UrlOf((ElementNode)child) == url) result.Add((ElementNode)child);
            }
        }
        return result;
    }
}
