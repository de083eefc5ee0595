namespace OpenImis.Fhir.Engine.Terminology;

/// <summary>
/// A set of codes with a three-valued membership, the working value of ValueSet composition
/// (http://hl7.org/fhir/R4/valueset.html#compositions). Members are certain; a system marked open (or everything,
/// when <see cref="OpenAll"/> is set) may hold further codes we cannot enumerate, so a code of it that is not a member
/// is Unknown rather than NotMember. Codes are keyed per system with that system's case sensitivity.
/// A set stored in an expansion is never changed again: the operations below change only the set they are called on.
/// </summary>
internal sealed class ConceptSet(Func<string, StringComparer> comparerFor)
{
    private readonly Func<string, StringComparer> _comparerFor = comparerFor;

    public Dictionary<string, Dictionary<string, ExpandedConcept>> Members { get; } = new(StringComparer.Ordinal);

    /// <summary>Systems whose other codes are unknown, with the reason.</summary>
    public Dictionary<string, string> Open { get; } = new(StringComparer.Ordinal);

    /// <summary>Set when codes of any system may be in the set (an import we cannot expand); the reason.</summary>
    public string? OpenAll { get; private set; }

    public void Add(in ExpandedConcept concept)
    {
        if (!Members.TryGetValue(concept.System, out var codes))
        {
            Members[concept.System] = codes = new Dictionary<string, ExpandedConcept>(_comparerFor(concept.System));
        }
        codes.TryAdd(concept.Code, concept);
    }

    public void MarkOpen(string system, string reason) => Open.TryAdd(system, reason);

    public void MarkOpenAll(string reason) => OpenAll ??= reason;

    public bool IsOpen(string system) => OpenAll is not null || Open.ContainsKey(system);

    public string? OpenReason(string system) => Open.TryGetValue(system, out var reason) ? reason : OpenAll;

    private bool MayContain(string system) => IsOpen(system) || (Members.TryGetValue(system, out var codes) && codes.Count > 0);

    /// <summary>Several includes are a union.</summary>
    public void UnionWith(ConceptSet other)
    {
        foreach (var codes in other.Members.Values)
        {
            foreach (var concept in codes.Values) Add(concept);
        }
        foreach (var (system, reason) in other.Open) MarkOpen(system, reason);
        if (other.OpenAll is not null) MarkOpenAll(other.OpenAll);
    }

    /// <summary>
    /// Within one include, the system part and each imported ValueSet are intersected ("the codes must be in all of
    /// them"). A code is a member when certain in both; unknown when each side may hold it and one is unsure.
    /// </summary>
    public ConceptSet Intersect(ConceptSet other)
    {
        var result = new ConceptSet(_comparerFor);
        foreach (var (system, codes) in Members)
        {
            if (!other.Members.TryGetValue(system, out var otherCodes)) continue;
            foreach (var concept in codes.Values)
            {
                if (otherCodes.ContainsKey(concept.Code)) result.Add(concept);
            }
        }
        foreach (var system in SystemsOf(this, other))
        {
            if (IsOpen(system) && other.MayContain(system)) result.MarkOpen(system, OpenReason(system)!);
            else if (other.IsOpen(system) && MayContain(system)) result.MarkOpen(system, other.OpenReason(system)!);
        }
        if (OpenAll is not null && other.OpenAll is not null) result.MarkOpenAll(OpenAll);
        return result;
    }

    /// <summary>
    /// An exclude removes its codes. Where the exclude itself is uncertain for a system, no code of that system
    /// can be called a member any more: the system becomes open.
    /// </summary>
    public void ExceptWith(ConceptSet excluded)
    {
        foreach (var (system, codes) in excluded.Members)
        {
            if (!Members.TryGetValue(system, out var mine)) continue;
            foreach (var code in codes.Keys) mine.Remove(code);
        }
        foreach (var system in SystemsOf(this, excluded))
        {
            var reason = excluded.OpenReason(system);
            if (reason is null || !MayContain(system)) continue;
            Members.Remove(system);
            MarkOpen(system, reason);
        }
    }

    private static HashSet<string> SystemsOf(ConceptSet a, ConceptSet b)
    {
        var systems = new HashSet<string>(StringComparer.Ordinal);
        systems.UnionWith(a.Members.Keys);
        systems.UnionWith(a.Open.Keys);
        systems.UnionWith(b.Members.Keys);
        systems.UnionWith(b.Open.Keys);
        return systems;
    }
}
