using System.Text.Json.Nodes;

namespace OpenImis.Fhir.Server.Tests.Search.Data;

/// <summary>A claim: <see cref="Created"/> is a dateTime as written (zones, partial precision); the patient may be given by identifier or absolute URL.</summary>
public sealed record TestClaim(
    string Id,
    string Status,
    string Created,
    TestReference Patient,
    string Provider,
    string Coverage,
    string Use = "claim",
    string Priority = "normal",
    IReadOnlyList<TestIdentifier>? Identifiers = null) : ITestResource
{
    public string ResourceType => "Claim";

    public IReadOnlyList<TestIdentifier> Identifier => Identifiers ?? [];

    public JsonObject ToJson()
    {
        var json = new JsonObject { ["resourceType"] = ResourceType, ["id"] = Id };
        if (Identifier.Count > 0) json["identifier"] = new JsonArray([.. Identifier.Select(i => (JsonNode)i.ToJson())]);
        json["status"] = Status;
        json["type"] = new JsonObject { ["coding"] = new JsonArray(new TestCoding("http://terminology.hl7.org/CodeSystem/claim-type", "institutional").ToJson()) };
        json["use"] = Use;
        json["patient"] = Patient.ToJson();
        json["created"] = Created;
        json["provider"] = new JsonObject { ["reference"] = "Organization/" + Provider };
        json["priority"] = new JsonObject { ["coding"] = new JsonArray(new TestCoding("http://terminology.hl7.org/CodeSystem/processpriority", Priority).ToJson()) };
        json["insurance"] = new JsonArray(new JsonObject { ["sequence"] = 1, ["focal"] = true, ["coverage"] = new JsonObject { ["reference"] = "Coverage/" + Coverage } });
        return json;
    }
}
