using System.Text.Json.Nodes;

namespace OpenImis.Fhir.Server.Tests.Infrastructure;

/// <summary>Batch and transaction Bundles for <c>POST /fhir</c>.</summary>
public static class Bundles
{
    public static JsonObject Transaction(params JsonObject[] entries) => Of("transaction", entries);

    public static JsonObject Batch(params JsonObject[] entries) => Of("batch", entries);

    public static JsonObject Entry(string method, string url, JsonObject? resource = null, string? fullUrl = null, string? ifNoneExist = null, string? ifMatch = null)
    {
        var request = new JsonObject { ["method"] = method, ["url"] = url };
        if (ifNoneExist is not null) request["ifNoneExist"] = ifNoneExist;
        if (ifMatch is not null) request["ifMatch"] = ifMatch;
        var entry = new JsonObject();
        if (fullUrl is not null) entry["fullUrl"] = fullUrl;
        if (resource is not null) entry["resource"] = resource;
        entry["request"] = request;
        return entry;
    }

    public static string NewUrn() => $"urn:uuid:{Guid.NewGuid()}";

    /// <summary>The status code of a response entry ("201 Created" gives 201).</summary>
    public static int Status(JsonNode entry) => int.Parse(((string)entry["response"]!["status"]!).Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);

    private static JsonObject Of(string type, JsonObject[] entries) =>
        new() { ["resourceType"] = "Bundle", ["type"] = type, ["entry"] = new JsonArray([.. entries]) };
}
