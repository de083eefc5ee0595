namespace OpenImis.Fhir.Engine.Terminology;

/// <summary>The answer to "is this code defined by that code system". SystemUnknown is the default.</summary>
public enum LookupOutcome
{
    /// <summary>The code system is not held, or it is not complete and does not list the code.</summary>
    SystemUnknown = 0,

    Known,

    NotFound,
}
