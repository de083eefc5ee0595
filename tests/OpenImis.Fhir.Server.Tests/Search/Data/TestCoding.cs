using System.Text.Json.Nodes;

namespace OpenImis.Fhir.Server.Tests.Search.Data;

/// <summary>A Coding of the test data: system (may be absent), code and display.</summary>
public sealed record TestCoding(string? System, string Code, string? Display = null)
{
    public JsonObject ToJson()
    {
        var coding = new JsonObject();
        if (System is not null) coding["system"] = System;
        coding["code"] = Code;
        if (Display is not null) coding["display"] = Display;
        return coding;
    }
}
