namespace OpenImis.Fhir.Engine.Terminology;

/// <summary>
/// A ValueSet expanded locally: the codes certainly in it, and whether that list is complete. When it is not (the
/// ValueSet draws on a code system we do not hold, a filter we cannot evaluate, a ValueSet we do not have), codes
/// outside the list are answered Unknown with <see cref="IncompleteReason"/>, never NotMember. Immutable and shared.
/// </summary>
public sealed class ValueSetExpansion
{
    private readonly ConceptSet _set;
    private ExpandedConcept[]? _concepts;

    internal ValueSetExpansion(string url, string? version, ConceptSet set)
    {
        Url = url;
        Version = version;
        _set = set;
        foreach (var codes in set.Members.Values) Count += codes.Count;
        IncompleteReason = set.OpenAll;
        if (IncompleteReason is null)
        {
            foreach (var reason in set.Open.Values)
            {
                IncompleteReason = reason;
                break;
            }
        }
    }

    public string Url { get; }

    public string? Version { get; }

    /// <summary>Number of codes certainly in the ValueSet.</summary>
    public int Count { get; }

    /// <summary>True when every code of the ValueSet is listed: a code not listed is not a member.</summary>
    public bool IsComplete => IncompleteReason is null;

    /// <summary>Why the expansion is not complete (the first reason found); null when it is.</summary>
    public string? IncompleteReason { get; }

    /// <summary>The codes certainly in the ValueSet, grouped by system.</summary>
    public IReadOnlyList<ExpandedConcept> Concepts => _concepts ??= ListConcepts();

    internal ConceptSet Set => _set;

    /// <summary>
    /// Whether <paramref name="code"/> of <paramref name="system"/> is in the ValueSet. A null system (a bare
    /// <c>code</c> element) matches the code in any system of the expansion. Two dictionary lookups per system tried; no allocation.
    /// </summary>
    public ValueSetMembership Contains(string? system, string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        if (system is not null)
        {
            if (_set.Members.TryGetValue(system, out var codes) && codes.TryGetValue(code, out var concept)) return ValueSetMembership.Member(concept.Display);
            return _set.OpenReason(system) is { } reason ? ValueSetMembership.Unknown(reason) : ValueSetMembership.NotMember;
        }
        foreach (var codes in _set.Members.Values)
        {
            if (codes.TryGetValue(code, out var concept)) return ValueSetMembership.Member(concept.Display);
        }
        return IncompleteReason is { } anyReason ? ValueSetMembership.Unknown(anyReason) : ValueSetMembership.NotMember;
    }

    private ExpandedConcept[] ListConcepts()
    {
        var list = new ExpandedConcept[Count];
        var i = 0;
        foreach (var codes in _set.Members.Values)
        {
            foreach (var concept in codes.Values) list[i++] = concept;
        }
        return list;
    }

    public override string ToString() => $"{Url}: {Count} codes{(IsComplete ? "" : $" (incomplete: {IncompleteReason})")}";
}
