using System.Net;
using System.Text.Json.Nodes;
using OpenImis.Fhir.Server.Tests.Infrastructure;

namespace OpenImis.Fhir.Server.Tests.Search.Parameters;

/// <summary>
/// A server of its own for composite, openIMIS and run-time search parameters: the IG examples plus
/// <see cref="SearchParameterData"/>. Run-time SearchParameters change what the server indexes, so these tests do not
/// share a server with the others. The types of the data are validated against the R4 base definitions only (the
/// cases lie outside the openIMIS profiles; search does not depend on them). Stored SearchParameters of other
/// instances are polled every 0.2 s.
/// </summary>
public sealed class SearchParameterFixture : ServerFixture
{
    protected override IEnumerable<string> Settings =>
    [
        "--Fhir:SearchParameterPollSeconds", "0.2",
        "--Fhir:Profiles:Group", "http://hl7.org/fhir/StructureDefinition/Group",
        "--Fhir:Profiles:ActivityDefinition", "http://hl7.org/fhir/StructureDefinition/ActivityDefinition",
        "--Fhir:Profiles:Coverage", "http://hl7.org/fhir/StructureDefinition/Coverage",
        "--Fhir:Profiles:Contract", "http://hl7.org/fhir/StructureDefinition/Contract",
        "--Fhir:Profiles:Patient", "http://hl7.org/fhir/StructureDefinition/Patient",
        "--Fhir:Profiles:Claim", "http://hl7.org/fhir/StructureDefinition/Claim",
    ];

    protected override async Task SeedAsync()
    {
        await base.SeedAsync();
        var entries = new JsonArray();
        foreach (var resource in SearchParameterData.All())
        {
            entries.Add(new JsonObject
            {
                ["resource"] = resource,
                ["request"] = new JsonObject { ["method"] = "PUT", ["url"] = $"{resource["resourceType"]}/{resource["id"]}" },
            });
        }
        var bundle = new JsonObject { ["resourceType"] = "Bundle", ["type"] = "transaction", ["entry"] = entries };
        var (status, body, _) = await Client.SendAsync(HttpMethod.Post, "fhir", bundle);
        if (status != HttpStatusCode.OK) throw new InvalidOperationException($"Storing the search parameter data failed: {status} {body}");
    }
}

[CollectionDefinition(Name)]
public sealed class SearchParameterCollection : ICollectionFixture<SearchParameterFixture>
{
    public const string Name = "search-parameters";
}
