namespace OpenImis.Fhir.Storage;

/// <summary>
/// A resource holds a value PostgreSQL cannot take: a NUL character (<c>\u0000</c>) in a string, which jsonb refuses,
/// or an identifier or reference too long for its index. The client's data, not a server fault.
/// </summary>
/// <param name="resourceType">With <paramref name="id"/>, the write that holds the value, when storage knows it (a
/// value too long to index): writes are sent in batches and fail where they are sent, not where they were made.</param>
public sealed class UnstorableValueException(string message, Exception inner, string? resourceType = null, string? id = null) : Exception(message, inner)
{
    public string? ResourceType { get; } = resourceType;

    public string? Id { get; } = id;
}
