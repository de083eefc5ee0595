using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using OpenImis.Fhir.Application;
using OpenImis.Fhir.Application.Bundles;
using OpenImis.Fhir.Application.Capabilities;
using OpenImis.Fhir.Application.Errors;
using OpenImis.Fhir.Application.Interactions;
using OpenImis.Fhir.Application.Search;
using OpenImis.Fhir.Application.Shaping;

namespace OpenImis.Fhir.Server.Http;

/// <summary>
/// The FHIR REST API at <c>/fhir</c> (http.html): one handler per interaction. Handlers parse the HTTP request,
/// call the application layer and write the answer; every refusal is a <see cref="FhirException"/> that
/// <see cref="FhirErrorMiddleware"/> turns into an OperationOutcome.
/// </summary>
internal static class FhirEndpoints
{
    private const string Tag = "FHIR";

    public static void Map(WebApplication app)
    {
        var fhir = app.MapGroup("/fhir").WithTags(Tag);
        fhir.MapMethods("/metadata", ["GET", "HEAD"], Capabilities).Reads("capabilities", "The CapabilityStatement: interactions, profiles and formats this server supports. mode=full (default) or normative; mode=terminology is 400 (no TerminologyCapabilities). _summary and _elements shape it.");
        // Otherwise /{type} would take "metadata" for a resource type.
        fhir.MapMethods("/metadata", ["POST", "PUT", "PATCH", "DELETE"], ReadOnlyMetadata).ExcludeFromDescription();
        fhir.MapMethods("/", ["GET", "HEAD"], SystemSearch).Reads("search-system", "Search of every type (http.html#search, search.html#_type): GET [base]?params, narrowed by _type=A,B, with the parameters of base Resource (_id, _lastUpdated, _tag, _profile, _security, _source, _list), _sort=_id|_lastUpdated and the result parameters; without _type it reads every type's rows. Unknown parameters are ignored and reported, or refused with Prefer: handling=strict.");
        // A literal segment wins over {type}: this is not a create of a type "_search", and POST [base] stays the Bundle's.
        fhir.MapMethods("/_search", ["GET", "HEAD", "PUT", "PATCH", "DELETE"], SearchByPostOnly).ExcludeFromDescription();
        fhir.MapPost("/_search", SystemSearchByPost).Writes("search-system-post", "Search of every type with the parameters in an application/x-www-form-urlencoded body (and the URL), as GET [base]?params", 200, body: false);
        fhir.MapPost("/", Bundle).Writes("batch-transaction", "Process a batch or transaction Bundle (Bundle.type batch or transaction); the answer is a batch-response or transaction-response Bundle. A failed transaction stores nothing and answers with the failing entry's status and an OperationOutcome.", 200);
        fhir.MapMethods("/_history", ["GET", "HEAD"], SystemHistory).Reads("history-system", "History of all resources, newest first. Parameters: _count, _since, _at; follow the Bundle's next link to page.");
        fhir.MapMethods("/{type}/_history", ["GET", "HEAD"], TypeHistory).Reads("history-type", "History of all resources of a type, newest first (_count, _since, _at, paging links)");
        fhir.MapMethods("/{type}/{id}/_history", ["GET", "HEAD"], InstanceHistory).Reads("history-instance", "History of one resource, newest first (_count, _since, _at, paging links)");
        fhir.MapMethods("/{type}/{id}/_history/{vid}", ["GET", "HEAD"], VRead).Reads("vread", "Read one version of a resource; 410 when that version is a delete. _summary (true, text, data, false) and _elements shape it (meta.tag SUBSETTED).");
        fhir.MapMethods("/{type}/{id}", ["GET", "HEAD"], Read).Reads("read", "Read the current version. Headers: If-None-Match (W/\"n\") and If-Modified-Since answer 304 when unchanged; 410 when deleted. _summary (true, text, data, false) and _elements shape it (meta.tag SUBSETTED).");
        fhir.MapMethods("/{type}", ["GET", "HEAD"], Search).Reads("search", "Search (search.html): parameters of the type, modifiers, chains (subject:Patient.name=x), _has, _include/_revinclude(:iterate), _sort, _count, _total, _elements, _summary (true, text, data, count); the next link pages with a cursor. Unknown parameters are ignored and reported, or refused with Prefer: handling=strict.");
        fhir.MapMethods("/{compartment}/{id}/{type}", ["GET", "HEAD"], CompartmentSearch).Reads("search-compartment", "Compartment search (compartmentdefinition.html): resources of a type in the compartment of one Patient, Encounter, Practitioner, RelatedPerson or Device (Patient/123/Claim), with the search parameters of the type; Patient/123/* for every type in it, narrowed by _type, with the parameters of base Resource (_id, _lastUpdated, _tag, _profile, ...).");
        fhir.MapPost("/{compartment}/{id}/_search", AllTypesCompartmentSearchByPost).Writes("search-compartment-all-post", "Search of every type of a compartment (POST [base]/[compartment]/[id]/_search, as GET .../*) with the parameters in an application/x-www-form-urlencoded body (and the URL): _type, the parameters of base Resource and the result parameters", 200, body: false);
        fhir.MapPost("/{compartment}/{id}/{type}/_search", CompartmentSearchByPost).Writes("search-compartment-post", "Compartment search with the parameters in an application/x-www-form-urlencoded body (and the URL)", 200, body: false);
        fhir.MapPost("/{type}/_search", SearchByPost).Writes("search-post", "Search with the parameters in an application/x-www-form-urlencoded body (and the URL)", 200, body: false);
        fhir.MapPost("/{type}", Create).Writes("create", "Create with a server-assigned id. Header If-None-Exist: search criteria (conditional create; any search parameters of the type; 412 when several match). Prefer: return=minimal|representation|OperationOutcome.", 201);
        fhir.MapPut("/{type}/{id}", Update).Writes("update", "Update, or create with this id. Headers: If-Match (W/\"n\", 412 on mismatch), If-None-Match: * (create only).", 200);
        fhir.MapPut("/{type}", ConditionalUpdate).Writes("conditional-update", "Conditional update: PUT Type?criteria with any search parameters of the type. One match: update it; none: create; several: 412.", 200);
        fhir.MapPatch("/{type}/{id}", Patch).Writes("patch", "Patch with JSON Patch (application/json-patch+json) or FHIRPath Patch (a Parameters resource, application/fhir+json). Header If-Match.", 200, FhirMediaTypes.JsonPatch);
        fhir.MapPatch("/{type}", ConditionalPatch).Writes("conditional-patch", "Conditional patch: PATCH Type?criteria with any search parameters of the type. One match: patch it; none: 404; several: 412.", 200, FhirMediaTypes.JsonPatch);
        fhir.MapDelete("/{type}/{id}", Delete).Writes("delete", "Delete (soft: later reads answer 410 Gone; history keeps every version). 409 when another resource still refers to it. Header If-Match.", 204, body: false);
        fhir.MapDelete("/{type}", ConditionalDelete).Writes("conditional-delete", "Conditional delete: DELETE Type?criteria with any search parameters of the type. None: 204; several matches: 412 (one at a time).", 204, body: false);
    }

    // OpenAPI metadata: what each interaction takes and answers; every error is an OperationOutcome.
    private static RouteHandlerBuilder Reads(this RouteHandlerBuilder route, string name, string description) =>
        route.WithName(name).WithSummary(description)
            .Produces<JsonElement>(200, FhirMediaTypes.FhirJson, FhirMediaTypes.Json)
            .Produces<JsonElement>(404, FhirMediaTypes.FhirJson)
            .Produces<JsonElement>(406, FhirMediaTypes.FhirJson);

    private static RouteHandlerBuilder Writes(this RouteHandlerBuilder route, string name, string description, int success, string? patchType = null, bool body = true)
    {
        route.WithName(name).WithSummary(description).Produces<JsonElement>(success, FhirMediaTypes.FhirJson, FhirMediaTypes.Json);
        if (body) route.Accepts<JsonElement>(FhirMediaTypes.FhirJson, patchType is null ? [FhirMediaTypes.Json] : [patchType, FhirMediaTypes.Json]);
        foreach (var status in (int[])[400, 404, 409, 412, 413, 415, 422]) route.Produces<JsonElement>(status, FhirMediaTypes.FhirJson);
        return route;
    }

    private static async Task Capabilities(HttpContext context, CapabilitiesInteraction capabilities)
    {
        RequireJsonResponse(context);
        await FhirResponses.JsonAsync(context, 200, capabilities.Answer(FhirResponses.BaseUrl(context.Request), QueryParameters(context)));
    }

    private static async Task Read(HttpContext context, string type, string id, ResourceReader reader, ResultShaper shaper)
    {
        RequireJsonResponse(context);
        var shape = context.Request.Query.Count == 0 ? null : shaper.ForResource(QueryParameters(context));
        var stored = await reader.ReadAsync(type, id, null, context.RequestAborted);
        if (NotModified(context.Request, stored.VersionId, stored.LastUpdated))
        {
            context.Response.Headers.ETag = EntityTag.Format(stored.VersionId);
            context.Response.StatusCode = 304;
            return;
        }
        await FhirResponses.ResourceAsync(context, 200, stored, shape: shape);
    }

    private static async Task VRead(HttpContext context, string type, string id, string vid, ResourceReader reader, ResultShaper shaper)
    {
        RequireJsonResponse(context);
        var shape = shaper.ForResource(QueryParameters(context));
        await FhirResponses.ResourceAsync(context, 200, await reader.VReadAsync(type, id, vid, null, context.RequestAborted), shape: shape);
    }

    private static Task SearchByPostOnly(HttpContext context) =>
        throw new FhirException(405, "not-supported", $"{context.Request.Method} is not allowed on /fhir/_search: a search of every type is GET /fhir?params or POST /fhir/_search with a form body");

    private static Task ReadOnlyMetadata(HttpContext context) =>
        throw new FhirException(405, "not-supported", $"{context.Request.Method} is not allowed on /fhir/metadata: the CapabilityStatement is read (GET) only");

    private static Task SystemHistory(HttpContext context, HistoryInteraction history) => History(context, history, null, null);

    private static Task TypeHistory(HttpContext context, string type, HistoryInteraction history) => History(context, history, type, null);

    private static Task InstanceHistory(HttpContext context, string type, string id, HistoryInteraction history) => History(context, history, type, id);

    private static async Task History(HttpContext context, HistoryInteraction history, string? type, string? id)
    {
        RequireJsonResponse(context);
        var parameters = QueryParameters(context);
        var self = $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}{context.Request.Path}";
        var bundle = await history.HistoryAsync(type, id, parameters, FhirResponses.BaseUrl(context.Request), self, null, context.RequestAborted);
        await FhirResponses.JsonAsync(context, 200, bundle);
    }

    private static async Task Search(HttpContext context, string type, SearchInteraction search)
    {
        RequireJsonResponse(context);
        var parameters = QueryParameters(context);
        await FhirResponses.JsonAsync(context, 200, await search.SearchAsync(type, parameters, StrictHandling(context.Request), FhirResponses.BaseUrl(context.Request), null, context.RequestAborted));
    }

    private static async Task SearchByPost(HttpContext context, string type, SearchInteraction search)
    {
        RequireJsonResponse(context);
        var parameters = await FormParametersAsync(context);
        await FhirResponses.JsonAsync(context, 200, await search.SearchAsync(type, parameters, StrictHandling(context.Request), FhirResponses.BaseUrl(context.Request), null, context.RequestAborted));
    }

    private static async Task SystemSearch(HttpContext context, SearchInteraction search)
    {
        RequireJsonResponse(context);
        var parameters = QueryParameters(context);
        await FhirResponses.JsonAsync(context, 200, await search.SystemSearchAsync(parameters, StrictHandling(context.Request), FhirResponses.BaseUrl(context.Request), null, context.RequestAborted));
    }

    private static async Task SystemSearchByPost(HttpContext context, SearchInteraction search)
    {
        RequireJsonResponse(context);
        var parameters = await FormParametersAsync(context);
        await FhirResponses.JsonAsync(context, 200, await search.SystemSearchAsync(parameters, StrictHandling(context.Request), FhirResponses.BaseUrl(context.Request), null, context.RequestAborted));
    }

    private static async Task CompartmentSearch(HttpContext context, string compartment, string id, string type, SearchInteraction search)
    {
        RequireJsonResponse(context);
        var parameters = QueryParameters(context);
        await FhirResponses.JsonAsync(context, 200, await search.CompartmentSearchAsync(compartment, id, type, parameters, StrictHandling(context.Request), FhirResponses.BaseUrl(context.Request), null, context.RequestAborted));
    }

    private static async Task CompartmentSearchByPost(HttpContext context, string compartment, string id, string type, SearchInteraction search)
    {
        RequireJsonResponse(context);
        var parameters = await FormParametersAsync(context);
        await FhirResponses.JsonAsync(context, 200, await search.CompartmentSearchAsync(compartment, id, type, parameters, StrictHandling(context.Request), FhirResponses.BaseUrl(context.Request), null, context.RequestAborted));
    }

    // http.html#search: POST [base]/[compartment]/[id]/_search is the POST form of GET [base]/[compartment]/[id]/*.
    private static Task AllTypesCompartmentSearchByPost(HttpContext context, string compartment, string id, SearchInteraction search) =>
        CompartmentSearchByPost(context, compartment, id, "*", search);

    private static List<KeyValuePair<string, string>> QueryParameters(HttpContext context) =>
        context.Request.Query.SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string>(q.Key, v ?? ""))).ToList();

    // POST _search: the parameters of the URL and of the form body together.
    private static async Task<List<KeyValuePair<string, string>>> FormParametersAsync(HttpContext context)
    {
        // search.html#search: the form is application/x-www-form-urlencoded (not multipart).
        if (!context.Request.HasFormContentType || !Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var mediaType)
            || !mediaType.MediaType.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            throw new FhirException(415, "not-supported", "POST _search takes application/x-www-form-urlencoded parameters");
        }
        FhirRequestBody.RefuseUndecodedEncoding(context.Request);
        IFormCollection form;
        try
        {
            form = await context.Request.ReadFormAsync(context.RequestAborted);
        }
        catch (InvalidDataException e)
        {
            // ASP.NET Core's refusal of the form itself: a NUL, more values or longer values than it reads.
            throw FhirException.BadRequest($"POST _search: the form body cannot be read ({e.Message}{(e.InnerException is null ? "" : " " + e.InnerException.Message)})");
        }
        // The form's _format chooses the answer's type as the URL's would (the URL's wins when both give one).
        if (form.TryGetValue("_format", out var format) && !context.Request.Query.ContainsKey("_format"))
        {
            context.Request.QueryString = context.Request.QueryString.Add("_format", format.ToString());
            RequireJsonResponse(context);
        }
        return context.Request.Query.Where(q => q.Key != "_format" || !form.ContainsKey("_format")).Concat(form)
            .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string>(q.Key, v ?? ""))).ToList();
    }

    // Prefer: handling=strict refuses unknown parameters; lenient (the default) ignores and reports them.
    private static bool StrictHandling(HttpRequest request) =>
        request.Headers["Prefer"].Any(v => v is not null && v.Contains("handling=strict", StringComparison.OrdinalIgnoreCase));

    private static async Task Create(HttpContext context, string type, FhirContext fhir)
    {
        RequireJsonResponse(context);
        using var body = await FhirRequestBody.ReadJsonAsync(context, fhir.Options);
        var ifNoneExist = Header(context, "If-None-Exist");
        await using var session = await WriteSession.BeginAsync(fhir, context.RequestAborted, FhirResponses.BaseUrl(context.Request));
        var outcome = await session.CreateAsync(type, body.RootElement, ifNoneExist, WriteOptions.None, context.RequestAborted);
        await session.CommitAsync(context.RequestAborted);
        await FhirResponses.WriteOutcomeAsync(context, outcome, FhirResponses.Prefer(context.Request));
    }

    private static async Task Update(HttpContext context, string type, string id, FhirContext fhir)
    {
        RequireJsonResponse(context);
        using var body = await FhirRequestBody.ReadJsonAsync(context, fhir.Options);
        await using var session = await WriteSession.BeginAsync(fhir, context.RequestAborted, FhirResponses.BaseUrl(context.Request));
        var outcome = await session.UpdateAsync(type, id, body.RootElement, Header(context, "If-Match"), Header(context, "If-None-Match"), WriteOptions.None, context.RequestAborted);
        await session.CommitAsync(context.RequestAborted);
        await FhirResponses.WriteOutcomeAsync(context, outcome, FhirResponses.Prefer(context.Request));
    }

    private static async Task ConditionalUpdate(HttpContext context, string type, FhirContext fhir)
    {
        RequireJsonResponse(context);
        var criteria = Criteria(context, "Conditional update");
        using var body = await FhirRequestBody.ReadJsonAsync(context, fhir.Options);
        await using var session = await WriteSession.BeginAsync(fhir, context.RequestAborted, FhirResponses.BaseUrl(context.Request));
        var outcome = await session.ConditionalUpdateAsync(type, criteria, body.RootElement, Header(context, "If-Match"), WriteOptions.None, context.RequestAborted);
        await session.CommitAsync(context.RequestAborted);
        await FhirResponses.WriteOutcomeAsync(context, outcome, FhirResponses.Prefer(context.Request));
    }

    private static async Task Patch(HttpContext context, string type, string id, FhirContext fhir, PatchSource patches)
    {
        RequireJsonResponse(context);
        var contentType = FhirMediaTypes.BodyType(context.Request) ?? "";
        var body = await FhirRequestBody.ReadAsync(context, fhir.Options);
        var apply = patches.Create(contentType, body);
        await using var session = await WriteSession.BeginAsync(fhir, context.RequestAborted, FhirResponses.BaseUrl(context.Request));
        var outcome = await session.PatchAsync(type, id, apply, Header(context, "If-Match"), WriteOptions.None, context.RequestAborted);
        await session.CommitAsync(context.RequestAborted);
        await FhirResponses.WriteOutcomeAsync(context, outcome, FhirResponses.Prefer(context.Request));
    }

    private static async Task ConditionalPatch(HttpContext context, string type, FhirContext fhir, PatchSource patches)
    {
        RequireJsonResponse(context);
        var criteria = Criteria(context, "Conditional patch");
        var contentType = FhirMediaTypes.BodyType(context.Request) ?? "";
        var body = await FhirRequestBody.ReadAsync(context, fhir.Options);
        var apply = patches.Create(contentType, body);
        await using var session = await WriteSession.BeginAsync(fhir, context.RequestAborted, FhirResponses.BaseUrl(context.Request));
        var outcome = await session.ConditionalPatchAsync(type, criteria, apply, Header(context, "If-Match"), WriteOptions.None, context.RequestAborted);
        await session.CommitAsync(context.RequestAborted);
        await FhirResponses.WriteOutcomeAsync(context, outcome, FhirResponses.Prefer(context.Request));
    }

    private static async Task Delete(HttpContext context, string type, string id, FhirContext fhir)
    {
        await using var session = await WriteSession.BeginAsync(fhir, context.RequestAborted, FhirResponses.BaseUrl(context.Request));
        var outcome = await session.DeleteAsync(type, id, Header(context, "If-Match"), null, context.RequestAborted);
        await session.CommitAsync(context.RequestAborted);
        await FhirResponses.WriteOutcomeAsync(context, outcome, PreferReturn.Minimal);
    }

    private static async Task ConditionalDelete(HttpContext context, string type, FhirContext fhir)
    {
        var criteria = Criteria(context, "Conditional delete");
        await using var session = await WriteSession.BeginAsync(fhir, context.RequestAborted, FhirResponses.BaseUrl(context.Request));
        var outcome = await session.ConditionalDeleteAsync(type, criteria, null, null, context.RequestAborted);
        await session.CommitAsync(context.RequestAborted);
        await FhirResponses.WriteOutcomeAsync(context, outcome, PreferReturn.Minimal);
    }

    private static async Task Bundle(HttpContext context, FhirContext fhir, BundleProcessor processor)
    {
        RequireJsonResponse(context);
        using var body = await FhirRequestBody.ReadJsonAsync(context, fhir.Options);
        var (status, json) = await processor.ProcessAsync(body.RootElement, FhirResponses.BaseUrl(context.Request), FhirResponses.Prefer(context.Request), StrictHandling(context.Request), context.RequestAborted);
        await FhirResponses.JsonAsync(context, status, json);
    }

    private static string Criteria(HttpContext context, string what)
    {
        var query = context.Request.QueryString.Value;
        if (string.IsNullOrEmpty(query) || query == "?") throw FhirException.BadRequest($"{what} needs search criteria in the URL (Type?identifier=system|value, or other search parameters)");
        // _format and _pretty shape the answer; they are not criteria.
        var parts = query.TrimStart('?').Split('&').Where(p => !p.StartsWith("_format=", StringComparison.Ordinal) && !p.StartsWith("_pretty=", StringComparison.Ordinal));
        return string.Join('&', parts);
    }

    private static string? Header(HttpContext context, string name) =>
        context.Request.Headers.TryGetValue(name, out var value) && value.Count > 0 ? value.ToString() : null;

    private static void RequireJsonResponse(HttpContext context)
    {
        if (FhirMediaTypes.ResponseType(context.Request) is null)
        {
            var asked = context.Request.Query.TryGetValue("_format", out var format) ? $"_format={format}" : $"Accept: {context.Request.Headers.Accept}";
            if (FhirMediaTypes.OtherFhirVersionAsked(context.Request) is { } version)
            {
                throw new FhirException(406, "not-supported", $"{asked}: this server answers FHIR R4 only (fhirVersion=4.0), not fhirVersion={version}");
            }
            throw new FhirException(406, "not-supported", $"{asked}: this server answers in JSON only (application/fhir+json or application/json)");
        }
    }

    // If-None-Match (a version ETag) and If-Modified-Since on reads (http.html#cread).
    private static bool NotModified(HttpRequest request, int versionId, DateTimeOffset lastUpdated)
    {
        if (request.Headers.IfNoneMatch.Count > 0)
        {
            return request.Headers.IfNoneMatch.ToString().Split(',').Any(tag => EntityTag.Parse(tag) == versionId || tag.Trim() == "*");
        }
        if (request.Headers.IfModifiedSince.Count > 0
            && DateTimeOffset.TryParse(request.Headers.IfModifiedSince.ToString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var since))
        {
            // HTTP dates have whole seconds; lastUpdated has milliseconds (compared without adding: 9999-12-31 has no next second).
            return lastUpdated - since < TimeSpan.FromSeconds(1);
        }
        return false;
    }
}
