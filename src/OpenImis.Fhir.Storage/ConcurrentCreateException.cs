namespace OpenImis.Fhir.Storage;

/// <summary>Two transactions created the same type and id at the same time; the later one lost.</summary>
public sealed class ConcurrentCreateException(string message, Exception inner) : Exception(message, inner);
