using OpenImis.Fhir.Engine.Model;
using OpenImis.Fhir.Engine.Validation.Compilation;

namespace OpenImis.Fhir.Engine.Validation.Runtime;

/// <summary>
/// Extension slicing by url (one <c>value</c> discriminator on <c>url</c>, nearly all slicings of the IG): the slice
/// whose url is fixed to a value, by that value. One lookup per element instead of following the discriminator path
/// into every slice. Built only where it gives exactly the answer of <see cref="DiscriminatorMatcher"/>: every slice's
/// <c>url</c> plan is known without the instance (in the slice, or in its one type's profile) and fixes a string.
/// </summary>
internal sealed class UrlSliceIndex
{
    private static readonly UrlSliceIndex NotApplicable = new(null);

    private readonly Dictionary<string, int>? _firstSliceByUrl;

    private UrlSliceIndex(Dictionary<string, int>? firstSliceByUrl) => _firstSliceByUrl = firstSliceByUrl;

    public bool Applies => _firstSliceByUrl is not null;

    public static UrlSliceIndex Build(ElementPlan sliced, ProfileRegistry registry)
    {
        if (sliced.Slicing is not { Discriminators: [{ Type: "value" or "pattern", Steps: [{ Kind: DiscriminatorStepKind.Name, Value: "url" }] }] })
        {
            return NotApplicable;
        }
        var byUrl = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var s = 0; s < sliced.Slices.Length; s++)
        {
            var slice = sliced.Slices[s];
            // A fixed value or pattern on the slice itself is matched against the whole element: not by url alone.
            if (slice.Fixed is not null || slice.Pattern is not null) return NotApplicable;
            var url = UrlPlan(slice, registry);
            var text = url?.Fixed is not null ? url.FixedText : url?.PatternText;
            if (text is null) return NotApplicable;
            byUrl.TryAdd(text, s);
        }
        return new UrlSliceIndex(byUrl);
    }

    // PlanNavigator.Child(slice, "url", node type) where the answer does not depend on the node's type.
    private static ElementPlan? UrlPlan(ElementPlan slice, ProfileRegistry registry)
    {
        if (slice.HasChildren) return slice.Child("url");
        if (slice.Types is not [{ Profiles.Length: > 0 } type]) return null;
        return type.ProfilePlan(registry, 0)?.Root.Child("url");
    }

    /// <summary>The index of the first slice whose url one of the element's url values is, or -1.</summary>
    public int FirstMatch(ElementNode node)
    {
        var first = -1;
        foreach (var item in node.Children("url"))
        {
            if (((ElementNode)item).Value is not { } value) continue;
            if (_firstSliceByUrl!.TryGetValue(value as string ?? PatternMatcher.Text(value), out var index) && (first < 0 || index < first))
            {
                first = index;
            }
        }
        return first;
    }
}
