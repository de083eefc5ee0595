using System.Net;
using System.Text.Json.Nodes;
using OpenImis.Fhir.Server.Tests.Infrastructure;
using static OpenImis.Fhir.Server.Tests.Search.SearchHttp;

namespace OpenImis.Fhir.Server.Tests.Search;

/// <summary>
/// <c>_list</c> (search.html#list): the resources a List holds in List.entry.item, with the other parameters of the
/// search. The expected members are the resources each test puts in its own Lists.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class ListSearchTests(ServerFixture server)
{
    private readonly HttpClient _client = server.Client;

    [Fact]
    public async Task A_list_gives_its_members_of_the_searched_type_with_the_other_criteria_and_several_lists_give_the_members_of_any()
    {
        var members = new List<string>();
        for (var i = 0; i < 3; i++) members.Add(await CreateAsync(Basics.New()));
        var outside = await CreateAsync(Basics.New());
        var inner = await CreateAsync(List(members[2]));
        var outer = await CreateAsync(List([.. members[..2], $"List/{inner}"]));
        var other = await CreateAsync(List(outside));

        await _client.ExpectAsync($"Basic?_list={outer}", members[..2]);
        await _client.ExpectAsync($"Basic?_list={outer}&_id={members[1]},{outside}", [members[1]]);
        await _client.ExpectAsync($"Basic?_list={outer},{other}", [.. members[..2], outside]);
        await _client.ExpectAsync($"Basic?_list={outer}&_list={other}", []);
        await _client.ExpectAsync($"List?_list={outer}", [inner]);
        await _client.ExpectAsync($"Basic?_list=no-such-list", []);
        // A page of one: the page is cut among the List's members, and the next page holds the other.
        var first = await _client.SearchAsync($"Basic?_list={outer}&_count=1");
        Assert.Single(Ids(first));
        Assert.Equal(members[..2].Order(StringComparer.Ordinal), (await _client.AllMatchesAsync($"Basic?_list={outer}&_count=1")).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_list_follows_its_current_version_and_leaves_out_deleted_members_and_a_deleted_list()
    {
        var kept = await CreateAsync(Basics.New());
        var dropped = await CreateAsync(Basics.New());
        var deleted = await CreateAsync(Basics.New());
        var list = await CreateAsync(List(kept, dropped));
        await _client.ExpectAsync($"Basic?_list={list}", [kept, dropped]);

        await _client.PutAsync(Identified(list, List(kept, deleted)));
        await _client.ExpectAsync($"Basic?_list={list}", [kept, deleted]);

        // The List still refers to it, so the delete is refused while referential integrity holds; drop it from the
        // List first, as a client must.
        await _client.PutAsync(Identified(list, List(kept)));
        Assert.Equal(HttpStatusCode.NoContent, (await _client.SendAsync(HttpMethod.Delete, $"fhir/Basic/{deleted}")).Status);
        await _client.ExpectAsync($"Basic?_list={list}", [kept]);

        Assert.Equal(HttpStatusCode.NoContent, (await _client.SendAsync(HttpMethod.Delete, $"fhir/List/{list}")).Status);
        await _client.ExpectAsync($"Basic?_list={list}", []);
    }

    [Fact]
    public async Task Items_a_changes_list_flags_as_deleted_are_not_members()
    {
        var kept = await CreateAsync(Basics.New());
        var dropped = await CreateAsync(Basics.New());
        var droppedByVersion = await CreateAsync(Basics.New());
        var readded = await CreateAsync(Basics.New());
        var changes = List(kept, dropped, droppedByVersion, readded, readded);
        changes["mode"] = "changes";
        var entries = changes["entry"]!.AsArray();
        entries[0]!["item"]!["reference"] = $"Basic/{kept}/_history/1";
        entries[1]!["deleted"] = true;
        entries[2]!["deleted"] = true;
        entries[2]!["item"]!["reference"] = $"Basic/{droppedByVersion}/_history/1";
        entries[3]!["deleted"] = true;
        var list = await CreateAsync(changes);

        await _client.ExpectAsync($"Basic?_list={list}", [kept, readded]);

        // Once no entry is flagged, every item is a member again.
        await _client.PutAsync(Identified(list, List(kept, dropped)));
        await _client.ExpectAsync($"Basic?_list={list}", [kept, dropped]);
    }

    [Fact]
    public async Task Functional_lists_and_modifiers_are_refused_and_strict_handling_knows_the_parameter()
    {
        var member = await CreateAsync(Basics.New());
        var list = await CreateAsync(List(member));

        var (functional, outcome, _) = await _client.SendAsync(HttpMethod.Get, "fhir/Basic?_list=$current-problems");
        Assert.Equal(HttpStatusCode.BadRequest, functional);
        Assert.Contains(FhirHttp.Issues(outcome), i => i.Severity == "error" && i.Text.Contains("$current-problems", StringComparison.Ordinal));
        var (modified, modifiedOutcome, _) = await _client.SendAsync(HttpMethod.Get, $"fhir/Basic?_list:exact={list}");
        Assert.Equal(HttpStatusCode.BadRequest, modified);
        Assert.Contains(FhirHttp.Issues(modifiedOutcome), i => i.Text.Contains(":exact", StringComparison.Ordinal));

        var strict = await _client.SearchAsync($"Basic?_list={list}", ("Prefer", "handling=strict"));
        Assert.Equal([member], Ids(strict));

        var (_, capabilities, _) = await _client.SendAsync(HttpMethod.Get, "fhir/metadata");
        var basic = capabilities!["rest"]![0]!["resource"]!.AsArray().Single(r => (string?)r!["type"] == "Basic")!;
        Assert.Contains(basic["searchParam"]!.AsArray(), p => (string?)p!["name"] == "_list" && (string?)p["type"] == "special");
    }

    private static JsonObject List(params string[] items) => new()
    {
        ["resourceType"] = "List",
        ["status"] = "current",
        ["mode"] = "working",
        ["entry"] = new JsonArray([.. items.Select(item => (JsonNode)new JsonObject { ["item"] = new JsonObject { ["reference"] = item.Contains('/') ? item : $"Basic/{item}" } })]),
    };

    private static JsonObject Identified(string id, JsonObject resource)
    {
        resource["id"] = id;
        return resource;
    }

    private async Task<string> CreateAsync(JsonObject resource) => (string)(await _client.CreateAsync(resource))["id"]!;
}
