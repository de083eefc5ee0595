namespace OpenImis.Fhir.DataGenerator.Model;

/// <summary>An insurance product (InsurancePlan) offered in one region, with its yearly contribution per family.</summary>
public sealed record ProductRecord(string Id, string Code, string Name, string RegionId, decimal LumpSum, decimal PremiumAdult,
    decimal PremiumChild, DateOnly Start, DateOnly End);
