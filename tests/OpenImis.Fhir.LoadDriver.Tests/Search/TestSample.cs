using System.Text.Json.Nodes;
using OpenImis.Fhir.LoadDriver.Search;

namespace OpenImis.Fhir.LoadDriver.Tests.Search;

/// <summary>A small sample in the shape of the generator's resources, written out by hand.</summary>
internal static class TestSample
{
    public const string Ids = ShapeCatalogue.OpenImisIdentifiers;

    public static readonly DateTimeOffset Loaded = new(2026, 11, 22, 8, 50, 0, 700, TimeSpan.Zero);

    public static SampledResource Resource(string json)
    {
        var body = (JsonObject)JsonNode.Parse(json)!;
        return new SampledResource((string)body["resourceType"]!, (string)body["id"]!, Loaded, body);
    }

    public static string Identifiers(string code, string uuid) =>
        $$$"""[{"type":{"coding":[{"system":"{{{Ids}}}","code":"Code"}]},"value":"{{{code}}}"},{"type":{"coding":[{"system":"{{{Ids}}}","code":"UUID"}]},"value":"{{{uuid}}}"}]""";

    public static SampledResource Patient(string id, string code, string family, string given, string gender, string birthDate, string facility = "hf1") => Resource($$"""
        {"resourceType":"Patient","id":"{{id}}","identifier":{{Identifiers(code, id)}},"name":[{"use":"official","family":"{{family}}","given":["{{given}}"]}],
         "gender":"{{gender}}","birthDate":"{{birthDate}}","generalPractitioner":[{"reference":"Organization/{{facility}}"}]}
        """);

    public static SampledResource Claim(string id, string code, string patient, string facility, string created) => Resource($$$"""
        {"resourceType":"Claim","id":"{{{id}}}","identifier":{{{Identifiers(code, id)}}},"status":"active","patient":{"reference":"Patient/{{{patient}}}"},
         "created":"{{{created}}}","provider":{"reference":"Organization/{{{facility}}}"}}
        """);

    /// <summary>Every type the catalogue draws from; the Patient of claim c2 (p9) is only a related resource, as the loader reads it.</summary>
    public static SampleData Complete() => new(
        [
            Patient("p1", "100000001", "Karki", "Samuel", "male", "1986-08-10"),
            Patient("p2", "100000002", "Mwangi", "Grace", "female", "2001-02-28", "hf2"),
            Claim("c1", "CL0000001", "p1", "hf1", "2024-03-08"),
            Claim("c2", "CL0000002", "p9", "hf2", "2025-12-31"),
            Resource("""{"resourceType":"ClaimResponse","id":"c1","request":{"reference":"Claim/c1"}}"""),
            Resource("""{"resourceType":"Coverage","id":"pol1","status":"active","beneficiary":{"reference":"Patient/p1"},"class":[{"value":"R1P2","name":"Extended"}]}"""),
            Resource("""{"resourceType":"Contract","id":"pol1","status":"executed","issued":"2025-03-23","subject":[{"reference":"Group/g1"}]}"""),
            Resource("""{"resourceType":"Location","id":"r1","name":"Region"}"""),
            Resource("""{"resourceType":"Location","id":"d1","name":"District","partOf":{"reference":"Location/r1"}}"""),
            Resource($$"""{"resourceType":"Organization","id":"hf1","identifier":{{Identifiers("HF00001", "hf1")}},"type":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/organization-type","code":"prov"}]}]}"""),
            Resource($$"""{"resourceType":"Organization","id":"hf2","identifier":{{Identifiers("HF00002", "hf2")}},"type":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/organization-type","code":"prov"}]}]}"""),
            Resource("""{"resourceType":"PractitionerRole","id":"ca1","organization":{"reference":"Organization/hf1"}}"""),
            Resource($$"""{"resourceType":"Medication","id":"m1","identifier":{{Identifiers("0001", "m1")}}}"""),
            Resource($$"""{"resourceType":"ActivityDefinition","id":"s1","identifier":{{Identifiers("S001", "s1")}}}"""),
        ],
        [Patient("p9", "100000009", "Banda", "Joseph", "male", "1950-01-01", "hf2")]);
}
