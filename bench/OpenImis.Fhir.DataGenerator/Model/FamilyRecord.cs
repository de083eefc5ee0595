namespace OpenImis.Fhir.DataGenerator.Model;

/// <summary>
/// A family (Group). Its code is the head's insuree code; Type is a code of CodeSystem group-type (H household, ...).
/// The members are in <see cref="MemberIds"/>, head first.
/// </summary>
public sealed record FamilyRecord(string Id, string Code, string HeadId, IReadOnlyList<string> MemberIds, string VillageId, string Type, bool Poor);
