using System.Buffers;
using System.Globalization;
using System.Text.Json;
using OpenImis.Fhir.Application.Bundles;
using OpenImis.Fhir.Application.Errors;
using OpenImis.Fhir.Application.Resources;
using OpenImis.Fhir.Application.Shaping;
using OpenImis.Fhir.Application.Interactions;
using OpenImis.Fhir.Engine.Search;
using OpenImis.Fhir.Storage;
using OpenImis.Fhir.Storage.Search;

namespace OpenImis.Fhir.Application.Search;

/// <summary>
/// The search interaction (search.html): reads the parameters, refuses (strict) or ignores and reports (lenient, the
/// default) unknown ones, runs the search and writes the searchset Bundle: matches and includes with their
/// search.mode, <c>total</c> when asked, <c>self</c> and <c>next</c> links (the next link carries a cursor).
/// </summary>
public sealed class SearchInteraction(FhirContext context, SearchEngine engine, CompartmentCatalog compartments, ResultShaper shaper, StoredSearchParameters stored)
{
    public const string CursorParameter = PagingLinks.CursorParameter;

    /// <summary>
    /// Names the parameters of a search stored by <see cref="StoredSearchParameters"/>: the paging links of a search
    /// whose parameters would make them longer than a URL the server accepts (a POST _search with a long form body).
    /// </summary>
    public const string StoredParametersParameter = "_stored-parameters";

    private static readonly HashSet<string> Ignored = ["_format", "_pretty"];

    /// <param name="transaction">A transaction Bundle's, for a search entry: the search sees the Bundle's writes.</param>
    public async Task<byte[]> SearchAsync(string type, IReadOnlyList<KeyValuePair<string, string>> parameters, bool strict, string baseUrl, StoreTransaction? transaction, CancellationToken cancellationToken)
    {
        if (!context.IsResourceType(type)) throw FhirException.NotFound($"Unknown resource type '{type}'");
        parameters = await WithStoredParametersAsync(parameters, cancellationToken);
        return await SearchAsync(type, null, null, parameters, strict, baseUrl, $"{baseUrl}/{type}", transaction, cancellationToken);
    }

    /// <summary>
    /// System search (http.html#search, search.html#_type: <c>GET [base]?...</c>, <c>POST [base]/_search</c>): every
    /// type, or those <c>_type</c> names, with the parameters every type has (those of base Resource), as the search of
    /// every type of a compartment takes them. Without <c>_type</c> it reads the rows of every type.
    /// </summary>
    /// <param name="transaction">A transaction Bundle's, for a search entry: the search sees the Bundle's writes.</param>
    public async Task<byte[]> SystemSearchAsync(IReadOnlyList<KeyValuePair<string, string>> parameters, bool strict, string baseUrl, StoreTransaction? transaction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        parameters = await WithStoredParametersAsync(parameters, cancellationToken);
        var types = NamedTypes(parameters, null)?.Order(StringComparer.Ordinal).ToList();
        return await SearchAsync(SearchRequest.AnyType, null, types, parameters, strict, baseUrl, baseUrl, transaction, cancellationToken);
    }

    /// <summary>
    /// Compartment search (<c>GET Patient/123/Claim</c>, compartmentdefinition.html): the search of the type, limited to
    /// the resources the R4 CompartmentDefinition puts in the compartment of <c>Patient/123</c>. The compartment's
    /// resource need not exist: an empty compartment is an empty Bundle. <c>*</c> for the type searches every type of
    /// the compartment at once (http.html#search: <c>GET [base]/[compartment]/[id]/*</c>), <c>_type</c> narrowing
    /// them, with the parameters every type has (those of base Resource: <c>_id</c>, <c>_lastUpdated</c>, <c>_tag</c>...).
    /// </summary>
    public async Task<byte[]> CompartmentSearchAsync(string compartmentType, string compartmentId, string type, IReadOnlyList<KeyValuePair<string, string>> parameters, bool strict, string baseUrl, StoreTransaction? transaction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        parameters = await WithStoredParametersAsync(parameters, cancellationToken);
        if (!context.IsResourceType(compartmentType)) throw FhirException.NotFound($"Unknown resource type '{compartmentType}'");
        var compartment = compartments.Find(compartmentType)
            ?? throw FhirException.NotFound($"{compartmentType} is not a compartment; the compartments are {string.Join(", ", compartments.All.Select(c => c.Type))}");
        if (!ResourceIds.IsValid(compartmentId)) throw FhirException.BadRequest($"'{compartmentId}' is not a valid resource id ({ResourceIds.Rule})");
        var path = $"{baseUrl}/{compartmentType}/{compartmentId}/{type}";
        if (type == SearchRequest.AnyType)
        {
            var members = CompartmentTypes(compartment, parameters);
            return await SearchAsync(type, new SearchCompartment(compartmentType, compartmentId, members), null, parameters, strict, baseUrl, path, transaction, cancellationToken);
        }
        if (!context.IsResourceType(type)) throw FhirException.NotFound($"Unknown resource type '{type}'");
        var parametersOfType = compartment.ParametersOf(type)
            ?? throw FhirException.BadRequest($"{type} is never in a {compartmentType} compartment ({compartment.Url})");
        var only = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal) { [type] = parametersOfType };
        return await SearchAsync(type, new SearchCompartment(compartmentType, compartmentId, only), null, parameters, strict, baseUrl, path, transaction, cancellationToken);
    }

    // The member types of the compartment that this server knows, narrowed by _type (search.html#_type): a type
    // never in the compartment is refused as it is in Patient/123/Organization.
    private Dictionary<string, IReadOnlyList<string>> CompartmentTypes(Compartment compartment, IReadOnlyList<KeyValuePair<string, string>> parameters)
    {
        var members = compartment.Members.Where(m => context.IsResourceType(m.Key)).ToDictionary(m => m.Key, m => m.Value, StringComparer.Ordinal);
        var wanted = NamedTypes(parameters, name =>
        {
            if (!members.ContainsKey(name)) throw FhirException.BadRequest($"_type: {name} is never in a {compartment.Type} compartment ({compartment.Url})");
        });
        return wanted is null ? members : members.Where(m => wanted.Contains(m.Key)).ToDictionary(m => m.Key, m => m.Value, StringComparer.Ordinal);
    }

    // The types _type names (search.html#_type), null when there is no _type: each a resource type, and allowed by
    // refuse (which throws) when given. Two _type parameters both hold (AND): the types named in each.
    private HashSet<string>? NamedTypes(IReadOnlyList<KeyValuePair<string, string>> parameters, Action<string>? refuse)
    {
        HashSet<string>? wanted = null;
        foreach (var (key, value) in parameters)
        {
            if (key != "_type") continue;
            SearchParameters.RefuseNul(key, value);
            var named = value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (named.Length == 0) throw FhirException.BadRequest("_type: no resource type given");
            foreach (var name in named)
            {
                if (!context.IsResourceType(name)) throw FhirException.BadRequest($"_type: '{name}' is not a resource type");
                refuse?.Invoke(name);
            }
            if (wanted is null) wanted = new HashSet<string>(named, StringComparer.Ordinal);
            else wanted.IntersectWith(named);
        }
        return wanted;
    }

    /// <param name="types">Of a system search: the types <c>_type</c> names; null for every type.</param>
    private async Task<byte[]> SearchAsync(string type, SearchCompartment? compartment, IReadOnlyList<string>? types, IReadOnlyList<KeyValuePair<string, string>> parameters, bool strict, string baseUrl, string path, StoreTransaction? transaction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var count = context.Options.DefaultPageSize;
        string? cursor = null;
        var total = SearchTotal.None;
        var shaping = new ShapeParameters();
        var anyType = type == SearchRequest.AnyType;
        var sort = new List<SearchSortKey>();
        var includes = new List<IncludeRequest>();
        var revIncludes = new List<IncludeRequest>();
        var criteria = new List<SearchCriterion>();
        var ignored = new List<string>();
        foreach (var (name, value) in parameters)
        {
            SearchParameters.RefuseNul(name, value);
            switch (name)
            {
                case "_count":
                    if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out count)) throw FhirException.BadRequest($"_count: '{value}' is not a non-negative integer");
                    count = Math.Min(count, context.Options.MaxPageSize);
                    break;
                case CursorParameter:
                    cursor = value;
                    break;
                case "_total":
                    total = value switch
                    {
                        "none" => SearchTotal.None,
                        "estimate" => SearchTotal.Estimate,
                        "accurate" => SearchTotal.Accurate,
                        _ => throw FhirException.BadRequest($"_total: '{value}' is not none, estimate or accurate"),
                    };
                    break;
                case "_sort":
                    foreach (var key in value.Split(',', StringSplitOptions.RemoveEmptyEntries))
                    {
                        var descending = key.StartsWith('-');
                        var code = descending ? key[1..] : key;
                        if (anyType && code is not ("_id" or "_lastUpdated"))
                        {
                            throw FhirException.BadRequest($"_sort: a search of every type sorts by _id or _lastUpdated only, not '{code}'");
                        }
                        sort.Add(new SearchSortKey(code, descending));
                    }
                    break;
                case "_summary" or "_elements":
                    shaping.Read(name, value);
                    break;
                case "_type" when anyType:
                    break; // read by NamedTypes
                case "_include" or "_include:iterate" or "_revinclude" or "_revinclude:iterate":
                    var include = ParseInclude(name, value);
                    (name.StartsWith("_include", StringComparison.Ordinal) ? includes : revIncludes).Add(include);
                    break;
                default:
                    if (Ignored.Contains(name)) break;
                    // Across types: the parameters of base Resource, without chains or _has (which name a type).
                    if ((anyType && (name.StartsWith("_has", StringComparison.Ordinal) || name.Contains('.', StringComparison.Ordinal))) || !engine.Conditions.Knows(type, name))
                    {
                        if (strict) throw FhirException.BadRequest($"Unknown or unsupported search parameter '{name}' for {TypeLabel(type)} (Prefer: handling=strict)");
                        ignored.Add(name);
                        break;
                    }
                    criteria.Add(new SearchCriterion(name, LocalReferences.Shorten(engine.Registry, context.IsResourceType, type, name, SearchParameters.SplitValues(value), baseUrl)));
                    break;
            }
        }
        if (shaping.Summary == "count")
        {
            count = 0;
            if (total == SearchTotal.None) total = SearchTotal.Accurate;
        }
        var shape = shaper.ForSearch(shaping);
        SearchPage page;
        try
        {
            page = await engine.SearchAsync(new SearchRequest(type, criteria, sort, count, cursor, total, includes, revIncludes) { Compartment = compartment, Types = types }, transaction, cancellationToken);
        }
        catch (SearchException e)
        {
            throw new FhirException(400, e.IssueCode, e.Message);
        }
        var links = await LinksAsync(path, parameters, ignored, page.NextCursor, cancellationToken);
        return WriteBundle(type, links, page, ignored, shape, baseUrl);
    }

    // A link to stored parameters: those stored, with the link's cursor and the URL's _format and _pretty.
    private async Task<IReadOnlyList<KeyValuePair<string, string>>> WithStoredParametersAsync(IReadOnlyList<KeyValuePair<string, string>> parameters, CancellationToken cancellationToken)
    {
        var named = parameters.Where(p => p.Key == StoredParametersParameter).ToList();
        if (named.Count == 0) return parameters;
        var others = parameters.Where(p => p.Key != StoredParametersParameter && p.Key != CursorParameter && !Ignored.Contains(p.Key)).Select(p => p.Key).Distinct().ToList();
        if (named.Count > 1 || others.Count > 0)
        {
            throw FhirException.BadRequest($"{StoredParametersParameter} names the parameters of a search stored for its paging links; it takes one value and no other parameters but {CursorParameter}, _format and _pretty{(others.Count > 0 ? $" (found {string.Join(", ", others)})" : "")}");
        }
        var found = await stored.LoadAsync(named[0].Value, cancellationToken)
            ?? throw new FhirException(410, "not-found", $"{StoredParametersParameter}: no search is stored under '{named[0].Value}'; stored searches are kept {StoredSearchParameters.Retention.TotalHours:0} hours after their last page. Run the search again");
        return [.. found, .. parameters.Where(p => p.Key != StoredParametersParameter && !found.Any(f => f.Key == p.Key))];
    }

    // search.html#selflink: the links hold the parameters used, not those ignored. When they would make a link longer
    // than a URL this server accepts (Fhir:MaxUrlBytes), they are stored and the links name them.
    private async Task<List<(string Relation, string Url)>> LinksAsync(string path, IReadOnlyList<KeyValuePair<string, string>> parameters, List<string> ignored, string? next, CancellationToken cancellationToken)
    {
        var used = parameters.Where(p => !ignored.Contains(p.Key) && p.Key != CursorParameter).ToList();
        var self = path + PagingLinks.Query(used, null);
        var nextLink = next is null ? null : path + PagingLinks.Query(used, next);
        if (Math.Max(self.Length, nextLink?.Length ?? 0) > context.Options.MaxUrlBytes)
        {
            var id = await stored.SaveAsync(used.Where(p => !Ignored.Contains(p.Key)).ToList(), cancellationToken);
            List<KeyValuePair<string, string>> reference = [.. used.Where(p => Ignored.Contains(p.Key)), new(StoredParametersParameter, id)];
            self = path + PagingLinks.Query(reference, null);
            nextLink = next is null ? null : path + PagingLinks.Query(reference, next);
        }
        var links = new List<(string, string)> { ("self", self) };
        if (nextLink is not null) links.Add(("next", nextLink));
        return links;
    }

    private IncludeRequest ParseInclude(string name, string value)
    {
        var parts = value.Split(':');
        if (parts.Length is < 2 or > 3 || !context.IsResourceType(parts[0]) || (parts.Length == 3 && !context.IsResourceType(parts[2])))
        {
            throw FhirException.BadRequest($"{name}: '{value}' is not SourceType:parameter[:TargetType]");
        }
        if (parts[1] != "*" && engine.Registry.Find(parts[0], parts[1]) is not { Definition.Type: Engine.Search.SearchParameterType.Reference })
        {
            throw FhirException.BadRequest($"{name}: {parts[0]} has no reference search parameter '{parts[1]}'");
        }
        return new IncludeRequest(parts[0], parts[1], parts.Length == 3 ? parts[2] : null, name.EndsWith(":iterate", StringComparison.Ordinal));
    }

    private static byte[] WriteBundle(string type, List<(string Relation, string Url)> links, SearchPage page, List<string> ignored, ResultShape shape, string baseUrl)
    {
        var buffer = new ArrayBufferWriter<byte>(16 * 1024);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            BundleJsonWriter.WriteStart(writer, "searchset", links);
            if (page.Total is { } total) writer.WriteNumber("total", total);
            writer.WriteStartArray("entry");
            // _summary and _elements shape included resources as they shape matches.
            foreach (var match in page.Matches) WriteEntry(writer, baseUrl, match, "match", shape.For(match.ResourceType));
            foreach (var included in page.Included) WriteEntry(writer, baseUrl, included, "include", shape.For(included.ResourceType));
            if (ignored.Count > 0)
            {
                writer.WriteStartObject();
                writer.WritePropertyName("resource");
                OperationOutcomeJson.Write(writer, [.. ignored.Select(n => new OutcomeIssue("warning", "not-supported", $"The search parameter '{n}' is unknown or not supported for {TypeLabel(type)}; it was ignored"))]);
                writer.WriteStartObject("search");
                writer.WriteString("mode", "outcome");
                writer.WriteEndObject();
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteEntry(Utf8JsonWriter writer, string baseUrl, StoredResource resource, string mode, Action<Utf8JsonWriter, string>? shape)
    {
        writer.WriteStartObject();
        writer.WriteString("fullUrl", $"{baseUrl}/{resource.ResourceType}/{resource.Id}");
        writer.WritePropertyName("resource");
        if (shape is null) writer.WriteRawValue(resource.Json!, skipInputValidation: true);
        else shape(writer, resource.Json!);
        writer.WriteStartObject("search");
        writer.WriteString("mode", mode);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static string TypeLabel(string type) =>
        type == SearchRequest.AnyType ? "a search of every type (only the parameters of base Resource, such as _id, _lastUpdated, _tag, _profile, and _type)" : type;
}
