namespace OpenImis.Fhir.Application.Patch;

/// <summary>The <c>type</c> of a FHIRPath Patch operation (FHIR R4 fhirpatch.html).</summary>
internal enum FhirPatchOperationType
{
    Add,
    Insert,
    Delete,
    Replace,
    Move,
}
