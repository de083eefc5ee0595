namespace OpenImis.Fhir.LoadDriver.Search;

/// <summary>
/// The EXPLAIN of one drawn search: the matches the server answered over HTTP (null on an error), the matches its
/// page plan gave (capped at the page size), whether they agree, and the plan of each statement.
/// </summary>
internal sealed record QueryExplain(string Query, int? ServedMatches, int PlannedMatches, bool Agrees, IReadOnlyList<StatementPlan> Statements);
