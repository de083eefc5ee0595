namespace OpenImis.Fhir.DataGenerator.Model;

/// <summary>
/// A health facility (Organization of type prov) in a district. Level: D dispensary, C health centre, H hospital;
/// care type: I in-patient, O out-patient, B both; legal form: C, D, G or P (CodeSystems organization-hf-*).
/// </summary>
public sealed record HealthFacilityRecord(string Id, string Code, string Name, string DistrictId, string Level, string CareType, string LegalForm);
