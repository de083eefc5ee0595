using System.Text.Json.Nodes;
using OpenImis.Fhir.Engine.Model;

namespace OpenImis.Fhir.Application.Patch;

/// <summary>
/// A value carried by a FHIRPath Patch part, as written and before it meets its target: a typed <c>value[x]</c>
/// (<see cref="Type"/> with <see cref="Json"/> and/or the <c>_value[x]</c> object <see cref="Extension"/>), a
/// <see cref="Resource"/>, or <see cref="Parts"/> that build a complex value element by element.
/// </summary>
internal sealed class FhirPatchValue
{
    /// <summary>The part holding the value, e.g. <c>Parameters.parameter[0].part[3]</c>, for error locations.</summary>
    public required string Location { get; init; }

    /// <summary>The FHIR type named by the <c>value[x]</c> suffix; null for a resource or parts.</summary>
    public TypeDefinition? Type { get; init; }

    public JsonNode? Json { get; init; }

    public JsonObject? Extension { get; init; }

    public JsonObject? Resource { get; init; }

    /// <summary>Named sub-values, in order; a name given several times is a repeating element.</summary>
    public IReadOnlyList<KeyValuePair<string, FhirPatchValue>>? Parts { get; init; }

    /// <summary>How the value was given, for messages: <c>valueIdentifier</c>, <c>resource</c>, <c>part</c>.</summary>
    public string Describe() => Type is not null ? $"a {Type.Name} value" : Resource is not null ? "a resource" : "a value built from parts";
}
