using OpenImis.Fhir.Application.Bundles;
using OpenImis.Fhir.Application.Errors;
using OpenImis.Fhir.Application.Search;
using OpenImis.Fhir.Storage;
using OpenImis.Fhir.Storage.Search;

namespace OpenImis.Fhir.Application.Interactions;

/// <summary>
/// The search criteria of a conditional create, update, patch or delete (<c>identifier=system|value&amp;birthdate=...</c>)
/// and of a conditional reference in a transaction (<c>Patient?identifier=...</c>): any search parameter the search
/// engine knows for the type, with modifiers, chains and <c>_has</c>, matched inside the write's own transaction.
/// Result parameters (<c>_sort</c>, <c>_count</c>, <c>_include</c>, ...) and parameters the server does not know are
/// refused with 400 whatever the <c>Prefer: handling</c>: ignoring a criterion would match more resources than the
/// client meant, and create, overwrite or delete the wrong ones. <c>_id</c> and plain <c>identifier=system|value</c>
/// are answered from the resource and identifier tables without building a search.
/// </summary>
public sealed class ConditionalCriteria
{
    // search.html#Summary "result parameters": they shape an answer, they select nothing.
    private static readonly HashSet<string> ResultParameters =
        ["_sort", "_count", "_include", "_revinclude", "_summary", "_total", "_elements", "_contained", "_containedType", PagingLinks.CursorParameter];

    private readonly List<(string Name, string Value)> _parameters;
    private readonly string _what;
    // What came before '?' (Patient?identifier=..., http://host/fhir/Patient?...), checked against the type and base.
    private readonly string? _location;

    private ConditionalCriteria(List<(string Name, string Value)> parameters, string what, string? location)
    {
        _parameters = parameters;
        _what = what;
        _location = location;
    }

    /// <summary>What the criteria belong to, as error messages name it (<c>If-None-Exist</c>, <c>Conditional update</c>).</summary>
    public string What => _what;

    /// <summary>The parameters as sent, decoded: <c>identifier=http://x|1&amp;birthdate=2000</c>, for messages.</summary>
    public override string ToString() => string.Join('&', _parameters.Select(p => p.Name + "=" + p.Value));

    /// <param name="query">
    /// The query string (<c>a=1&amp;b=2</c>, percent-encoded as in a URL), or a search URL (<c>Patient?a=1</c>,
    /// <c>http://host/fhir/Patient?a=1</c>), as clients send in <c>If-None-Exist</c>: its type and base are checked on matching.
    /// </param>
    /// <param name="what">What the criteria belong to, for error messages (<c>If-None-Exist</c>, <c>Conditional delete</c>).</param>
    public static ConditionalCriteria Parse(string query, string what)
    {
        ArgumentNullException.ThrowIfNull(query);
        var parameters = new List<(string, string)>();
        var questionMark = query.IndexOf('?', StringComparison.Ordinal);
        var location = questionMark > 0 && query.IndexOf('=', StringComparison.Ordinal) is var equal && (equal < 0 || questionMark < equal) ? query[..questionMark] : null;
        if (questionMark >= 0 && (location is not null || questionMark == 0)) query = query[(questionMark + 1)..];
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals]);
            var value = equals < 0 ? "" : Uri.UnescapeDataString(pair[(equals + 1)..].Replace('+', ' '));
            // _format and _pretty shape the answer of the write; they are not criteria.
            if (name is "_format" or "_pretty") continue;
            var bare = name.Split(':')[0];
            if (ResultParameters.Contains(bare))
            {
                throw FhirException.BadRequest($"{what}: '{name}' is a result parameter; conditional criteria take search parameters only");
            }
            if (value.Length == 0) throw FhirException.BadRequest($"{what}: the search parameter '{name}' has no value");
            SearchParameters.RefuseNul(name, value, what);
            parameters.Add((name, value));
        }
        if (parameters.Count == 0) throw FhirException.BadRequest($"{what}: no search criteria");
        return new ConditionalCriteria(parameters, what, location);
    }

    /// <summary>
    /// The criteria with the transaction's placeholders replaced (http.html#trules): a value that is the fullUrl of an
    /// entry (<c>subject=urn:uuid:...</c>) names the resource that entry writes, <c>Type/id</c>, as the references
    /// inside resources do. Values the map does not hold are kept.
    /// </summary>
    public ConditionalCriteria WithPlaceholders(IReadOnlyDictionary<string, string> placeholders)
    {
        ArgumentNullException.ThrowIfNull(placeholders);
        var changed = false;
        var parameters = new List<(string Name, string Value)>(_parameters.Count);
        foreach (var (name, value) in _parameters)
        {
            var rewritten = WithPlaceholder(name, value, placeholders);
            changed |= !ReferenceEquals(rewritten, value);
            parameters.Add((name, rewritten));
        }
        return changed ? new ConditionalCriteria(parameters, _what, _location) : this;
    }

    /// <summary>
    /// One search parameter's value with the placeholders of a transaction replaced (see <see cref="WithPlaceholders"/>);
    /// the same string when it holds none.
    /// </summary>
    internal static string WithPlaceholder(string name, string value, IReadOnlyDictionary<string, string> placeholders)
    {
        if (!value.Contains("urn:", StringComparison.Ordinal)) return value;
        // A list of values (a,b) takes each on its own; placeholders hold no comma to escape. _id and _list (also at the
        // end of a chain or _has: _has:List:item:_id) take the bare id of what the entry writes.
        var code = name[(name.LastIndexOfAny([':', '.']) + 1)..];
        var parts = value.Split(',');
        var changed = false;
        for (var i = 0; i < parts.Length; i++)
        {
            if (placeholders.TryGetValue(parts[i], out var local))
            {
                parts[i] = code is "_id" or "_list" ? local[(local.IndexOf('/', StringComparison.Ordinal) + 1)..] : local;
                changed = true;
            }
        }
        return changed ? string.Join(',', parts) : value;
    }

    /// <summary>
    /// The criteria in one canonical form for a resource type (parameters sorted, values decoded): two requests with
    /// the same criteria written in another order or encoding share a key, and so a lock (<see cref="StoreTransaction.LockKeysAsync"/>).
    /// </summary>
    /// <param name="baseUrl">This server's base: values starting with it are keyed without it, like the local
    /// references they name (a value that is no reference only shares its key with more criteria, which at worst waits).</param>
    public string Key(string resourceType, string? baseUrl = null) =>
        resourceType + "?" + string.Join('&', _parameters
            .Select(p => (p.Name, Value: baseUrl is not null ? p.Value.Replace(baseUrl + "/", "", StringComparison.Ordinal) : p.Value))
            .OrderBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => Uri.EscapeDataString(p.Name) + "=" + Uri.EscapeDataString(p.Value)));

    /// <summary>
    /// The ids of the current resources of the type that match every parameter, as the transaction sees them, in id
    /// order; at most two: more than one is all a caller needs to know.
    /// </summary>
    /// <param name="baseUrl">This server's base URL: a reference value on it (<c>patient=http://host/fhir/Patient/1</c>) is the local <c>Patient/1</c>, as in a search.</param>
    public async Task<IReadOnlyList<string>> MatchAsync(StoreTransaction transaction, string resourceType, SearchEngine engine, string? baseUrl, Func<string, bool> isResourceType, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentNullException.ThrowIfNull(isResourceType);
        Check(resourceType, engine, baseUrl);
        if (_parameters.All(IsDirect)) return await MatchDirectAsync(transaction, resourceType, cancellationToken);
        try
        {
            return await engine.MatchIdsAsync(transaction, resourceType, SearchCriteria(engine, resourceType, baseUrl, isResourceType), 2, cancellationToken);
        }
        catch (SearchException e)
        {
            throw new FhirException(400, e.IssueCode, $"{_what}: {e.Message}");
        }
    }

    /// <summary>
    /// The one identifier these criteria look up (<c>identifier=system|value</c> or <c>identifier=value</c>, nothing
    /// else), which <see cref="MatchAsync"/> would answer from the identifier table; null for any other criteria. So a
    /// transaction looks up all of its conditional entries' identifiers in one statement
    /// (<see cref="StoreTransaction.FindByIdentifiersAsync"/>); the matches are those ids, ordered, at most two.
    /// Refuses what MatchAsync refuses.
    /// </summary>
    public (string? System, string Value)? IdentifierLookup(string resourceType, SearchEngine engine, string? baseUrl)
    {
        Check(resourceType, engine, baseUrl);
        if (_parameters is not [("identifier", var value)] || !IsDirect(_parameters[0])) return null;
        var bar = value.IndexOf('|', StringComparison.Ordinal);
        return bar < 0 ? (null, value) : (value[..bar], value[(bar + 1)..]);
    }

    private void Check(string resourceType, SearchEngine engine, string? baseUrl)
    {
        ArgumentNullException.ThrowIfNull(engine);
        if (_location is not null && _location != resourceType && (baseUrl is null || _location != baseUrl + "/" + resourceType))
        {
            throw FhirException.BadRequest($"{_what}: '{_location}?...' is not a search of {resourceType} on this server{(baseUrl is null ? "" : $" ({baseUrl}/{resourceType})")}");
        }
        foreach (var (name, _) in _parameters)
        {
            if (!engine.Conditions.Knows(resourceType, name))
            {
                throw FhirException.BadRequest($"{_what}: unknown or unsupported search parameter '{name}' for {resourceType}; conditional operations refuse criteria they cannot evaluate");
            }
        }
    }

    /// <summary>
    /// The criteria as the search engine takes them, values split and references on this server's base shortened: what
    /// <see cref="MatchAsync"/> searches for, and what <see cref="SearchMatcher"/> compares in memory.
    /// </summary>
    public IReadOnlyList<SearchCriterion> SearchCriteria(SearchEngine engine, string resourceType, string? baseUrl, Func<string, bool> isResourceType)
    {
        ArgumentNullException.ThrowIfNull(engine);
        return [.. _parameters.Select(p => new SearchCriterion(p.Name, Values(engine, isResourceType, resourceType, p.Name, p.Value, baseUrl)))];
    }

    private static List<string> Values(SearchEngine engine, Func<string, bool> isResourceType, string resourceType, string name, string value, string? baseUrl)
    {
        var values = SearchParameters.SplitValues(value);
        return baseUrl is null ? values : LocalReferences.Shorten(engine.Registry, isResourceType, resourceType, name, values, baseUrl);
    }

    // One _id, or identifier=system|value / identifier=value: a lookup of the resource or identifier table. A list
    // (a,b), an escape, or no system (|value) or no value (system|) go through the search engine.
    private static bool IsDirect((string Name, string Value) parameter)
    {
        var (name, value) = parameter;
        if (value.Contains(',', StringComparison.Ordinal) || value.Contains('\\', StringComparison.Ordinal)) return false;
        if (name == "_id") return true;
        if (name != "identifier") return false;
        var bar = value.IndexOf('|', StringComparison.Ordinal);
        return bar < 0 || (bar > 0 && bar < value.Length - 1 && value.IndexOf('|', bar + 1) < 0);
    }

    private async Task<IReadOnlyList<string>> MatchDirectAsync(StoreTransaction transaction, string resourceType, CancellationToken cancellationToken)
    {
        HashSet<string>? matches = null;
        foreach (var (name, value) in _parameters)
        {
            IReadOnlyList<string> ids;
            if (name == "_id")
            {
                var found = await transaction.ExistingAsync([(resourceType, value)], cancellationToken: cancellationToken);
                ids = found.Count > 0 ? [value] : [];
            }
            else
            {
                var bar = value.IndexOf('|', StringComparison.Ordinal);
                ids = bar < 0
                    ? await transaction.FindByIdentifierAsync(resourceType, null, value, cancellationToken)
                    : await transaction.FindByIdentifierAsync(resourceType, value[..bar], value[(bar + 1)..], cancellationToken);
            }
            if (matches is null) matches = [.. ids];
            else matches.IntersectWith(ids);
            if (matches.Count == 0) break;
        }
        return matches is null ? [] : [.. matches.Order(StringComparer.Ordinal).Take(2)];
    }
}
