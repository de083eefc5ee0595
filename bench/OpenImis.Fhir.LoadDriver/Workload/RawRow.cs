namespace OpenImis.Fhir.LoadDriver.Workload;

/// <summary>One resource of the raw PostgreSQL ceiling: its type column and its body.</summary>
internal sealed record RawRow(string Type, BodyTemplate Body);
