using System.Text.Json.Nodes;

namespace OpenImis.Fhir.Server.Tests.Infrastructure;

/// <summary>
/// Basic resources for tests of the interactions themselves: the IG profiles no Basic, so any valid R4 Basic is
/// accepted, and it can carry identifiers and a reference to any type (<c>subject</c>).
/// </summary>
public static class Basics
{
    public const string OpenImisIdentifiers = "https://openimis.github.io/openimis_fhir_r4_ig/CodeSystem/openimis-identifiers";

    /// <summary>A unique id (the database is shared by every test of the collection).</summary>
    public static string NewId(string prefix = "t") => $"{prefix}-{Guid.NewGuid():N}";

    /// <summary>A unique business code (openIMIS codes are short).</summary>
    public static string NewCode() => "C" + Guid.NewGuid().ToString("N")[..11];

    public static JsonObject New(string? id = null, string text = "test")
    {
        var basic = new JsonObject { ["resourceType"] = "Basic" };
        if (id is not null) basic["id"] = id;
        basic["code"] = new JsonObject { ["text"] = text };
        return basic;
    }

    public static JsonObject WithSubject(this JsonObject basic, string reference)
    {
        basic["subject"] = new JsonObject { ["reference"] = reference };
        return basic;
    }

    /// <summary>An openIMIS business identifier (type <c>Code</c> or <c>UUID</c> of CodeSystem openimis-identifiers): unique per resource type.</summary>
    public static JsonObject WithBusinessCode(this JsonObject basic, string value, string typeCode = "Code") =>
        basic.WithIdentifierNode(new JsonObject
        {
            ["type"] = new JsonObject { ["coding"] = new JsonArray(new JsonObject { ["system"] = OpenImisIdentifiers, ["code"] = typeCode }) },
            ["value"] = value,
        });

    /// <summary>A plain identifier (not unique: several resources may hold it).</summary>
    public static JsonObject WithIdentifier(this JsonObject basic, string system, string value) =>
        basic.WithIdentifierNode(new JsonObject { ["system"] = system, ["value"] = value });

    /// <summary>The code.text of every current Basic holding the identifier, sorted, over search (<c>_total=accurate</c> counts them all).</summary>
    public static async Task<List<string>> StoredTextsAsync(HttpClient client, string system, string value)
    {
        var (status, bundle, _) = await client.SendAsync(HttpMethod.Get, $"fhir/Basic?identifier={Uri.EscapeDataString($"{system}|{value}")}&_total=accurate");
        if (status != System.Net.HttpStatusCode.OK) throw new InvalidOperationException($"The search by identifier answered {status}");
        var entries = FhirHttp.Entries(bundle);
        if (entries.Count != (int)bundle!["total"]!) throw new InvalidOperationException($"The search found {entries.Count} Basics but counted {bundle["total"]}");
        return [.. entries.Select(e => (string)e["resource"]!["code"]!["text"]!).Order(StringComparer.Ordinal)];
    }

    private static JsonObject WithIdentifierNode(this JsonObject basic, JsonObject identifier)
    {
        if (basic["identifier"] is not JsonArray identifiers) basic["identifier"] = identifiers = [];
        identifiers.Add(identifier);
        return basic;
    }
}
