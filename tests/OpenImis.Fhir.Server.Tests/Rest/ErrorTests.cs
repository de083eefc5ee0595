using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using OpenImis.Fhir.Server.Hosting;
using OpenImis.Fhir.Server.Tests.Infrastructure;

namespace OpenImis.Fhir.Server.Tests.Rest;

/// <summary>
/// A client's mistakes get a 4xx with an OperationOutcome, never a 500, and write nothing: malformed JSON 400, unknown
/// type 404, wrong resource type 400, unsupported media type 415, body too large 413, URL too long 414,
/// headers too large 431, wrong method 405.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class ErrorTests(ServerFixture server)
{
    private readonly HttpClient _client = server.Client;

    public static TheoryData<string, string> Writes => new()
    {
        { "POST", "fhir/Basic" },
        { "PUT", "fhir/Basic/malformed" },
        { "PUT", "fhir/Basic?identifier=x" },
        { "POST", "fhir" },
    };

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task Malformed_json_is_400_with_an_operation_outcome(string method, string url)
    {
        var (status, body, response) = await _client.SendRawAsync(new HttpMethod(method), url, "{\"resourceType\": \"Basic\", \"code\": {\"text\": }");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(FhirHttp.Issues(body), i => i.Severity == "error");
        Assert.Equal("application/fhir+json", FhirHttp.ContentType(response)!.MediaType);
    }

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task Json_with_a_property_twice_is_400(string method, string url)
    {
        var (status, body, _) = await _client.SendRawAsync(new HttpMethod(method), url, "{\"resourceType\": \"Basic\", \"code\": {\"text\": \"a\"}, \"code\": {\"text\": \"b\"}}");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(FhirHttp.Issues(body), i => i.Severity == "error");
    }

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task An_empty_body_is_400(string method, string url)
    {
        var (status, body, _) = await _client.SendRawAsync(new HttpMethod(method), url, "");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(FhirHttp.Issues(body), i => i.Severity == "error");
    }

    [Fact]
    public async Task A_body_that_is_not_utf8_is_400()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "fhir/Basic")
        {
            Content = new ByteArrayContent([.. Encoding.UTF8.GetBytes("{\"resourceType\":\"Basic\",\"code\":{\"text\":\""), 0xC3, 0x28, .. Encoding.UTF8.GetBytes("\"}}")]),
        };
        request.Content.Headers.ContentType = new("application/fhir+json");

        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(FhirHttp.Issues(JsonNode.Parse(await response.Content.ReadAsStringAsync())), i => i.Severity == "error");
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("\"Basic\"")]
    [InlineData("null")]
    [InlineData("{\"code\": {\"text\": \"no resourceType\"}}")]
    [InlineData("{\"resourceType\": 7, \"code\": {\"text\": \"x\"}}")]
    [InlineData("{\"resourceType\": \"Patient\"}")]
    public async Task A_body_that_is_not_a_resource_of_the_url_type_is_400_and_nothing_is_stored(string json)
    {
        var versionsBefore = await Database.CountAsync(server.ConnectionString, "select count(*) from fhir_resource_version");

        var (status, body, _) = await _client.SendRawAsync(HttpMethod.Post, "fhir/Basic", json);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(FhirHttp.Issues(body), i => i.Severity == "error");
        Assert.Equal(versionsBefore, await Database.CountAsync(server.ConnectionString, "select count(*) from fhir_resource_version"));
    }

    [Theory]
    [InlineData("GET", "fhir/Insuree/1")]
    [InlineData("GET", "fhir/Insuree/1/_history/1")]
    [InlineData("GET", "fhir/Insuree/1/_history")]
    [InlineData("GET", "fhir/Insuree/_history")]
    [InlineData("POST", "fhir/Insuree")]
    [InlineData("PUT", "fhir/Insuree/1")]
    [InlineData("DELETE", "fhir/Insuree/1")]
    [InlineData("GET", "fhir/patient/john-doe")]
    [InlineData("GET", "fhir/Resource/john-doe")]
    [InlineData("POST", "fhir/DomainResource")]
    [InlineData("PUT", "fhir/SubscriptionStatus/1")]
    public async Task An_unknown_resource_type_is_404_with_an_operation_outcome(string method, string url)
    {
        var type = url.Split('/')[1];
        var body = method is "POST" or "PUT" ? new JsonObject { ["resourceType"] = type, ["id"] = "1" } : null;

        var (status, outcome, _) = await _client.SendAsync(new HttpMethod(method), url, body);

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains(FhirHttp.Issues(outcome), i => i.Severity == "error");
    }

    [Theory]
    [InlineData("POST", "fhir/Basic", "text/plain")]
    [InlineData("POST", "fhir/Basic", "application/fhir+xml")]
    [InlineData("POST", "fhir/Basic", "application/x-www-form-urlencoded")]
    [InlineData("PUT", "fhir/Basic/media", "application/xml")]
    [InlineData("POST", "fhir", "application/fhir+xml")]
    [InlineData("POST", "fhir/Basic", "application/fhir+json; fhirVersion=3.0")]
    [InlineData("PUT", "fhir/Basic/media", "application/json; fhirVersion=5.0")]
    [InlineData("PATCH", "fhir/Basic/media", "application/fhir+json; fhirVersion=1.0")]
    public async Task A_body_in_another_media_type_is_415(string method, string url, string contentType)
    {
        var (status, body, _) = await _client.SendRawAsync(new HttpMethod(method), url, Basics.New("media").ToJsonString(), contentType);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, status);
        Assert.Contains(FhirHttp.Issues(body), i => i.Severity == "error");
    }

    [Theory]
    [InlineData("application/fhir+json")]
    [InlineData("application/json")]
    [InlineData("application/fhir+json; charset=utf-8")]
    [InlineData("application/fhir+json; fhirVersion=4.0")]
    [InlineData("application/fhir+json; fhirVersion=4.0.1")]
    public async Task Json_media_types_with_their_parameters_are_accepted(string contentType)
    {
        var (status, _, _) = await _client.SendRawAsync(HttpMethod.Post, "fhir/Basic", Basics.New().ToJsonString(), contentType);

        Assert.Equal(HttpStatusCode.Created, status);
    }

    [Theory]
    [InlineData("PUT", "fhir/Basic/too-large")]
    [InlineData("POST", "fhir")]
    public async Task A_body_over_the_size_limit_is_413_and_nothing_is_stored(string method, string url)
    {
        var basic = Basics.New("too-large", new string('x', 1_100_000));
        var body = method == "POST" ? Bundles.Transaction(Bundles.Entry("PUT", "Basic/too-large", basic)) : basic;

        var (status, outcome, _) = await _client.SendAsync(new HttpMethod(method), url, body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Contains(FhirHttp.Issues(outcome), i => i.Code == "too-costly");
        Assert.Equal(0, await Database.VersionCountAsync(server.ConnectionString, "Basic", "too-large"));
    }

    // Kestrel refuses a request line or header block over its limits itself, with an empty body: the server's own
    // limits, below Kestrel's, answer with an OperationOutcome.
    [Fact]
    public async Task A_url_over_the_limit_is_414_with_an_operation_outcome_and_one_within_it_is_served()
    {
        var longest = "fhir/Basic?code:text=";
        longest += new string('x', 8 * 1024 - 1 - longest.Length);

        var (within, withinBody, _) = await _client.SendAsync(HttpMethod.Get, longest);
        var (over, overBody, response) = await _client.SendAsync(HttpMethod.Get, longest + "xx");

        Assert.Equal(HttpStatusCode.OK, within);
        Assert.Equal("Bundle", (string?)withinBody!["resourceType"]);
        Assert.Equal(HttpStatusCode.RequestUriTooLong, over);
        Assert.Contains(FhirHttp.Issues(overBody), i => i.Code == "too-long" && i.Text.Contains("Fhir:MaxUrlBytes"));
        Assert.Equal("application/fhir+json", FhirHttp.ContentType(response)!.MediaType);
    }

    [Fact]
    public async Task Headers_over_the_limit_are_431_with_an_operation_outcome_and_nothing_is_stored()
    {
        var id = Basics.NewId("headers");
        var longCriteria = "identifier=" + new string('x', 33 * 1024);

        var (status, body, response) = await _client.SendAsync(HttpMethod.Put, $"fhir/Basic/{id}", Basics.New(id), ("X-Padding", longCriteria));

        Assert.Equal(HttpStatusCode.RequestHeaderFieldsTooLarge, status);
        Assert.Contains(FhirHttp.Issues(body), i => i.Code == "too-long" && i.Text.Contains("Fhir:MaxHeaderBytes"));
        Assert.Equal("application/fhir+json", FhirHttp.ContentType(response)!.MediaType);
        Assert.Equal(0, await Database.VersionCountAsync(server.ConnectionString, "Basic", id));
    }

    [Theory]
    [InlineData("Fhir:MaxUrlBytes", "100")]
    [InlineData("Fhir:MaxHeaderBytes", "2000000000")]
    public void A_url_or_header_limit_out_of_bounds_stops_the_server_at_start(string setting, string value)
    {
        var refusal = Assert.Throws<InvalidOperationException>(() => FhirServerHost.Build(["--urls", "http://127.0.0.1:0", "--" + setting, value], server.ConnectionString));

        Assert.Contains(setting, refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_nested_deeper_than_the_limit_is_400_also_in_a_bundle()
    {
        var deep = new string('[', 150) + new string(']', 150);

        var (status, body, _) = await _client.SendRawAsync(HttpMethod.Post, "fhir", "{\"resourceType\":\"Bundle\",\"type\":\"batch\",\"entry\":" + deep + "}");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(FhirHttp.Issues(body), i => i.Severity == "error");
    }

    // Nested extensions: the innermost one of n is at depth 2n + 1 (with its value), its parent array at 2n.
    [Theory]
    [InlineData(31, HttpStatusCode.Created)]
    [InlineData(32, HttpStatusCode.BadRequest)]
    public async Task A_resource_up_to_the_depth_limit_is_stored_and_read_back_and_a_deeper_one_is_400(int nesting, HttpStatusCode expected)
    {
        var extension = new JsonObject { ["url"] = "http://example.org/leaf", ["valueString"] = "leaf" };
        for (var i = 1; i < nesting; i++) extension = new JsonObject { ["url"] = "http://example.org/nested", ["extension"] = new JsonArray(extension) };
        var basic = Basics.New();
        basic["extension"] = new JsonArray(extension);

        var (status, body, _) = await _client.SendAsync(HttpMethod.Post, "fhir/Basic", basic);

        Assert.Equal(expected, status);
        if (expected != HttpStatusCode.Created) return;
        var read = JsonNode.Parse(await _client.GetStringAsync($"fhir/Basic/{body!["id"]}"))!;
        Assert.True(JsonNode.DeepEquals(basic["extension"], read["extension"]), "the extensions read back differ from those written");
    }

    [Fact]
    public async Task A_patch_that_nests_the_resource_deeper_than_the_limit_is_422_and_the_version_stays()
    {
        var extension = new JsonObject { ["url"] = "http://example.org/leaf", ["valueString"] = "leaf" };
        for (var i = 1; i < 31; i++) extension = new JsonObject { ["url"] = "http://example.org/nested", ["extension"] = new JsonArray(extension) };
        var id = Basics.NewId();
        var basic = Basics.New(id);
        basic["extension"] = new JsonArray(extension);
        await _client.PutAsync(basic);
        // The innermost extension (depth 63) becomes one holding another: depth 65.
        var path = "/extension/0" + string.Concat(Enumerable.Repeat("/extension/0", 30));
        var patch = $$$"""[{"op":"replace","path":"{{{path}}}","value":{"url":"http://example.org/x","extension":[{"url":"http://example.org/y","valueString":"deeper"}]}}]""";

        var (status, outcome, _) = await _client.SendRawAsync(HttpMethod.Patch, $"fhir/Basic/{id}", patch, "application/json-patch+json");

        Assert.Equal((HttpStatusCode)422, status);
        Assert.Contains(FhirHttp.Issues(outcome), i => i.Severity == "error");
        Assert.Equal(1, await Database.VersionCountAsync(server.ConnectionString, "Basic", id));
    }

    [Theory]
    [InlineData("POST", "fhir/Basic/some-id")]
    [InlineData("DELETE", "fhir")]
    [InlineData("PUT", "fhir/Basic/some-id/_history/1")]
    [InlineData("POST", "fhir/metadata")]
    [InlineData("PUT", "fhir/metadata")]
    [InlineData("DELETE", "fhir/metadata")]
    public async Task A_method_the_url_does_not_take_is_405_with_an_operation_outcome(string method, string url)
    {
        var (status, body, _) = await _client.SendAsync(new HttpMethod(method), url, method is "POST" or "PUT" ? Basics.New("some-id") : null);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, status);
        Assert.Contains(FhirHttp.Issues(body), i => i.Severity == "error");
    }

    [Fact]
    public async Task A_url_that_is_no_fhir_interaction_is_404_with_an_operation_outcome()
    {
        var (status, body, _) = await _client.SendAsync(HttpMethod.Get, "fhir/Basic/1/_history/1/more");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains(FhirHttp.Issues(body), i => i.Severity == "error");
    }

    public static TheoryData<string, string, string?, string?, string?> OddRequests => new()
    {
        // method, url, body, header name, header value
        { "PUT", "fhir/Basic/odd-etag", """{"resourceType":"Basic","id":"odd-etag","code":{"text":"x"}}""", "If-Match", "not an etag" },
        { "PUT", "fhir/Basic/odd-etag", """{"resourceType":"Basic","id":"odd-etag","code":{"text":"x"}}""", "If-Match", "W/\"99999999999\"" },
        { "POST", "fhir/Basic", """{"resourceType":"Basic","code":{"text":"x"}}""", "If-None-Exist", "identifier=%E0%A4%A" },
        { "POST", "fhir/Basic", """{"resourceType":"Basic","code":{"text":"x"}}""", "If-None-Exist", "identifier=" },
        { "POST", "fhir/Basic", """{"resourceType":"Basic","code":{"text":"x"}}""", "If-None-Exist", "&&&" },
        { "PUT", "fhir/Basic/odd-id", """{"resourceType":"Basic","id":7,"code":{"text":"x"}}""", null, null },
        { "POST", "fhir/Basic", """{"resourceType":"Basic","meta":"not an object","code":{"text":"x"}}""", null, null },
        { "POST", "fhir/Basic", """{"resourceType":"Basic","meta":{"versionId":7,"lastUpdated":false},"code":{"text":"x"}}""", null, null },
        { "POST", "fhir/Basic", """{"resourceType":"Basic","code":{"text":"nul \u0000 in a string"}}""", null, null },
        { "POST", "fhir/Basic", """{"resourceType":"Basic","code":{"text":1e999}}""", null, null },
        { "POST", "fhir/Basic", """{"resourceType":"Basic","code":{"text":"x"},"extension":[{"url":"http://x.org/d","valueDecimal":1e200000}]}""", null, null },
        { "POST", "fhir/Basic", """{"resourceType":"Basic","code":{"text":"x"},"extension":[{"url":"http://x.org/d","valueDecimal":1e-200000}]}""", null, null },
        { "POST", "fhir/Basic", """{"resourceType":"Basic","code":"not an object"}""", null, null },
        { "POST", "fhir/Basic", """{"resourceType":"Basic","code":{"text":"x"},"subject":{"reference":"Basic/"}}""", null, null },
        { "POST", "fhir/Basic", """{"resourceType":"Basic","code":{"text":"x"},"subject":{"reference":"Basic/a/b/c"}}""", null, null },
        { "POST", "fhir/Basic", """{"resourceType":"Basic","code":{"text":"x"},"subject":{"reference":7}}""", null, null },
        { "POST", "fhir/Basic", """{"resourceType":"Basic","code":{"text":"x"},"identifier":[{"value":7}]}""", null, null },
        { "POST", "fhir/Basic", """{"resourceType":"Basic","code":{"text":"x"},"contained":[{"resourceType":"Basic"}]}""", null, null },
        { "POST", "fhir/Basic", """{"resourceType":"Basic","code":{"text":"x"}}""", "If-None-Exist", "identifier=%00" },
        { "DELETE", "fhir/Basic?identifier=%00", null, null, null },
        { "GET", "fhir/Basic/john-doe/_history/99999999999", null, null, null },
        { "GET", "fhir/Patient/john-doe", null, "If-Modified-Since", "yesterday" },
        { "GET", "fhir/Patient/john-doe", null, "If-None-Match", "garbage, W/" },
        { "GET", "fhir/Basic/_history?_at=2024-02-30", null, null, null },
        { "GET", "fhir/Basic/_history?_cursor=abc", null, null, null },
        { "DELETE", "fhir/Basic?_id=", null, null, null },
        { "POST", "fhir", """{"resourceType":"Bundle","type":"transaction","entry":[{"request":{"method":"TRACE","url":"Basic"}}]}""", null, null },
        { "POST", "fhir", """{"resourceType":"Bundle","type":"transaction","entry":[{"request":{"method":"POST","url":"http://elsewhere.org/fhir/Basic"},"resource":{"resourceType":"Basic","code":{"text":"x"}}}]}""", null, null },
        { "POST", "fhir", """{"resourceType":"Bundle","type":"transaction","entry":[{"request":{"method":"POST","url":"Basic"},"resource":7}]}""", null, null },
        { "POST", "fhir", """{"resourceType":"Bundle","type":"transaction","entry":[{"request":{"method":"POST","url":"Basic"}}]}""", null, null },
        { "POST", "fhir", """{"resourceType":"Bundle","type":"transaction","entry":[{"request":{"method":"PUT","url":"Basic/x"},"resource":{"resourceType":"Patient","id":"x"}}]}""", null, null },
        { "POST", "fhir", """{"resourceType":"Bundle","type":"transaction","entry":[{"request":{"method":"GET","url":"Basic?identifier=x"}}]}""", null, null },
        { "POST", "fhir", """{"resourceType":"Bundle","type":"transaction","entry":[7]}""", null, null },
        // Found by fuzzing (each answered 500 before): unpaired surrogate escapes, which System.Text.Json will not read.
        { "POST", "fhir/Basic", """{"resourceType":"Basic","code":{"text":"\ud800"}}""", null, null },
        { "POST", "fhir/Basic", """{"resourceType":"Basic","code":{"text":"\udc00 low first"}}""", null, null },
        { "POST", "fhir/Basic", """{"resourceType":"Basic","code":{"text":"x"},"\ud800":1}""", null, null },
        { "POST", "fhir/Basic", """{"resourceType":"Basic\ud800","code":{"text":"x"}}""", null, null },
        // Numbers and dates at the ends of what .NET holds, in resources and searches.
        { "POST", "fhir/Observation", """{"resourceType":"Observation","status":"final","code":{"text":"x"},"valueQuantity":{"value":79228162514264337593543950335}}""", null, null },
        { "POST", "fhir/Observation", """{"resourceType":"Observation","status":"final","code":{"text":"x"},"component":[{"code":{"text":"a"},"valueQuantity":{"value":-79228162514264337593543950335}}]}""", null, null },
        { "GET", "fhir/RiskAssessment?probability=79228162514264337593543950335", null, null, null },
        { "GET", "fhir/RiskAssessment?probability=ap-79228162514264337593543950335", null, null, null },
        { "GET", "fhir/Observation?_lastUpdated=0001-01-01T00:00:00%2B14:00", null, null, null },
        { "GET", "fhir/Observation?_lastUpdated=ap0001", null, null, null },
        { "GET", "fhir/Observation?_lastUpdated=ap9999-12-31T23:59:59-12:00", null, null, null },
        { "GET", "fhir/Observation?date=ap0001-01-01", null, null, null },
        { "GET", "fhir/Patient/john-doe", null, "If-Modified-Since", "Fri, 31 Dec 9999 23:59:59 GMT" },
        // A NUL in an entry's id reached PostgreSQL (over REST, Kestrel refuses %00 in a path).
        { "POST", "fhir", """{"resourceType":"Bundle","type":"batch","entry":[{"request":{"method":"GET","url":"Basic/a\u0000"}}]}""", null, null },
        { "POST", "fhir", """{"resourceType":"Bundle","type":"transaction","entry":[{"request":{"method":"DELETE","url":"Basic/a\u0000"}}]}""", null, null },
        { "POST", "fhir", """{"resourceType":"Bundle","type":"transaction","entry":[{"request":{"method":"PUT","url":"Basic/a\u0000"},"resource":{"resourceType":"Basic","id":"a","code":{"text":"x"}}}]}""", null, null },
        // A write to a version: over REST 405; in a Bundle it acted on the current version.
        { "POST", "fhir", """{"resourceType":"Bundle","type":"transaction","entry":[{"request":{"method":"DELETE","url":"Basic/odd-etag/_history/1"}}]}""", null, null },
        // PATCH entries of a Bundle whose Binary is not what it should be.
        { "POST", "fhir", """{"resourceType":"Bundle","type":"transaction","entry":[{"request":{"method":"PATCH","url":"Basic/odd-etag"},"resource":{"resourceType":"Binary","contentType":"application/json-patch+json","data":"!!!notbase64"}}]}""", null, null },
        { "POST", "fhir", """{"resourceType":"Bundle","type":"transaction","entry":[{"request":{"method":"PATCH","url":"Basic/odd-etag"},"resource":{"resourceType":"Binary","contentType":5,"data":"W10="}}]}""", null, null },
        { "POST", "fhir", """{"resourceType":"Bundle","type":"transaction","entry":[{"request":{"method":"PATCH","url":"Basic/odd-etag"},"resource":{"resourceType":7}}]}""", null, null },
        { "POST", "fhir", """{"resourceType":"Bundle","type":"transaction","entry":[{"request":{"method":"POST","url":"Basic"},"resource":{"resourceType":"Basic","code":{"text":"x"},"subject":{"reference":"Basic?identifier=x&name=y"}}}]}""", null, null },
    };

    [Theory]
    [MemberData(nameof(OddRequests))]
    public async Task Odd_requests_never_get_a_500_and_a_refusal_carries_an_operation_outcome(string method, string url, string? body, string? header, string? value)
    {
        var headers = header is null ? [] : new[] { (header, value!) };

        var (status, outcome, _) = await _client.SendRawAsync(new HttpMethod(method), url, body, "application/fhir+json", headers);

        Assert.True((int)status < 500, $"{method} {url} answered {(int)status}: {outcome?.ToJsonString()}");
        if ((int)status >= 400) Assert.Contains(FhirHttp.Issues(outcome), i => i.Severity is "error" or "fatal");
    }

    // Found by fuzzing: stamping replaced it with the server's meta, so the validator never saw it.
    [Theory]
    [InlineData("\"not an object\"")]
    [InlineData("5")]
    [InlineData("[{}]")]
    public async Task A_meta_that_is_not_an_object_is_422_and_nothing_is_stored(string meta)
    {
        var id = Basics.NewId();
        var body = $$$"""{"resourceType":"Basic","id":"{{{id}}}","meta":{{{meta}}},"code":{"text":"x"}}""";

        var (status, outcome, _) = await _client.SendRawAsync(HttpMethod.Put, $"fhir/Basic/{id}", body, "application/fhir+json");

        Assert.Equal((HttpStatusCode)422, status);
        Assert.Contains(FhirHttp.Issues(outcome), i => i.Expression == "Basic.meta");
        Assert.Equal(0, await Database.VersionCountAsync(server.ConnectionString, "Basic", id));
    }

    [Fact]
    public async Task A_nul_character_is_refused_with_422_naming_where_it_is_and_nothing_is_stored()
    {
        var id = Basics.NewId();
        var body = """{"resourceType":"Basic","id":"ID","code":{"text":"ok"},"identifier":[{"system":"urn:x","value":"a\u0000b"}]}""".Replace("ID", id, StringComparison.Ordinal);

        var (status, outcome, _) = await _client.SendRawAsync(HttpMethod.Put, $"fhir/Basic/{id}", body, "application/fhir+json", []);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Contains(FhirHttp.Issues(outcome), i => i.Severity == "error" && i.Expression == "Basic.identifier[0].value");
        Assert.Equal(0, await Database.VersionCountAsync(server.ConnectionString, "Basic", id));
    }

    [Theory]
    [InlineData("1e200000")]
    [InlineData("1e-200000")]
    public async Task A_number_beyond_what_postgresql_stores_is_refused_with_422_and_nothing_is_stored(string number)
    {
        var id = Basics.NewId();
        var body = """{"resourceType":"Basic","id":"ID","code":{"text":"ok"},"extension":[{"url":"http://x.org/d","valueDecimal":NUMBER}]}""".Replace("ID", id, StringComparison.Ordinal).Replace("NUMBER", number, StringComparison.Ordinal);

        var (status, outcome, _) = await _client.SendRawAsync(HttpMethod.Put, $"fhir/Basic/{id}", body, "application/fhir+json", []);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Contains(FhirHttp.Issues(outcome), i => i.Severity == "error" && i.Expression == "Basic.extension[0].value" && i.Text.Contains("this server stores", StringComparison.Ordinal));
        Assert.Equal(0, await Database.VersionCountAsync(server.ConnectionString, "Basic", id));

        // In a transaction, the refusal names the entry that holds the number, whichever runs when.
        var first = Basics.NewId();
        var bundle = Bundles.Transaction(
            Bundles.Entry("PUT", $"Basic/{first}", Basics.New(first)),
            Bundles.Entry("PUT", $"Basic/{id}", System.Text.Json.Nodes.JsonNode.Parse(body)!.AsObject()));
        var (refused, answer, _) = await _client.SendAsync(HttpMethod.Post, "fhir", bundle);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused);
        Assert.Contains(FhirHttp.Issues(answer), i => i.Severity == "error" && i.Expression == "Bundle.entry[1].resource.extension[0].value");
        Assert.Equal(0, await Database.VersionCountAsync(server.ConnectionString, "Basic", first));
    }

    [Fact]
    public async Task An_identifier_value_too_long_to_index_is_refused_with_a_4xx_not_a_500()
    {
        // Random characters, so that PostgreSQL cannot compress the index entry under its size limit.
        var value = string.Concat(Enumerable.Range(0, 120).Select(_ => Guid.NewGuid().ToString("N")));

        var (status, outcome, _) = await _client.SendAsync(HttpMethod.Post, "fhir/Basic", Basics.New().WithIdentifier("urn:openimis-fhir:test", value));

        Assert.True((int)status is 201 or (>= 400 and < 500), $"a long identifier answered {(int)status}: {outcome?.ToJsonString()}");
    }

    [Fact]
    public async Task A_reference_too_long_to_index_is_refused_with_a_4xx_not_a_500()
    {
        var id = string.Concat(Enumerable.Range(0, 120).Select(_ => Guid.NewGuid().ToString("N")));

        var (status, outcome, _) = await _client.SendAsync(HttpMethod.Post, "fhir/Basic", Basics.New().WithSubject($"Basic/{id}"));

        Assert.True((int)status is >= 400 and < 500, $"a long reference answered {(int)status}: {outcome?.ToJsonString()}");
    }
}
