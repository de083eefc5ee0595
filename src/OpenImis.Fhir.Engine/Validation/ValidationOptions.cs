namespace OpenImis.Fhir.Engine.Validation;

/// <summary>How to validate one resource.</summary>
public sealed record ValidationOptions
{
    public static ValidationOptions Default { get; } = new();

    /// <summary>Profiles the root resource must conform to besides its <c>meta.profile</c> (e.g. the openIMIS profile configured for its type).</summary>
    public IReadOnlyList<string> Profiles { get; init; } = [];
}
