using OpenImis.Fhir.Engine.FhirPath;

namespace OpenImis.Fhir.Application.Patch;

/// <summary>
/// One checked FHIRPath Patch operation. <see cref="Target"/> is the compiled path; for insert and move, whose path
/// names a list (<c>Patient.identifier</c>), it is the list's parent (<c>Patient</c>; null for the resource itself)
/// and <see cref="Name"/> the list's element name, so that an empty or absent list can be inserted into.
/// </summary>
internal sealed record FhirPatchOperation(
    int Number,
    FhirPatchOperationType Type,
    string Path,
    CompiledExpression? Target,
    string? Name,
    FhirPatchValue? Value,
    int Index,
    int Source,
    int Destination,
    string Location,
    IReadOnlyDictionary<string, string> PartLocations)
{
    /// <summary>How messages name the operation: <c>Operation 2 (replace at 'Patient.birthDate')</c>.</summary>
    public string Label => $"Operation {Number} ({Type.ToString().ToLowerInvariant()} at '{Path}')";

    /// <summary>The location of a part (<c>Parameters.parameter[2].part[1]</c>), or of the operation when it has no such part.</summary>
    public string LocationOf(string part) => PartLocations.GetValueOrDefault(part, Location);
}
