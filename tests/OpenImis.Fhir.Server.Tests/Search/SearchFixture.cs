using System.Net;
using System.Text.Json.Nodes;
using OpenImis.Fhir.Server.Tests.Infrastructure;
using OpenImis.Fhir.Server.Tests.Search.Data;

namespace OpenImis.Fhir.Server.Tests.Search;

/// <summary>
/// A server of its own for the search tests, holding only <see cref="SearchDataSet"/> (so that expectations over a
/// whole type are exact) and the resources that paging tests add, of types the data set does not use. Patient, Claim
/// and Coverage are validated against the R4 base definitions only: the edge cases (no birth date, identifiers
/// without type, references by identifier) lie outside the openIMIS profiles, and search does not depend on them.
/// Pages are small (7 by default, at most 10), so that most searches of the tests span several pages.
/// </summary>
public sealed class SearchFixture : ServerFixture
{
    private readonly Dictionary<(string Type, string Id), JsonObject> _stored = [];

    public const int DefaultPageSize = 7;
    public const int MaxPageSize = 10;

    protected override IEnumerable<string> Settings =>
    [
        "--Fhir:DefaultPageSize", DefaultPageSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
        "--Fhir:MaxPageSize", MaxPageSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
        "--Fhir:Profiles:Patient", "http://hl7.org/fhir/StructureDefinition/Patient",
        "--Fhir:Profiles:Claim", "http://hl7.org/fhir/StructureDefinition/Claim",
        "--Fhir:Profiles:Coverage", "http://hl7.org/fhir/StructureDefinition/Coverage",
    ];

    /// <summary>Each resource of the data set as the server stored it (with meta.versionId and meta.lastUpdated).</summary>
    public IReadOnlyDictionary<(string Type, string Id), JsonObject> Stored => _stored;

    public DateTimeOffset LastUpdated(string type, string id) => DateTimeOffset.Parse((string)_stored[(type, id)]["meta"]!["lastUpdated"]!, System.Globalization.CultureInfo.InvariantCulture);

    protected override async Task SeedAsync()
    {
        var entries = new JsonArray();
        foreach (var resource in SearchDataSet.All)
        {
            entries.Add(new JsonObject
            {
                ["resource"] = resource.ToJson(),
                ["request"] = new JsonObject { ["method"] = "PUT", ["url"] = $"{resource.ResourceType}/{resource.Id}" },
            });
        }
        var bundle = new JsonObject { ["resourceType"] = "Bundle", ["type"] = "transaction", ["entry"] = entries };
        var (status, body, _) = await Client.SendAsync(HttpMethod.Post, "fhir", bundle, ("Prefer", "return=representation"));
        if (status != HttpStatusCode.OK) throw new InvalidOperationException($"Storing the search data set failed: {status} {body}");
        foreach (var entry in body!["entry"]!.AsArray())
        {
            var resource = entry!["resource"]!.AsObject();
            _stored[((string)resource["resourceType"]!, (string)resource["id"]!)] = resource;
        }
    }
}

[CollectionDefinition(Name)]
public sealed class SearchCollection : ICollectionFixture<SearchFixture>
{
    public const string Name = "search";
}
