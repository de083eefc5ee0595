namespace OpenImis.Fhir.Application.Errors;

/// <summary>
/// A request the server refuses: the HTTP status and the OperationOutcome issues that say why. Every interaction
/// reports a client's mistake this way; the host turns it into the response.
/// </summary>
public sealed class FhirException : Exception
{
    public FhirException(int status, string code, string message, string? location = null)
        : this(status, [new OutcomeIssue("error", code, message, location)])
    {
    }

    public FhirException(int status, IReadOnlyList<OutcomeIssue> issues)
        : base(issues.Count > 0 ? issues[0].Message : "error")
    {
        Status = status;
        Issues = issues;
    }

    public int Status { get; }

    public IReadOnlyList<OutcomeIssue> Issues { get; }

    public static FhirException BadRequest(string message, string? location = null) => new(400, "invalid", message, location);

    public static FhirException NotFound(string message) => new(404, "not-found", message);

    public static FhirException PreconditionFailed(string message) => new(412, "conflict", message);

    public static FhirException Conflict(string message) => new(409, "conflict", message);
}
