using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using OpenImis.Fhir.Server.Tests.Infrastructure;

namespace OpenImis.Fhir.Server.Tests.Rest;

/// <summary>
/// Compressed answers for clients that ask (Accept-Encoding) and compressed request bodies (Content-Encoding gzip
/// or deflate): what is stored and served is the same resource, the body size limit holds for what a body
/// decompresses to, and a body this server cannot decode is a 4xx with an OperationOutcome, never a 500.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class CompressionTests(ServerFixture server)
{
    private const string IdSystem = "urn:openimis-fhir:test";
    private readonly HttpClient _client = server.Client;

    [Theory]
    [InlineData("gzip")]
    [InlineData("br")]
    public async Task A_read_and_a_search_are_compressed_for_a_client_that_asks(string encoding)
    {
        var value = Basics.NewCode();
        var created = await _client.CreateAsync(Basics.New(text: new string('x', 2000)).WithIdentifier(IdSystem, value));

        foreach (var url in (string[])[$"fhir/Basic/{created["id"]}", $"fhir/Basic?identifier={IdSystem}|{value}"])
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));
            using var response = await _client.SendAsync(request);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal([encoding], response.Content.Headers.ContentEncoding);
            Assert.Equal("application/fhir+json", response.Content.Headers.ContentType?.MediaType);
            var compressed = await response.Content.ReadAsByteArrayAsync();
            var json = JsonNode.Parse(Decompress(compressed, encoding))!;
            Assert.True(compressed.Length * 4 < Encoding.UTF8.GetByteCount(json.ToJsonString()), $"{url}: {compressed.Length} bytes compressed");
            var resource = url.Contains('?', StringComparison.Ordinal) ? FhirHttp.Entries(json).Single()["resource"]! : json;
            Assert.Equal((string?)created["id"], (string?)resource["id"]);
        }
    }

    [Fact]
    public async Task An_answer_is_not_compressed_for_a_client_that_does_not_ask()
    {
        var created = await _client.CreateAsync(Basics.New(text: new string('x', 2000)));

        using var response = await _client.GetAsync($"fhir/Basic/{created["id"]}");

        Assert.Empty(response.Content.Headers.ContentEncoding);
        Assert.Equal((string?)created["id"], (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["id"]);
    }

    [Theory]
    [InlineData("gzip")]
    [InlineData("x-gzip")] // RFC 9110 8.4.1.3: the same coding
    [InlineData("deflate")]
    public async Task A_compressed_create_and_transaction_are_stored_as_sent(string encoding)
    {
        var value = Basics.NewCode();
        var (status, created) = await SendCompressedAsync("fhir/Basic", Basics.New(text: "compressed").WithIdentifier(IdSystem, value).ToJsonString(), encoding);
        Assert.True(status == HttpStatusCode.Created, created);
        var (_, stored, _) = await _client.SendAsync(HttpMethod.Get, $"fhir/Basic/{JsonNode.Parse(created)!["id"]}");
        Assert.Equal("compressed", (string?)stored!["code"]!["text"]);

        var other = Basics.NewCode();
        var (bundleStatus, response) = await SendCompressedAsync("fhir", Bundles.Transaction(Bundles.Entry("POST", "Basic", Basics.New().WithIdentifier(IdSystem, other))).ToJsonString(), encoding);
        Assert.True(bundleStatus == HttpStatusCode.OK, response);
        Assert.Equal(1, await Database.CountAsync(server.ConnectionString, "select count(*) from fhir_identifier where resource_type = 'Basic' and value = $1", other));
    }

    [Fact]
    public async Task A_compressed_body_larger_than_the_limit_once_decompressed_is_413_and_stores_nothing()
    {
        // The test server takes 1 MiB; this body is 2 MiB of JSON that compresses to a few kilobytes.
        var value = Basics.NewCode();
        var body = Basics.New(text: new string('a', 2 * 1024 * 1024)).WithIdentifier(IdSystem, value).ToJsonString();

        var (status, outcome) = await SendCompressedAsync("fhir/Basic", body, "gzip");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Equal("too-costly", FhirHttp.Issues(JsonNode.Parse(outcome)).Single().Code);
        Assert.Equal(0, await Database.CountAsync(server.ConnectionString, "select count(*) from fhir_identifier where resource_type = 'Basic' and value = $1", value));
    }

    [Fact]
    public async Task A_body_that_is_not_what_its_content_encoding_says_is_400()
    {
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(Basics.New().ToJsonString()));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/fhir+json");
        content.Headers.ContentEncoding.Add("gzip");

        using var response = await _client.PostAsync("fhir/Basic", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var issue = FhirHttp.Issues(JsonNode.Parse(await response.Content.ReadAsStringAsync())).Single();
        Assert.Contains("not valid compressed data for its Content-Encoding", issue.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("br")]
    [InlineData("compress")]
    [InlineData("gzip, gzip")]
    public async Task A_content_encoding_this_server_does_not_decode_is_415(string encoding)
    {
        foreach (var (url, contentType) in (ValueTuple<string, string>[])[("fhir/Basic", "application/fhir+json"), ("fhir/Basic/_search", "application/x-www-form-urlencoded")])
        {
            using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(contentType.EndsWith("json", StringComparison.Ordinal) ? Basics.New().ToJsonString() : "_id=x"));
            content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
            content.Headers.TryAddWithoutValidation("Content-Encoding", encoding);

            using var response = await _client.PostAsync(url, content);

            Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
            var issue = FhirHttp.Issues(JsonNode.Parse(await response.Content.ReadAsStringAsync())).Single();
            Assert.Contains($"Content-Encoding '{encoding}' is not supported", issue.Text, StringComparison.Ordinal);
        }
    }

    private async Task<(HttpStatusCode Status, string Body)> SendCompressedAsync(string url, string json, string encoding)
    {
        using var compressed = new MemoryStream();
        using (Stream compressor = encoding == "gzip" ? new GZipStream(compressed, CompressionLevel.Optimal, leaveOpen: true) : encoding == "x-gzip" ? new GZipStream(compressed, CompressionLevel.Optimal, leaveOpen: true) : new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            compressor.Write(Encoding.UTF8.GetBytes(json));
        }
        using var content = new ByteArrayContent(compressed.ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/fhir+json");
        content.Headers.ContentEncoding.Add(encoding);
        using var response = await _client.PostAsync(url, content);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static string Decompress(byte[] data, string encoding)
    {
        using var input = new MemoryStream(data);
        using Stream decompressor = encoding == "gzip" ? new GZipStream(input, CompressionMode.Decompress) : new BrotliStream(input, CompressionMode.Decompress);
        using var reader = new StreamReader(decompressor, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
