using OpenImis.Fhir.Application.Errors;
using OpenImis.Fhir.Application.Interactions;

namespace OpenImis.Fhir.Application.Shaping;

/// <summary>
/// The <see cref="ResultShape"/> a request's <c>_summary</c> and <c>_elements</c> ask for: of the resources of a
/// searchset, and of the one resource a read, a vread or <c>metadata</c> answers (HAPI shapes those too). One per
/// process: its <c>_summary=true</c> filter keeps what it learns of each type.
/// </summary>
public sealed class ResultShaper(FhirContext context)
{
    private readonly SummaryFilter _summaryFilter = new(context.Model);

    /// <summary>The shape of a searchset's resources (<c>_summary=count</c> writes none).</summary>
    internal ResultShape ForSearch(ShapeParameters parameters) =>
        new(context.Model, _summaryFilter, context.IsResourceType, parameters.Summary == "count" ? null : parameters.Summary, parameters.Elements);

    /// <summary>
    /// The shape of the one resource a read, a vread or metadata answers, or null for the resource whole. Other
    /// parameters are not looked at. <c>_summary=count</c> is 400: it asks for the number of matches of a search.
    /// </summary>
    internal ResultShape? ForResource(IEnumerable<KeyValuePair<string, string>> parameters)
    {
        var shaping = new ShapeParameters();
        foreach (var (name, value) in parameters) shaping.Read(name, value);
        if (shaping.Summary == "count") throw FhirException.BadRequest("_summary=count counts the matches of a search; a read returns one resource (use true, text, data or false)");
        // Most reads ask for neither: nothing built for them.
        if (shaping.Summary is null or "false" && shaping.Elements is null) return null;
        var shape = ForSearch(shaping);
        return shape.Shapes ? shape : null;
    }
}
