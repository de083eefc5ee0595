using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using OpenImis.Fhir.Application.Errors;
using OpenImis.Fhir.Application.Interactions;
using OpenImis.Fhir.Application.Resources;
using OpenImis.Fhir.Storage;

namespace OpenImis.Fhir.Application.Bundles;

/// <summary>
/// batch and transaction at <c>POST /fhir</c> (http.html#transaction). A transaction runs in one database transaction:
/// ids are assigned first, <c>urn:uuid:</c> full URLs and conditional references (<c>Patient?identifier=...</c>) are
/// resolved and rewritten in every entry, entries run in the spec's order (deletes, creates, updates, reads), and any
/// failure rolls back all of it, answering with the failing entry's status and issues. A batch runs each entry in
/// its own database transaction (its conditional references resolved in it) and answers each on its own.
/// <para>
/// GET and HEAD entries (reads, searches, histories, metadata) are answered by <see cref="BundleReader"/> as the same
/// GET over REST. In a transaction they run last, in it (seeing its writes), before the commit, so a refused one rolls
/// everything back; in a
/// batch they open no database transaction.
/// </para>
/// </summary>
public sealed class BundleProcessor(FhirContext context, BundleReader reads)
{
    /// <summary>Turns a patch body (content type, bytes) into the function that applies it; null: PATCH entries are refused.</summary>
    public Func<string, ReadOnlyMemory<byte>, Func<JsonNode, JsonNode>>? PatchFactory { get; init; }

    /// <summary>Where a batch entry's unexpected fault is logged (it fails that entry alone, with a 500).</summary>
    public ILogger? Logger { get; init; }

    /// <param name="strict"><c>Prefer: handling=strict</c> on the POST: search entries refuse unknown parameters.</param>
    /// <remarks>HEAD entries are answered as GET entries without their resource.</remarks>
    public async Task<(int Status, byte[] Body)> ProcessAsync(JsonElement bundle, string baseUrl, PreferReturn prefer, bool strict, CancellationToken cancellationToken)
    {
        var (type, entries) = BundleParser.Parse(bundle, baseUrl, context.Options.MaxBundleEntries);
        var reading = new ReadContext(baseUrl, strict);
        var results = type == "transaction"
            ? await RetriedOnDeadlockAsync(() => TransactionAsync(entries, reading, cancellationToken))
            : await BatchAsync(entries, reading, cancellationToken);
        return (200, WriteResponse(type + "-response", entries, results, baseUrl, prefer));
    }

    /// <summary>
    /// Two transactions that lock the same rows in opposite orders deadlock, and PostgreSQL rolls one of them back whole
    /// (a conditional entry locks the row it matched only when it runs; a delete locks its row at once, a reference
    /// check its targets at commit). That one runs again once the other has committed, up to twice; a third deadlock
    /// reaches the client as 409.
    /// </summary>
    private static async Task<T> RetriedOnDeadlockAsync<T>(Func<Task<T>> run)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await run();
            }
            catch (Exception e) when (StorageFailures.IsLostRace(e) && attempt < 3)
            {
                // Rolled back whole: nothing of this attempt is stored.
            }
        }
    }

    private readonly record struct ReadContext(string BaseUrl, bool Strict);

    /// <summary>What a client is told of a deadlock it lost (here and over REST).</summary>
    public const string DeadlockMessage = "This request and a concurrent one each waited for rows the other had locked (PostgreSQL: deadlock detected); this one was rolled back and nothing of it was stored: send it again";

    private async Task<EntryResult[]> TransactionAsync(List<BundleEntryRequest> entries, ReadContext reading, CancellationToken cancellationToken)
    {
        CheckNoResourceWrittenTwice(entries);
        var results = new EntryResult[entries.Count];
        await using var session = await WriteSession.BeginAsync(context, cancellationToken, reading.BaseUrl);
        var current = (BundleEntryRequest?)null;
        try
        {
            var references = new Dictionary<string, string>(StringComparer.Ordinal);
            var assigned = new Dictionary<int, string>();
            var matched = new Dictionary<int, string>();
            var creating = new Dictionary<int, ConditionalCriteria>();
            foreach (var entry in entries)
            {
                current = entry;
                if (entry.Method == "POST" && entry.IfNoneExist is not null) creating[entry.Index] = ConditionalCriteria.Parse(entry.IfNoneExist, "ifNoneExist");
                else if (entry.Method == "PUT" && entry.Id is null && entry.Query is not null) creating[entry.Index] = ConditionalCriteria.Parse(entry.Query, "Conditional update");
            }
            current = null;
            // Conditional creates and updates may create: serialised with others on the same criteria, all keys at once.
            // Keys before rows, as a single conditional update takes them, so that the two cannot wait for each other.
            await session.SerialiseAsync(creating.Select(c => c.Value.Key(entries[c.Key].Type!, session.BaseUrl)), cancellationToken);
            // The ids that depend on nothing first (plain creates, updates by id): criteria may name those entries by
            // their fullUrl (subject=urn:uuid:...), and are matched with the ids put in.
            foreach (var entry in entries)
            {
                if (creating.ContainsKey(entry.Index)) continue;
                if (entry.Method == "POST") assigned[entry.Index] = WriteSession.NewId();
                var id = entry.Method == "POST" ? assigned[entry.Index] : entry.Method == "PUT" ? entry.Id : null;
                if (id is not null && entry.FullUrl is { } fullUrl) references[fullUrl] = $"{entry.Type}/{id}";
            }
            // What each conditional update's criteria match in the database, before any write.
            var upfront = new Dictionary<int, IReadOnlyList<string>>();
            var found = await LookUpIdentifiersAsync(session, entries, creating, references, cancellationToken);
            foreach (var entry in entries)
            {
                current = entry;
                if (!creating.TryGetValue(entry.Index, out var criteria)) continue;
                creating[entry.Index] = criteria = criteria.WithPlaceholders(references);
                await AssignIdAsync(session, entry, criteria, found.GetValueOrDefault(entry.Index), references, assigned, matched, upfront, cancellationToken);
            }
            current = null;
            // Rows locked before any write, in one order: two transactions writing the same resources in different orders
            // would deadlock. With them the resource each conditional update is about to write: the one its criteria
            // matched, or the id in its body when they matched nothing (see ConditionalUpdates).
            var conditionalTargets = upfront
                .Select(u => (Type: entries[u.Key].Type!, Id: u.Value is [var only] ? only : ResourceId(entries[u.Key].Resource)))
                .Where(t => t.Id is not null).Select(t => (t.Type, t.Id!));
            var targets = entries.Where(e => e.Method is "PUT" or "DELETE" or "PATCH" && e.Id is not null).Select(e => (e.Type!, e.Id!))
                .Concat(conditionalTargets).Distinct().ToList();
            await session.Transaction.LockInOrderAsync(targets, cancellationToken);
            var conditionalReferences = await SearchConditionalReferencesAsync(session, entries, references, cancellationToken);
            string? Rewrite(string reference) => references.GetValueOrDefault(reference);
            // Conditional creates and references searched before anything was written: they also match what the
            // transaction's creates (earlier entries', for a conditional create) are about to store.
            if (conditionalReferences.Count > 0 || entries.Exists(e => e.Method == "POST" && e.IfNoneExist is not null))
            {
                var creates = new TransactionCreates(session, context, Rewrite);
                foreach (var entry in entries.Where(e => e.Method == "POST"))
                {
                    current = entry;
                    MatchEarlierCreates(entry, creating.GetValueOrDefault(entry.Index), creates, references, assigned, matched);
                }
                current = null;
                // Conditional references are resolved after every write (http.html#trules, step 5): what the PUT entries
                // write counts as it will be stored (after the POSTs, which conditional creates matched on their own),
                // and what PUT and DELETE entries change no longer matches as the database has it.
                foreach (var entry in entries.Where(e => e.Method == "PUT" && e.Id is not null && e.Resource is not null)) creates.Add(entry, entry.Id!, null);
                var rewritten = entries.Where(e => e.Method is "PUT" or "DELETE" && e.Id is not null).Select(e => (e.Type!, e.Id!)).ToHashSet();
                MatchConditionalReferences(conditionalReferences, creates, references, rewritten);
            }
            else
            {
                MatchConditionalReferences(conditionalReferences, null, references, []);
            }
            var written = new Dictionary<(string, string), int>();
            var conditionalUpdates = upfront.Count > 0 ? new ConditionalUpdates(upfront, new TransactionCreates(session, context, Rewrite)) : null;
            foreach (var entry in entries.OrderBy(e => e.Order))
            {
                current = entry;
                var options = new WriteOptions
                {
                    AssignedId = assigned.GetValueOrDefault(entry.Index),
                    RewriteReference = Rewrite,
                    LocationPrefix = entry.Location + ".resource",
                    Criteria = matched.ContainsKey(entry.Index) ? null : creating.GetValueOrDefault(entry.Index) ?? ConditionalOf(entry, references),
                };
                if (conditionalUpdates?.Matches(entry, options.Criteria) is { } known) options = options with { KnownMatches = known };
                results[entry.Index] = matched.TryGetValue(entry.Index, out var existingId)
                    ? new EntryResult(200, await session.Transaction.ReadAsync(entry.Type!, existingId, cancellationToken), [])
                    : entry.IsRead ? await reads.ReadAsync(entry, session.Transaction, reading.BaseUrl, reading.Strict, cancellationToken, references)
                    : await ExecuteAsync(session, entry, options, transactional: true, cancellationToken);
                if (!entry.IsRead && !matched.ContainsKey(entry.Index)) conditionalUpdates?.Executed(entry, results[entry.Index].Resource);
                // A conditional entry's resource is known only now; it may be one another entry writes too.
                if (!entry.IsRead && !matched.ContainsKey(entry.Index) && results[entry.Index].Resource is { } resource
                    && !written.TryAdd((resource.ResourceType, resource.Id), entry.Index))
                {
                    throw FhirException.BadRequest($"{resource.ResourceType}/{resource.Id} is written by entries {written[(resource.ResourceType, resource.Id)]} and {entry.Index}; a transaction writes a resource once", entry.Location + ".request.url");
                }
            }
            current = null;
            await session.CommitAsync(cancellationToken);
            return results;
        }
        catch (FhirException e)
        {
            throw Located(e, current);
        }
        catch (GoneException e)
        {
            throw Located(new FhirException(410, "deleted", e.Message), current);
        }
        catch (UnstorableValueException e)
        {
            // Writes are flushed in batches: when storage knows the write (a value too long to index), the entry is the
            // one that wrote it, not the one running when the batch was sent (or none, at the commit).
            if (e.ResourceType is null) throw Located(new FhirException(422, "processing", e.Message), current);
            var failed = WriterOf(entries, results, e.ResourceType, e.Id) ?? current;
            throw Located(new FhirException(422, "processing", e.Message, failed?.Location + ".resource"), failed);
        }
        catch (StorageConflictException e)
        {
            // Writes are flushed in batches: the entry that failed is the one that wrote this resource.
            var failed = WriterOf(entries, results, e.ResourceType, e.Id) ?? current;
            throw Located(new FhirException(409, [StorageConflicts.Issue(e, failed?.Location + ".resource")]), failed);
        }
    }

    // The entry whose write stored this resource (results are set as entries run: a write sent later is found).
    private static BundleEntryRequest? WriterOf(List<BundleEntryRequest> entries, EntryResult[] results, string type, string? id) =>
        entries.FirstOrDefault(x => !x.IsRead && results[x.Index]?.Resource is { } r && r.ResourceType == type && r.Id == id);

    private async Task<EntryResult[]> BatchAsync(List<BundleEntryRequest> entries, ReadContext reading, CancellationToken cancellationToken)
    {
        var results = new EntryResult[entries.Count];
        foreach (var entry in entries)
        {
            try
            {
                if (entry.IsRead)
                {
                    results[entry.Index] = await reads.ReadAsync(entry, null, reading.BaseUrl, reading.Strict, cancellationToken); // no database transaction of its own to open
                    continue;
                }
                await using var session = await WriteSession.BeginAsync(context, cancellationToken, reading.BaseUrl);
                // Conditional references of this entry, resolved as in a transaction, in the entry's own session.
                var references = new Dictionary<string, string>(StringComparer.Ordinal);
                MatchConditionalReferences(await SearchConditionalReferencesAsync(session, [entry], references, cancellationToken), null, references, []);
                var options = new WriteOptions
                {
                    LocationPrefix = entry.Location + ".resource",
                    RewriteReference = references.Count == 0 ? null : reference => references.GetValueOrDefault(reference),
                };
                results[entry.Index] = await ExecuteAsync(session, entry, options, transactional: false, cancellationToken);
                await session.CommitAsync(cancellationToken);
            }
            catch (FhirException e)
            {
                results[entry.Index] = new EntryResult(e.Status, null, Located(e, entry).Issues);
            }
            catch (GoneException e)
            {
                results[entry.Index] = new EntryResult(410, e.Deleted, [new OutcomeIssue("error", "deleted", e.Message, entry.IsRead ? entry.Location + ".request.url" : entry.Location)]);
            }
            catch (UnstorableValueException e)
            {
                var location = e.ResourceType is null ? null : entry.Location + ".resource";
                results[entry.Index] = new EntryResult(422, null, Located(new FhirException(422, "processing", e.Message, location), entry).Issues);
            }
            catch (StorageConflictException e)
            {
                results[entry.Index] = new EntryResult(409, null, Located(new FhirException(409, [StorageConflicts.Issue(e, entry.Location + ".resource")]), entry).Issues);
            }
            catch (Exception e) when (StorageFailures.IsLostRace(e))
            {
                // This entry alone was rolled back; the others of the batch stand.
                results[entry.Index] = new EntryResult(409, null, [new OutcomeIssue("error", "conflict", DeadlockMessage, entry.Location)]);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The entries before it are committed: the answer must still say so, entry by entry, rather than a bare
                // 500 for the whole batch that leaves the client guessing what was stored.
                Logger?.LogError(e, "Unhandled error in {Location} ({Method} {Url}) of a batch", entry.Location, entry.Method, entry.Url);
                results[entry.Index] = new EntryResult(500, null, [new OutcomeIssue("fatal", "exception", "The server failed to process this entry; the error is logged", entry.Location)]);
            }
        }
        return results;
    }

    // The write of a POST, PUT, DELETE or PATCH entry.
    private async Task<EntryResult> ExecuteAsync(WriteSession session, BundleEntryRequest entry, WriteOptions options, bool transactional, CancellationToken cancellationToken)
    {
        var type = entry.Type!;
        WriteOutcome outcome;
        switch (entry.Method)
        {
            case "POST":
                outcome = await session.CreateAsync(type, entry.Resource!.Value, transactional ? null : entry.IfNoneExist, options, cancellationToken);
                break;
            case "PUT" when entry.Id is not null:
                outcome = await session.UpdateAsync(type, entry.Id, entry.Resource!.Value, entry.IfMatch, entry.IfNoneMatch, options, cancellationToken);
                break;
            case "PUT":
                outcome = await session.ConditionalUpdateAsync(type, entry.Query!, entry.Resource!.Value, entry.IfMatch, options, cancellationToken);
                break;
            case "DELETE" when entry.Id is not null:
                outcome = await session.DeleteAsync(type, entry.Id, entry.IfMatch, entry.Location, cancellationToken);
                break;
            case "DELETE":
                outcome = await session.ConditionalDeleteAsync(type, entry.Query!, entry.Location, options.Criteria, cancellationToken);
                break;
            case "PATCH" when entry.Id is not null:
                outcome = await session.PatchAsync(type, entry.Id, PatchOf(entry), entry.IfMatch, options, cancellationToken);
                break;
            case "PATCH":
                outcome = await session.ConditionalPatchAsync(type, entry.Query!, PatchOf(entry), entry.IfMatch, options, cancellationToken);
                break;
            default:
                throw new InvalidOperationException($"{entry.Method} is not a write");
        }
        return new EntryResult(outcome.Status, outcome.Resource, outcome.Issues);
    }

    private Func<JsonNode, JsonNode> PatchOf(BundleEntryRequest entry)
    {
        if (PatchFactory is null) throw new FhirException(400, "not-supported", "PATCH entries are not supported", entry.Location);
        var resource = entry.Resource!.Value;
        var resourceType = StringProperty(resource, "resourceType");
        if (resourceType == "Binary")
        {
            // JSON Patch travels as a Binary (http.html#patch): contentType and base64 data.
            var contentType = StringProperty(resource, "contentType") ?? "";
            byte[] data = [];
            if (resource.TryGetProperty("data", out var d) && (d.ValueKind != JsonValueKind.String || !d.TryGetBytesFromBase64(out data!)))
            {
                throw FhirException.BadRequest("The Binary's data is not base64", entry.Location + ".resource.data");
            }
            return PatchFactory(contentType, data);
        }
        if (resourceType == "Parameters") return PatchFactory("application/fhir+json", JsonSerializer.SerializeToUtf8Bytes(resource));
        throw FhirException.BadRequest("A PATCH entry's resource is a Parameters (FHIRPath Patch) or a Binary holding a JSON Patch", entry.Location + ".resource");
    }

    private static string? StringProperty(JsonElement resource, string name) =>
        resource.ValueKind == JsonValueKind.Object && resource.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    // The criteria of a conditional patch or delete, with the fullUrls of the Bundle's entries rewritten to the ids they
    // write, as in a conditional create's or update's (http.html#trules); null for any other entry.
    private static ConditionalCriteria? ConditionalOf(BundleEntryRequest entry, Dictionary<string, string> references) =>
        entry.Method is "PATCH" or "DELETE" && entry.Id is null && entry.Query is not null
            ? ConditionalCriteria.Parse(entry.Query, entry.Method == "PATCH" ? "Conditional patch" : "Conditional delete").WithPlaceholders(references)
            : null;

    // The matches of the conditional creates and updates whose criteria are one identifier, looked up together in one
    // statement before any write (a Bundle syncing a hundred resources by identifier asks once, not a hundred times).
    // An entry whose criteria the lookup refuses is left to AssignIdAsync, which refuses them in the entry's turn.
    private async Task<Dictionary<int, IReadOnlyList<string>>> LookUpIdentifiersAsync(WriteSession session, List<BundleEntryRequest> entries,
        Dictionary<int, ConditionalCriteria> creating, Dictionary<string, string> references, CancellationToken cancellationToken)
    {
        var indexes = new List<int>();
        var identifiers = new List<(string, string?, string)>();
        foreach (var (index, criteria) in creating)
        {
            (string? System, string Value)? identifier;
            try
            {
                identifier = criteria.WithPlaceholders(references).IdentifierLookup(entries[index].Type!, context.SearchEngine, session.BaseUrl);
            }
            catch (FhirException)
            {
                continue;
            }
            if (identifier is not { } lookup) continue;
            indexes.Add(index);
            identifiers.Add((entries[index].Type!, lookup.System, lookup.Value));
        }
        if (indexes.Count < 2) return []; // one is looked up as it always was
        var found = await session.Transaction.FindByIdentifiersAsync(identifiers, cancellationToken);
        var matches = new Dictionary<int, IReadOnlyList<string>>(indexes.Count);
        for (var i = 0; i < indexes.Count; i++) matches[indexes[i]] = [.. found[i].Distinct().Order(StringComparer.Ordinal).Take(2)];
        return matches;
    }

    // The id of a conditional create (ifNoneExist) or conditional update: the one resource its criteria match (found:
    // as LookUpIdentifiersAsync found them; null: searched here), else a new one (or, for an update, the id in the
    // resource: update as create, http.html#cond-update). A conditional update's matches are kept (upfront).
    private static async Task AssignIdAsync(WriteSession session, BundleEntryRequest entry, ConditionalCriteria criteria, IReadOnlyList<string>? found,
        Dictionary<string, string> references, Dictionary<int, string> assigned, Dictionary<int, string> matched, Dictionary<int, IReadOnlyList<string>> upfront,
        CancellationToken cancellationToken)
    {
        var type = entry.Type!;
        var matches = found ?? await session.MatchAsync(type, criteria, cancellationToken);
        string? id;
        if (entry.Method == "POST")
        {
            if (matches.Count > 1) throw FhirException.PreconditionFailed($"ifNoneExist: {matches.Count} or more {type} resources match '{entry.IfNoneExist}'");
            id = matches.Count == 1 ? matched[entry.Index] = matches[0] : null;
        }
        else
        {
            if (matches.Count > 1) throw FhirException.PreconditionFailed($"Conditional update: {matches.Count} or more {type} resources match '{entry.Query}'");
            id = matches.Count == 1 ? matches[0] : ResourceId(entry.Resource);
            upfront[entry.Index] = matches;
        }
        if (id is null) assigned[entry.Index] = id = WriteSession.NewId();
        if (entry.FullUrl is { } fullUrl) references[fullUrl] = $"{type}/{id}";
    }

    // A POST entry's ifNoneExist against the resources earlier POST entries create (TransactionCreates), counted with
    // its database matches; a match takes the place of a create, for the entry and for references to its fullUrl.
    private static void MatchEarlierCreates(BundleEntryRequest entry, ConditionalCriteria? criteria, TransactionCreates creates, Dictionary<string, string> references,
        Dictionary<int, string> assigned, Dictionary<int, string> matched)
    {
        if (criteria is not null)
        {
            var found = creates.Matching(entry.Type!, criteria);
            var count = found.Count + (matched.ContainsKey(entry.Index) ? 1 : 0);
            if (count > 1) throw FhirException.PreconditionFailed($"ifNoneExist: {count} or more {entry.Type} resources match '{entry.IfNoneExist}', counting those that earlier entries of this transaction create");
            if (found.Count == 1)
            {
                matched[entry.Index] = found[0];
                assigned.Remove(entry.Index);
                if (entry.FullUrl is { } fullUrl) references[fullUrl] = $"{entry.Type}/{found[0]}";
            }
        }
        if (assigned.TryGetValue(entry.Index, out var id)) creates.Add(entry, id, criteria);
    }

    private static string? ResourceId(JsonElement? resource) =>
        resource is { ValueKind: JsonValueKind.Object } r && r.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;

    // A conditional reference (Patient?identifier=x) of an entry, with what the database search found.
    private sealed record ConditionalReference(BundleEntryRequest Entry, string Reference, string Type, ConditionalCriteria Criteria, IReadOnlyList<string> Found);

    // Conditional references (http.html#trules): "Patient?identifier=x|y" inside a resource must match exactly one.
    // Here they are searched in the database; MatchConditionalReferences resolves them once the transaction's own
    // creates are known too.
    private async Task<List<ConditionalReference>> SearchConditionalReferencesAsync(WriteSession session, List<BundleEntryRequest> entries, Dictionary<string, string> references, CancellationToken cancellationToken)
    {
        var result = new List<ConditionalReference>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (entry.Resource is not { } resource || entry.Method is not ("POST" or "PUT")) continue;
            var found = new List<string>();
            CollectConditionalReferences(resource, found);
            foreach (var reference in found)
            {
                if (references.ContainsKey(reference) || !seen.Add(reference)) continue;
                var questionMark = reference.IndexOf('?', StringComparison.Ordinal);
                var type = reference[..questionMark];
                if (!context.IsResourceType(type)) continue;
                try
                {
                    var criteria = ConditionalCriteria.Parse(reference[(questionMark + 1)..], $"Conditional reference '{reference}'").WithPlaceholders(references);
                    var stored = await session.MatchAsync(type, criteria, cancellationToken);
                    result.Add(new ConditionalReference(entry, reference, type, criteria, stored));
                    // Meanwhile the one stored match stands, so that what the creates are matched on reads as stored.
                    if (stored.Count == 1) references[reference] = $"{type}/{stored[0]}";
                }
                catch (FhirException e)
                {
                    throw Located(e, entry); // criteria the server cannot evaluate: name the entry that holds them
                }
            }
        }
        return result;
    }

    // A conditional reference must match exactly one resource, counting those the transaction creates (HAPI resolves
    // them so too): a Claim may name the Patient created by an earlier entry by its identifier. The database's matches
    // that the transaction rewrites count only as it rewrites them (a PUT: as matched in memory; a DELETE: not).
    private static void MatchConditionalReferences(List<ConditionalReference> conditional, TransactionCreates? creates, Dictionary<string, string> references,
        HashSet<(string Type, string Id)> rewritten)
    {
        foreach (var (entry, reference, type, criteria, found) in conditional)
        {
            var stored = found.Where(id => !rewritten.Contains((type, id)));
            var matches = stored.Concat(creates?.Matching(type, criteria) ?? []).Distinct(StringComparer.Ordinal).ToList();
            if (matches.Count != 1)
            {
                throw new FhirException(412, "not-found", $"The conditional reference '{reference}' matches {(matches.Count == 0 ? "no" : "more than one")} {type}, counting those this transaction creates; it must match exactly one", entry.Location + ".resource");
            }
            references[reference] = $"{type}/{matches[0]}";
        }
    }

    private static void CollectConditionalReferences(JsonElement element, List<string> found)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (property.NameEquals("reference") && property.Value.ValueKind == JsonValueKind.String)
                    {
                        var value = property.Value.GetString()!;
                        // Type?criteria, whose criteria may hold URLs (Patient?identifier=http://system|1); not http://host/fhir/Type?...
                        if (value.IndexOf('?', StringComparison.Ordinal) is > 0 and var question && !value.AsSpan(0, question).Contains("://", StringComparison.Ordinal)) found.Add(value);
                    }
                    else
                    {
                        CollectConditionalReferences(property.Value, found);
                    }
                }
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray()) CollectConditionalReferences(item, found);
                break;
        }
    }

    // The spec: a transaction may not write one resource twice (http.html#trules).
    private static void CheckNoResourceWrittenTwice(List<BundleEntryRequest> entries)
    {
        var seen = new Dictionary<(string, string), int>();
        foreach (var entry in entries)
        {
            if (entry.Method is not ("PUT" or "DELETE" or "PATCH") || entry.Id is null) continue;
            if (!seen.TryAdd((entry.Type!, entry.Id), entry.Index))
            {
                throw FhirException.BadRequest($"{entry.Type}/{entry.Id} is written by entries {seen[(entry.Type!, entry.Id)]} and {entry.Index}; a transaction writes a resource once", entry.Location + ".request.url");
            }
        }
    }

    private static FhirException Located(FhirException e, BundleEntryRequest? entry)
    {
        if (entry is null) return e;
        var issues = e.Issues.Select(i => i with
        {
            Location = i.Location ?? entry.Location,
            Message = i.Message.StartsWith("Bundle.entry[", StringComparison.Ordinal) ? i.Message : $"{entry.Location} ({entry.Method} {entry.Url}): {i.Message}",
        }).ToList();
        return new FhirException(e.Status, issues);
    }

    private static byte[] WriteResponse(string type, List<BundleEntryRequest> entries, EntryResult[] results, string baseUrl, PreferReturn prefer)
    {
        var buffer = new ArrayBufferWriter<byte>(16 * 1024);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            BundleJsonWriter.WriteStart(writer, type, []);
            writer.WriteStartArray("entry");
            foreach (var entry in entries)
            {
                var result = results[entry.Index];
                writer.WriteStartObject();
                var stored = result.Resource;
                if (stored is not null) writer.WriteString("fullUrl", $"{baseUrl}/{stored.ResourceType}/{stored.Id}");
                var head = entry.Method == "HEAD"; // status and headers only, as over REST
                if (!head && result.ResourceJson is { } answer)
                {
                    writer.WritePropertyName("resource");
                    writer.WriteRawValue(answer, skipInputValidation: true);
                }
                else if (!head && stored?.Json is { } json && result.Status < 300 && (entry.IsRead || prefer == PreferReturn.Representation))
                {
                    writer.WritePropertyName("resource");
                    writer.WriteRawValue(json, skipInputValidation: true);
                }
                writer.WriteStartObject("response");
                writer.WriteString("status", HttpStatusText.Of(result.Status));
                if (stored is not null)
                {
                    if (entry.Method is "POST" or "PUT" && result.Status == 201) writer.WriteString("location", $"{stored.ResourceType}/{stored.Id}/_history/{stored.VersionId}");
                    writer.WriteString("etag", EntityTag.Format(stored.VersionId));
                    writer.WriteString("lastModified", ResourceStamper.FormatInstant(stored.LastUpdated));
                }
                if (result.Status >= 400 || (prefer == PreferReturn.OperationOutcome && result.Issues.Count > 0))
                {
                    writer.WritePropertyName("outcome");
                    OperationOutcomeJson.Write(writer, result.Issues);
                }
                writer.WriteEndObject();
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }
}
