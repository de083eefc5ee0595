using System.Globalization;
using OpenImis.Fhir.Application.Search;
using OpenImis.Fhir.Storage.Search;

namespace OpenImis.Fhir.LoadDriver.Search;

/// <summary>
/// Turns a drawn query into the <see cref="SearchRequest"/> the server's search interaction makes of it
/// (src/OpenImis.Fhir.Application/Search/SearchInteraction.cs), for the parameters the catalogue uses: criteria with
/// their values split as the server splits them, <c>_count</c>, <c>_sort</c>, <c>_total</c>, <c>_include</c>,
/// <c>_revinclude</c>. What it cannot mirror it refuses, so an EXPLAIN never shows a query the server would not run;
/// and the explain pass checks that the rows of the plan are the matches the server answered.
/// </summary>
internal static class SearchRequestReader
{
    public static SearchRequest Read(SearchEngine engine, DrawnQuery query, int defaultPageSize, int maxPageSize)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(query);
        var count = defaultPageSize;
        var total = SearchTotal.None;
        var sort = new List<SearchSortKey>();
        var includes = new List<IncludeRequest>();
        var revIncludes = new List<IncludeRequest>();
        var criteria = new List<SearchCriterion>();
        foreach (var (name, value) in query.Parameters)
        {
            switch (name)
            {
                case "_count":
                    count = Math.Min(int.Parse(value, NumberStyles.None, CultureInfo.InvariantCulture), maxPageSize);
                    break;
                case "_total":
                    total = value switch
                    {
                        "accurate" => SearchTotal.Accurate,
                        "estimate" => SearchTotal.Estimate,
                        "none" => SearchTotal.None,
                        _ => throw new ArgumentException($"_total: '{value}'", nameof(query)),
                    };
                    break;
                case "_sort":
                    foreach (var key in value.Split(',', StringSplitOptions.RemoveEmptyEntries))
                    {
                        sort.Add(new SearchSortKey(key.TrimStart('-'), key.StartsWith('-')));
                    }
                    break;
                case "_include" or "_revinclude":
                    var parts = value.Split(':');
                    var include = new IncludeRequest(parts[0], parts[1], parts.Length == 3 ? parts[2] : null, Iterate: false);
                    (name == "_include" ? includes : revIncludes).Add(include);
                    break;
                default:
                    if (name.StartsWith('_') && name is not ("_id" or "_lastUpdated") && !name.StartsWith("_has:", StringComparison.Ordinal))
                    {
                        throw new ArgumentException($"{name}: the explain pass does not mirror this parameter", nameof(query));
                    }
                    if (!engine.Conditions.Knows(query.ResourceType, name))
                    {
                        throw new ArgumentException($"{query.ResourceType} has no search parameter '{name}' (the server would ignore it)", nameof(query));
                    }
                    criteria.Add(new SearchCriterion(name, SearchParameters.SplitValues(value)));
                    break;
            }
        }
        return new SearchRequest(query.ResourceType, criteria, sort, count, null, total, includes, revIncludes);
    }
}
