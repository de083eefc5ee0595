namespace OpenImis.Fhir.DataGenerator.Model;

/// <summary>
/// An insuree (Patient): Code is the CHFID (9 digits), Gender male or female, MaritalStatus a code of ValueSet
/// patient-marital-status; HealthFacilityId is the first service point (Patient.generalPractitioner); Active: covered
/// by a policy on the data set's as-of date (Patient.active).
/// </summary>
public sealed record InsureeRecord(string Id, string Code, string FamilyName, string GivenName, string Gender, DateOnly BirthDate,
    string FamilyId, bool IsHead, string VillageId, string HealthFacilityId, string MaritalStatus, string? Phone, bool Active);
