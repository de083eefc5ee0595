using System.Text.Json.Nodes;
using OpenImis.Fhir.Server.Tests.Infrastructure;

namespace OpenImis.Fhir.Server.Tests.Search;

/// <summary>
/// <c>_summary=true</c> keeps the isSummary elements of the base definitions at every level (search.html#summary,
/// elementdefinition isSummary), not only at the top. Expectations from the R4 definitions: Observation.component and
/// Encounter.participant are summary, component.interpretation and participant.period are not; HumanName, Identifier and CodeableConcept elements are summary;
/// extensions (Element.extension) are not.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class NestedSummaryTests(ServerFixture server)
{
    private readonly HttpClient _client = server.Client;

    private async Task<JsonObject> SummaryAsync(string type, string id)
    {
        var bundle = await _client.SearchAsync($"{type}?_id={id}&_summary=true");
        return Assert.Single(bundle["entry"]!.AsArray())!["resource"]!.AsObject();
    }

    [Fact]
    public async Task Summary_drops_the_non_summary_children_of_a_summary_backbone_element()
    {
        var observation = JsonNode.Parse("""
            {"resourceType": "Observation", "status": "final", "code": {"text": "blood pressure"},
             "interpretation": [{"text": "high"}],
             "component": [{"code": {"text": "systolic"}, "valueQuantity": {"value": 150, "unit": "mm[Hg]"},
                            "interpretation": [{"text": "high"}], "referenceRange": [{"text": "below 140"}]}]}
            """)!.AsObject();
        var id = (string)(await _client.CreateAsync(observation))["id"]!;

        var summary = await SummaryAsync("Observation", id);

        // Observation.interpretation and component.interpretation/referenceRange are not summary; component, its code and value[x] are.
        Assert.Null(summary["interpretation"]);
        var component = summary["component"]![0]!.AsObject();
        Assert.Equal(["code", "valueQuantity"], component.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal(150, (int)component["valueQuantity"]!["value"]!);
        Assert.Equal("systolic", (string?)component["code"]!["text"]);
    }

    [Fact]
    public async Task Summary_drops_a_non_summary_period_of_a_participant()
    {
        var encounter = JsonNode.Parse("""
            {"resourceType": "Encounter", "status": "finished", "class": {"system": "http://terminology.hl7.org/CodeSystem/v3-ActCode", "code": "AMB"},
             "participant": [{"individual": {"reference": "Practitioner/Roberts-Jeb-EO"}, "period": {"start": "2024-01-01"}}]}
            """)!.AsObject();
        var id = (string)(await _client.CreateAsync(encounter))["id"]!;

        var summary = await SummaryAsync("Encounter", id);

        var participant = summary["participant"]![0]!.AsObject();
        Assert.Equal(["individual"], participant.Select(p => p.Key));
        Assert.Equal("AMB", (string?)summary["class"]!["code"]);
    }

    [Fact]
    public async Task Summary_drops_extensions_inside_summary_elements_and_keeps_their_summary_children()
    {
        var id = (string)(await _client.CreateAsync(IgExamples.NewPatient()))["id"]!;

        var summary = await SummaryAsync("Patient", id);

        Assert.Null(summary["extension"]);
        var address = summary["address"]![0]!.AsObject();
        Assert.Null(address["extension"]);
        Assert.Equal("Jamula", (string?)address["city"]);
        Assert.Equal(["5 Tsoka"], address["line"]!.AsArray().Select(l => (string?)l));
        Assert.Equal("Doe", (string?)summary["name"]![0]!["family"]);
        Assert.Equal(Basics.OpenImisIdentifiers, (string?)summary["identifier"]![0]!["type"]!["coding"]![0]!["system"]);
        Assert.Contains("SUBSETTED", summary["meta"]!["tag"]!.AsArray().Select(t => (string?)t!["code"]));
    }

    [Fact]
    public async Task Summary_data_and_elements_still_keep_whole_elements()
    {
        var id = (string)(await _client.CreateAsync(IgExamples.NewPatient()))["id"]!;

        var data = Assert.Single((await _client.SearchAsync($"Patient?_id={id}&_summary=data"))["entry"]!.AsArray())!["resource"]!;
        var elements = Assert.Single((await _client.SearchAsync($"Patient?_id={id}&_elements=address"))["entry"]!.AsArray())!["resource"]!;

        Assert.NotNull(data["address"]![0]!["extension"]);
        Assert.NotNull(elements["address"]![0]!["extension"]);
    }
}
