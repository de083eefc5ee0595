namespace OpenImis.Fhir.Engine.FhirPath;

/// <summary>How to compile an expression.</summary>
public sealed record FhirPathCompileOptions
{
    public static FhirPathCompileOptions Default { get; } = new();

    /// <summary>
    /// Check every path against the FHIR model at compile time: <c>Patient.name.given1</c>, or <c>Encounter.name</c>
    /// when <see cref="ContextType"/> is Patient, are errors instead of empty results.
    /// </summary>
    public bool Strict { get; init; }

    /// <summary>
    /// <c>as</c> on several items keeps those of the type (like <c>ofType</c>) instead of being an error: for the R4
    /// search parameter expressions, which apply it to repeating elements.
    /// </summary>
    public bool LenientAs { get; init; }

    /// <summary>The FHIR type the expression is evaluated on (<c>Patient</c>, <c>Patient.contact</c>), when known.</summary>
    public string? ContextType { get; init; }
}
