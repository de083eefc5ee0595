namespace OpenImis.Fhir.DataGenerator.Model;

/// <summary>openIMIS policy states (tblPolicy.PolicyStatus).</summary>
public enum PolicyStatus
{
    Idle = 1,
    Active = 2,
    Suspended = 4,
    Expired = 8,
}
