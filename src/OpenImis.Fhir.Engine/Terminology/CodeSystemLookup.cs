namespace OpenImis.Fhir.Engine.Terminology;

/// <summary>Result of <see cref="TerminologyService.Lookup"/>: the outcome, the concept's display, and why the system is unknown.</summary>
public readonly record struct CodeSystemLookup(LookupOutcome Outcome, string? Display, string? Reason)
{
    public bool IsKnown => Outcome == LookupOutcome.Known;

    internal static CodeSystemLookup Known(string? display) => new(LookupOutcome.Known, display, null);

    internal static CodeSystemLookup NotFound { get; } = new(LookupOutcome.NotFound, null, null);

    internal static CodeSystemLookup SystemUnknown(string reason) => new(LookupOutcome.SystemUnknown, null, reason);
}
