namespace OpenImis.Fhir.Application.Errors;

/// <summary>One OperationOutcome.issue: severity, issue type code, a message for a person, and the FHIRPath location.</summary>
public sealed record OutcomeIssue(string Severity, string Code, string Message, string? Location = null);
