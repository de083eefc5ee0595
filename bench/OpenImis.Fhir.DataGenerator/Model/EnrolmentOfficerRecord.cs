namespace OpenImis.Fhir.DataGenerator.Model;

/// <summary>
/// An enrolment officer: a Practitioner (address in the district) and a PractitionerRole covering some villages of
/// that district, both with this id and code; contracts of families in those villages name them as author.
/// </summary>
public sealed record EnrolmentOfficerRecord(string Id, string Code, string FamilyName, string GivenName, DateOnly BirthDate,
    string DistrictId, IReadOnlyList<string> VillageIds);
