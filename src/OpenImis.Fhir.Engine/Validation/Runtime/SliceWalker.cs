using OpenImis.Fhir.Engine.FhirPath;
using OpenImis.Fhir.Engine.Model;
using OpenImis.Fhir.Engine.Validation.Compilation;

namespace OpenImis.Fhir.Engine.Validation.Runtime;

/// <summary>
/// Assigns each repetition of a sliced element to its slice by the discriminators (profiling.html#discriminator),
/// then checks the slicing rules (profiling.html#slicing) and per-slice cardinality (at the parent), and validates
/// every entry against its slice (or the sliced element when it matches none). Rules, each a structure error at the
/// entry: closed, an entry that matches no slice; openAtEnd, an entry that matches no slice before an entry of a
/// slice; ordered, the first entry of a slice defined before the slice of an earlier entry.
/// </summary>
internal sealed class SliceWalker(ValidationRun run, ElementWalker walker)
{
    public void Validate(ElementNode parent, ElementPlan sliced, FhirPathCollection nodes, ElementNode resource)
    {
        var slices = sliced.Slices;
        var slicing = sliced.Slicing!;
        var counts = new int[slices.Length];
        var matcher = run.Matcher;
        var byUrl = sliced.UrlSlices ??= UrlSliceIndex.Build(sliced, run.Services.Registry);
        var highest = -1; // ordered: the highest slice index of the entries so far
        var outOfOrder = false;
        List<ElementNode>? unmatchedBefore = null; // openAtEnd: entries in no slice not yet followed by a slice entry
        foreach (var item in nodes)
        {
            var node = (ElementNode)item;
            var index = -1;
            if (byUrl.Applies) index = byUrl.FirstMatch(node);
            else
            {
                for (var s = 0; s < slices.Length && index < 0; s++)
                {
                    if (matcher.Matches(node, slices[s], slicing)) index = s;
                }
            }
            if (index < 0)
            {
                if (slicing.IsClosed)
                {
                    run.Report(IssueSeverity.Error, IssueTypes.Structure, node, $"{sliced.Path}: the element matches none of the slices of a closed slicing", "slice-closed");
                }
                else if (slicing.IsOpenAtEnd)
                {
                    (unmatchedBefore ??= []).Add(node);
                }
                walker.ValidateOne(node, sliced, resource);
                continue;
            }
            if (unmatchedBefore is { Count: > 0 })
            {
                ReportNotAtEnd(sliced, unmatchedBefore, slices[index]);
                unmatchedBefore.Clear();
            }
            if (slicing.Ordered && index < highest && !outOfOrder)
            {
                outOfOrder = true;
                run.Report(IssueSeverity.Error, IssueTypes.Structure, node,
                    $"{sliced.Path}: the element is in slice {slices[index].SliceName}, which the profile orders before slice {slices[highest].SliceName} of an earlier element; the slicing is ordered",
                    "slice-order");
            }
            highest = Math.Max(highest, index);
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

    // openAtEnd: entries in no slice must come after every entry of a slice; these came before one.
    private void ReportNotAtEnd(ElementPlan sliced, List<ElementNode> unmatched, ElementPlan nextSlice)
    {
        foreach (var node in unmatched)
        {
            run.Report(IssueSeverity.Error, IssueTypes.Structure, node,
                $"{sliced.Path}: the element matches none of the slices but comes before an element of slice {nextSlice.SliceName}; the slicing is open at the end only, so such elements must follow all slice elements",
                "slice-open-at-end");
        }
    }
}
