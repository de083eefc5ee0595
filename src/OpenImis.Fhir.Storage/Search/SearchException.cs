namespace OpenImis.Fhir.Storage.Search;

/// <summary>A search the server cannot run as asked: an unknown or unsupported parameter or modifier, a malformed value. Answered 400.</summary>
public sealed class SearchException(string message, string parameter) : Exception(message)
{
    public string Parameter { get; } = parameter;
}
