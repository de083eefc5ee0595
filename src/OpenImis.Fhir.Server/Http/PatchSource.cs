using System.Text.Json.Nodes;
using OpenImis.Fhir.Application.Errors;
using OpenImis.Fhir.Application.Interactions;
using OpenImis.Fhir.Application.Patch;

namespace OpenImis.Fhir.Server.Http;

/// <summary>
/// Turns a PATCH body into the function that applies it (JSON Patch or FHIRPath Patch, by content type); the
/// applier's refusals (400 malformed, 415 format, 422 does not apply) become OperationOutcomes.
/// </summary>
internal sealed class PatchSource(FhirContext context)
{
    public Func<JsonNode, JsonNode> Create(string contentType, ReadOnlyMemory<byte> body) => resource =>
    {
        try
        {
            return PatchApplier.Apply(resource, contentType, body, context.FhirPath);
        }
        catch (PatchException e)
        {
            var code = e.Status switch { 415 => "not-supported", 400 => "invalid", _ => "processing" };
            throw new FhirException(e.Status, code, e.Message, e.Location.Length == 0 ? null : e.Location);
        }
    };
}
