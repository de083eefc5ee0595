using System.Text.RegularExpressions;

namespace OpenImis.Fhir.Storage.Search;

/// <summary>
/// Rewrites a search's conditions so that PostgreSQL finds the candidate rids in the index tables before it touches
/// the resource table. Every index condition is <c>exists (select 1 from T a where a.rid = r.rid and ...)</c>; with
/// two of them, PostgreSQL probed the resource row of every match of the first before checking the second
/// (<c>family=X&amp;given=Y</c>: 4,749 probes for 48 matches). Here one such condition, the driver, becomes the
/// candidate set <c>r.rid in (select a.rid from T a where ... and [the other rid-only conditions, on a.rid])</c>,
/// which PostgreSQL can hash- or merge-join within the index tables.
/// <para>
/// When every condition is rid-only and the page is in rid order, the page is cut inside the candidate set too
/// (<c>order by a.rid limit n</c>): index rows exist only for the current version of resources that are not deleted
/// (a write replaces them, a delete removes them), so a candidate rid is a match and needs no resource row to count.
/// </para>
/// <para>
/// A driver known to be small (<see cref="FenceRows"/>, by PostgreSQL's estimate) is <i>fenced</i>: its rids are
/// sorted first (<c>order by rid offset 0</c>, which PostgreSQL does not flatten), so that the other conditions are
/// checked in rid order, one probe per candidate, and the page stops after its first rows. Left to itself PostgreSQL checked all 8,907 coverages
/// of a product for <c>status=active</c> before sorting them (102 ms); fenced, it checks 21 (5 ms). A large driver is
/// never fenced: sorting 180,000 women to find a rare family name is what the planner rightly avoids.
/// </para>
/// </summary>
internal static partial class CandidateSet
{
    /// <summary>Up to this many estimated rows, a driver is sorted before the other conditions are checked.</summary>
    public const double FenceRows = 20_000;

    /// <summary>The conditions that can drive (positive index conditions): their position, and what their rows are read from and with.</summary>
    public static List<(int Index, string From, string Where)> Drivers(IReadOnlyList<string> conditions)
    {
        ArgumentNullException.ThrowIfNull(conditions);
        var drivers = new List<(int, string, string)>();
        for (var i = 0; i < conditions.Count; i++)
        {
            var match = CorrelatedExists().Match(conditions[i]);
            if (match.Success && ClosesAtEnd(conditions[i], "exists ".Length)) drivers.Add((i, match.Groups["from"].Value, match.Groups["rest"].Value));
        }
        return drivers;
    }

    /// <summary>One index condition on <c>r.rid</c> taken apart: what its rows are read from, their alias, and the rest of its condition.</summary>
    public static (string From, string Alias, string Where)? Parse(string condition)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var match = CorrelatedExists().Match(condition);
        return match.Success && ClosesAtEnd(condition, "exists ".Length)
            ? (match.Groups["from"].Value, match.Groups["alias"].Value, match.Groups["rest"].Value)
            : null;
    }

    /// <summary>True when every condition needs only the rid of a resource (the page can then be cut among candidates).</summary>
    public static bool AllRidOnly(IReadOnlyList<string> conditions) => conditions.All(c => !OtherResourceColumn().IsMatch(c));

    /// <summary>The conditions on the resource alias <c>r</c> that select the same resources as <paramref name="conditions"/>.</summary>
    /// <param name="pageLimit">The page size plus one (a SQL parameter) when the page is in rid order; null otherwise.</param>
    /// <param name="driver">The position of the condition to drive (one of <see cref="Drivers"/>); null: the first that can.</param>
    /// <param name="fenced">Sort the driver's rids before checking the others (when the page is cut inside).</param>
    public static List<string> Rewrite(IReadOnlyList<string> conditions, string? pageLimit, int? driver = null, bool fenced = false)
    {
        ArgumentNullException.ThrowIfNull(conditions);
        var drivers = Drivers(conditions);
        if (drivers.Count == 0) return [.. conditions];
        var (index, from, rest) = driver is { } chosen ? drivers.Single(d => d.Index == chosen) : drivers[0];
        var ridOnly = conditions.Select(c => !OtherResourceColumn().IsMatch(c)).ToArray();
        if (!ridOnly.All(x => x)) pageLimit = null;
        // One index condition alone: an exists is planned as well as a candidate set, unless the page is cut in it.
        if (pageLimit is null && ridOnly.Count(x => x) < 2) return [.. conditions];

        var alias = CorrelatedExists().Match(conditions[index]).Groups["alias"].Value;
        var others = Enumerable.Range(0, conditions.Count).Where(i => i != index).ToList();
        if (pageLimit is not null && fenced)
        {
            var fence = $"(select {alias}.rid from {from} where {ResourceRid().Replace(rest, alias + ".rid")} order by {alias}.rid offset 0) c";
            var checks = others.Count == 0 ? "" : " where " + string.Join(" and ", others.Select(i => PerRow(ResourceRid().Replace(conditions[i], "c.rid"))));
            return [$"r.rid in (select distinct c.rid from {fence}{checks} order by c.rid limit {pageLimit})"];
        }
        var onAlias = alias + ".rid";
        var inner = new List<string> { ResourceRid().Replace(rest, onAlias) };
        var outer = new List<string>();
        foreach (var i in others)
        {
            if (ridOnly[i]) inner.Add(ResourceRid().Replace(conditions[i], onAlias));
            else outer.Add(conditions[i]);
        }
        var where = string.Join(" and ", inner);
        outer.Insert(0, pageLimit is null
            ? $"r.rid in (select {alias}.rid from {from} where {where})"
            : $"r.rid in (select distinct {alias}.rid from {from} where {where} order by {alias}.rid limit {pageLimit})");
        return outer;
    }

    /// <summary>True when the condition reads a column of <paramref name="alias"/>'s resource row other than its rid.</summary>
    public static bool NeedsRow(string condition, string alias) =>
        Regex.IsMatch(condition, $@"\b{Regex.Escape(alias)}\.(?!rid\b)", RegexOptions.CultureInvariant);

    /// <summary>The condition with <paramref name="alias"/>'s rid read from <paramref name="rid"/> instead.</summary>
    public static string OnRid(string condition, string alias, string rid) =>
        Regex.Replace(condition, $@"\b{Regex.Escape(alias)}\.rid\b", rid, RegexOptions.CultureInvariant);

    // An index check made per candidate, in rid order, by one probe of the rid index: `offset 0` keeps PostgreSQL from
    // turning the EXISTS into a join. Left to join, an estimate of one row (a rare status the statistics sample did
    // not see: 589 cancelled coverages among 5 million token rows) gave a nested loop over every pair: 145 ms for
    // `Coverage?class-value=R5P2&status=cancelled`, 15 ms probed.
    private static string PerRow(string condition)
    {
        var open = condition.StartsWith("exists (select 1 ", StringComparison.Ordinal) ? "exists ".Length
            : condition.StartsWith("not exists (select 1 ", StringComparison.Ordinal) ? "not exists ".Length : -1;
        return open >= 0 && ClosesAtEnd(condition, open) ? condition[..^1] + " offset 0)" : condition;
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
