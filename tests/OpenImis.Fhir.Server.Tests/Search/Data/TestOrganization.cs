using System.Text.Json.Nodes;

namespace OpenImis.Fhir.Server.Tests.Search.Data;

/// <summary>A health facility, insurer or policy holder. <see cref="PartOf"/> chains (and loops) organizations.</summary>
public sealed record TestOrganization(
    string Id,
    Text? Name,
    bool? Active = null,
    IReadOnlyList<TestCoding>? TypeCodings = null,
    Text? TypeText = null,
    IReadOnlyList<TestIdentifier>? Identifiers = null,
    string? PartOf = null,
    Text? City = null) : ITestResource
{
    public string ResourceType => "Organization";

    public IReadOnlyList<TestCoding> Type => TypeCodings ?? [];

    public IReadOnlyList<TestIdentifier> Identifier => Identifiers ?? [];

    public JsonObject ToJson()
    {
        var json = new JsonObject { ["resourceType"] = ResourceType, ["id"] = Id };
        if (Identifier.Count > 0) json["identifier"] = new JsonArray([.. Identifier.Select(i => (JsonNode)i.ToJson())]);
        if (Active is { } active) json["active"] = active;
        if (Type.Count > 0 || TypeText is not null)
        {
            var type = new JsonObject();
            if (Type.Count > 0) type["coding"] = new JsonArray([.. Type.Select(c => (JsonNode)c.ToJson())]);
            if (TypeText is not null) type["text"] = TypeText.Exact;
            json["type"] = new JsonArray(type);
        }
        if (Name is not null) json["name"] = Name.Exact;
        if (City is not null) json["address"] = new JsonArray(new JsonObject { ["city"] = City.Exact });
        if (PartOf is not null) json["partOf"] = new JsonObject { ["reference"] = "Organization/" + PartOf };
        return json;
    }
}
