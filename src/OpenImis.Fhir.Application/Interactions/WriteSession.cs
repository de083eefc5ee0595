using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using OpenImis.Fhir.Application.Errors;
using OpenImis.Fhir.Application.Resources;
using OpenImis.Fhir.Engine.Model;
using OpenImis.Fhir.Engine.Search;
using OpenImis.Fhir.Storage;
using OpenImis.Fhir.Storage.Search;

namespace OpenImis.Fhir.Application.Interactions;

/// <summary>
/// The writes of one interaction or one transaction Bundle, in one database transaction: create, update, patch and
/// delete, plain or conditional. Each write is stamped (id, version, lastUpdated), validated, indexed and stored;
/// <see cref="CommitAsync"/> checks referential integrity over all of them, then commits. Disposing without commit
/// rolls everything back.
/// </summary>
public sealed class WriteSession : IAsyncDisposable
{
    private readonly FhirContext _context;
    private readonly StoreTransaction _transaction;
    // The references of each resource as last written in this session, with their locations for error messages.
    private readonly Dictionary<(string Type, string Id), List<(string Type, string Id, string Location)>> _references = [];
    private readonly Dictionary<(string Type, string Id), string> _deleted = [];
    // Versioned references (Type/id/_history/v) of each resource as last written, with their locations: rare, and
    // checked by a query of their own before the commit.
    private readonly Dictionary<(string Type, string Id), List<(string Type, string Id, string Version, string Location)>> _versioned = [];
    // The resource types whose search parameters change when this session commits (SearchParameters written or deleted).
    private readonly HashSet<string> _reindexTypes = new(StringComparer.Ordinal);
    // The (base type, code) of each SearchParameter written in this session, with its id: the registry knows them only after the commit.
    private readonly Dictionary<(string Type, string Code), string> _searchParameterCodes = [];

    private WriteSession(FhirContext context, StoreTransaction transaction, string? baseUrl)
    {
        _context = context;
        _transaction = transaction;
        BaseUrl = baseUrl;
    }

    /// <summary>This server's base URL as the request named it: conditional criteria shorten references on it to <c>Type/id</c>.</summary>
    public string? BaseUrl { get; }

    // BaseUrl + "/" in UTF-8, looked for in every resource written (LocalBase); made once per session.
    private byte[]? _localPrefix;

    /// <summary>The lastUpdated of every version this session writes.</summary>
    public DateTimeOffset Now { get; } = ResourceStamper.Now();

    public StoreTransaction Transaction => _transaction;

    /// <param name="baseUrl">This server's base URL (<c>http://host/fhir</c>), for absolute references in conditional criteria; null: none are local.</param>
    public static async Task<WriteSession> BeginAsync(FhirContext context, CancellationToken cancellationToken, string? baseUrl = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new WriteSession(context, await context.Store.BeginAsync(cancellationToken), baseUrl);
    }

    public static string NewId() => Guid.CreateVersion7().ToString();

    public async Task<WriteOutcome> CreateAsync(string type, JsonElement resource, string? ifNoneExist, WriteOptions options, CancellationToken cancellationToken)
    {
        CheckBody(type, resource, options);
        var criteria = options.Criteria;
        if (ifNoneExist is not null)
        {
            criteria = ConditionalCriteria.Parse(ifNoneExist, "If-None-Exist");
            await SerialiseAsync([criteria.Key(type, BaseUrl)], cancellationToken);
            var matches = await MatchAsync(type, criteria, cancellationToken);
            if (matches.Count > 1) throw FhirException.PreconditionFailed($"If-None-Exist: {matches.Count} or more {type} resources match '{ifNoneExist}'");
            if (matches.Count == 1) return new WriteOutcome(200, await _transaction.ReadAsync(type, matches[0], cancellationToken), []);
        }
        var id = options.AssignedId ?? NewId();
        return WriteVersion(type, id, 1, "POST", resource, 201, options, criteria);
    }

    public async Task<WriteOutcome> UpdateAsync(string type, string id, JsonElement resource, string? ifMatch, string? ifNoneMatch, WriteOptions options, CancellationToken cancellationToken)
    {
        CheckBody(type, resource, options);
        CheckId(id);
        var bodyId = BodyId(resource);
        if (bodyId is null) throw FhirException.BadRequest($"The resource has no id; an update needs the id of the URL ({id})", $"{type}.id");
        if (bodyId != id) throw FhirException.BadRequest($"The id in the resource ({bodyId}) does not match the id in the URL ({id})", $"{type}.id");
        return await UpdateCoreAsync(type, id, resource, ifMatch, ifNoneMatch, options, null, cancellationToken);
    }

    public async Task<WriteOutcome> ConditionalUpdateAsync(string type, string criteria, JsonElement resource, string? ifMatch, WriteOptions options, CancellationToken cancellationToken)
    {
        CheckBody(type, resource, options);
        // A transaction resolved its criteria and took their key with all its others, before any write.
        var parsed = options.Criteria ?? ConditionalCriteria.Parse(criteria, "Conditional update");
        // No match creates: serialised like a conditional create.
        if (options.Criteria is null) await SerialiseAsync([parsed.Key(type, BaseUrl)], cancellationToken);
        var matches = options.KnownMatches ?? await MatchAsync(type, parsed, cancellationToken);
        var bodyId = BodyId(resource);
        switch (matches.Count)
        {
            case 0 when bodyId is null:
                return WriteVersion(type, options.AssignedId ?? NewId(), 1, "PUT", resource, 201, options, parsed);
            case 0:
                CheckId(bodyId);
                return await UpdateCoreAsync(type, bodyId, resource, ifMatch, null, options, parsed, cancellationToken);
            case 1:
                if (bodyId is not null && bodyId != matches[0])
                {
                    throw FhirException.BadRequest($"The id in the resource ({bodyId}) is not the id of the resource that matches '{criteria}' ({matches[0]})", $"{type}.id");
                }
                return await UpdateCoreAsync(type, matches[0], resource, ifMatch, null, options, null, cancellationToken);
            default:
                throw FhirException.PreconditionFailed($"Conditional update: {matches.Count} or more {type} resources match '{criteria}'");
        }
    }

    /// <summary>Deletes (a version marked deleted). Deleting what does not exist or is already deleted changes nothing: 204.</summary>
    public async Task<WriteOutcome> DeleteAsync(string type, string id, string? ifMatch, string? location, CancellationToken cancellationToken)
    {
        RequireType(type);
        var current = await _transaction.LockCurrentAsync(type, id, forDelete: true, cancellationToken);
        CheckIfMatch(ifMatch, current, type, id);
        if (current is null || current.Deleted) return new WriteOutcome(204, null, []);
        var version = current.VersionId + 1;
        var write = new ResourceWrite(type, id, version, Now, "DELETE", null, [], []);
        if (type == "SearchParameter" && _context.SearchParameters is { } sync) _reindexTypes.UnionWith(sync.TypesOf(id));
        _transaction.Write(write);
        _references.Remove((type, id));
        _versioned.Remove((type, id));
        _deleted[(type, id)] = location ?? $"{type}/{id}";
        return new WriteOutcome(204, new StoredResource(type, id, version, Now, true, "DELETE", 0, null), []);
    }

    /// <param name="resolved">The criteria as a transaction resolved them (<see cref="WriteOptions.Criteria"/>); null: parsed here.</param>
    public async Task<WriteOutcome> ConditionalDeleteAsync(string type, string criteria, string? location, ConditionalCriteria? resolved, CancellationToken cancellationToken)
    {
        RequireType(type);
        var matches = await MatchAsync(type, resolved ?? ConditionalCriteria.Parse(criteria, "Conditional delete"), cancellationToken);
        if (matches.Count > 1) throw FhirException.PreconditionFailed($"Conditional delete: {matches.Count} or more {type} resources match '{criteria}'; this server deletes one at a time");
        if (matches.Count == 0) return new WriteOutcome(204, null, []);
        return await DeleteAsync(type, matches[0], null, location, cancellationToken);
    }

    /// <summary>Conditional patch (http.html#patch): no match 404, one match patched, several 412.</summary>
    public async Task<WriteOutcome> ConditionalPatchAsync(string type, string criteria, Func<JsonNode, JsonNode> applyPatch, string? ifMatch, WriteOptions options, CancellationToken cancellationToken)
    {
        RequireType(type);
        var matches = await MatchAsync(type, options.Criteria ?? ConditionalCriteria.Parse(criteria, "Conditional patch"), cancellationToken);
        return matches.Count switch
        {
            0 => throw FhirException.NotFound($"Conditional patch: no {type} matches '{criteria}'"),
            1 => await PatchAsync(type, matches[0], applyPatch, ifMatch, options, cancellationToken),
            _ => throw FhirException.PreconditionFailed($"Conditional patch: {matches.Count} or more {type} resources match '{criteria}'"),
        };
    }

    /// <summary>The ids (at most two) of the current resources of a type that the criteria match, as this session sees them.</summary>
    public Task<IReadOnlyList<string>> MatchAsync(string type, ConditionalCriteria criteria, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        return criteria.MatchAsync(_transaction, type, _context.SearchEngine, BaseUrl, _context.IsResourceType, cancellationToken);
    }

    /// <summary>
    /// Serialises this session with every other that holds one of the keys (<see cref="ConditionalCriteria.Key"/>),
    /// until commit or rollback: a search that found nothing stays true until this session's create is committed.
    /// Keys are taken in one order, so that two sessions wanting the same keys cannot deadlock.
    /// </summary>
    public async Task SerialiseAsync(IEnumerable<string> keys, CancellationToken cancellationToken)
    {
        await _transaction.LockKeysAsync([.. keys.Distinct().Order(StringComparer.Ordinal)], cancellationToken);
    }

    /// <summary>
    /// Applies a patch to the current version and stores the result as a new version, validated like an update.
    /// The patch may not change the resource type or the id.
    /// </summary>
    public async Task<WriteOutcome> PatchAsync(string type, string id, Func<JsonNode, JsonNode> applyPatch, string? ifMatch, WriteOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(applyPatch);
        RequireType(type);
        var current = await _transaction.ReadCurrentForUpdateAsync(type, id, cancellationToken) ?? throw FhirException.NotFound($"{type}/{id} does not exist");
        if (current.Deleted) throw new FhirException(410, "deleted", $"{type}/{id} was deleted (version {current.VersionId})");
        CheckIfMatch(ifMatch, new CurrentVersion(current.VersionId, current.LastUpdated, current.Deleted), type, id);
        var patched = applyPatch(JsonNode.Parse(current.Json!)!);
        if (patched is not JsonObject patchedObject || !IsString(patchedObject["resourceType"], type))
        {
            throw new FhirException(422, "processing", "The patch changes the resource type", $"{type}.resourceType");
        }
        if (!IsString(patchedObject["id"], id))
        {
            throw new FhirException(422, "processing", "The patch changes or removes the id", $"{type}.id");
        }
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(patched.ToJsonString());
        }
        catch (JsonException)
        {
            // The only way a patched resource fails to read back: nested deeper than a request body may be.
            throw new FhirException(422, "processing", $"The patch nests the resource deeper than {FhirServerOptions.DeepestJson} levels", type);
        }
        using (document) return WriteVersion(type, id, current.VersionId + 1, "PATCH", document.RootElement, 200, options);
    }

    private static bool IsString(JsonNode? node, string expected) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) && text == expected;

    /// <summary>Checks referential integrity over everything written, then commits.</summary>
    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        if (_context.Options.ReferentialIntegrity && _versioned.Count > 0) await CheckVersionsAsync(cancellationToken);
        if (!_context.Options.ReferentialIntegrity)
        {
            await _transaction.CommitAsync(cancellationToken);
        }
        else if (_deleted.Count > 0)
        {
            // Deletes also need their referrers looked for, before the commit: a round trip of their own.
            await CheckReferentialIntegrityAsync(cancellationToken);
            await _transaction.CommitAsync(cancellationToken);
        }
        else
        {
            // The common case, every write a create or an update: the writes, the check and the commit in one round trip.
            try
            {
                await _transaction.CommitAsync(Targets(), cancellationToken);
            }
            catch (MissingTargetsException e)
            {
                var issues = NotFoundIssues([.. e.Missing]);
                throw issues.Count > 0 ? new FhirException(422, issues) : new FhirException(422, "not-found", e.Message);
            }
        }
        if (_reindexTypes.Count > 0 && _context.SearchParameters is { } sync) await sync.CommittedAsync([.. _reindexTypes]);
    }

    public ValueTask DisposeAsync() => _transaction.DisposeAsync();

    /// <param name="unmatched">The criteria of a conditional update that matched nothing, which the resource written must match.</param>
    private async Task<WriteOutcome> UpdateCoreAsync(string type, string id, JsonElement resource, string? ifMatch, string? ifNoneMatch, WriteOptions options,
        ConditionalCriteria? unmatched, CancellationToken cancellationToken)
    {
        var current = await _transaction.LockCurrentAsync(type, id, cancellationToken: cancellationToken);
        if (ifNoneMatch is not null && ifNoneMatch.Trim() == "*" && current is { Deleted: false })
        {
            throw FhirException.PreconditionFailed($"If-None-Match: *: {type}/{id} exists (version {current.VersionId})");
        }
        CheckIfMatch(ifMatch, current, type, id);
        var created = current is null || current.Deleted;
        return WriteVersion(type, id, (current?.VersionId ?? 0) + 1, "PUT", resource, created ? 201 : 200, options, unmatched);
    }

    /// <param name="unmatched">The criteria of a conditional create or update that matched nothing: the resource must match them.</param>
    private WriteOutcome WriteVersion(string type, string id, int version, string method, JsonElement resource, int status, WriteOptions options,
        ConditionalCriteria? unmatched = null)
    {
        var stamped = ResourceStamper.Stamp(resource, id, version, Now, LocalBase(resource, options.RewriteReference));
        using var document = JsonDocument.Parse(stamped);
        var (issues, root) = _context.Validation.Validate(document.RootElement, type, options.LocationPrefix);
        if (unmatched is not null) RequireMatch(unmatched, root, type, id, options.LocationPrefix ?? type);
        if (type == "SearchParameter" && _context.SearchParameters is { } sync) CheckSearchParameter(sync, document.RootElement, id, options.LocationPrefix ?? type);
        var references = IndexExtractor.References(root, _context.IsResourceType);
        if (_context.Options.ReferentialIntegrity) RefuseUnresolvedPlaceholders(references, type, options.LocationPrefix);
        var json = Encoding.UTF8.GetString(stamped);
        var write = new ResourceWrite(type, id, version, Now, method, json, IndexExtractor.Identifiers(root), references) { Search = _context.Options.SearchIndexing ? _context.Search.Rows(root) : [] };
        _transaction.Write(write);
        var targets = new List<(string, string, string)>(references.Count);
        List<(string, string, string, string)>? versioned = null;
        foreach (var reference in references)
        {
            if (reference.TargetId is null) continue;
            var location = Relocate(reference.Path, type, options.LocationPrefix);
            targets.Add((reference.TargetType!, reference.TargetId, location));
            if (reference.TargetVersion is { } targetVersion) (versioned ??= []).Add((reference.TargetType!, reference.TargetId, targetVersion, location));
        }
        _references[(type, id)] = targets;
        if (versioned is not null) _versioned[(type, id)] = versioned;
        else _versioned.Remove((type, id));
        _deleted.Remove((type, id));
        // The change sequence number is drawn when the write is flushed; nothing in an answer needs it.
        return new WriteOutcome(status, new StoredResource(type, id, version, Now, false, method, 0, json), issues);
    }

    /// <summary>
    /// A conditional create or update that matched nothing stores a resource its criteria must find: one they do not
    /// find is created again by the same request sent again (a retry after a lost answer), the duplicate the condition
    /// was sent to prevent. HAPI refuses these too. Criteria the matcher cannot evaluate in memory (chains,
    /// <c>_has</c>, <c>_list</c>) are not checked: only the database could tell, after the write.
    /// </summary>
    private void RequireMatch(ConditionalCriteria criteria, ElementNode root, string type, string id, string location)
    {
        var searched = criteria.SearchCriteria(_context.SearchEngine, type, BaseUrl, _context.IsResourceType);
        try
        {
            if (new SearchMatcher(_context.SearchEngine.Registry, _context.SearchEngine.Environment).Matches(root, searched, id, Now)) return;
        }
        catch (SearchException)
        {
            return;
        }
        throw FhirException.BadRequest($"{criteria.What}: the resource does not match its own criteria '{criteria}', which matched nothing: " +
            "stored, it would not be found by them, and the same request sent again would create another", location);
    }

    /// <summary>
    /// The element tree of a first version as a create would store it (id, meta, references rewritten and those on this
    /// server's base shortened), not validated: for a transaction's conditional creates to match in memory what an
    /// earlier entry is about to create. Null for a body that is no resource of the type (its own write refuses it).
    /// </summary>
    internal ElementNode? Preview(string type, string id, JsonElement resource, Func<string, string?>? rewriteReference)
    {
        if (resource.ValueKind != JsonValueKind.Object || !resource.TryGetProperty("resourceType", out var declared) || declared.ValueKind != JsonValueKind.String || declared.GetString() != type)
        {
            return null;
        }
        return ElementNodeReader.Read(ResourceStamper.Stamp(resource, id, 1, Now, LocalBase(resource, rewriteReference)), _context.Model);
    }

    /// <summary>
    /// References on this server's own base (<c>http://host/fhir/Patient/1</c>) are stored as <c>Patient/1</c>, as HAPI
    /// does with treatBaseUrlsAsLocal: the integrity check, deletes and search then see them as the local references
    /// they are (kept absolute, they were checked by nothing, blocked no delete and were not found by <c>subject=</c>).
    /// </summary>
    private Func<string, string?>? LocalBase(JsonElement resource, Func<string, string?>? rewrite)
    {
        if (BaseUrl is null) return rewrite;
        var prefix = BaseUrl + "/";
        // Most resources hold no such reference: a search of the raw bytes spares them the walk of the rewriting copy.
        _localPrefix ??= Encoding.UTF8.GetBytes(prefix);
        if (JsonMarshal.GetRawUtf8Value(resource).IndexOf(_localPrefix) < 0) return rewrite;
        return reference =>
        {
            var replaced = rewrite?.Invoke(reference);
            var value = replaced ?? reference;
            var local = value.StartsWith(prefix, StringComparison.Ordinal) ? value[prefix.Length..] : null;
            return local is not null && SearchValueExtractor.ParseRelative(local, _context.IsResourceType) is not null ? local : replaced;
        };
    }

    // A urn:uuid or urn:oid reference names an entry of the Bundle it travels in (http.html#trules), rewritten to
    // Type/id by then: one still here names nothing this server or anyone holds, a reference left dangling.
    private static void RefuseUnresolvedPlaceholders(IReadOnlyList<IndexedReference> references, string type, string? prefix)
    {
        List<OutcomeIssue>? issues = null; // every write passes here: nothing allocated when all is well
        foreach (var reference in references)
        {
            if (reference.TargetUrl is not { } url || !(url.StartsWith("urn:uuid:", StringComparison.Ordinal) || url.StartsWith("urn:oid:", StringComparison.Ordinal))) continue;
            (issues ??= []).Add(new OutcomeIssue("error", "not-found",
                $"The reference {url} names no entry of this Bundle: a urn:uuid or urn:oid reference is resolved only against the fullUrls of its Bundle",
                Relocate(reference.Path, type, prefix)));
        }
        if (issues is not null) throw new FhirException(422, issues);
    }

    private void CheckSearchParameter(Search.SearchParameterSync sync, JsonElement resource, string id, string location)
    {
        var problems = Search.SearchParameterCheck.Issues(resource, id, location, sync.Registry, _searchParameterCodes);
        if (problems.Count > 0) throw new FhirException(422, problems);
        _reindexTypes.UnionWith(sync.TypesOf(id));
        _reindexTypes.UnionWith(sync.TypesOf(resource));
    }

    // Every resource referred to by what this session wrote, once.
    private HashSet<(string Type, string Id)> Targets()
    {
        var targets = new HashSet<(string, string)>();
        foreach (var list in _references.Values)
        {
            foreach (var (type, id, _) in list) targets.Add((type, id));
        }
        return targets;
    }

    // An issue for each reference to one of the missing resources, where it is.
    private List<OutcomeIssue> NotFoundIssues(HashSet<(string Type, string Id)> missing)
    {
        var issues = new List<OutcomeIssue>();
        foreach (var list in _references.Values)
        {
            foreach (var (type, id, location) in list)
            {
                if (missing.Contains((type, id))) issues.Add(new OutcomeIssue("error", "not-found", $"The reference {type}/{id} names a resource that does not exist on this server", location));
            }
        }
        return issues;
    }

    // A versioned reference names one version: it must exist (the resource itself is checked with the others). Our
    // version ids are integers written plainly, so any other (01, one) names nothing here.
    private async Task CheckVersionsAsync(CancellationToken cancellationToken)
    {
        var keys = new HashSet<(string, string, int)>();
        foreach (var list in _versioned.Values)
        {
            // A version that is no integer (01, one) names nothing: 0 asks only whether the resource exists.
            foreach (var (type, id, version, _) in list) keys.Add((type, id, VersionNumber(version) ?? 0));
        }
        var (versions, resources) = await _transaction.ExistingVersionsAsync(keys, cancellationToken);
        var issues = new List<OutcomeIssue>();
        foreach (var list in _versioned.Values)
        {
            foreach (var (type, id, version, location) in list)
            {
                if (VersionNumber(version) is { } number && versions.Contains((type, id, number))) continue;
                issues.Add(new OutcomeIssue("error", "not-found", resources.Contains((type, id))
                    ? $"The reference {type}/{id}/_history/{version} names a version that does not exist on this server"
                    : $"The reference {type}/{id}/_history/{version} names a resource that does not exist on this server", location));
            }
        }
        if (issues.Count > 0) throw new FhirException(422, issues);
    }

    private static int? VersionNumber(string version) =>
        int.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number.ToString(CultureInfo.InvariantCulture) == version ? number : null;

    private async Task CheckReferentialIntegrityAsync(CancellationToken cancellationToken)
    {
        var targets = Targets();
        if (targets.Count > 0)
        {
            var existing = await _transaction.ExistingAsync(targets, lockForShare: true, cancellationToken);
            targets.ExceptWith(existing);
            if (targets.Count > 0) throw new FhirException(422, NotFoundIssues(targets));
        }
        if (_deleted.Count > 0)
        {
            var referrers = await _transaction.ReferrersAsync(_deleted.Keys, 10, cancellationToken);
            if (referrers.Count > 0)
            {
                var issues = referrers.Select(r => new OutcomeIssue("error", "conflict",
                    $"{r.TargetType}/{r.TargetId} cannot be deleted: {r.SourceType}/{r.SourceId} refers to it at {r.Path}", _deleted[(r.TargetType, r.TargetId)])).ToList();
                throw new FhirException(409, issues);
            }
        }
    }

    private void CheckBody(string type, JsonElement resource, WriteOptions options)
    {
        RequireType(type);
        var where = options.LocationPrefix ?? type;
        if (resource.ValueKind != JsonValueKind.Object) throw FhirException.BadRequest("The body is not a JSON object", where);
        if (!resource.TryGetProperty("resourceType", out var declared) || declared.ValueKind != JsonValueKind.String)
        {
            throw FhirException.BadRequest("The resource has no resourceType", where);
        }
        if (declared.GetString() != type)
        {
            throw FhirException.BadRequest($"The resource is a {declared.GetString()}, but the URL names {type}", where + ".resourceType");
        }
        // Stamping replaces meta with the server's (versionId, lastUpdated, the rest kept): one that is no object would
        // be dropped unseen by the validator, which checks the stamped copy.
        if (resource.TryGetProperty("meta", out var meta) && meta.ValueKind != JsonValueKind.Object)
        {
            throw new FhirException(422, "structure", "meta: is a Meta, written as a JSON object", where + ".meta");
        }
    }

    private void RequireType(string type)
    {
        if (!_context.IsResourceType(type)) throw FhirException.NotFound($"Unknown resource type '{type}'");
    }

    private static string? BodyId(JsonElement resource) =>
        resource.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;

    private static void CheckId(string id)
    {
        if (!ResourceIds.IsValid(id)) throw FhirException.BadRequest($"'{id}' is not a valid resource id ({ResourceIds.Rule})");
    }

    private static void CheckIfMatch(string? ifMatch, CurrentVersion? current, string type, string id)
    {
        if (ifMatch is null) return;
        if (ifMatch.Trim() == "*")
        {
            // RFC 9110 13.1.1: any current version (the write must not create, nor revive a deleted resource).
            if (current is null || current.Deleted) throw FhirException.PreconditionFailed($"If-Match: *: {type}/{id} has no current version");
            return;
        }
        var wanted = EntityTag.Parse(ifMatch) ?? throw FhirException.BadRequest($"If-Match: '{ifMatch}' is not a version ETag such as W/\"3\"");
        if (current is null || current.Deleted)
        {
            throw FhirException.PreconditionFailed($"If-Match: {type}/{id} has no current version (wanted version {wanted})");
        }
        if (current.VersionId != wanted)
        {
            throw new FhirException(412, "conflict", $"If-Match: {type}/{id} is at version {current.VersionId}, not {wanted}");
        }
    }

    private static string Relocate(string location, string type, string? prefix) =>
        prefix is not null && location.StartsWith(type, StringComparison.Ordinal) ? prefix + location[type.Length..] : location;
}
