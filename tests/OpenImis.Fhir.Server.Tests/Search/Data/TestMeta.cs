using System.Text.Json.Nodes;

namespace OpenImis.Fhir.Server.Tests.Search.Data;

/// <summary>The parts of meta that _tag, _security, _profile and _source search.</summary>
public sealed record TestMeta(IReadOnlyList<TestCoding> Tags, IReadOnlyList<TestCoding> Security, IReadOnlyList<string> Profiles, string? Source)
{
    public static readonly TestMeta None = new([], [], [], null);

    public JsonObject? ToJson()
    {
        if (Tags.Count + Security.Count + Profiles.Count == 0 && Source is null) return null;
        var meta = new JsonObject();
        if (Source is not null) meta["source"] = Source;
        if (Profiles.Count > 0) meta["profile"] = new JsonArray([.. Profiles.Select(p => (JsonNode)p)]);
        if (Security.Count > 0) meta["security"] = new JsonArray([.. Security.Select(s => (JsonNode)s.ToJson())]);
        if (Tags.Count > 0) meta["tag"] = new JsonArray([.. Tags.Select(t => (JsonNode)t.ToJson())]);
        return meta;
    }
}
