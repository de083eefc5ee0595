namespace OpenImis.Fhir.Storage.Search;

/// <summary>
/// A search as storage runs it: the criteria (ANDed), the sort keys, the page size and the cursor of the page
/// wanted, whether to count all matches, the includes, and the compartment or the types if any.
/// </summary>
public sealed record SearchRequest(
    string ResourceType,
    IReadOnlyList<SearchCriterion> Criteria,
    IReadOnlyList<SearchSortKey> Sort,
    int Count,
    string? Cursor,
    SearchTotal Total,
    IReadOnlyList<IncludeRequest> Includes,
    IReadOnlyList<IncludeRequest> RevIncludes)
{
    /// <summary>
    /// The <see cref="ResourceType"/> of a search of every type: of a compartment (<c>Patient/123/*</c>), the types
    /// being those of <see cref="Compartment"/>, or of the whole server (<c>GET [base]?...</c>), the types being
    /// <see cref="Types"/>. Criteria are the parameters of base Resource, sort keys <c>_id</c> and <c>_lastUpdated</c>.
    /// </summary>
    public const string AnyType = "*";

    /// <summary>The compartment the matches must be in (compartment search); null for a search of the whole type.</summary>
    public SearchCompartment? Compartment { get; init; }

    /// <summary>
    /// The types a search of <see cref="AnyType"/> without a compartment is limited to (<c>_type</c>); null: every type.
    /// </summary>
    public IReadOnlyList<string>? Types { get; init; }
}

/// <summary>A <c>_sort</c> key: a parameter code (or <c>_id</c>, <c>_lastUpdated</c>) and its direction.</summary>
public sealed record SearchSortKey(string Code, bool Descending);

/// <summary><c>_total</c>: none, estimate (the planner's estimate) or accurate (a count).</summary>
public enum SearchTotal
{
    None,
    Estimate,
    Accurate,
}

/// <summary><c>_include=Claim:patient[:Patient]</c> or <c>_revinclude</c>, with <c>:iterate</c>.</summary>
public sealed record IncludeRequest(string SourceType, string Code, string? TargetType, bool Iterate);
