namespace OpenImis.Fhir.DataGenerator.Model;

/// <summary>
/// A claim administrator: a Practitioner and a PractitionerRole, both with this id and code, working for one health
/// facility; claims of that facility name them as enterer.
/// </summary>
public sealed record ClaimAdministratorRecord(string Id, string Code, string FamilyName, string GivenName, DateOnly BirthDate, string HealthFacilityId);
