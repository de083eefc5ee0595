using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using OpenImis.Fhir.Engine.Validation;
using OpenImis.Fhir.Server.Tests.Infrastructure;

namespace OpenImis.Fhir.Server.Tests.Rest;

[Collection(ServerCollection.Name)]
public sealed class MetadataTests(ServerFixture server)
{
    private const string Ig = "https://openimis.github.io/openimis_fhir_r4_ig/StructureDefinition/";

    [Fact]
    public async Task The_CapabilityStatement_is_valid_R4_and_lists_the_openimis_profiles_and_interactions()
    {
        var (status, body, _) = await server.Client.SendAsync(HttpMethod.Get, "fhir/metadata");
        Assert.Equal(HttpStatusCode.OK, status);
        using var document = JsonDocument.Parse(body!.ToJsonString());
        var result = FhirValidator.ForR4AndIg(Path.Combine(AppContext.BaseDirectory, "ig-profiles")).Validate(document.RootElement);
        Assert.False(result.HasErrors, result.ToOperationOutcomeJson());

        var rest = body["rest"]![0]!;
        var resources = rest["resource"]!.AsArray().ToDictionary(r => (string)r!["type"]!, r => r!);
        Assert.Equal(Ig + "openimis-patient", (string?)resources["Patient"]["profile"]);
        var organizationProfiles = resources["Organization"]["supportedProfile"]!.AsArray().Select(p => (string)p!).ToList();
        Assert.Contains(Ig + "openimis-health-facility-organization", organizationProfiles);
        Assert.Contains(Ig + "openimis-insurance-organization", organizationProfiles);
        Assert.Null(resources["Organization"]["profile"]);
        var interactions = resources["Claim"]["interaction"]!.AsArray().Select(i => (string)i!["code"]!).ToHashSet();
        Assert.Superset(new HashSet<string> { "read", "vread", "update", "patch", "delete", "history-instance", "history-type", "create" }, interactions);
        Assert.Contains(rest["interaction"]!.AsArray(), i => (string?)i!["code"] == "transaction");
        Assert.Equal("4.0.1", (string?)body["fhirVersion"]);
    }

    [Fact]
    public async Task Swagger_describes_every_FHIR_interaction_and_the_UI_is_served()
    {
        var json = JsonNode.Parse(await server.Client.GetStringAsync("swagger/v1/swagger.json"))!;
        var paths = json["paths"]!.AsObject();
        foreach (var path in (string[])["/fhir", "/fhir/metadata", "/fhir/_history", "/fhir/{type}", "/fhir/{type}/{id}", "/fhir/{type}/{id}/_history", "/fhir/{type}/{id}/_history/{vid}", "/healthz"])
        {
            Assert.True(paths.ContainsKey(path), $"swagger.json lacks {path}");
        }
        var instance = paths["/fhir/{type}/{id}"]!.AsObject();
        Assert.Superset(new HashSet<string> { "get", "put", "patch", "delete" }, instance.Select(p => p.Key).ToHashSet());
        Assert.NotNull(paths["/fhir/{type}"]!["post"]!["responses"]!["422"]);

        var ui = await server.Client.GetAsync("swagger/index.html");
        Assert.Equal(HttpStatusCode.OK, ui.StatusCode);
    }

    [Fact]
    public async Task Healthz_answers_200_when_the_database_answers()
    {
        var response = await server.Client.GetAsync("healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ok", (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["status"]);
    }
}
