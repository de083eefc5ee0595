using System.Net;
using System.Text.Json.Nodes;
using OpenImis.Fhir.Server.Tests.Infrastructure;
using static OpenImis.Fhir.Server.Tests.Infrastructure.Bundles;

namespace OpenImis.Fhir.Server.Tests.Rest;

/// <summary>
/// openIMIS business identifiers (type <c>Code</c> or <c>UUID</c> of CodeSystem openimis-identifiers) are unique per
/// resource type: a second resource with one is 409 duplicate; other identifiers may repeat.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class BusinessIdentifierTests(ServerFixture server)
{
    private readonly HttpClient _client = server.Client;

    [Fact]
    public async Task A_second_patient_with_the_same_insuree_code_is_409_duplicate_and_not_stored()
    {
        var first = IgExamples.NewPatient();
        await _client.CreateAsync(first);
        var second = IgExamples.NewPatient();
        second["identifier"] = first["identifier"]!.DeepClone();

        var (status, body, _) = await _client.SendAsync(HttpMethod.Post, "fhir/Patient", second);

        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Contains(FhirHttp.Issues(body), i => i.Code == "duplicate");
        Assert.Equal(1, await Database.CountAsync(server.ConnectionString, "select count(*) from fhir_identifier where resource_type = 'Patient' and value = $1", (string)first["identifier"]![0]!["value"]!));
    }

    [Theory]
    [InlineData("Code")]
    [InlineData("UUID")]
    public async Task Each_openimis_identifier_type_is_unique_within_a_resource_type(string typeCode)
    {
        var value = typeCode == "UUID" ? Guid.NewGuid().ToString() : Basics.NewCode();
        await _client.CreateAsync(Basics.New().WithBusinessCode(value, typeCode));

        var (status, body, _) = await _client.SendAsync(HttpMethod.Post, "fhir/Basic", Basics.New().WithBusinessCode(value, typeCode));

        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Contains(FhirHttp.Issues(body), i => i.Code == "duplicate");
    }

    // The IG slices identifiers by type.coding.code alone: a Code without its coding's system is the business code too
    // (found by fuzzing: it slipped past the unique index, and a conditional reference by that code then matched two).
    [Fact]
    public async Task A_code_whose_type_coding_has_no_system_is_unique_as_well()
    {
        var value = Basics.NewCode();
        await _client.CreateAsync(Basics.New().WithBusinessCode(value));
        var withoutSystem = Basics.New();
        withoutSystem["identifier"] = new JsonArray(new JsonObject
        {
            ["type"] = new JsonObject { ["coding"] = new JsonArray(new JsonObject { ["code"] = "Code" }) },
            ["value"] = value,
        });

        var (status, body, _) = await _client.SendAsync(HttpMethod.Post, "fhir/Basic", withoutSystem);

        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Contains(FhirHttp.Issues(body), i => i.Code == "duplicate");
    }

    [Fact]
    public async Task The_same_code_may_be_held_by_resources_of_different_types()
    {
        var patient = await _client.CreateAsync(IgExamples.NewPatient());
        var code = (string)patient["identifier"]![0]!["value"]!;

        var (status, _, _) = await _client.SendAsync(HttpMethod.Post, "fhir/Basic", Basics.New().WithBusinessCode(code));

        Assert.Equal(HttpStatusCode.Created, status);
    }

    [Fact]
    public async Task The_same_value_as_a_code_and_as_a_uuid_does_not_collide()
    {
        var value = Basics.NewCode();
        await _client.CreateAsync(Basics.New().WithBusinessCode(value, "Code"));

        var (status, _, _) = await _client.SendAsync(HttpMethod.Post, "fhir/Basic", Basics.New().WithBusinessCode(value, "UUID"));

        Assert.Equal(HttpStatusCode.Created, status);
    }

    [Fact]
    public async Task Identifiers_of_other_types_may_repeat()
    {
        var value = Basics.NewCode();
        await _client.CreateAsync(Basics.New().WithIdentifier("urn:openimis-fhir:test", value));

        var (status, _, _) = await _client.SendAsync(HttpMethod.Post, "fhir/Basic", Basics.New().WithIdentifier("urn:openimis-fhir:test", value));

        Assert.Equal(HttpStatusCode.Created, status);
    }

    [Fact]
    public async Task A_resource_keeps_its_own_code_across_updates()
    {
        var code = Basics.NewCode();
        var id = Basics.NewId();
        await _client.PutAsync(Basics.New(id, "v1").WithBusinessCode(code));

        var (status, _, _) = await _client.SendAsync(HttpMethod.Put, $"fhir/Basic/{id}", Basics.New(id, "v2").WithBusinessCode(code));

        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Fact]
    public async Task An_update_that_takes_another_resources_code_is_409_and_changes_nothing()
    {
        var taken = Basics.NewCode();
        await _client.CreateAsync(Basics.New().WithBusinessCode(taken));
        var id = Basics.NewId();
        var own = Basics.NewCode();
        await _client.PutAsync(Basics.New(id).WithBusinessCode(own));

        var (status, body, _) = await _client.SendAsync(HttpMethod.Put, $"fhir/Basic/{id}", Basics.New(id).WithBusinessCode(taken));

        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Contains(FhirHttp.Issues(body), i => i.Code == "duplicate");
        var (_, read, _) = await _client.SendAsync(HttpMethod.Get, $"fhir/Basic/{id}");
        Assert.Equal(own, (string?)read!["identifier"]![0]!["value"]);
        Assert.Equal(1, await Database.VersionCountAsync(server.ConnectionString, "Basic", id));
    }

    [Fact]
    public async Task A_code_freed_by_an_update_or_a_delete_can_be_taken_again()
    {
        var changed = Basics.NewCode();
        var id = Basics.NewId();
        await _client.PutAsync(Basics.New(id).WithBusinessCode(changed));
        await _client.PutAsync(Basics.New(id).WithBusinessCode(Basics.NewCode()));
        Assert.Equal(HttpStatusCode.Created, (await _client.SendAsync(HttpMethod.Post, "fhir/Basic", Basics.New().WithBusinessCode(changed))).Status);

        var deleted = Basics.NewCode();
        var gone = (string)(await _client.CreateAsync(Basics.New().WithBusinessCode(deleted)))["id"]!;
        await _client.SendAsync(HttpMethod.Delete, $"fhir/Basic/{gone}");
        Assert.Equal(HttpStatusCode.Created, (await _client.SendAsync(HttpMethod.Post, "fhir/Basic", Basics.New().WithBusinessCode(deleted))).Status);
    }

    [Fact]
    public async Task Bringing_back_a_deleted_resource_whose_code_was_taken_meanwhile_is_409()
    {
        var code = Basics.NewCode();
        var id = Basics.NewId();
        await _client.PutAsync(Basics.New(id).WithBusinessCode(code));
        await _client.SendAsync(HttpMethod.Delete, $"fhir/Basic/{id}");
        await _client.CreateAsync(Basics.New().WithBusinessCode(code));

        var (status, _, _) = await _client.SendAsync(HttpMethod.Put, $"fhir/Basic/{id}", Basics.New(id).WithBusinessCode(code));

        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal(HttpStatusCode.Gone, (await _client.SendAsync(HttpMethod.Get, $"fhir/Basic/{id}")).Status);
    }
    [Fact]
    public async Task A_transaction_may_swap_the_codes_of_two_resources()
    {
        var (a, b) = (Basics.NewId(), Basics.NewId());
        var (codeA, codeB) = (Basics.NewCode(), Basics.NewCode());
        await _client.PutAsync(Basics.New(a, "a").WithBusinessCode(codeA));
        await _client.PutAsync(Basics.New(b, "b").WithBusinessCode(codeB));

        // Each code is held by the other resource until the transaction's end: the updates are stored together, the
        // old codes released before the new ones are taken.
        var (status, response, _) = await _client.SendAsync(HttpMethod.Post, "fhir", Transaction(
            Entry("PUT", $"Basic/{a}", Basics.New(a, "a").WithBusinessCode(codeB), ifMatch: "W/\"1\""),
            Entry("PUT", $"Basic/{b}", Basics.New(b, "b").WithBusinessCode(codeA))));

        Assert.True(status == HttpStatusCode.OK, response?.ToJsonString());
        Assert.Equal([200, 200], FhirHttp.Entries(response).Select(Status));
        foreach (var (code, holder) in (ValueTuple<string, string>[])[(codeA, b), (codeB, a)])
        {
            var (_, bundle, _) = await _client.SendAsync(HttpMethod.Get, $"fhir/Basic?identifier={code}");
            Assert.Equal([holder], FhirHttp.Entries(bundle).Select(e => (string)e["resource"]!["id"]!));
        }
        Assert.Equal(2, await Database.VersionCountAsync(server.ConnectionString, "Basic", a));
    }

    [Fact]
    public async Task A_transaction_whose_update_takes_a_code_another_resource_keeps_is_409_and_changes_nothing()
    {
        var (a, b) = (Basics.NewId(), Basics.NewId());
        var (codeA, codeB) = (Basics.NewCode(), Basics.NewCode());
        await _client.PutAsync(Basics.New(a).WithBusinessCode(codeA));
        await _client.PutAsync(Basics.New(b).WithBusinessCode(codeB));

        var (status, outcome, _) = await _client.SendAsync(HttpMethod.Post, "fhir", Transaction(
            Entry("PUT", $"Basic/{b}", Basics.New(b, "changed").WithBusinessCode(codeB)),
            Entry("PUT", $"Basic/{a}", Basics.New(a, "changed").WithBusinessCode(codeB))));

        Assert.Equal(HttpStatusCode.Conflict, status);
        var issue = Assert.Single(FhirHttp.Issues(outcome));
        Assert.Equal("duplicate", issue.Code);
        Assert.Equal("Bundle.entry[1].resource.identifier", issue.Expression); // the entry that takes the code, not the one that keeps it
        Assert.Equal(1, await Database.VersionCountAsync(server.ConnectionString, "Basic", a));
        Assert.Equal(1, await Database.VersionCountAsync(server.ConnectionString, "Basic", b));
    }

    [Fact]
    public async Task A_transaction_update_checks_if_match_against_the_version_it_locked()
    {
        var id = Basics.NewId();
        await _client.PutAsync(Basics.New(id, "v1"));
        await _client.PutAsync(Basics.New(id, "v2"));

        var (stale, _, _) = await _client.SendAsync(HttpMethod.Post, "fhir", Transaction(Entry("PUT", $"Basic/{id}", Basics.New(id, "lost"), ifMatch: "W/\"1\"")));
        var (fresh, response, _) = await _client.SendAsync(HttpMethod.Post, "fhir", Transaction(Entry("PUT", $"Basic/{id}", Basics.New(id, "v3"), ifMatch: "W/\"2\"")));

        Assert.Equal(HttpStatusCode.PreconditionFailed, stale);
        Assert.True(fresh == HttpStatusCode.OK, response?.ToJsonString());
        Assert.Equal("W/\"3\"", (string?)FhirHttp.Entries(response)[0]["response"]!["etag"]);
    }
}
