using System.Net;
using System.Text.Json.Nodes;
using Npgsql;
using OpenImis.Fhir.Application.Search;
using OpenImis.Fhir.Engine.FhirPath;
using OpenImis.Fhir.Engine.Model;
using OpenImis.Fhir.Server.Commands;
using OpenImis.Fhir.Server.Tests.Infrastructure;
using OpenImis.Fhir.Storage.Search;
using static OpenImis.Fhir.Server.Tests.Search.SearchHttp;

namespace OpenImis.Fhir.Server.Tests.Search.Parameters;

/// <summary>
/// SearchParameters created at run time: validated on write, indexed and searchable from their commit, older
/// resources found after the background reindex, forgotten on delete, seen by other server instances through the
/// generation counter; and the <c>reindex</c> command rebuilding stale rows. Each test uses codes of its own.
/// </summary>
[Collection(SearchParameterCollection.Name)]
public sealed class RunTimeSearchParameterTests(SearchParameterFixture fixture)
{
    private const string Marital = "https://example.org/fhir/marital";
    private static readonly (string, string) Strict = ("Prefer", "handling=strict");

    private static JsonObject Parameter(string code, string type, string expression, string? @base = "Patient") => new()
    {
        ["resourceType"] = "SearchParameter",
        ["url"] = $"https://example.org/fhir/SearchParameter/{code}",
        ["name"] = code.Replace("-", "", StringComparison.Ordinal),
        ["status"] = "active",
        ["description"] = $"Test parameter {code}",
        ["code"] = code,
        ["base"] = new JsonArray(@base),
        ["type"] = type,
        ["expression"] = expression,
    };

    private static JsonObject Patient(string id, string maritalCode) => new()
    {
        ["resourceType"] = "Patient",
        ["id"] = id,
        ["maritalStatus"] = new JsonObject { ["coding"] = new JsonArray(new JsonObject { ["system"] = Marital, ["code"] = maritalCode }) },
    };

    private async Task<string> CreateAsync(JsonObject resource)
    {
        var (status, body, _) = await fixture.Client.SendAsync(HttpMethod.Post, $"fhir/{resource["resourceType"]}", resource, ("Prefer", "return=representation"));
        Assert.True(status == HttpStatusCode.Created, $"{status} {body}");
        return (string)body!["id"]!;
    }

    private async Task PutAsync(JsonObject resource)
    {
        var (status, body, _) = await fixture.Client.SendAsync(HttpMethod.Put, $"fhir/{resource["resourceType"]}/{resource["id"]}", resource);
        Assert.True(status is HttpStatusCode.Created or HttpStatusCode.OK, $"{status} {body}");
    }

    /// <summary>Searches until the answer is the expected one (the background reindex runs after the commit), at most 20 s.</summary>
    private async Task EventuallyAsync(string query, string[] expected)
    {
        var until = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var actual = await fixture.Client.AllMatchesAsync(query);
            if (actual.Order(StringComparer.Ordinal).SequenceEqual(expected.Order(StringComparer.Ordinal)) || DateTime.UtcNow > until)
            {
                AssertSameIds(query, expected, actual);
                return;
            }
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task A_created_search_parameter_indexes_new_writes_at_once_old_ones_after_the_reindex_and_stops_on_delete()
    {
        var query = "Patient?marital-status=" + Escape($"{Marital}|X1");
        await PutAsync(Patient("rt-before", "X1"));
        var (unknown, _, _) = await fixture.Client.SendAsync(HttpMethod.Get, "fhir/" + query, null, Strict);
        Assert.Equal(HttpStatusCode.BadRequest, unknown);

        var id = await CreateAsync(Parameter("marital-status", "token", "Patient.maritalStatus"));
        await PutAsync(Patient("rt-after", "X1"));
        await PutAsync(Patient("rt-other", "X2"));
        var first = await fixture.Client.AllMatchesAsync(query);
        Assert.Contains("rt-after", first);
        await EventuallyAsync(query, ["rt-before", "rt-after"]);

        var (_, metadata, _) = await fixture.Client.SendAsync(HttpMethod.Get, "fhir/metadata");
        var patient = metadata!["rest"]![0]!["resource"]!.AsArray().First(r => (string?)r!["type"] == "Patient")!;
        Assert.Contains(patient["searchParam"]!.AsArray(), p => (string?)p!["name"] == "marital-status" && (string?)p["definition"] == "https://example.org/fhir/SearchParameter/marital-status");

        var (deleted, _, _) = await fixture.Client.SendAsync(HttpMethod.Delete, $"fhir/SearchParameter/{id}");
        Assert.Equal(HttpStatusCode.NoContent, deleted);
        var (refused, _, _) = await fixture.Client.SendAsync(HttpMethod.Get, "fhir/" + query, null, Strict);
        Assert.Equal(HttpStatusCode.BadRequest, refused);
        await PutAsync(Patient("rt-late", "X1"));
        // The reindex after the delete removes the rows written for it; nothing is written for it any more.
        var until = DateTime.UtcNow.AddSeconds(20);
        while (await IndexRowsAsync("marital-status") > 0 && DateTime.UtcNow < until) await Task.Delay(100);
        Assert.Equal(0, await IndexRowsAsync("marital-status"));
    }

    [Fact]
    public async Task A_run_time_composite_with_a_date_component_takes_prefixes_and_ties_both_parts_to_one_item()
    {
        await CreateAsync(Parameter("rt-item-category", "token", "Claim.item.category", "Claim"));
        await CreateAsync(Parameter("rt-item-date", "date", "Claim.item.serviced", "Claim"));
        var composite = Parameter("rt-item-category-date", "composite", "Claim.item", "Claim");
        composite["component"] = new JsonArray(
            new JsonObject { ["definition"] = "https://example.org/fhir/SearchParameter/rt-item-category", ["expression"] = "category" },
            new JsonObject { ["definition"] = "https://example.org/fhir/SearchParameter/rt-item-date", ["expression"] = "serviced" });
        await CreateAsync(composite);
        await PutAsync(new JsonObject
        {
            ["resourceType"] = "Claim",
            ["id"] = "c-rt",
            ["status"] = "active",
            ["type"] = new JsonObject { ["coding"] = new JsonArray(new JsonObject { ["system"] = "http://terminology.hl7.org/CodeSystem/claim-type", ["code"] = "institutional" }) },
            ["use"] = "claim",
            // Patient, date and provider apart from what OpenImisSearchParameterTests expects of the Claims.
            ["patient"] = new JsonObject { ["reference"] = "Patient/jane-doe" },
            ["created"] = "2020-01-01",
            ["provider"] = new JsonObject { ["reference"] = "Organization/openIMIS-Implementation" },
            ["priority"] = new JsonObject { ["coding"] = new JsonArray(new JsonObject { ["code"] = "normal" }) },
            ["insurance"] = new JsonArray(new JsonObject { ["sequence"] = 1, ["focal"] = true, ["coverage"] = new JsonObject { ["reference"] = "Coverage/JoeDoeCoverage" } }),
            ["item"] = new JsonArray(
                new JsonObject { ["sequence"] = 1, ["category"] = new JsonObject { ["coding"] = new JsonArray(new JsonObject { ["code"] = "service" }) }, ["productOrService"] = new JsonObject { ["text"] = "consultation" }, ["servicedDate"] = "2021-10-01" },
                new JsonObject { ["sequence"] = 2, ["category"] = new JsonObject { ["coding"] = new JsonArray(new JsonObject { ["code"] = "item" }) }, ["productOrService"] = new JsonObject { ["text"] = "aspirin" }, ["servicedDate"] = "2021-10-05" }),
        });
        await fixture.Client.ExpectAsync("Claim?rt-item-category-date=" + Escape("service$2021-10-01"), ["c-rt"]);
        await fixture.Client.ExpectAsync("Claim?rt-item-category-date=" + Escape("service$ge2021-10-02"), []);
        await fixture.Client.ExpectAsync("Claim?rt-item-category-date=" + Escape("item$ge2021-10-02"), ["c-rt"]);
        await fixture.Client.ExpectAsync("Claim?rt-item-category-date=" + Escape("item$lt2021-10-05"), []);
        await fixture.Client.ExpectAsync("Claim?rt-item-category-date=" + Escape("service$lt2021-10-05"), ["c-rt"]);
    }

    public static TheoryData<string, string, string, string, string> BadParameters() => new()
    {
        { "rt-bad-syntax", "token", "Patient.maritalStatus.(", "Patient", "SearchParameter.expression" },
        { "rt-bad-path", "token", "Patient.maritalStatuss", "Patient", "SearchParameter.expression" },
        { "rt-other-type", "token", "Claim.status", "Patient", "SearchParameter.expression" },
        { "name", "string", "Patient.name.family", "Patient", "SearchParameter.code" },
        { "refDate", "date", "Coverage.period.start", "Coverage", "SearchParameter.code" },
        { "rt$bad", "token", "Patient.gender", "Patient", "SearchParameter.code" },
        { "rt-special", "special", "Patient.gender", "Patient", "SearchParameter.type" },
        { "rt-no-type", "colour", "Patient.gender", "Patient", "SearchParameter.type" },
        { "rt-no-base", "token", "Patient.gender", "Patients", "SearchParameter.base[0]" },
    };

    [Theory]
    [MemberData(nameof(BadParameters))]
    public async Task A_search_parameter_the_server_cannot_use_is_refused_with_its_location(string code, string type, string expression, string @base, string location)
    {
        var (status, body, _) = await fixture.Client.SendAsync(HttpMethod.Post, "fhir/SearchParameter", Parameter(code, type, expression, @base));
        Assert.True(status == HttpStatusCode.UnprocessableEntity, $"{status} {body}");
        Assert.Contains(body!["issue"]!.AsArray(), i => (string?)i!["severity"] == "error" && i["expression"]?.AsArray().Any(e => (string?)e == location) == true);
        await fixture.Client.ExpectAsync("SearchParameter?url=" + Escape($"https://example.org/fhir/SearchParameter/{code}"), []);
    }

    [Fact]
    public async Task A_composite_naming_an_unknown_component_is_refused_at_the_component()
    {
        var composite = Parameter("rt-bad-composite", "composite", "Patient.contact", "Patient");
        composite["component"] = new JsonArray(
            new JsonObject { ["definition"] = "http://hl7.org/fhir/SearchParameter/individual-gender", ["expression"] = "gender" },
            new JsonObject { ["definition"] = "https://example.org/fhir/SearchParameter/nowhere", ["expression"] = "name" });
        var (status, body, _) = await fixture.Client.SendAsync(HttpMethod.Post, "fhir/SearchParameter", composite);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Contains(body!["issue"]!.AsArray(), i => i!["expression"]?.AsArray().Any(e => (string?)e == "SearchParameter.component[1].definition") == true);
    }

    [Fact]
    public async Task Two_search_parameters_with_one_code_in_one_transaction_are_refused_at_the_second()
    {
        JsonObject Post(JsonObject resource) => new()
        {
            ["resource"] = resource,
            ["request"] = new JsonObject { ["method"] = "POST", ["url"] = "SearchParameter" },
        };
        var first = Parameter("rt-twice", "token", "Patient.maritalStatus");
        var second = Parameter("rt-twice", "token", "Patient.gender");
        second["url"] = "https://example.org/fhir/SearchParameter/rt-twice-again";
        var bundle = new JsonObject { ["resourceType"] = "Bundle", ["type"] = "transaction", ["entry"] = new JsonArray(Post(first), Post(second)) };

        var (status, body, _) = await fixture.Client.SendAsync(HttpMethod.Post, "fhir", bundle);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Contains(body!["issue"]!.AsArray(), i => i!["expression"]?.AsArray().Any(e => (string?)e == "Bundle.entry[1].resource.code") == true);
        var (_, search, _) = await fixture.Client.SendAsync(HttpMethod.Get, "fhir/SearchParameter?code=rt-twice&_total=accurate");
        Assert.Equal(0, (int)search!["total"]!);
    }

    [Fact]
    public async Task In_a_transaction_the_refusal_names_the_entry()
    {
        var bundle = new JsonObject
        {
            ["resourceType"] = "Bundle",
            ["type"] = "transaction",
            ["entry"] = new JsonArray(new JsonObject
            {
                ["resource"] = Parameter("rt-in-bundle", "token", "Patient.nope(", "Patient"),
                ["request"] = new JsonObject { ["method"] = "POST", ["url"] = "SearchParameter" },
            }),
        };
        var (status, body, _) = await fixture.Client.SendAsync(HttpMethod.Post, "fhir", bundle);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Contains("Bundle.entry[0].resource.expression", body!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_server_instance_loads_a_new_search_parameter_when_the_generation_changes()
    {
        await using var dataSource = NpgsqlDataSource.Create(fixture.ConnectionString);
        var other = new SearchParameterSync(new SearchParameterRegistry(new FhirPathEngine(FhirModel.R4), BuiltInSearchParameters.Load(Path.Combine(AppContext.BaseDirectory, "ig-profiles"))), new SearchParameterStore(dataSource));
        await other.RefreshAsync(CancellationToken.None);
        var before = other.Registry.Generation;
        Assert.Null(other.Registry.Find("Patient", "rt-elsewhere"));
        Assert.False(await other.RefreshAsync(CancellationToken.None));

        await CreateAsync(Parameter("rt-elsewhere", "string", "Patient.name.text"));
        Assert.True(await other.RefreshAsync(CancellationToken.None));
        Assert.True(other.Registry.Generation > before);
        Assert.NotNull(other.Registry.Find("Patient", "rt-elsewhere"));
    }

    [Fact]
    public async Task The_reindex_command_rebuilds_stale_rows_in_batches()
    {
        const string query = "Coverage?refEndDate=lt2022-01-01";
        await fixture.Client.ExpectAsync(query, ["cov-2021", "cov-one-day"]);
        await using (var dataSource = NpgsqlDataSource.Create(fixture.ConnectionString))
        {
            // Rows lost or written by an older indexing: gone here, as if never written.
            await using var command = dataSource.CreateCommand("delete from search_date where resource_type = 'Coverage'");
            await command.ExecuteNonQueryAsync();
        }
        await fixture.Client.ExpectAsync(query, []);

        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await ReindexCommand.ExecuteAsync(fixture.ConnectionString, ["Coverage"], 2, 0, output, error, CancellationToken.None);
        Assert.True(exit == 0, error.ToString());
        await fixture.Client.ExpectAsync(query, ["cov-2021", "cov-one-day"]);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines, l => l.StartsWith("Coverage: 2/4 reindexed, last rid ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("Coverage: 4/4 reindexed", StringComparison.Ordinal));
        Assert.Contains("Coverage: done, 4 resources reindexed", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_reindex_command_resumes_after_a_rid()
    {
        await using var dataSource = NpgsqlDataSource.Create(fixture.ConnectionString);
        var rids = new List<(long Rid, string Id)>();
        await using (var command = dataSource.CreateCommand("select rid, id from fhir_resource where resource_type = 'Coverage' and not deleted order by rid"))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync()) rids.Add((reader.GetInt64(0), reader.GetString(1)));
        }
        await using (var command = dataSource.CreateCommand("delete from search_date where resource_type = 'Coverage'"))
        {
            await command.ExecuteNonQueryAsync();
        }
        var after = rids[1].Rid;
        var output = new StringWriter();
        Assert.Equal(0, await ReindexCommand.ExecuteAsync(fixture.ConnectionString, ["Coverage"], 500, after, output, new StringWriter(), CancellationToken.None));
        Assert.Contains($"Coverage: done, {rids.Count - 2} resources reindexed", output.ToString(), StringComparison.Ordinal);
        // Only those after the rid got their rows back.
        string[] ending2021 = ["cov-2021", "cov-one-day"];
        await fixture.Client.ExpectAsync("Coverage?refEndDate=lt2022-01-01", rids.Where(r => r.Rid > after && ending2021.Contains(r.Id)).Select(r => r.Id));
        Assert.Equal(0, await ReindexCommand.ExecuteAsync(fixture.ConnectionString, ["Coverage"], 500, 0, new StringWriter(), new StringWriter(), CancellationToken.None));
        await fixture.Client.ExpectAsync("Coverage?refEndDate=lt2022-01-01", ending2021);
    }

    [Theory]
    [InlineData("NotAType", 500, 0)]
    [InlineData("Coverage", 0, 0)]
    public async Task The_reindex_command_refuses_bad_arguments(string type, int batchSize, long afterRid)
    {
        var error = new StringWriter();
        var exit = await ReindexCommand.ExecuteAsync(fixture.ConnectionString, [type], batchSize, afterRid, new StringWriter(), error, CancellationToken.None);
        Assert.Equal(2, exit);
        Assert.NotEmpty(error.ToString());
    }

    private async Task<long> IndexRowsAsync(string code)
    {
        await using var dataSource = NpgsqlDataSource.Create(fixture.ConnectionString);
        await using var command = dataSource.CreateCommand("select count(*) from search_token where resource_type = 'Patient' and code = $1");
        command.Parameters.Add(new() { Value = code });
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
