using System.Text.Json;
using OpenImis.Fhir.Engine.Model;

namespace OpenImis.Fhir.Engine.Validation.Json;

/// <summary>
/// The first stage of validation: is this FHIR JSON at all, as http://hl7.org/fhir/R4/json.html and the primitive
/// rules of http://hl7.org/fhir/R4/datatypes.html describe it, against the base R4 definitions? Arrays vs single values,
/// nulls, empty objects/arrays/strings, unknown properties, <c>_name</c> siblings, JSON kinds and primitive formats.
/// Every problem is reported in one pass; cardinality, bindings, invariants and profiles are later stages.
/// </summary>
/// <remarks>
/// Locations are FHIRPath paths as <see cref="ElementNode.Location"/> gives them: an index only on elements that can
/// repeat, choices by their FHIRPath name (<c>Observation.value</c>), unknown properties as written in the JSON
/// (<c>Patient.foo</c>, <c>Patient._foo</c>). Resources inside resources continue the path of the element holding them
/// (<c>Bundle.entry[0].resource.name[0]</c>, <c>Patient.contained[0].code</c>), without their type name.
/// </remarks>
public static class FhirJsonShapeChecker
{
    /// <summary>Checks <paramref name="resource"/> and appends every problem found to <paramref name="issues"/>.</summary>
    public static void Check(JsonElement resource, FhirModel model, List<ValidationIssue> issues)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(issues);
        new JsonShapeWalker(model, issues).CheckRoot(resource);
    }
}
