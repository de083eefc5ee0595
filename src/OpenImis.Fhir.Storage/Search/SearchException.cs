namespace OpenImis.Fhir.Storage.Search;

/// <summary>
/// A search the server cannot run as asked: an unknown or unsupported parameter or modifier, a malformed value, or
/// more criteria than it takes at once. Answered 400.
/// </summary>
public sealed class SearchException(string message, string parameter) : Exception(message)
{
    public string Parameter { get; } = parameter;

    /// <summary>The OperationOutcome issue code: <c>invalid</c>, or <c>too-costly</c> for a search refused for its cost.</summary>
    public string IssueCode { get; init; } = "invalid";
}
