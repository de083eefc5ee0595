namespace OpenImis.Fhir.DataGenerator.Model;

/// <summary>
/// One line of a claim: the item or service (its id and code), quantity and unit price asked, and the rejection
/// reason of its adjudication (0 accepted; CodeSystem claim-rejection-reasons).
/// </summary>
public sealed record ClaimLine(int Sequence, ClaimLineKind Kind, string ReferenceId, string Code, int Quantity, decimal UnitPrice, int RejectionReason)
{
    public decimal Amount => Quantity * UnitPrice;
}
