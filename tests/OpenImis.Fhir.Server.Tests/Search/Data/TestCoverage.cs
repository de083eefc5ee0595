using System.Text.Json.Nodes;

namespace OpenImis.Fhir.Server.Tests.Search.Data;

/// <summary>A policy: beneficiary, policy holder and payors (<c>Type/id</c>), the product code as class value.</summary>
public sealed record TestCoverage(
    string Id,
    string Status,
    string Beneficiary,
    IReadOnlyList<string> Payors,
    Text ClassValue,
    string? PolicyHolder = null,
    TestIdentifier? Identifier = null) : ITestResource
{
    public string ResourceType => "Coverage";

    public JsonObject ToJson()
    {
        var json = new JsonObject { ["resourceType"] = ResourceType, ["id"] = Id };
        if (Identifier is not null) json["identifier"] = new JsonArray(Identifier.ToJson());
        json["status"] = Status;
        if (PolicyHolder is not null) json["policyHolder"] = new JsonObject { ["reference"] = PolicyHolder };
        json["beneficiary"] = new JsonObject { ["reference"] = "Patient/" + Beneficiary };
        json["payor"] = new JsonArray([.. Payors.Select(p => (JsonNode)new JsonObject { ["reference"] = p })]);
        json["class"] = new JsonArray(new JsonObject
        {
            ["type"] = new JsonObject { ["coding"] = new JsonArray(new TestCoding("http://terminology.hl7.org/CodeSystem/coverage-class", "plan").ToJson()) },
            ["value"] = ClassValue.Exact,
        });
        return json;
    }
}
