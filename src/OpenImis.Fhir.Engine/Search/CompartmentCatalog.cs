using System.Text.Json;
using OpenImis.Fhir.Engine.Definitions;

namespace OpenImis.Fhir.Engine.Search;

/// <summary>
/// The compartments of R4 (compartmentdefinition.html: Patient, Encounter, RelatedPerson, Practitioner, Device), read
/// from the CompartmentDefinition resources of the R4 definitions: for each compartment type, the resource types that
/// may be in it and the reference search parameters that put them there. A resource is in the compartment of
/// <c>Patient/123</c> when one of those parameters refers to <c>Patient/123</c>; the parameter <c>{def}</c> means the
/// focal resource itself (R4 gives it for Encounter, Practitioner and RelatedPerson; Patient has <c>link</c> instead).
/// </summary>
public sealed class CompartmentCatalog
{
    /// <summary>The parameter code that stands for the compartment's own resource.</summary>
    public const string Itself = "{def}";

    private readonly Dictionary<string, Compartment> _byType;

    private CompartmentCatalog(Dictionary<string, Compartment> byType) => _byType = byType;

    public static CompartmentCatalog ForR4(FhirDefinitions? definitions = null) =>
        FromDefinitions((definitions ?? FhirDefinitions.R4).OfType("CompartmentDefinition"));

    public static CompartmentCatalog FromDefinitions(IEnumerable<JsonElement> definitions)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        var byType = new Dictionary<string, Compartment>(StringComparer.Ordinal);
        foreach (var definition in definitions)
        {
            if (!definition.TryGetProperty("code", out var code) || code.GetString() is not { } type) continue;
            var members = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
            if (definition.TryGetProperty("resource", out var resources))
            {
                foreach (var resource in resources.EnumerateArray())
                {
                    // A resource type listed without parameters is never in the compartment.
                    if (!resource.TryGetProperty("param", out var parameters) || parameters.GetArrayLength() == 0) continue;
                    members[resource.GetProperty("code").GetString()!] = [.. parameters.EnumerateArray().Select(p => p.GetString()!)];
                }
            }
            var url = definition.TryGetProperty("url", out var u) ? u.GetString() ?? "" : "";
            byType[type] = new Compartment(type, url, members);
        }
        return new CompartmentCatalog(byType);
    }

    /// <summary>The compartment types, in name order.</summary>
    public IEnumerable<Compartment> All => _byType.Values.OrderBy(c => c.Type, StringComparer.Ordinal);

    public Compartment? Find(string compartmentType) => _byType.GetValueOrDefault(compartmentType);
}
