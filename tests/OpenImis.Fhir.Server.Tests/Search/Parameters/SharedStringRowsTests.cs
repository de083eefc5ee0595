using System.Net;
using System.Text.Json.Nodes;
using Npgsql;
using OpenImis.Fhir.Application.Search;
using OpenImis.Fhir.Engine.FhirPath;
using OpenImis.Fhir.Engine.Model;
using OpenImis.Fhir.Engine.Search;
using OpenImis.Fhir.Server.Tests.Infrastructure;
using OpenImis.Fhir.Storage.Search;
using static OpenImis.Fhir.Server.Tests.Search.SearchHttp;

namespace OpenImis.Fhir.Server.Tests.Search.Parameters;

/// <summary>
/// String parameters that share index rows (SharedStringRows): <c>name</c> stores only what <c>family</c> and
/// <c>given</c> do not, <c>phonetic</c> nothing, <c>address</c> only what its part parameters do not; every search on
/// them must still find what the in-memory values hold.
/// </summary>
[Collection(SearchParameterCollection.Name)]
public sealed class SharedStringRowsTests(SearchParameterFixture fixture)
{
    private static SearchParameterRegistry NewRegistry() =>
        new(new FhirPathEngine(FhirModel.R4), BuiltInSearchParameters.Load(Path.Combine(AppContext.BaseDirectory, "ig-profiles")));

    [Fact]
    public void Name_phonetic_and_address_read_the_rows_of_their_parts_and_parts_keep_their_own()
    {
        var registry = NewRegistry();

        Assert.Equal(["name", "family", "given"], registry.Find("Patient", "name")!.StoredCodes);
        Assert.Equal(["name", "family", "given"], registry.Find("Patient", "phonetic")!.StoredCodes);
        Assert.False(registry.Find("Patient", "phonetic")!.StoresRows);
        Assert.True(registry.Find("Patient", "name")!.StoresRows);
        Assert.Equal(["family"], registry.Find("Patient", "family")!.StoredCodes);
        Assert.Equal(["address", "address-city", "address-state", "address-postalcode", "address-country"], registry.Find("Patient", "address")!.StoredCodes);
        Assert.Equal(["name", "family", "given"], registry.Find("Practitioner", "phonetic")!.StoredCodes);
        // Organization name is Organization.name | Organization.alias, phonetic Organization.name: no plain path in common.
        Assert.Equal(["phonetic"], registry.Find("Organization", "phonetic")!.StoredCodes);
        Assert.True(registry.Find("Organization", "phonetic")!.StoresRows);
        // Tokens never share.
        Assert.Equal(["address-use"], registry.Find("Patient", "address-use")!.StoredCodes);
    }

    [Fact]
    public void A_run_time_parameter_on_a_part_shares_nothing()
    {
        var registry = NewRegistry();
        var suffix = new SearchParameterDefinition("urn:test:patient-suffix", "suffix", SearchParameterType.String, ["Patient"], "Patient.name.suffix", [], []);
        registry.Load(new Dictionary<string, SearchParameterDefinition> { ["sp-suffix"] = suffix }, 1);

        Assert.Equal(["suffix"], registry.Find("Patient", "suffix")!.StoredCodes);
        Assert.Equal(["name", "family", "given"], registry.Find("Patient", "name")!.StoredCodes);
        var patient = ElementNodeReader.Read(Patient("p", "Kweli", "Amani", text: null, prefix: null, suffix: "Jr").ToJsonString(), FhirModel.R4);
        var rows = registry.Rows(patient);
        Assert.Contains(rows, r => r.Code == "name" && ((StringSearchValue)r.Value).Exact == "Jr");
        Assert.Contains(rows, r => r.Code == "suffix" && ((StringSearchValue)r.Value).Exact == "Jr");
    }

    [Fact]
    public async Task A_patient_stores_each_string_once_and_every_search_on_it_finds_it()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var family = "Kweli" + tag;
        var given = "Amani" + tag;
        var text = $"Dkt {given} {family}";
        var line = $"12 Baobab{tag} Road";
        var city = "Mbeya" + tag;
        var full = Patient("shared-" + tag, family, given, text, prefix: "Dkt", suffix: null);
        full["address"] = new JsonArray(new JsonObject
        {
            ["line"] = new JsonArray(line), ["city"] = city, ["district"] = "Urban" + tag, ["state"] = "Highlands" + tag,
            ["postalCode"] = "P" + tag, ["country"] = "TZ",
        });
        var bare = new JsonObject { ["resourceType"] = "Patient", ["id"] = "bare-" + tag, ["gender"] = "female" };
        var other = Patient("other-" + tag, "Abara" + tag, "Zuberi" + tag, text: null, prefix: null, suffix: null);
        foreach (var resource in new[] { full, bare, other })
        {
            var (status, body, _) = await fixture.Client.SendAsync(HttpMethod.Put, $"fhir/Patient/{resource["id"]}", resource);
            Assert.True(status is HttpStatusCode.Created or HttpStatusCode.OK, $"{status} {body}");
        }

        Assert.Equal(
        [
            ("address", "12 Baobab" + tag + " Road"), ("address", "Urban" + tag), ("address-city", city), ("address-country", "TZ"),
            ("address-postalcode", "P" + tag), ("address-state", "Highlands" + tag), ("family", family), ("given", given), ("name", "Dkt"), ("name", text),
        ], await StringRowsAsync("shared-" + tag));

        var ids = $"_id=shared-{tag},bare-{tag},other-{tag}";
        string[] one = ["shared-" + tag];
        foreach (var query in new[]
        {
            $"name={given}", $"name={family.ToUpperInvariant()}", "name=dkt", $"name=dkt%20{given}", $"phonetic={family}", $"phonetic=dkt",
            $"name:exact={Escape(text)}", $"name:exact={family}", $"name:contains=MANI{tag}", $"phonetic:contains=weli{tag}",
            $"address={city}", "address=12%20baobab", "address=12", $"address=urban{tag}", $"address=p{tag}", "address=tz", $"address:exact=Highlands{tag}",
            $"address:contains=obab{tag}",
        })
        {
            await fixture.Client.ExpectAsync($"Patient?{query}&{ids}", one);
        }
        await fixture.Client.ExpectAsync($"Patient?name:exact={given.ToLowerInvariant()}&{ids}", []);
        await fixture.Client.ExpectAsync($"Patient?name:missing=true&{ids}", ["bare-" + tag]);
        await fixture.Client.ExpectAsync($"Patient?phonetic:missing=false&{ids}", ["shared-" + tag, "other-" + tag]);
        await fixture.Client.ExpectAsync($"Patient?address:missing=true&{ids}", ["bare-" + tag, "other-" + tag]);
        // The lowest name part of each: "abara…" and "amani…"; the patient without a name comes last.
        Assert.Equal(["other-" + tag, "shared-" + tag, "bare-" + tag], await fixture.Client.AllMatchesAsync($"Patient?{ids}&_sort=name"));
        Assert.Equal(["other-" + tag, "shared-" + tag, "bare-" + tag], await fixture.Client.AllMatchesAsync($"Patient?{ids}&_sort=-phonetic"));
    }

    private async Task<List<(string Code, string Exact)>> StringRowsAsync(string id)
    {
        await using var dataSource = NpgsqlDataSource.Create(fixture.ConnectionString);
        await using var command = dataSource.CreateCommand("""
            select s.code, s.exact from search_string s join fhir_resource r on r.rid = s.rid
            where r.resource_type = 'Patient' and r.id = $1 order by s.code, s.exact
            """);
        command.Parameters.Add(new() { Value = id });
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(string, string)>();
        while (await reader.ReadAsync()) rows.Add((reader.GetString(0), reader.GetString(1)));
        return rows;
    }

    private static JsonObject Patient(string id, string family, string given, string? text, string? prefix, string? suffix)
    {
        var name = new JsonObject { ["family"] = family, ["given"] = new JsonArray(given) };
        if (text is not null) name["text"] = text;
        if (prefix is not null) name["prefix"] = new JsonArray(prefix);
        if (suffix is not null) name["suffix"] = new JsonArray(suffix);
        return new JsonObject { ["resourceType"] = "Patient", ["id"] = id, ["name"] = new JsonArray(name) };
    }
}
