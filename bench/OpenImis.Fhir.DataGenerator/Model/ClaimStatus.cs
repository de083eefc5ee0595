namespace OpenImis.Fhir.DataGenerator.Model;

/// <summary>openIMIS claim states; the value is the code of CodeSystem claim-status.</summary>
public enum ClaimStatus
{
    Rejected = 1,
    Entered = 2,
    Checked = 4,
    Processed = 8,
    Valuated = 16,
}
