namespace OpenImis.Fhir.Application.Interactions;

/// <summary>The <c>Prefer: return=</c> header (http.html#ops): what a write answers with.</summary>
public enum PreferReturn
{
    Representation,
    Minimal,
    OperationOutcome,
}
