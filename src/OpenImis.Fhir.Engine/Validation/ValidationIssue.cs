namespace OpenImis.Fhir.Engine.Validation;

/// <summary>
/// One problem found in a resource: an OperationOutcome issue. <paramref name="Code"/> is the FHIR IssueType code
/// (<c>structure</c>, <c>required</c>, <c>value</c>, <c>invariant</c>, <c>code-invalid</c>, <c>extension</c>, ...,
/// see <see cref="IssueTypes"/>); <paramref name="Location"/> the FHIRPath of the element
/// (<c>Patient.identifier[0].value</c>); <paramref name="Message"/> a sentence a person understands;
/// <paramref name="Rule"/> a stable identifier of the check (e.g. <c>json-null</c>, <c>pat-1</c>) for tests and logs.
/// </summary>
public sealed record ValidationIssue(IssueSeverity Severity, string Code, string Location, string Message, string Rule);
