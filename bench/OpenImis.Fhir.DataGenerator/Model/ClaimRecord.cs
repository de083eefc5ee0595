namespace OpenImis.Fhir.DataGenerator.Model;

/// <summary>
/// A claim of a health facility for an insuree, under one of the family's policies. VisitType: E, R or O
/// (CodeSystem claim-visit-type). Start/End: Claim.billablePeriod; Created: Claim.created. A claim past the Entered
/// state has a ClaimResponse with the same id, created on <see cref="ResponseCreated"/>.
/// </summary>
public sealed record ClaimRecord(string Id, string Code, string InsureeId, string HealthFacilityId, string ClaimAdministratorId, string PolicyId,
    string VisitType, DateOnly Start, DateOnly End, DateOnly Created, ClaimStatus Status, IReadOnlyList<string> DiagnosisCodes,
    IReadOnlyList<ClaimLine> Lines, string? Explanation, DateOnly? ResponseCreated)
{
    /// <summary>Claim.total: the sum asked over all lines.</summary>
    public decimal Claimed => Lines.Sum(l => l.Amount);

    /// <summary>The sum over accepted lines (0 for a rejected claim).</summary>
    public decimal Approved => Status == ClaimStatus.Rejected ? 0 : Lines.Where(l => l.RejectionReason == 0).Sum(l => l.Amount);

    public bool HasResponse => ResponseCreated is not null;
}
