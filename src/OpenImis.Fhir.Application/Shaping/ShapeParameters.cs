using OpenImis.Fhir.Application.Errors;

namespace OpenImis.Fhir.Application.Shaping;

/// <summary>
/// <c>_summary</c> and <c>_elements</c> as a request gives them (search.html#summary, #elements), read the same way by
/// search, read, vread and metadata: the last <c>_summary</c> counts, <c>_elements</c> lists add up.
/// </summary>
internal sealed class ShapeParameters
{
    /// <summary>true, text, data, count or false; null when not given.</summary>
    public string? Summary { get; private set; }

    /// <summary>The element names, or null when not given.</summary>
    public List<string>? Elements { get; private set; }

    /// <summary>Takes the parameter if it is <c>_summary</c> or <c>_elements</c> (400 for a <c>_summary</c> value R4 does not define).</summary>
    public bool Read(string name, string value)
    {
        switch (name)
        {
            case "_summary":
                if (value is not ("count" or "true" or "text" or "data" or "false")) throw FhirException.BadRequest($"_summary: '{value}' is not true, text, data, count or false");
                Summary = value;
                return true;
            case "_elements":
                Elements = [.. Elements ?? [], .. value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
                return true;
            default:
                return false;
        }
    }
}
