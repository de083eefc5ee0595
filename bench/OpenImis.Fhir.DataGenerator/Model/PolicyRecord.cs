namespace OpenImis.Fhir.DataGenerator.Model;

/// <summary>
/// A family's policy in a product: one Contract and one Coverage, both with this id. Status is as of the data set's
/// as-of date.
/// </summary>
public sealed record PolicyRecord(string Id, string FamilyId, string ProductId, string OfficerId, DateOnly EnrollDate, DateOnly StartDate,
    DateOnly EffectiveDate, DateOnly ExpiryDate, PolicyStatus Status, decimal Value);
