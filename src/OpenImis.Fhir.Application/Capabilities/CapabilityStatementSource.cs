using System.Buffers;
using System.Text.Json;
using OpenImis.Fhir.Application.Interactions;
using OpenImis.Fhir.Engine.Search;
using OpenImis.Fhir.Storage.Search;

namespace OpenImis.Fhir.Application.Capabilities;

/// <summary>
/// The CapabilityStatement (<c>GET /fhir/metadata</c>), generated from what the server does: every concrete R4
/// resource type with the interactions implemented, the openIMIS profile enforced on the type (<c>profile</c>) and the
/// IG's other profiles for it (<c>supportedProfile</c>), versioning, conditional operations, the formats and the
/// compartments that can be searched (<c>rest.compartment</c>).
/// </summary>
public sealed class CapabilityStatementSource(FhirContext context, IReadOnlyDictionary<string, IReadOnlyList<string>> igProfilesByType, CompartmentCatalog compartments)
{
    private static readonly string[] Interactions = ["read", "vread", "update", "patch", "delete", "history-instance", "history-type", "create", "search-type"];

    private const string BundleDocumentation =
        "GET and HEAD entries are answered as the same GET over REST: read, vread, search of a type or a compartment (a searchset Bundle), "
        + "history (a history Bundle) and metadata; no search across types. In a transaction, reads, searches and histories run after the writes and see them.";

    public byte[] Json(string baseUrl)
    {
        var buffer = new ArrayBufferWriter<byte>(64 * 1024);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("resourceType", "CapabilityStatement");
            writer.WriteString("status", "active");
            writer.WriteString("date", "2026-11-22");
            writer.WriteString("publisher", "openimis-fhir");
            writer.WriteString("kind", "instance");
            writer.WriteStartObject("software");
            writer.WriteString("name", "openimis-fhir");
            writer.WriteString("version", typeof(CapabilityStatementSource).Assembly.GetName().Version?.ToString() ?? "0");
            writer.WriteEndObject();
            writer.WriteStartObject("implementation");
            writer.WriteString("description", "openIMIS FHIR R4 server");
            writer.WriteString("url", baseUrl);
            writer.WriteEndObject();
            writer.WriteString("fhirVersion", "4.0.1");
            writer.WriteStartArray("format");
            writer.WriteStringValue("application/fhir+json");
            writer.WriteStringValue("json");
            writer.WriteEndArray();
            writer.WriteStartArray("patchFormat");
            writer.WriteStringValue("application/json-patch+json");
            writer.WriteStringValue("application/fhir+json");
            writer.WriteEndArray();
            writer.WriteStartArray("implementationGuide");
            writer.WriteStringValue("https://openimis.github.io/openimis_fhir_r4_ig/ImplementationGuide/openimis.fhir.r4");
            writer.WriteEndArray();
            writer.WriteStartArray("rest");
            writer.WriteStartObject();
            writer.WriteString("mode", "server");
            // rest.compartment says which compartments can be searched; how, R4 has no element for: it is said here.
            writer.WriteString("documentation", "Compartment search (compartmentdefinition.html) for each compartment in rest.compartment: " +
                "GET [base]/[compartment]/[id]/[type] with the search parameters of the type, and GET [base]/[compartment]/[id]/* " +
                "(or POST [base]/[compartment]/[id]/_search) for every type in the compartment at once, narrowed by _type, with the " +
                "parameters of base Resource (_id, _lastUpdated, _tag, _profile, _security, _source, _list), _sort=_id|_lastUpdated and the result parameters.");
            writer.WriteStartArray("resource");
            foreach (var type in context.ResourceTypes.Order(StringComparer.Ordinal))
            {
                WriteResource(writer, type);
            }
            writer.WriteEndArray();
            writer.WriteStartArray("interaction");
            foreach (var code in (string[])["transaction", "batch", "history-system"])
            {
                writer.WriteStartObject();
                writer.WriteString("code", code);
                if (code != "history-system") writer.WriteString("documentation", BundleDocumentation);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            // Compartment search (GET Patient/123/Claim, Patient/123/*) for each R4 compartment.
            writer.WriteStartArray("compartment");
            foreach (var compartment in compartments.All) writer.WriteStringValue(compartment.Url);
            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    private void WriteResource(Utf8JsonWriter writer, string type)
    {
        writer.WriteStartObject();
        writer.WriteString("type", type);
        if (context.Validation.ProfilesByType.TryGetValue(type, out var enforced)) writer.WriteString("profile", enforced);
        if (igProfilesByType.TryGetValue(type, out var supported) && supported.Count > 0)
        {
            writer.WriteStartArray("supportedProfile");
            foreach (var url in supported) writer.WriteStringValue(url);
            writer.WriteEndArray();
        }
        writer.WriteStartArray("interaction");
        foreach (var code in Interactions)
        {
            writer.WriteStartObject();
            writer.WriteString("code", code);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteString("versioning", "versioned-update");
        writer.WriteBoolean("readHistory", true);
        writer.WriteBoolean("updateCreate", true);
        writer.WriteBoolean("conditionalCreate", true);
        writer.WriteString("conditionalRead", "full-support");
        writer.WriteBoolean("conditionalUpdate", true);
        writer.WriteString("conditionalDelete", "single");
        var parameters = context.Search.For(type).Values
            .Where(h => h.IsIndexed || h.Code is "_id" or "_lastUpdated")
            .OrderBy(h => h.Code, StringComparer.Ordinal)
            .ToList();
        var references = parameters.Where(h => h.Definition.Type == SearchParameterType.Reference).ToList();
        if (references.Count > 0)
        {
            // FHIR JSON has no empty arrays: a type without reference parameters gets no searchInclude.
            writer.WriteStartArray("searchInclude");
            foreach (var handler in references) writer.WriteStringValue($"{type}:{handler.Code}");
            writer.WriteEndArray();
        }
        writer.WriteStartArray("searchParam");
        foreach (var handler in parameters)
        {
            writer.WriteStartObject();
            writer.WriteString("name", handler.Code);
            if (handler.Definition.Url.Length > 0) writer.WriteString("definition", handler.Definition.Url);
            writer.WriteString("type", handler.Definition.Type.ToString().ToLowerInvariant());
            writer.WriteEndObject();
        }
        if (context.SearchEngine.Conditions.Knows(type, SearchConditionBuilder.ListParameter))
        {
            // No R4 SearchParameter defines _list (search.html#list): named here, without a definition.
            writer.WriteStartObject();
            writer.WriteString("name", SearchConditionBuilder.ListParameter);
            writer.WriteString("type", "special");
            writer.WriteString("documentation", "The resources a List holds in List.entry.item: _list=[List id] (several ids: a member of any). Functional lists ($current-problems) are not supported.");
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteStartArray("referencePolicy");
        writer.WriteStringValue("literal");
        writer.WriteStringValue("logical");
        if (context.Options.ReferentialIntegrity) writer.WriteStringValue("enforced");
        writer.WriteStringValue("local");
        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
