namespace OpenImis.Fhir.Engine.Terminology;

/// <summary>One code of a ValueSet expansion (ValueSet.expansion.contains): its system, code and display.</summary>
public readonly record struct ExpandedConcept(string System, string Code, string? Display);
