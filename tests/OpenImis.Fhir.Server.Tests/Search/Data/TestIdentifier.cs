using System.Text.Json.Nodes;

namespace OpenImis.Fhir.Server.Tests.Search.Data;

/// <summary>An Identifier: value, with or without system, with or without a type coding.</summary>
public sealed record TestIdentifier(string? System, string Value, TestCoding? Type = null)
{
    public JsonObject ToJson()
    {
        var identifier = new JsonObject();
        if (Type is not null) identifier["type"] = new JsonObject { ["coding"] = new JsonArray(Type.ToJson()) };
        if (System is not null) identifier["system"] = System;
        identifier["value"] = Value;
        return identifier;
    }
}
