using System.Buffers;
using System.Text.Json;
using OpenImis.Fhir.Application.Interactions;
using OpenImis.Fhir.Engine.Search;
using OpenImis.Fhir.Storage.Search;

namespace OpenImis.Fhir.Application.Capabilities;

/// <summary>
/// The CapabilityStatement (<c>GET /fhir/metadata</c>), generated from what the server does: every concrete R4
/// resource type with the interactions implemented, the openIMIS profile enforced on the type (<c>profile</c>) and the
/// IG's other profiles for it (<c>supportedProfile</c>), versioning, conditional operations, the formats, the search of
/// every type (<c>search-system</c>, its parameters in <c>rest.searchParam</c>) and the compartments that can be
/// searched (<c>rest.compartment</c>).
/// </summary>
public sealed class CapabilityStatementSource(FhirContext context, IReadOnlyDictionary<string, IReadOnlyList<string>> igProfilesByType, CompartmentCatalog compartments)
{
    private static readonly string[] Interactions = ["read", "vread", "update", "patch", "delete", "history-instance", "history-type", "create", "search-type"];

    private const string BundleDocumentation =
        "GET and HEAD entries are answered as the same GET over REST: read, vread, search of a type, of a compartment or of every type "
        + "(?_type=A,B&...; a searchset Bundle), history (a history Bundle) and metadata. In a transaction, reads, searches and histories run after the writes and see them.";

    private const string SystemSearchDocumentation =
        "GET [base]?params (or POST [base]/_search with a form body): every type, or those _type=A,B names (several _type: the types in each), "
        + "with the parameters of base Resource in rest.searchParam, _sort=_id|_lastUpdated and the result parameters (_count, _total, _summary, "
        + "_elements, _include, _revinclude); other parameters are ignored and reported, or refused with Prefer: handling=strict. "
        + "Without _type the search reads the rows of every type.";

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
            foreach (var code in (string[])["transaction", "batch", "search-system", "history-system"])
            {
                writer.WriteStartObject();
                writer.WriteString("code", code);
                if (code is "transaction" or "batch") writer.WriteString("documentation", BundleDocumentation);
                else if (code == "search-system") writer.WriteString("documentation", SystemSearchDocumentation);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            // The parameters of a search of every type (GET [base]?...): those of base Resource.
            WriteSearchParams(writer, SearchRequest.AnyType);
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
        var references = Parameters(type).Where(h => h.Definition.Type == SearchParameterType.Reference).ToList();
        if (references.Count > 0)
        {
            // FHIR JSON has no empty arrays: a type without reference parameters gets no searchInclude.
            writer.WriteStartArray("searchInclude");
            foreach (var handler in references) writer.WriteStringValue($"{type}:{handler.Code}");
            writer.WriteEndArray();
        }
        WriteSearchParams(writer, type);
        writer.WriteStartArray("referencePolicy");
        writer.WriteStringValue("literal");
        writer.WriteStringValue("logical");
        if (context.Options.ReferentialIntegrity) writer.WriteStringValue("enforced");
        writer.WriteStringValue("local");
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    // The parameters that can be searched on: indexed, or read from the resource row.
    private List<SearchParameterHandler> Parameters(string type) => context.Search.For(type).Values
        .Where(h => h.IsIndexed || h.Code is "_id" or "_lastUpdated")
        .OrderBy(h => h.Code, StringComparer.Ordinal)
        .ToList();

    /// <param name="type">A resource type, or <see cref="SearchRequest.AnyType"/> for the search of every type (rest.searchParam).</param>
    private void WriteSearchParams(Utf8JsonWriter writer, string type)
    {
        writer.WriteStartArray("searchParam");
        foreach (var handler in Parameters(type))
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
    }
}
