using System.Text.RegularExpressions;

namespace OpenImis.Fhir.Storage.Search;

/// <summary>
/// Rewrites a search's conditions so that PostgreSQL finds the candidate rids in the index tables before it touches
/// the resource table. Every index condition is <c>exists (select 1 from T a where a.rid = r.rid and ...)</c>; with
/// two of them, PostgreSQL probed the resource row of every match of the first before checking the second
/// (<c>family=X&amp;given=Y</c>: 4,749 probes for 48 matches). Here the first such condition becomes the candidate set
/// <c>r.rid in (select a.rid from T a where ... and [the other rid-only conditions, on a.rid])</c>, which it can hash-
/// or merge-join within the index tables.
/// <para>
/// When every condition is rid-only and the page is in rid order, the page is cut inside the candidate set too
/// (<c>order by a.rid limit n</c>): index rows exist only for the current version of resources that are not deleted
/// (a write replaces them, a delete removes them), so a candidate rid is a match and needs no resource row to count.
/// </para>
/// </summary>
internal static partial class CandidateSet
{
    /// <summary>The conditions on the resource alias <c>r</c> that select the same resources as <paramref name="conditions"/>.</summary>
    /// <param name="pageLimit">The page size plus one (a SQL parameter) when the page is in rid order; null otherwise.</param>
    public static List<string> Rewrite(IReadOnlyList<string> conditions, string? pageLimit)
    {
        ArgumentNullException.ThrowIfNull(conditions);
        var driver = -1;
        Match? match = null;
        for (var i = 0; i < conditions.Count && driver < 0; i++)
        {
            var candidate = CorrelatedExists().Match(conditions[i]);
            if (candidate.Success && ClosesAtEnd(conditions[i], "exists ".Length)) (driver, match) = (i, candidate);
        }
        if (match is null) return [.. conditions];
        var ridOnly = conditions.Select(c => !OtherResourceColumn().IsMatch(c)).ToArray();
        var allRidOnly = ridOnly.All(x => x);
        if (!allRidOnly) pageLimit = null;
        // One index condition alone: an exists is planned as well as a candidate set, unless the page is cut in it.
        if (pageLimit is null && ridOnly.Count(x => x) < 2) return [.. conditions];

        var alias = match.Groups["alias"].Value;
        var onAlias = alias + ".rid";
        var inner = new List<string> { ResourceRid().Replace(match.Groups["rest"].Value, onAlias) };
        var outer = new List<string>();
        for (var i = 0; i < conditions.Count; i++)
        {
            if (i == driver) continue;
            if (ridOnly[i]) inner.Add(ResourceRid().Replace(conditions[i], onAlias));
            else outer.Add(conditions[i]);
        }
        var from = match.Groups["from"].Value;
        var where = string.Join(" and ", inner);
        outer.Insert(0, pageLimit is null
            ? $"r.rid in (select {alias}.rid from {from} where {where})"
            : $"r.rid in (select distinct {alias}.rid from {from} where {where} order by {alias}.rid limit {pageLimit})");
        return outer;
    }

    // True when the parenthesis at open closes at the end of the text: the condition is one exists, not two joined.
    private static bool ClosesAtEnd(string text, int open)
    {
        var depth = 0;
        for (var i = open; i < text.Length; i++)
        {
            if (text[i] == '(') depth++;
            else if (text[i] == ')' && --depth == 0) return i == text.Length - 1;
        }
        return false;
    }

    // The shape of IndexExists.Sql and of a chain: exists (select 1 from FROM where A.rid = r.rid and REST).
    [GeneratedRegex(@"^exists \(select 1 from (?<from>[^()]+?) where (?<alias>[a-z]+[0-9]*)\.rid = r\.rid and (?<rest>.+)\)$", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex CorrelatedExists();

    // A column of the resource row other than its rid (r.id, r.last_updated): such a condition needs the row.
    [GeneratedRegex(@"\br\.(?!rid\b)", RegexOptions.CultureInvariant)]
    private static partial Regex OtherResourceColumn();

    [GeneratedRegex(@"\br\.rid\b", RegexOptions.CultureInvariant)]
    private static partial Regex ResourceRid();
}
