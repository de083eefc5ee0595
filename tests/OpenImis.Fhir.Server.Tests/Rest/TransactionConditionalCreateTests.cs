using System.Net;
using System.Text.Json.Nodes;
using OpenImis.Fhir.Server.Tests.Infrastructure;
using static OpenImis.Fhir.Server.Tests.Infrastructure.Bundles;

namespace OpenImis.Fhir.Server.Tests.Rest;

/// <summary>
/// Conditional creates (<c>request.ifNoneExist</c>) inside one transaction: a later one matches what an earlier entry
/// of the same transaction creates, as it would had the two been sent one after the other (http.html#ccreate), even
/// though its search runs before anything of the transaction is written.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class TransactionConditionalCreateTests(ServerFixture server)
{
    private const string IdSystem = "urn:openimis-fhir:test";
    private readonly HttpClient _client = server.Client;

    [Fact]
    public async Task Two_conditional_creates_with_the_same_criteria_create_one_resource_and_references_to_either_name_it()
    {
        var value = Basics.NewCode();
        var (first, second) = (NewUrn(), NewUrn());

        var (status, response, _) = await _client.SendAsync(HttpMethod.Post, "fhir", Transaction(
            Entry("POST", "Basic", Basics.New(text: "first").WithIdentifier(IdSystem, value), fullUrl: first, ifNoneExist: $"identifier={IdSystem}|{value}"),
            Entry("POST", "Basic", Basics.New(text: "second").WithIdentifier(IdSystem, value), fullUrl: second, ifNoneExist: $"identifier={IdSystem}|{value}"),
            Entry("POST", "Basic", Basics.New(text: "referrer").WithSubject(second))));

        Assert.True(status == HttpStatusCode.OK, response?.ToJsonString());
        var entries = FhirHttp.Entries(response);
        Assert.Equal([201, 200, 201], entries.Select(Status));
        var created = CreatedId(entries[0]);
        Assert.Equal($"{server.FhirBase}/Basic/{created}", (string?)entries[1]["fullUrl"]);
        Assert.Equal("W/\"1\"", (string?)entries[1]["response"]!["etag"]);
        Assert.Null(entries[1]["response"]!["location"]); // a match, as over REST: no Location
        Assert.Equal(["first"], await StoredTextsAsync(value));
        var (_, referrer, _) = await _client.SendAsync(HttpMethod.Get, $"fhir/Basic/{CreatedId(entries[2])}");
        Assert.Equal($"Basic/{created}", (string?)referrer!["subject"]!["reference"]);
    }

    [Fact]
    public async Task The_same_criteria_in_another_order_and_encoding_are_the_same_criteria()
    {
        var value = Basics.NewCode();
        var referrer = Basics.NewId();
        var second = NewUrn();

        var (status, response, _) = await _client.SendAsync(HttpMethod.Post, "fhir", Transaction(
            Entry("PUT", $"Basic/{referrer}", Basics.New(referrer).WithSubject(second)),
            Entry("POST", "Basic", Basics.New(text: "first").WithIdentifier(IdSystem, value), ifNoneExist: $"code:text=first&identifier={IdSystem}|{value}"),
            Entry("POST", "Basic", Basics.New(text: "second").WithIdentifier(IdSystem, value), fullUrl: second, ifNoneExist: $"Basic?identifier={Uri.EscapeDataString($"{IdSystem}|{value}")}&code%3Atext=first")));

        Assert.True(status == HttpStatusCode.OK, response?.ToJsonString());
        var entries = FhirHttp.Entries(response);
        Assert.Equal([201, 201, 200], entries.Select(Status));
        Assert.Equal(["first"], await StoredTextsAsync(value));
        var (_, stored, _) = await _client.SendAsync(HttpMethod.Get, $"fhir/Basic/{referrer}");
        Assert.Equal($"Basic/{CreatedId(entries[1])}", (string?)stored!["subject"]!["reference"]);
    }

    [Fact]
    public async Task Other_criteria_that_match_what_an_earlier_entry_creates_match_it()
    {
        var value = Basics.NewCode();
        var second = NewUrn();

        // The first entry is a plain create; the second's criteria (no system) match what it creates.
        var (status, response, _) = await _client.SendAsync(HttpMethod.Post, "fhir", Transaction(
            Entry("POST", "Basic", Basics.New(text: "first").WithIdentifier(IdSystem, value)),
            Entry("POST", "Basic", Basics.New(text: "second").WithIdentifier(IdSystem, value), fullUrl: second, ifNoneExist: $"identifier={value}&code:text=fir"),
            Entry("POST", "Basic", Basics.New(text: "referrer").WithSubject(second))));

        Assert.True(status == HttpStatusCode.OK, response?.ToJsonString());
        var entries = FhirHttp.Entries(response);
        Assert.Equal([201, 200, 201], entries.Select(Status));
        var created = CreatedId(entries[0]);
        Assert.Equal($"{server.FhirBase}/Basic/{created}", (string?)entries[1]["fullUrl"]);
        Assert.Equal(["first"], await StoredTextsAsync(value));
        var (_, referrer, _) = await _client.SendAsync(HttpMethod.Get, $"fhir/Basic/{CreatedId(entries[2])}");
        Assert.Equal($"Basic/{created}", (string?)referrer!["subject"]!["reference"]);
    }

    [Fact]
    public async Task Criteria_that_what_an_earlier_entry_creates_does_not_match_create_again()
    {
        var value = Basics.NewCode();

        var (status, response, _) = await _client.SendAsync(HttpMethod.Post, "fhir", Transaction(
            Entry("POST", "Basic", Basics.New(text: "first").WithIdentifier(IdSystem, value), ifNoneExist: $"identifier={IdSystem}|{value}&code:text=first"),
            Entry("POST", "Basic", Basics.New(text: "second").WithIdentifier(IdSystem, value), ifNoneExist: $"identifier={IdSystem}|{value}&code:text=second")));

        Assert.True(status == HttpStatusCode.OK, response?.ToJsonString());
        Assert.Equal([201, 201], FhirHttp.Entries(response).Select(Status));
        Assert.Equal(["first", "second"], await StoredTextsAsync(value));
    }

    [Fact]
    public async Task Chained_criteria_repeated_in_one_transaction_create_once()
    {
        // A chain needs other resources: it is not matched in memory, but the same criteria still name the same resource.
        var value = Basics.NewCode();
        var target = (string)(await _client.CreateAsync(Basics.New().WithIdentifier(IdSystem, value)))["id"]!;
        var criteria = $"subject:Basic.identifier={IdSystem}|{value}";

        var (status, response, _) = await _client.SendAsync(HttpMethod.Post, "fhir", Transaction(
            Entry("POST", "Basic", Basics.New(text: "first").WithSubject($"Basic/{target}"), ifNoneExist: criteria),
            Entry("POST", "Basic", Basics.New(text: "second").WithSubject($"Basic/{target}"), ifNoneExist: criteria)));

        Assert.True(status == HttpStatusCode.OK, response?.ToJsonString());
        var entries = FhirHttp.Entries(response);
        Assert.Equal([201, 200], entries.Select(Status));
        Assert.Equal(entries[0]["fullUrl"]!.ToString(), entries[1]["fullUrl"]!.ToString());
        Assert.Equal(1, await Database.CountAsync(server.ConnectionString,
            "select count(*) from fhir_reference where source_type = 'Basic' and target_type = 'Basic' and target_id = $1", target));
    }

    [Fact]
    public async Task Criteria_matching_two_resources_created_earlier_in_the_transaction_fail_it_with_412()
    {
        var value = Basics.NewCode();

        var (status, outcome, _) = await _client.SendAsync(HttpMethod.Post, "fhir", Transaction(
            Entry("POST", "Basic", Basics.New(text: "first").WithIdentifier(IdSystem, value)),
            Entry("POST", "Basic", Basics.New(text: "second").WithIdentifier(IdSystem, value)),
            Entry("POST", "Basic", Basics.New(text: "third").WithIdentifier(IdSystem, value), ifNoneExist: $"identifier={IdSystem}|{value}")));

        Assert.Equal(HttpStatusCode.PreconditionFailed, status);
        Assert.Contains(FhirHttp.Issues(outcome), i => i.Text.Contains("Bundle.entry[2]", StringComparison.Ordinal));
        Assert.Empty(await StoredTextsAsync(value));
    }

    [Fact]
    public async Task A_conditional_update_matching_what_a_create_of_the_transaction_writes_fails_it_as_a_second_write_of_one_resource()
    {
        // Processed after the creates, the update's search sees them: updating what the transaction just created would
        // write one resource twice (http.html#trules).
        var value = Basics.NewCode();

        var (status, outcome, _) = await _client.SendAsync(HttpMethod.Post, "fhir", Transaction(
            Entry("PUT", $"Basic?identifier={IdSystem}|{value}", Basics.New(text: "update").WithIdentifier(IdSystem, value)),
            Entry("POST", "Basic", Basics.New(text: "create").WithIdentifier(IdSystem, value), ifNoneExist: $"identifier={IdSystem}|{value}")));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(FhirHttp.Issues(outcome), i => i.Text.Contains("written by entries 1 and 0", StringComparison.Ordinal));
        Assert.Empty(await StoredTextsAsync(value));
    }

    [Fact]
    public async Task A_conditional_reference_names_what_the_transaction_creates()
    {
        var value = Basics.NewCode();
        var other = Basics.NewCode();

        // The referrer comes first: references are resolved before anything is written, whatever the order.
        var (status, response, _) = await _client.SendAsync(HttpMethod.Post, "fhir", Transaction(
            Entry("POST", "Basic", Basics.New(text: "referrer").WithSubject($"Basic?identifier={IdSystem}|{value}")),
            Entry("POST", "Basic", Basics.New(text: "target").WithIdentifier(IdSystem, value)),
            Entry("POST", "Basic", Basics.New(text: "conditional").WithIdentifier(IdSystem, other), ifNoneExist: $"identifier={IdSystem}|{other}"),
            Entry("POST", "Basic", Basics.New(text: "second referrer").WithSubject($"Basic?identifier={IdSystem}|{other}"))));

        Assert.True(status == HttpStatusCode.OK, response?.ToJsonString());
        var entries = FhirHttp.Entries(response);
        Assert.Equal([201, 201, 201, 201], entries.Select(Status));
        var (_, referrer, _) = await _client.SendAsync(HttpMethod.Get, $"fhir/Basic/{CreatedId(entries[0])}");
        Assert.Equal($"Basic/{CreatedId(entries[1])}", (string?)referrer!["subject"]!["reference"]);
        var (_, second, _) = await _client.SendAsync(HttpMethod.Get, $"fhir/Basic/{CreatedId(entries[3])}");
        Assert.Equal($"Basic/{CreatedId(entries[2])}", (string?)second!["subject"]!["reference"]);
    }

    [Fact]
    public async Task A_conditional_reference_matching_a_stored_resource_and_a_created_one_fails_the_transaction_with_412()
    {
        var value = Basics.NewCode();
        await _client.PutAsync(Basics.New(Basics.NewId(), "stored").WithIdentifier(IdSystem, value));
        var referrer = Basics.NewId();

        var (status, response, _) = await _client.SendAsync(HttpMethod.Post, "fhir", Transaction(
            Entry("PUT", $"Basic/{referrer}", Basics.New(referrer).WithSubject($"Basic?identifier={IdSystem}|{value}")),
            Entry("POST", "Basic", Basics.New(text: "created").WithIdentifier(IdSystem, value))));

        Assert.Equal(HttpStatusCode.PreconditionFailed, status);
        Assert.Contains(FhirHttp.Issues(response), i => i.Expression == "Bundle.entry[0].resource" && i.Text.Contains("more than one", StringComparison.Ordinal));
        Assert.Equal(["stored"], await StoredTextsAsync(value));
        Assert.Equal(0, await Database.VersionCountAsync(server.ConnectionString, "Basic", referrer));
    }

    [Fact]
    public async Task Criteria_may_name_an_entry_by_its_full_url()
    {
        // http.html#trules: placeholders in conditional criteria are replaced too; two conditional creates on the
        // subject another entry creates create once, and a conditional reference on it finds that one.
        var target = NewUrn();
        var code = Basics.NewCode();

        var (status, response, _) = await _client.SendAsync(HttpMethod.Post, "fhir", Transaction(
            Entry("POST", "Basic", Basics.New(text: "referrer").WithSubject($"Basic?subject={target}&code:text=about")),
            Entry("POST", "Basic", Basics.New(text: "about").WithSubject(target), ifNoneExist: $"subject={target}&code:text=about"),
            Entry("POST", "Basic", Basics.New(text: "about").WithSubject(target), ifNoneExist: $"subject={Uri.EscapeDataString(target)}&code:text=about"),
            Entry("POST", "Basic", Basics.New(text: "target").WithIdentifier(IdSystem, code), fullUrl: target)));

        Assert.True(status == HttpStatusCode.OK, response?.ToJsonString());
        var entries = FhirHttp.Entries(response);
        Assert.Equal([201, 201, 200, 201], entries.Select(Status));
        var about = CreatedId(entries[1]);
        Assert.Equal($"{server.FhirBase}/Basic/{about}", (string?)entries[2]["fullUrl"]);
        var (_, referrer, _) = await _client.SendAsync(HttpMethod.Get, $"fhir/Basic/{CreatedId(entries[0])}");
        Assert.Equal($"Basic/{about}", (string?)referrer!["subject"]!["reference"]);
        var (_, stored, _) = await _client.SendAsync(HttpMethod.Get, $"fhir/Basic/{about}");
        Assert.Equal($"Basic/{CreatedId(entries[3])}", (string?)stored!["subject"]!["reference"]);
    }

    [Fact]
    public async Task In_a_batch_the_second_conditional_create_matches_what_the_first_committed()
    {
        var value = Basics.NewCode();

        var (status, response, _) = await _client.SendAsync(HttpMethod.Post, "fhir", Batch(
            Entry("POST", "Basic", Basics.New(text: "first").WithIdentifier(IdSystem, value), ifNoneExist: $"identifier={IdSystem}|{value}"),
            Entry("POST", "Basic", Basics.New(text: "second").WithIdentifier(IdSystem, value), ifNoneExist: $"identifier={IdSystem}|{value}")));

        Assert.True(status == HttpStatusCode.OK, response?.ToJsonString());
        var entries = FhirHttp.Entries(response);
        Assert.Equal([201, 200], entries.Select(Status));
        Assert.Equal(entries[0]["fullUrl"]!.ToString(), entries[1]["fullUrl"]!.ToString());
        Assert.Equal(["first"], await StoredTextsAsync(value));
    }

    private static string CreatedId(JsonNode entry) => ((string)entry["response"]!["location"]!).Split('/')[1];

    private Task<List<string>> StoredTextsAsync(string value) => Basics.StoredTextsAsync(_client, IdSystem, value);
}
