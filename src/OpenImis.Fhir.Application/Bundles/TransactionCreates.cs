using OpenImis.Fhir.Application.Interactions;
using OpenImis.Fhir.Engine.Model;
using OpenImis.Fhir.Engine.Search;
using OpenImis.Fhir.Storage.Search;

namespace OpenImis.Fhir.Application.Bundles;

/// <summary>
/// What the POST entries of a transaction create, for its conditional creates (<c>ifNoneExist</c>) to match, and then
/// what its PUT entries write, for its conditional references (resolved after every write). Their
/// database searches run before anything is written (each entry's id must be known first, to rewrite the references
/// to its fullUrl), so they cannot see the transaction's own creates; yet an entry must match what an earlier one
/// creates, as it would had the two been sent one after the other: two entries with the same criteria then create
/// once (HAPI collapses those, hapi-fhir#2933), and so do criteria written otherwise that match the same resource.
/// Each earlier create is matched in memory by <see cref="SearchMatcher"/> (held to the database search by
/// MatcherConsistencyTests), on the resource as it will be stored. Criteria the matcher cannot evaluate (chains,
/// <c>_has</c>) match what an earlier conditional create with the same criteria (<see cref="ConditionalCriteria.Key"/>)
/// creates: its client said that resource is the one they name.
/// </summary>
/// <param name="rewriteReference">The transaction's rewriting of fullUrls and conditional references, as known when a
/// created resource is first matched. An entry's fullUrl that a later match redirects changes only from one new id to
/// another, which no criteria can name: a resource matched with the earlier one is matched right.</param>
internal sealed class TransactionCreates(WriteSession session, FhirContext context, Func<string, string?> rewriteReference)
{
    private readonly List<Created> _created = [];
    private readonly Dictionary<string, string> _byKey = new(StringComparer.Ordinal);
    // A Bundle may hold thousands of conditional creates of one type: matching each against every earlier create would
    // be quadratic. A token criterion without modifier (identifier=system|value, the usual one) needs a resource holding
    // its code, so these lists by (type, parameter) and code give the few worth matching; filled on first use.
    private readonly Dictionary<(string Type, SearchParameterHandler Handler), Dictionary<string, List<Created>>> _byToken = [];
    private readonly SearchMatcher _matcher = new(context.SearchEngine.Registry, context.SearchEngine.Environment);

    /// <summary>Records that <paramref name="entry"/> creates <paramref name="id"/>, under <paramref name="criteria"/> for a conditional create.</summary>
    public void Add(BundleEntryRequest entry, string id, ConditionalCriteria? criteria)
    {
        var created = new Created(entry, id);
        _created.Add(created);
        if (criteria is not null) _byKey.TryAdd(criteria.Key(entry.Type!, session.BaseUrl), id);
        foreach (var ((type, handler), byCode) in _byToken)
        {
            if (type == entry.Type) AddTokens(byCode, handler, created);
        }
    }

    /// <summary>The ids of the resources created by earlier entries that <paramref name="criteria"/> match; at most two.</summary>
    public List<string> Matching(string type, ConditionalCriteria criteria) =>
        MatchingInMemory(type, criteria) ?? (_byKey.TryGetValue(criteria.Key(type, session.BaseUrl), out var id) ? [id] : []);

    /// <summary>
    /// The ids (at most two) of the resources recorded here that <paramref name="criteria"/> match, or null when the
    /// matcher cannot evaluate them: criteria that look at other resources (chains, <c>_has</c>, <c>_list</c>), whose
    /// answer may change with what is recorded here even when none of it is of the type, and any the matcher refuses.
    /// Null too when more than <paramref name="maxMatched"/> resources would be matched (criteria the token index cannot
    /// narrow down, over many resources of the type): the caller's database search is then cheaper.
    /// </summary>
    public List<string>? MatchingInMemory(string type, ConditionalCriteria criteria, int maxMatched = int.MaxValue)
    {
        var searched = criteria.SearchCriteria(context.SearchEngine, type, session.BaseUrl, context.IsResourceType);
        if (searched.Any(SearchMatcher.LooksElsewhere)) return null;
        var matches = new List<string>(2);
        var matched = 0;
        try
        {
            foreach (var created in Candidates(type, searched))
            {
                if (++matched > maxMatched) return null;
                if (Tree(created) is not { } tree || !_matcher.Matches(tree, searched, created.Id, session.Now, created.ValuesOf)) continue;
                matches.Add(created.Id);
                if (matches.Count == 2) break;
            }
            return matches;
        }
        catch (SearchException)
        {
            return null;
        }
    }

    // The creates of the type that could match: all of them, unless a criterion narrows them down cheaply.
    private IEnumerable<Created> Candidates(string type, IReadOnlyList<SearchCriterion> searched)
    {
        foreach (var criterion in searched)
        {
            // A POST's new id is the server's, drawn for this transaction, which no criteria can name; a PUT's is the client's.
            if (criterion.Name == "_id") return _created.Where(c => c.Entry.Type == type && c.Entry.Method == "PUT" && criterion.Values.Contains(c.Id));
            if (context.Search.Find(type, criterion.Name) is not { Definition.Type: SearchParameterType.Token } handler) continue; // a modifier, a chain, another type
            var codes = criterion.Values.Select(v => v[(v.IndexOf('|', StringComparison.Ordinal) + 1)..]).ToList();
            if (codes.Exists(c => c.Length == 0)) continue; // system| matches any code of the system
            var byCode = TokenIndex(type, handler);
            return codes.SelectMany(c => byCode.GetValueOrDefault(c) ?? []).Distinct();
        }
        return _created.Where(c => c.Entry.Type == type);
    }

    private Dictionary<string, List<Created>> TokenIndex(string type, SearchParameterHandler handler)
    {
        if (!_byToken.TryGetValue((type, handler), out var byCode))
        {
            _byToken[(type, handler)] = byCode = new(StringComparer.Ordinal);
            foreach (var created in _created.Where(c => c.Entry.Type == type)) AddTokens(byCode, handler, created);
        }
        return byCode;
    }

    private void AddTokens(Dictionary<string, List<Created>> byCode, SearchParameterHandler handler, Created created)
    {
        if (Tree(created) is null) return;
        foreach (var token in created.ValuesOf(handler).OfType<TokenSearchValue>())
        {
            if (!byCode.TryGetValue(token.Code, out var holders)) byCode[token.Code] = holders = [];
            if (holders.Count == 0 || holders[^1] != created) holders.Add(created);
        }
    }

    // Built once, on first need: most creates are never matched against (no later conditional create of their type).
    private ElementNode? Tree(Created created)
    {
        if (!created.Read)
        {
            created.Tree = created.Entry.Resource is { } resource ? session.Preview(created.Entry.Type!, created.Id, resource, rewriteReference) : null;
            created.Read = true;
        }
        return created.Tree;
    }

    private sealed class Created(BundleEntryRequest entry, string id)
    {
        private readonly Dictionary<SearchParameterHandler, List<SearchValue>> _values = [];

        public BundleEntryRequest Entry { get; } = entry;

        public string Id { get; } = id;

        public bool Read { get; set; }

        public ElementNode? Tree { get; set; }

        /// <summary>A parameter's values in <see cref="Tree"/> (read first), each taken from the tree once.</summary>
        public List<SearchValue> ValuesOf(SearchParameterHandler handler)
        {
            if (!_values.TryGetValue(handler, out var values)) _values[handler] = values = handler.Values(Tree!);
            return values;
        }
    }
}
