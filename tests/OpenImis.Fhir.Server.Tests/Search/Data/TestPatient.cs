using System.Text.Json.Nodes;

namespace OpenImis.Fhir.Server.Tests.Search.Data;

/// <summary>An insuree. <see cref="Link"/> is another Patient (the test data holds a loop); references are <c>Type/id</c>.</summary>
public sealed record TestPatient(
    string Id,
    Text? Family,
    IReadOnlyList<Text> Given,
    string? Gender,
    string? BirthDate,
    bool? Active = null,
    IReadOnlyList<TestIdentifier>? Identifiers = null,
    string? Phone = null,
    string? Email = null,
    string? Organization = null,
    IReadOnlyList<string>? GeneralPractitioners = null,
    string? Link = null,
    Text? City = null,
    TestMeta? Meta = null,
    string? DeceasedDateTime = null) : ITestResource
{
    public string ResourceType => "Patient";

    public IReadOnlyList<TestIdentifier> Identifier => Identifiers ?? [];

    public IReadOnlyList<string> GeneralPractitioner => GeneralPractitioners ?? [];

    public TestMeta MetaOrNone => Meta ?? TestMeta.None;

    /// <summary>Every part of the name, as the <c>name</c> parameter searches them (HumanName: family, given, ...).</summary>
    public IEnumerable<Text> NameParts => (Family is null ? [] : new[] { Family }).Concat(Given);

    public JsonObject ToJson()
    {
        var json = new JsonObject { ["resourceType"] = ResourceType, ["id"] = Id };
        if (MetaOrNone.ToJson() is { } meta) json["meta"] = meta;
        if (Identifier.Count > 0) json["identifier"] = new JsonArray([.. Identifier.Select(i => (JsonNode)i.ToJson())]);
        if (Active is { } active) json["active"] = active;
        if (Family is not null || Given.Count > 0)
        {
            var name = new JsonObject();
            if (Family is not null) name["family"] = Family.Exact;
            if (Given.Count > 0) name["given"] = new JsonArray([.. Given.Select(g => (JsonNode)g.Exact)]);
            json["name"] = new JsonArray(name);
        }
        var telecom = new JsonArray();
        if (Phone is not null) telecom.Add(new JsonObject { ["system"] = "phone", ["value"] = Phone });
        if (Email is not null) telecom.Add(new JsonObject { ["system"] = "email", ["value"] = Email });
        if (telecom.Count > 0) json["telecom"] = telecom;
        if (Gender is not null) json["gender"] = Gender;
        if (BirthDate is not null) json["birthDate"] = BirthDate;
        if (DeceasedDateTime is not null) json["deceasedDateTime"] = DeceasedDateTime;
        if (City is not null) json["address"] = new JsonArray(new JsonObject { ["city"] = City.Exact });
        if (GeneralPractitioner.Count > 0) json["generalPractitioner"] = new JsonArray([.. GeneralPractitioner.Select(r => (JsonNode)new JsonObject { ["reference"] = r })]);
        if (Organization is not null) json["managingOrganization"] = new JsonObject { ["reference"] = "Organization/" + Organization };
        if (Link is not null) json["link"] = new JsonArray(new JsonObject { ["other"] = new JsonObject { ["reference"] = "Patient/" + Link }, ["type"] = "seealso" });
        return json;
    }
}
