using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using OpenImis.Fhir.Server.Tests.Infrastructure;
using static OpenImis.Fhir.Server.Tests.Infrastructure.Bundles;

namespace OpenImis.Fhir.Server.Tests.Rest;

/// <summary>
/// Conditional updates (<c>PUT Type?criteria</c>) inside one transaction match what the entries run before them have
/// written, as they would had the entries been sent one after the other, although they are matched without asking the
/// database again (ConditionalUpdates): a code taken away, a code given, a delete, a patch, a chain through another
/// type.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class TransactionConditionalUpdateTests(ServerFixture server)
{
    private const string IdSystem = "urn:openimis-fhir:test";
    private readonly HttpClient _client = server.Client;

    private static string Criteria(string value) => $"Basic?identifier={IdSystem}|{value}";

    [Fact]
    public async Task Conditional_updates_update_the_resources_they_match()
    {
        var codes = Enumerable.Range(0, 3).Select(_ => Basics.NewCode()).ToList();
        var ids = new List<string>();
        foreach (var code in codes)
        {
            ids.Add(Basics.NewId());
            await _client.PutAsync(Basics.New(ids[^1], "stored").WithIdentifier(IdSystem, code));
        }

        var (status, response, _) = await _client.SendAsync(HttpMethod.Post, "fhir", Transaction(
            [.. codes.Select((code, i) => Entry("PUT", Criteria(code), Basics.New(text: $"updated {i}").WithIdentifier(IdSystem, code)))]));

        Assert.True(status == HttpStatusCode.OK, response?.ToJsonString());
        var entries = FhirHttp.Entries(response);
        Assert.Equal([200, 200, 200], entries.Select(Status));
        for (var i = 0; i < codes.Count; i++)
        {
            var (_, stored, _) = await _client.SendAsync(HttpMethod.Get, $"fhir/Basic/{ids[i]}");
            Assert.Equal($"updated {i}", (string?)stored!["code"]!["text"]);
            Assert.Equal("2", (string?)stored["meta"]!["versionId"]);
        }
    }

    [Fact]
    public async Task An_earlier_update_that_takes_the_code_away_leaves_the_conditional_update_matching_nothing()
    {
        var (code, other, id) = (Basics.NewCode(), Basics.NewCode(), Basics.NewId());
        await _client.PutAsync(Basics.New(id, "stored").WithIdentifier(IdSystem, code));

        var (status, response, _) = await _client.SendAsync(HttpMethod.Post, "fhir", Transaction(
            Entry("PUT", $"Basic/{id}", Basics.New(id, "code taken away").WithIdentifier(IdSystem, other)),
            Entry("PUT", Criteria(code), Basics.New(text: "new").WithIdentifier(IdSystem, code))));

        Assert.True(status == HttpStatusCode.OK, response?.ToJsonString());
        var entries = FhirHttp.Entries(response);
        Assert.Equal([200, 201], entries.Select(Status));
        Assert.NotEqual(id, ((string)entries[1]["response"]!["location"]!).Split('/')[1]);
        Assert.Equal(["new"], await StoredTextsAsync(code));
        Assert.Equal(["code taken away"], await StoredTextsAsync(other));
    }

    [Fact]
    public async Task An_earlier_delete_leaves_the_conditional_update_matching_nothing()
    {
        var (code, id) = (Basics.NewCode(), Basics.NewId());
        await _client.PutAsync(Basics.New(id, "stored").WithIdentifier(IdSystem, code));

        var (status, response, _) = await _client.SendAsync(HttpMethod.Post, "fhir", Transaction(
            Entry("PUT", Criteria(code), Basics.New(text: "new").WithIdentifier(IdSystem, code)),
            Entry("DELETE", $"Basic/{id}")));

        Assert.True(status == HttpStatusCode.OK, response?.ToJsonString());
        Assert.Equal([201, 204], FhirHttp.Entries(response).Select(Status));
        Assert.Equal(["new"], await StoredTextsAsync(code));
        Assert.Equal(HttpStatusCode.Gone, (await _client.SendAsync(HttpMethod.Get, $"fhir/Basic/{id}")).Status);
    }

    [Fact]
    public async Task An_earlier_update_that_gives_the_code_is_matched_and_fails_the_transaction_as_a_second_write()
    {
        var (code, id) = (Basics.NewCode(), Basics.NewId());
        await _client.PutAsync(Basics.New(id, "stored"));

        var (status, outcome, _) = await _client.SendAsync(HttpMethod.Post, "fhir", Transaction(
            Entry("PUT", $"Basic/{id}", Basics.New(id, "code given").WithIdentifier(IdSystem, code)),
            Entry("PUT", Criteria(code), Basics.New(text: "conditional").WithIdentifier(IdSystem, code))));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(FhirHttp.Issues(outcome), i => i.Text.Contains("written by entries 0 and 1", StringComparison.Ordinal));
        Assert.Empty(await StoredTextsAsync(code));
    }

    [Fact]
    public async Task An_earlier_patch_that_gives_the_code_is_matched_and_fails_the_transaction_as_a_second_write()
    {
        var (code, id) = (Basics.NewCode(), Basics.NewId());
        await _client.PutAsync(Basics.New(id, "stored"));
        var patch = new JsonArray(new JsonObject
        {
            ["op"] = "add",
            ["path"] = "/identifier",
            ["value"] = new JsonArray(new JsonObject { ["system"] = IdSystem, ["value"] = code }),
        });

        var (status, outcome, _) = await _client.SendAsync(HttpMethod.Post, "fhir", Transaction(
            Entry("PATCH", $"Basic/{id}", new JsonObject
            {
                ["resourceType"] = "Binary",
                ["contentType"] = "application/json-patch+json",
                ["data"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(patch.ToJsonString())),
            }),
            Entry("PUT", Criteria(code), Basics.New(text: "conditional").WithIdentifier(IdSystem, code))));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(FhirHttp.Issues(outcome), i => i.Text.Contains("written by entries 0 and 1", StringComparison.Ordinal));
        Assert.Empty(await StoredTextsAsync(code));
    }

    [Fact]
    public async Task A_chain_through_another_type_sees_what_an_earlier_entry_wrote_to_that_type()
    {
        // Device has no openIMIS profile: any R4 Device is accepted. Its code changes in the same transaction.
        var (before, after, deviceId, basicId) = (Basics.NewCode(), Basics.NewCode(), Basics.NewId(), Basics.NewId());
        JsonObject Device(string code) => new()
        {
            ["resourceType"] = "Device",
            ["id"] = deviceId,
            ["identifier"] = new JsonArray(new JsonObject { ["system"] = IdSystem, ["value"] = code }),
        };
        await _client.PutAsync(Device(before));
        await _client.PutAsync(Basics.New(basicId, "stored").WithSubject($"Device/{deviceId}"));

        var (status, response, _) = await _client.SendAsync(HttpMethod.Post, "fhir", Transaction(
            Entry("PUT", $"Device/{deviceId}", Device(after)),
            Entry("PUT", $"Basic?subject:Device.identifier={IdSystem}|{after}", Basics.New(text: "through the chain").WithSubject($"Device/{deviceId}"))));

        Assert.True(status == HttpStatusCode.OK, response?.ToJsonString());
        Assert.Equal([200, 200], FhirHttp.Entries(response).Select(Status));
        var (_, stored, _) = await _client.SendAsync(HttpMethod.Get, $"fhir/Basic/{basicId}");
        Assert.Equal("through the chain", (string?)stored!["code"]!["text"]);
    }

    [Fact]
    public async Task Identifiers_looked_up_together_match_as_one_at_a_time()
    {
        // Looked up in one statement when a Bundle has two or more: with a system, without one, none held, one held twice.
        const string OtherSystem = "urn:openimis-fhir:other";
        var (withSystem, withoutSystem, unheld, twice) = (Basics.NewCode(), Basics.NewCode(), Basics.NewCode(), Basics.NewCode());
        var (a, b) = (Basics.NewId(), Basics.NewId());
        await _client.PutAsync(Basics.New(a, "a").WithIdentifier(IdSystem, withSystem));
        await _client.PutAsync(Basics.New(Basics.NewId(), "held under another system").WithIdentifier(OtherSystem, withSystem));
        await _client.PutAsync(Basics.New(b, "b").WithIdentifier(OtherSystem, withoutSystem));

        var (status, response, _) = await _client.SendAsync(HttpMethod.Post, "fhir", Transaction(
            Entry("PUT", Criteria(withSystem), Basics.New(text: "a updated").WithIdentifier(IdSystem, withSystem)),
            Entry("PUT", $"Basic?identifier={withoutSystem}", Basics.New(text: "b updated").WithIdentifier(OtherSystem, withoutSystem)),
            Entry("PUT", Criteria(unheld), Basics.New(text: "new").WithIdentifier(IdSystem, unheld))));

        Assert.True(status == HttpStatusCode.OK, response?.ToJsonString());
        var entries = FhirHttp.Entries(response);
        Assert.Equal([200, 200, 201], entries.Select(Status));
        Assert.Equal("a updated", (string?)(await _client.SendAsync(HttpMethod.Get, $"fhir/Basic/{a}")).Body!["code"]!["text"]);
        Assert.Equal("b updated", (string?)(await _client.SendAsync(HttpMethod.Get, $"fhir/Basic/{b}")).Body!["code"]!["text"]);
        Assert.Equal(["new"], await StoredTextsAsync(unheld));

        await _client.PutAsync(Basics.New(Basics.NewId(), "first").WithIdentifier(IdSystem, twice));
        await _client.PutAsync(Basics.New(Basics.NewId(), "second").WithIdentifier(IdSystem, twice));
        var (refused, outcome, _) = await _client.SendAsync(HttpMethod.Post, "fhir", Transaction(
            Entry("PUT", Criteria(unheld), Basics.New(text: "again").WithIdentifier(IdSystem, unheld)),
            Entry("PUT", Criteria(twice), Basics.New(text: "which?").WithIdentifier(IdSystem, twice))));

        Assert.Equal(HttpStatusCode.PreconditionFailed, refused);
        Assert.Contains(FhirHttp.Issues(outcome), i => i.Text.Contains("2 or more Basic resources match", StringComparison.Ordinal));
        Assert.Equal(["new"], await StoredTextsAsync(unheld));
    }

    [Fact]
    public async Task Criteria_matched_against_many_earlier_writes_are_searched_and_still_see_them()
    {
        // code:text is no token: past 64 earlier writes of the type the entry searches the database, after they are sent.
        var marker = "zz" + Basics.NewCode();
        var ids = Enumerable.Range(0, 70).Select(_ => Basics.NewId()).ToList();
        var entries = ids.Select((id, i) => Entry("PUT", $"Basic/{id}", Basics.New(id, i == 65 ? marker : $"bulk {i}"))).ToList();
        entries.Add(Entry("PUT", $"Basic?code:text={marker}", Basics.New(text: marker)));

        var (status, outcome, _) = await _client.SendAsync(HttpMethod.Post, "fhir", Transaction([.. entries]));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(FhirHttp.Issues(outcome), i => i.Text.Contains("written by entries 65 and 70", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, (await _client.SendAsync(HttpMethod.Get, $"fhir/Basic/{ids[65]}")).Status);
    }

    [Fact]
    public async Task Concurrent_transactions_of_the_same_conditional_updates_create_each_resource_once()
    {
        for (var round = 0; round < 5; round++)
        {
            var codes = Enumerable.Range(0, 3).Select(_ => Basics.NewCode()).ToList();
            JsonObject Bundle(string text) => Transaction([.. codes.Select(code => Entry("PUT", Criteria(code), Basics.New(text: text).WithIdentifier(IdSystem, code)))]);

            var results = await Task.WhenAll(
                _client.SendAsync(HttpMethod.Post, "fhir", Bundle("first")),
                _client.SendAsync(HttpMethod.Post, "fhir", Bundle("second")));

            Assert.All(results, r => Assert.True(r.Status == HttpStatusCode.OK, r.Body?.ToJsonString()));
            foreach (var code in codes) Assert.Single(await StoredTextsAsync(code));
        }
    }

    private Task<List<string>> StoredTextsAsync(string value) => Basics.StoredTextsAsync(_client, IdSystem, value);
}
