using OpenImis.Fhir.Engine.Search;

namespace OpenImis.Fhir.Storage.Search;

/// <summary>
/// Turns one criterion into SQL on a resource alias: <c>_id</c> and <c>_lastUpdated</c> on the resource table,
/// chains (<c>subject:Patient.name=x</c>: the referenced resource matches), reverse chains
/// (<c>_has:Claim:patient:status=active</c>: some Claim referring to it matches), and plain parameters through
/// their handler.
/// </summary>
public sealed class SearchConditionBuilder(SearchParameterRegistry registry, SearchEnvironment environment)
{
    private const int MaxChainDepth = 4;

    /// <summary>
    /// The most criteria one search ANDs (identical ones counted once). Each is a condition of its own, and PostgreSQL's
    /// planning grows faster than their number: 60 repeats of one <c>_profile</c> over every type took 23 s, 80 of a
    /// <c>_tag</c> ran into the 30 s command timeout and held a search connection all along. Values ORed in one
    /// criterion (<c>_tag=a,b,c</c>) are one condition and do not count.
    /// </summary>
    public const int MaxCriteria = 20;

    // The criteria without repeats: a criterion ANDed with itself selects what it selects alone.
    private static List<SearchCriterion> Distinct(IReadOnlyList<SearchCriterion> criteria)
    {
        var distinct = new List<SearchCriterion>(criteria.Count);
        foreach (var criterion in criteria)
        {
            if (!distinct.Exists(d => d.Name == criterion.Name && d.Values.SequenceEqual(criterion.Values, StringComparer.Ordinal))) distinct.Add(criterion);
        }
        return distinct;
    }

    /// <summary>True when the name is a parameter this server can search on for the type (chains and _has followed).</summary>
    public bool Knows(string resourceType, string name)
    {
        try
        {
            _ = Build(new SqlBuilder(), "r", resourceType, new SearchCriterion(name, ["x"]), 0, probe: true);
            return true;
        }
        catch (SearchException)
        {
            return false;
        }
    }

    /// <summary>
    /// The conditions of criteria that must all hold. Date criteria on a parameter a resource holds at most once are
    /// asked of that one value in one condition (<see cref="Conditions.DateCondition.AllOf"/>): the same resources
    /// match, and PostgreSQL reads one range of the index.
    /// </summary>
    public List<string> BuildAll(SqlBuilder sql, string resource, string resourceType, IReadOnlyList<SearchCriterion> criteria)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        criteria = Distinct(criteria);
        if (criteria.Count > MaxCriteria)
        {
            throw new SearchException($"The search has {criteria.Count} criteria; this server takes at most {MaxCriteria} in one search (values of one parameter separated by commas count once)", criteria[MaxCriteria].Name)
            {
                IssueCode = "too-costly",
            };
        }
        var conditions = new List<string>();
        var merged = new HashSet<string>(StringComparer.Ordinal);
        foreach (var criterion in criteria)
        {
            var name = criterion.Name;
            if (merged.Contains(name)) continue;
            var same = criteria.Where(c => c.Name == name).ToList();
            if (same.Count > 1 && name == "_lastUpdated" && resourceType != SearchRequest.AnyType)
            {
                // One value per resource: the criteria together are one range of its index.
                merged.Add(name);
                conditions.Add(LastUpdated(sql, resource, resourceType, same));
                continue;
            }
            if (same.Count > 1 && name.IndexOfAny([':', '.']) < 0 && !name.StartsWith('_')
                && registry.Find(resourceType, name) is { Definition.Type: SearchParameterType.Date, IsIndexed: true, IsComponent: false, IsSingleValued: true } handler)
            {
                merged.Add(name);
                conditions.Add(Conditions.DateCondition.AllOf(sql, handler, resource, same.Select(c => c.Values).ToList()));
                continue;
            }
            conditions.Add(Build(sql, resource, resourceType, criterion));
        }
        return conditions;
    }

    public string Build(SqlBuilder sql, string resource, string resourceType, SearchCriterion criterion) =>
        Build(sql, resource, resourceType, criterion, 0, probe: false);

    private string Build(SqlBuilder sql, string resource, string resourceType, SearchCriterion criterion, int depth, bool probe)
    {
        if (depth > MaxChainDepth) throw new SearchException($"{criterion.Name}: chains are limited to {MaxChainDepth} links", criterion.Name);
        var name = criterion.Name;
        if (name.StartsWith("_has:", StringComparison.Ordinal)) return ReverseChain(sql, resource, resourceType, criterion, depth, probe);
        var dot = name.IndexOf('.', StringComparison.Ordinal);
        if (dot > 0) return Chain(sql, resource, resourceType, criterion, name[..dot], name[(dot + 1)..], depth, probe);

        var colon = name.IndexOf(':', StringComparison.Ordinal);
        var code = colon < 0 ? name : name[..colon];
        var modifier = colon < 0 ? null : name[(colon + 1)..];
        if (code == "_id" && modifier is null) return $"{resource}.id = any({sql.Add(criterion.Values.ToArray())})";
        if (code == ListParameter) return ListMembers(sql, resource, resourceType, criterion, modifier, probe);
        if (code == "_lastUpdated" && modifier is null)
        {
            if (probe) return "true";
            return resourceType == SearchRequest.AnyType ? Comparisons(sql, resource, criterion) : LastUpdated(sql, resource, resourceType, [criterion]);
        }
        var handler = registry.Find(resourceType, code) ?? throw new SearchException($"Unknown search parameter '{code}' for {resourceType}", code);
        if (!handler.IsIndexed) throw new SearchException($"The search parameter {code} of {resourceType} is not supported", code);
        if (probe) return "true";
        return handler.Condition(sql, resource, modifier, criterion.Values, environment);
    }

    // An index condition on the resource table itself, so that it can drive a candidate set (CandidateSet). Left a
    // filter on the resource row, a 2-second range holding the 1,000 claims written last was found by walking all
    // 230,000 claims in rid order (52 ms): PostgreSQL expected the matches spread evenly.
    private static string LastUpdated(SqlBuilder sql, string resource, string resourceType, IReadOnlyList<SearchCriterion> criteria)
    {
        var u = sql.Alias("u");
        return $"exists (select 1 from fhir_resource {u} where {u}.rid = {resource}.rid and {u}.resource_type = {sql.Add(resourceType)} and not {u}.deleted and " +
            string.Join(" and ", criteria.Select(c => Comparisons(sql, u, c))) + ")";
    }

    private static string Comparisons(SqlBuilder sql, string alias, SearchCriterion criterion) =>
        "(" + string.Join(" or ", criterion.Values.Select(v => Conditions.DateCondition.CompareInstant(sql, $"{alias}.last_updated", v, "_lastUpdated"))) + ")";

    // subject:Patient.name=peter, or subject.name=peter over every target type that has the chained parameter.
    private string Chain(SqlBuilder sql, string resource, string resourceType, SearchCriterion criterion, string head, string rest, int depth, bool probe)
    {
        var colon = head.IndexOf(':', StringComparison.Ordinal);
        var code = colon < 0 ? head : head[..colon];
        var typeModifier = colon < 0 ? null : head[(colon + 1)..];
        var handler = registry.Find(resourceType, code) ?? throw new SearchException($"Unknown search parameter '{code}' for {resourceType}", criterion.Name);
        if (handler.Definition.Type != SearchParameterType.Reference) throw new SearchException($"{code} is not a reference parameter: it cannot be chained", criterion.Name);
        IEnumerable<string> targets = typeModifier is not null ? [typeModifier] : handler.Definition.Target;
        var parts = new List<string>();
        foreach (var target in targets)
        {
            if (!environment.IsResourceType(target)) throw new SearchException($"{head}: {target} is not a resource type", criterion.Name);
            var inner = new SearchCriterion(rest, criterion.Values);
            string condition;
            try
            {
                condition = Build(sql, "t" + depth, target, inner, depth + 1, probe);
            }
            catch (SearchException) when (typeModifier is null && handler.Definition.Target.Count > 1)
            {
                continue; // this target type lacks the chained parameter; others may have it
            }
            if (probe) return "true";
            var x = sql.Alias("x");
            var t = "t" + depth;
            parts.Add($"exists (select 1 from search_reference {x} join fhir_resource {t} on {t}.resource_type = {x}.target_type and {t}.id = {x}.target_id " +
                $"where {x}.rid = {resource}.rid and {x}.resource_type = {sql.Add(resourceType)} and {x}.code = {sql.Add(code)} and {t}.resource_type = {sql.Add(target)} and not {t}.deleted and {condition})");
        }
        if (parts.Count == 0) throw new SearchException($"{criterion.Name}: no target type of {code} has the parameter '{rest}'", criterion.Name);
        return parts.Count == 1 ? parts[0] : "(" + string.Join(" or ", parts) + ")";
    }

    /// <summary><c>_list</c> (search.html#list): the resources a List holds.</summary>
    public const string ListParameter = "_list";

    // _list=42: the resources that List/42 holds in List.entry.item, read from the List's own index rows (its item
    // parameter). Written on the member's rid like _has, so that it is a candidate set (CandidateSet). Several ids:
    // a member of any. Functional lists ($current-problems) are not kept by this server.
    private string ListMembers(SqlBuilder sql, string resource, string resourceType, SearchCriterion criterion, string? modifier, bool probe)
    {
        if (registry.Find("List", "item") is not { IsIndexed: true, Definition.Type: SearchParameterType.Reference })
        {
            throw new SearchException($"{ListParameter} needs the reference search parameter item of List, which is not indexed", criterion.Name);
        }
        // Known, as other parameters are, whatever its modifier: a wrong one is refused, not ignored.
        if (probe) return "true";
        if (modifier is not null) throw new SearchException($"The modifier :{modifier} does not apply to {ListParameter}", criterion.Name);
        if (criterion.Values.FirstOrDefault(v => v.StartsWith('$')) is { } functional)
        {
            throw new SearchException($"{ListParameter}: functional lists such as '{functional}' are not supported; name a List by its id", criterion.Name);
        }
        var x = sql.Alias("x");
        var l = sql.Alias("l");
        var t = sql.Alias("h");
        var type = resourceType == SearchRequest.AnyType ? "" : $" and {x}.target_type = {sql.Add(resourceType)}";
        return $"exists (select 1 from search_reference {x} join fhir_resource {l} on {l}.rid = {x}.rid join fhir_resource {t} on {t}.resource_type = {x}.target_type and {t}.id = {x}.target_id " +
            $"where {t}.rid = {resource}.rid and {x}.resource_type = {sql.Add("List")} and {x}.code = {sql.Add("item")}{type} and {l}.id = any({sql.Add(criterion.Values.ToArray())}) and not {t}.deleted " +
            $"and {NotOnlyDeleted(sql, l, t)})";
    }

    // A List in changes mode flags the items it dropped (List.entry.deleted: "the item has been deleted from the
    // list"). The item index cannot tell those entries from the others, so a List that flags any is read: the
    // resource is a member when an entry without the flag refers to it (Type/id, versioned or absolute).
    private static string NotOnlyDeleted(SqlBuilder sql, string list, string member)
    {
        var v = sql.Alias("lv");
        var e = sql.Alias("le");
        var key = $"{member}.resource_type || '/' || {member}.id";
        var reference = $"regexp_replace({e}.value -> 'item' ->> 'reference', '/_history/[^/]*$', '')";
        return $"exists (select 1 from fhir_resource_version {v} where {v}.resource_type = {list}.resource_type and {v}.id = {list}.id and {v}.version_id = {list}.version_id " +
            $"and (not {v}.body @> '{{\"entry\": [{{\"deleted\": true}}]}}' or exists (select 1 from jsonb_array_elements({v}.body -> 'entry') {e} " +
            $"where ({e}.value ->> 'deleted') is distinct from 'true' and ({reference} = {key} or right({reference}, length({key}) + 1) = '/' || {key}))))";
    }

    // _has:Claim:patient:status=active: some Claim whose patient is this resource has status active. Written on the
    // resource's rid (its id found from the reference's target through fhir_resource), so that it is a candidate set
    // like any index condition (CandidateSet): the claims of a facility become the page of their patients in rid order,
    // cut among candidates, instead of a walk of every patient checking for claims. The source's own row is joined only
    // when the condition needs more of it than its rid: index rows exist only for current resources that are not deleted.
    private string ReverseChain(SqlBuilder sql, string resource, string resourceType, SearchCriterion criterion, int depth, bool probe)
    {
        var parts = criterion.Name.Split(':', 4);
        if (parts.Length != 4 || !environment.IsResourceType(parts[1]))
        {
            throw new SearchException($"'{criterion.Name}' is not _has:Type:reference:parameter", criterion.Name);
        }
        var (sourceType, code, rest) = (parts[1], parts[2], parts[3]);
        var handler = registry.Find(sourceType, code) ?? throw new SearchException($"Unknown search parameter '{code}' for {sourceType}", criterion.Name);
        if (handler.Definition.Type != SearchParameterType.Reference) throw new SearchException($"{sourceType}.{code} is not a reference parameter", criterion.Name);
        var s = "s" + depth;
        var condition = Build(sql, s, sourceType, new SearchCriterion(rest, criterion.Values), depth + 1, probe);
        if (probe) return "true";
        var x = sql.Alias("x");
        var t = sql.Alias("h");
        var source = "";
        if (CandidateSet.NeedsRow(condition, s)) source = $" join fhir_resource {s} on {s}.rid = {x}.rid and not {s}.deleted";
        else condition = CandidateSet.OnRid(condition, s, $"{x}.rid");
        return $"exists (select 1 from search_reference {x} join fhir_resource {t} on {t}.resource_type = {x}.target_type and {t}.id = {x}.target_id{source} " +
            $"where {t}.rid = {resource}.rid and {x}.target_type = {sql.Add(resourceType)} and {x}.resource_type = {sql.Add(sourceType)} and {x}.code = {sql.Add(code)} and not {t}.deleted and {condition})";
    }
}
