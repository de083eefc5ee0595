namespace OpenImis.Fhir.Application.Patch;

/// <summary>The <c>op</c> of a JSON Patch operation (RFC 6902 section 4).</summary>
internal enum JsonPatchOperationKind
{
    Add,
    Remove,
    Replace,
    Move,
    Copy,
    Test,
}
