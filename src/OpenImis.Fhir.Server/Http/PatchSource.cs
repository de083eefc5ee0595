using System.Text.Json.Nodes;
using OpenImis.Fhir.Application.Errors;

namespace OpenImis.Fhir.Server.Http;

/// <summary>Turns a PATCH body into the function that applies it (JSON Patch or FHIRPath Patch).</summary>
internal sealed class PatchSource
{
    public Func<JsonNode, JsonNode> Create(string contentType, ReadOnlyMemory<byte> body)
    {
        _ = body;
        throw new FhirException(415, "not-supported", $"PATCH with '{contentType}' is not supported yet");
    }
}
