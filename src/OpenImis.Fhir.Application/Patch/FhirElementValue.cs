using System.Text.Json.Nodes;
using OpenImis.Fhir.Engine.Model;

namespace OpenImis.Fhir.Application.Patch;

/// <summary>
/// A patch value made ready for one element: its JSON (<see cref="Value"/>, and for a primitive the <c>_name</c>
/// object <see cref="Extension"/>) and the element type it takes there, which names a choice's JSON property.
/// </summary>
internal sealed record FhirElementValue(JsonNode? Value, JsonObject? Extension, TypeReference Type);
