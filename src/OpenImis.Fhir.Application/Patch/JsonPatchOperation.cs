using System.Text.Json.Nodes;

namespace OpenImis.Fhir.Application.Patch;

/// <summary>
/// One checked operation of a JSON Patch document: <see cref="From"/> is set for move and copy, <see cref="Value"/>
/// (possibly a JSON null) for add, replace and test. <see cref="Index"/> is its position in the document.
/// </summary>
internal sealed record JsonPatchOperation(int Index, JsonPatchOperationKind Kind, JsonPointer Path, JsonPointer? From, JsonNode? Value)
{
    /// <summary>The op as written in the document (<c>add</c>, <c>move</c>), for messages.</summary>
    public string Op => Kind.ToString().ToLowerInvariant();
}
