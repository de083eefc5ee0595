using System.Collections.Concurrent;
using System.Text.Json;

namespace OpenImis.Fhir.Engine.Terminology;

/// <summary>
/// Expands ValueSets from their compose (http://hl7.org/fhir/R4/valueset.html#compositions) into
/// <see cref="ValueSetExpansion"/>s, cached by URL. Expanding is pure, so two threads racing on one URL both compute
/// and the first stored wins; no lock is held while imports expand, so import cycles cannot deadlock.
/// </summary>
internal sealed class ValueSetExpander
{
    private readonly TerminologySources _sources;
    private readonly Func<string, StringComparer> _comparerFor;

    // Null values remember ValueSets we do not hold, so asking again costs one lookup.
    private readonly ConcurrentDictionary<string, ValueSetExpansion?> _cache = new(StringComparer.Ordinal);

    public ValueSetExpander(TerminologySources sources)
    {
        _sources = sources;
        _comparerFor = sources.ComparerFor;
        CacheBySpan = _cache.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The cache looked up by a slice of a versioned URL without allocating the unversioned string.</summary>
    public ConcurrentDictionary<string, ValueSetExpansion?>.AlternateLookup<ReadOnlySpan<char>> CacheBySpan { get; }

    /// <summary>The expansion of the ValueSet with this (unversioned) URL; null when we hold no such ValueSet.</summary>
    public ValueSetExpansion? Expand(string url)
    {
        if (_cache.TryGetValue(url, out var cached)) return cached;
        return Expand(url, new HashSet<string>(StringComparer.Ordinal));
    }

    private ValueSetExpansion? Expand(string url, HashSet<string> visiting)
    {
        if (_cache.TryGetValue(url, out var cached)) return cached;
        ValueSetExpansion? expansion = null;
        if (_sources.FindValueSet(url) is { } valueSet)
        {
            visiting.Add(url);
            var set = Compose(valueSet, visiting);
            visiting.Remove(url);
            expansion = new ValueSetExpansion(url, JsonRead.String(valueSet, "version"), set);
        }
        else if (_sources.ImplicitValueSetSystem(url) is { } system)
        {
            expansion = new ValueSetExpansion(url, _sources.CodeSystem(system)?.Version, WholeSystem(system));
        }
        return _cache.GetOrAdd(url, expansion);
    }

    private ConceptSet Compose(JsonElement valueSet, HashSet<string> visiting)
    {
        var result = new ConceptSet(_comparerFor);
        if (!valueSet.TryGetProperty("compose", out var compose))
        {
            // No compose: a ValueSet published with only its expansion is taken as that list.
            if (valueSet.TryGetProperty("expansion", out var expansion)) AddContains(result, expansion);
            else result.MarkOpenAll("the ValueSet has neither compose nor expansion");
            return result;
        }
        if (JsonRead.TryArray(compose, "include", out var includes))
        {
            foreach (var include in includes.EnumerateArray()) result.UnionWith(Part(include, visiting));
        }
        if (JsonRead.TryArray(compose, "exclude", out var excludes))
        {
            foreach (var exclude in excludes.EnumerateArray()) result.ExceptWith(Part(exclude, visiting));
        }
        return result;
    }

    // One include or exclude: its system part (whole system, concept list or filters) intersected with each
    // imported ValueSet; "If there are multiple value sets or a system, the codes must be in all of them".
    private ConceptSet Part(JsonElement include, HashSet<string> visiting)
    {
        var system = JsonRead.String(include, "system");
        var part = system is null ? null : SystemPart(system, include);
        if (JsonRead.TryArray(include, "valueSet", out var imports))
        {
            foreach (var import in imports.EnumerateArray())
            {
                if (import.ValueKind != JsonValueKind.String) continue;
                var imported = Import(import.GetString()!, visiting);
                part = part is null ? imported : part.Intersect(imported);
            }
        }
        return part ?? new ConceptSet(_comparerFor);
    }

    private ConceptSet Import(string canonical, HashSet<string> visiting)
    {
        // The import's version is not checked: we hold one version of each ValueSet.
        var url = JsonRead.StripVersion(canonical);
        if (visiting.Contains(url))
        {
            var cycle = new ConceptSet(_comparerFor);
            cycle.MarkOpenAll($"ValueSet import cycle through {url}");
            return cycle;
        }
        if (Expand(url, visiting) is { } expansion) return expansion.Set;
        var missing = new ConceptSet(_comparerFor);
        missing.MarkOpenAll($"imported ValueSet {url} is not held");
        return missing;
    }

    private ConceptSet SystemPart(string system, JsonElement include)
    {
        var codeSystem = _sources.CodeSystem(system);
        if (JsonRead.TryArray(include, "concept", out var listed)) return ListedConcepts(system, codeSystem, listed);
        if (JsonRead.TryArray(include, "filter", out var filters))
        {
            return codeSystem is null ? OpenSystem(system, NotHeld(system)) : FilteredConcepts(codeSystem, filters);
        }
        return WholeSystem(system);
    }

    // An enumerated concept must exist in a complete code system we hold; a listed code that does not is dropped
    // (it cannot be valid). Codes of systems we do not hold, or that we hold only in part, are taken as listed.
    private ConceptSet ListedConcepts(string system, CodeSystemIndex? codeSystem, JsonElement listed)
    {
        var part = new ConceptSet(_comparerFor);
        foreach (var entry in listed.EnumerateArray())
        {
            var code = JsonRead.String(entry, "code");
            if (code is null) continue;
            var display = JsonRead.String(entry, "display");
            if (codeSystem?.Find(code) is { } found) part.Add(new ExpandedConcept(system, found.Code, found.Display ?? display));
            else if (codeSystem is null || !codeSystem.IsComplete) part.Add(new ExpandedConcept(system, code, display));
        }
        return part;
    }

    private ConceptSet FilteredConcepts(CodeSystemIndex codeSystem, JsonElement filters)
    {
        if (!codeSystem.IsComplete) return OpenSystem(codeSystem.Url, $"code system {codeSystem.Url} is not complete (content {codeSystem.Content}), its filters cannot be evaluated");
        HashSet<CodeSystemConcept>? selected = null;
        foreach (var filter in filters.EnumerateArray())
        {
            var property = JsonRead.String(filter, "property");
            var op = JsonRead.String(filter, "op");
            var value = JsonRead.String(filter, "value");
            var matches = property is null || op is null || value is null ? null : ConceptFilter.Apply(codeSystem, property, op, value);
            if (matches is null) return OpenSystem(codeSystem.Url, $"filter '{property} {op} {value}' on {codeSystem.Url} is not supported");
            // Several filters all apply (they are ANDed).
            if (selected is null) selected = matches;
            else selected.IntersectWith(matches);
        }
        var part = new ConceptSet(_comparerFor);
        // Walk the code system rather than the hash set, so the expansion keeps the code system's order.
        foreach (var concept in codeSystem.Concepts)
        {
            if (selected is null || selected.Contains(concept)) part.Add(new ExpandedConcept(codeSystem.Url, concept.Code, concept.Display));
        }
        return part;
    }

    private ConceptSet WholeSystem(string system)
    {
        var codeSystem = _sources.CodeSystem(system);
        if (codeSystem is null) return OpenSystem(system, NotHeld(system));
        var part = new ConceptSet(_comparerFor);
        foreach (var concept in codeSystem.Concepts) part.Add(new ExpandedConcept(system, concept.Code, concept.Display));
        if (!codeSystem.IsComplete) part.MarkOpen(system, $"code system {system} is not complete (content {codeSystem.Content})");
        return part;
    }

    private ConceptSet OpenSystem(string system, string reason)
    {
        var part = new ConceptSet(_comparerFor);
        part.MarkOpen(system, reason);
        return part;
    }

    private static string NotHeld(string system) => $"code system {system} is not held";

    private static void AddContains(ConceptSet set, JsonElement expansion)
    {
        if (!JsonRead.TryArray(expansion, "contains", out var contains)) return;
        foreach (var entry in contains.EnumerateArray())
        {
            var system = JsonRead.String(entry, "system");
            var code = JsonRead.String(entry, "code");
            if (system is not null && code is not null) set.Add(new ExpandedConcept(system, code, JsonRead.String(entry, "display")));
            AddContains(set, entry);
        }
    }
}
