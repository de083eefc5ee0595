namespace OpenImis.Fhir.Storage;

/// <summary>A write would give a second resource of the same type an openIMIS business code (or UUID) already in use.</summary>
public sealed class DuplicateIdentifierException(string message, Exception inner) : Exception(message, inner);
