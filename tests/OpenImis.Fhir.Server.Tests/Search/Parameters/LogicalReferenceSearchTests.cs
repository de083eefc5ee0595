using System.Net;
using System.Text.Json.Nodes;
using OpenImis.Fhir.Server.Tests.Infrastructure;
using static OpenImis.Fhir.Server.Tests.Search.SearchHttp;

namespace OpenImis.Fhir.Server.Tests.Search.Parameters;

/// <summary>
/// References by identifier (a logical reference: <c>type</c> and <c>identifier</c>, no <c>reference</c>) under
/// parameters that pick their target type with <c>where(resolve() is Patient)</c>: <c>patient:identifier</c> finds
/// them as <c>subject:identifier</c> does, by the reference's type.
/// </summary>
[Collection(SearchParameterCollection.Name)]
public sealed class LogicalReferenceSearchTests(SearchParameterFixture fixture)
{
    [Fact]
    public async Task Patient_identifier_finds_a_reference_by_identifier_of_type_patient()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var value = "INS-" + tag;
        JsonObject Basic(string id, string? type) => new()
        {
            ["resourceType"] = "Basic", ["id"] = id + tag, ["code"] = new JsonObject { ["text"] = "logical reference" },
            ["subject"] = type is null
                ? new JsonObject { ["identifier"] = new JsonObject { ["system"] = "urn:ins", ["value"] = value } }
                : new JsonObject { ["type"] = type, ["identifier"] = new JsonObject { ["system"] = "urn:ins", ["value"] = value } },
        };
        foreach (var resource in new[] { Basic("to-patient-", "Patient"), Basic("to-group-", "Group"), Basic("untyped-", null) })
        {
            var (status, body, _) = await fixture.Client.SendAsync(HttpMethod.Put, $"fhir/Basic/{resource["id"]}", resource);
            Assert.True(status is HttpStatusCode.Created, $"{status} {body}");
        }

        await fixture.Client.ExpectAsync($"Basic?patient:identifier={Escape("urn:ins|" + value)}", ["to-patient-" + tag]);
        await fixture.Client.ExpectAsync($"Basic?patient:identifier={value}", ["to-patient-" + tag]);
        await fixture.Client.ExpectAsync($"Basic?patient:identifier={Escape("urn:other|" + value)}", []);
        await fixture.Client.ExpectAsync($"Basic?subject:identifier={value}", ["to-patient-" + tag, "to-group-" + tag, "untyped-" + tag]);
        // A logical reference has no id to match.
        await fixture.Client.ExpectAsync($"Basic?patient={value}", []);
    }
}
