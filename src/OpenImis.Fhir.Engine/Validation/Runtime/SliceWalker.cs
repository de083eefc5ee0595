using OpenImis.Fhir.Engine.FhirPath;
using OpenImis.Fhir.Engine.Model;
using OpenImis.Fhir.Engine.Validation.Compilation;

namespace OpenImis.Fhir.Engine.Validation.Runtime;

/// <summary>
/// Assigns each repetition of a sliced element to its slice by the discriminators (profiling.html#discriminator),
/// then checks per-slice cardinality (at the parent), closed slicing (an unmatched entry is a structure error at the
/// entry) and validates every entry against its slice (or the sliced element when it matches none).
/// </summary>
internal sealed class SliceWalker(ValidationRun run, ElementWalker walker)
{
    public void Validate(ElementNode parent, ElementPlan sliced, FhirPathCollection nodes, ElementNode resource)
    {
        var slices = sliced.Slices;
        var counts = new int[slices.Length];
        var matcher = run.Matcher;
        var byUrl = sliced.UrlSlices ??= UrlSliceIndex.Build(sliced, run.Services.Registry);
        foreach (var item in nodes)
        {
            var node = (ElementNode)item;
            var index = -1;
            if (byUrl.Applies) index = byUrl.FirstMatch(node);
            else
            {
                for (var s = 0; s < slices.Length && index < 0; s++)
                {
                    if (matcher.Matches(node, slices[s], sliced.Slicing!)) index = s;
                }
            }
            if (index < 0)
            {
                if (sliced.Slicing!.IsClosed)
                {
                    run.Report(IssueSeverity.Error, IssueTypes.Structure, node, $"{sliced.Path}: the element matches none of the slices of a closed slicing", "slice-closed");
                }
                walker.ValidateOne(node, sliced, resource);
                continue;
            }
            counts[index]++;
            walker.ValidateOne(node, slices[index], resource);
        }
        for (var s = 0; s < slices.Length; s++)
        {
            // The label is built only when the count is wrong: this runs for every slice of every validation.
            var slice = slices[s];
            if (counts[s] >= slice.Min && (slice.Max is not { } max || counts[s] <= max)) continue;
            walker.CheckCardinality(parent, $"{sliced.Path}:{slice.SliceName}", slice.Min, slice.Max, counts[s], "slice-cardinality");
        }
    }
}
