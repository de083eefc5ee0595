namespace OpenImis.Fhir.Storage;

/// <summary>
/// A resource holds a value PostgreSQL cannot take: a NUL character (<c>\u0000</c>) in a string, which jsonb refuses,
/// or an identifier or reference too long for its index. The client's data, not a server fault.
/// </summary>
public sealed class UnstorableValueException(string message, Exception inner) : Exception(message, inner);
