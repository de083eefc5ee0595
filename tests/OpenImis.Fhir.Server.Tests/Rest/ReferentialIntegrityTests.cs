using System.Net;
using System.Text.Json.Nodes;
using OpenImis.Fhir.Server.Tests.Infrastructure;
using static OpenImis.Fhir.Server.Tests.Infrastructure.Bundles;

namespace OpenImis.Fhir.Server.Tests.Rest;

/// <summary>
/// Referential integrity: a reference to <c>Type/id</c> must name a resource that exists (422 otherwise), and a
/// resource still referenced cannot be deleted (409).
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class ReferentialIntegrityTests(ServerFixture server)
{
    private readonly HttpClient _client = server.Client;

    [Fact]
    public async Task A_reference_to_a_resource_that_does_not_exist_is_422_naming_where_and_nothing_is_stored()
    {
        var id = Basics.NewId();
        var missing = Basics.NewId("missing");

        var (status, body, _) = await _client.SendAsync(HttpMethod.Put, $"fhir/Basic/{id}", Basics.New(id).WithSubject($"Basic/{missing}"));

        Assert.Equal((HttpStatusCode)422, status);
        Assert.Contains(FhirHttp.Issues(body), i => i.Severity == "error" && i.Expression == "Basic.subject" && i.Text.Contains(missing, StringComparison.Ordinal));
        Assert.Equal(0, await Database.VersionCountAsync(server.ConnectionString, "Basic", id));
    }

    [Fact]
    public async Task A_patient_whose_location_does_not_exist_is_422()
    {
        var patient = IgExamples.NewPatient();
        patient["address"]![0]!["extension"]![1]!["valueReference"]!["reference"] = $"Location/{Basics.NewId("missing")}";

        var (status, body, _) = await _client.SendAsync(HttpMethod.Post, "fhir/Patient", patient);

        Assert.Equal((HttpStatusCode)422, status);
        Assert.Contains(FhirHttp.Issues(body), i => i.Severity == "error" && i.Code == "not-found");
    }

    [Fact]
    public async Task A_reference_to_a_deleted_resource_is_422()
    {
        var target = Basics.NewId();
        await _client.PutAsync(Basics.New(target));
        await _client.SendAsync(HttpMethod.Delete, $"fhir/Basic/{target}");

        var (status, _, _) = await _client.SendAsync(HttpMethod.Post, "fhir/Basic", Basics.New().WithSubject($"Basic/{target}"));

        Assert.Equal((HttpStatusCode)422, status);
    }

    [Fact]
    public async Task A_reference_to_an_existing_resource_or_one_of_its_versions_is_accepted()
    {
        var target = Basics.NewId();
        await _client.PutAsync(Basics.New(target));

        Assert.Equal(HttpStatusCode.Created, (await _client.SendAsync(HttpMethod.Post, "fhir/Basic", Basics.New().WithSubject($"Basic/{target}"))).Status);
        Assert.Equal(HttpStatusCode.Created, (await _client.SendAsync(HttpMethod.Post, "fhir/Basic", Basics.New().WithSubject($"Basic/{target}/_history/1"))).Status);
    }

    [Fact]
    public async Task A_versioned_reference_must_name_a_version_that_exists()
    {
        var target = Basics.NewId();
        await _client.PutAsync(Basics.New(target));
        await _client.PutAsync(Basics.New(target, "second version"));

        foreach (var version in new[] { "3", "0", "one", "01" })
        {
            var (status, body, _) = await _client.SendAsync(HttpMethod.Post, "fhir/Basic", Basics.New().WithSubject($"Basic/{target}/_history/{version}"));
            Assert.True(status == (HttpStatusCode)422, $"version {version}: {status}");
            Assert.Contains(FhirHttp.Issues(body), i => i.Severity == "error" && i.Code == "not-found" && i.Expression == "Basic.subject" && i.Text.Contains($"_history/{version}", StringComparison.Ordinal));
        }
        Assert.Equal(HttpStatusCode.Created, (await _client.SendAsync(HttpMethod.Post, "fhir/Basic", Basics.New().WithSubject($"Basic/{target}/_history/2"))).Status);

        // A version of a resource that never existed: the refusal says the resource is missing, not only the version.
        var (absent, absentBody, _) = await _client.SendAsync(HttpMethod.Post, "fhir/Basic", Basics.New().WithSubject($"Basic/{Basics.NewId("absent")}/_history/1"));
        Assert.Equal((HttpStatusCode)422, absent);
        var absentIssue = Assert.Single(FhirHttp.Issues(absentBody), i => i.Code == "not-found");
        Assert.Contains("names a resource that does not exist", absentIssue.Text, StringComparison.Ordinal);
        Assert.Equal("Basic.subject", absentIssue.Expression);
        var (_, existingBody, _) = await _client.SendAsync(HttpMethod.Post, "fhir/Basic", Basics.New().WithSubject($"Basic/{target}/_history/3"));
        Assert.Contains(FhirHttp.Issues(existingBody), i => i.Text.Contains("names a version that does not exist", StringComparison.Ordinal));

        // In a transaction, the versions it writes itself count, and the refusal names the entry.
        var later = Basics.NewId();
        var bundle = Transaction(
            Entry("PUT", $"Basic/{later}", Basics.New(later)),
            Entry("POST", "Basic", Basics.New().WithSubject($"Basic/{later}/_history/1")),
            Entry("POST", "Basic", Basics.New().WithSubject($"Basic/{target}/_history/7")));
        var (refused, outcome, _) = await _client.SendAsync(HttpMethod.Post, "fhir", bundle);
        Assert.Equal((HttpStatusCode)422, refused);
        var issue = Assert.Single(FhirHttp.Issues(outcome), i => i.Code == "not-found");
        Assert.Equal("Bundle.entry[2].resource.subject", issue.Expression);
        Assert.Equal(0, await Database.VersionCountAsync(server.ConnectionString, "Basic", later));
    }

    [Fact]
    public async Task A_reference_on_this_servers_own_base_is_stored_local_checked_and_holds_its_target()
    {
        var missing = await _client.SendAsync(HttpMethod.Post, "fhir/Basic", Basics.New().WithSubject($"{server.FhirBase}/Basic/{Basics.NewId("missing")}"));
        Assert.Equal((HttpStatusCode)422, missing.Status);

        var target = Basics.NewId("target");
        await _client.PutAsync(Basics.New(target));
        var (status, created, _) = await _client.SendAsync(HttpMethod.Post, "fhir/Basic", Basics.New().WithSubject($"{server.FhirBase}/Basic/{target}"));
        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal($"Basic/{target}", (string?)created!["subject"]!["reference"]);

        var (deleteStatus, _, _) = await _client.SendAsync(HttpMethod.Delete, $"fhir/Basic/{target}");
        Assert.Equal(HttpStatusCode.Conflict, deleteStatus);
        var found = await _client.SendAsync(HttpMethod.Get, $"fhir/Basic?subject=Basic/{target}");
        Assert.Equal((string?)created["id"], (string?)FhirHttp.Entries(found.Body).Single()["resource"]!["id"]);
    }

    [Fact]
    public async Task Absolute_identifier_and_references_to_contained_resources_are_not_checked()
    {
        var absolute = Basics.New().WithSubject("http://elsewhere.example.org/fhir/Patient/123");
        Assert.Equal(HttpStatusCode.Created, (await _client.SendAsync(HttpMethod.Post, "fhir/Basic", absolute)).Status);

        var logical = Basics.New();
        logical["subject"] = new JsonObject { ["type"] = "Patient", ["identifier"] = new JsonObject { ["system"] = "urn:test", ["value"] = Basics.NewCode() } };
        Assert.Equal(HttpStatusCode.Created, (await _client.SendAsync(HttpMethod.Post, "fhir/Basic", logical)).Status);

        var contained = Basics.New().WithSubject("#inner");
        contained["contained"] = new JsonArray(new JsonObject { ["resourceType"] = "Basic", ["id"] = "inner", ["code"] = new JsonObject { ["text"] = "inner" } });
        var (status, body, _) = await _client.SendAsync(HttpMethod.Post, "fhir/Basic", contained);
        Assert.True(status == HttpStatusCode.Created, body?.ToJsonString());
    }

    [Fact]
    public async Task A_contained_resource_s_references_are_checked_and_hold_their_targets()
    {
        JsonObject WithContainedReferenceTo(string target)
        {
            var container = Basics.New().WithSubject("#inner");
            container["contained"] = new JsonArray(Basics.New("inner").WithSubject($"Basic/{target}"));
            return container;
        }
        var missing = Basics.NewId("missing");
        var (refused, refusal, _) = await _client.SendAsync(HttpMethod.Post, "fhir/Basic", WithContainedReferenceTo(missing));
        Assert.Equal((HttpStatusCode)422, refused);
        Assert.Contains(FhirHttp.Issues(refusal), i => i.Severity == "error" && i.Expression == "Basic.contained[0].subject" && i.Text.Contains(missing, StringComparison.Ordinal));

        var target = Basics.NewId();
        await _client.PutAsync(Basics.New(target));
        var (created, body, _) = await _client.SendAsync(HttpMethod.Post, "fhir/Basic", WithContainedReferenceTo(target));
        Assert.Equal(HttpStatusCode.Created, created);
        var referrer = $"Basic/{body!["id"]}";
        var (deleteStatus, deleteBody, _) = await _client.SendAsync(HttpMethod.Delete, $"fhir/Basic/{target}");
        Assert.Equal(HttpStatusCode.Conflict, deleteStatus);
        Assert.Contains(FhirHttp.Issues(deleteBody), i => i.Text.Contains(referrer, StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, (await _client.SendAsync(HttpMethod.Get, $"fhir/Basic/{target}")).Status);
    }

    [Fact]
    public async Task Deleting_a_resource_still_referenced_is_409_naming_the_referrer_and_it_stays()
    {
        var target = Basics.NewId();
        await _client.PutAsync(Basics.New(target));
        var referrer = Basics.NewId();
        await _client.PutAsync(Basics.New(referrer).WithSubject($"Basic/{target}"));

        var (status, body, _) = await _client.SendAsync(HttpMethod.Delete, $"fhir/Basic/{target}");

        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Contains(FhirHttp.Issues(body), i => i.Severity == "error" && i.Text.Contains($"Basic/{referrer}", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, (await _client.SendAsync(HttpMethod.Get, $"fhir/Basic/{target}")).Status);
        Assert.Equal(1, await Database.VersionCountAsync(server.ConnectionString, "Basic", target));
    }

    [Fact]
    public async Task Once_the_referrer_is_deleted_or_no_longer_refers_the_target_can_be_deleted()
    {
        var target = Basics.NewId();
        await _client.PutAsync(Basics.New(target));
        var deletedReferrer = Basics.NewId();
        await _client.PutAsync(Basics.New(deletedReferrer).WithSubject($"Basic/{target}"));
        var changedReferrer = Basics.NewId();
        await _client.PutAsync(Basics.New(changedReferrer).WithSubject($"Basic/{target}"));

        await _client.SendAsync(HttpMethod.Delete, $"fhir/Basic/{deletedReferrer}");
        Assert.Equal(HttpStatusCode.Conflict, (await _client.SendAsync(HttpMethod.Delete, $"fhir/Basic/{target}")).Status);
        await _client.PutAsync(Basics.New(changedReferrer));

        var (status, _, _) = await _client.SendAsync(HttpMethod.Delete, $"fhir/Basic/{target}");
        Assert.True(status is HttpStatusCode.OK or HttpStatusCode.NoContent, $"delete answered {status}");
    }

    [Fact]
    public async Task A_seeded_location_referenced_by_patients_cannot_be_deleted()
    {
        var (status, _, _) = await _client.SendAsync(HttpMethod.Delete, "fhir/Location/Jamula-village");

        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal(HttpStatusCode.OK, (await _client.SendAsync(HttpMethod.Get, "fhir/Location/Jamula-village")).Status);
    }

    [Fact]
    public async Task A_transaction_may_delete_a_referrer_and_its_target_together()
    {
        var target = Basics.NewId();
        await _client.PutAsync(Basics.New(target));
        var referrer = Basics.NewId();
        await _client.PutAsync(Basics.New(referrer).WithSubject($"Basic/{target}"));

        var (status, response, _) = await _client.SendAsync(HttpMethod.Post, "fhir", Transaction(
            Entry("DELETE", $"Basic/{target}"),
            Entry("DELETE", $"Basic/{referrer}")));

        Assert.True(status == HttpStatusCode.OK, response?.ToJsonString());
        Assert.Equal(HttpStatusCode.Gone, (await _client.SendAsync(HttpMethod.Get, $"fhir/Basic/{target}")).Status);
        Assert.Equal(HttpStatusCode.Gone, (await _client.SendAsync(HttpMethod.Get, $"fhir/Basic/{referrer}")).Status);
    }

    [Fact]
    public async Task A_transaction_that_deletes_a_target_still_referenced_is_409_and_deletes_nothing()
    {
        var target = Basics.NewId();
        await _client.PutAsync(Basics.New(target));
        var referrer = Basics.NewId();
        await _client.PutAsync(Basics.New(referrer).WithSubject($"Basic/{target}"));
        var other = Basics.NewId();
        await _client.PutAsync(Basics.New(other));

        var (status, _, _) = await _client.SendAsync(HttpMethod.Post, "fhir", Transaction(
            Entry("DELETE", $"Basic/{other}"),
            Entry("DELETE", $"Basic/{target}")));

        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal(HttpStatusCode.OK, (await _client.SendAsync(HttpMethod.Get, $"fhir/Basic/{target}")).Status);
        Assert.Equal(HttpStatusCode.OK, (await _client.SendAsync(HttpMethod.Get, $"fhir/Basic/{other}")).Status);
    }

    // However many targets a transaction has, the check finds every existing one and names the one missing: at its
    // commit (StoreTransaction.CommitAsync), or before it when the transaction also deletes (ExistingAsync); up to 8
    // targets are a list of values, more are arrays.
    [Theory]
    [InlineData(3, false)]
    [InlineData(8, false)]
    [InlineData(9, false)]
    [InlineData(20, false)]
    [InlineData(3, true)]
    [InlineData(8, true)]
    [InlineData(9, true)]
    [InlineData(20, true)]
    public async Task Every_target_of_a_transaction_is_checked_however_many(int count, bool alsoDeletes)
    {
        var targets = Enumerable.Range(0, count).Select(i => Basics.NewId($"target{i}")).ToList();
        var unrelated = Enumerable.Range(0, 2).Select(i => Basics.NewId($"unrelated{i}")).ToList();
        var stored = await _client.SendAsync(HttpMethod.Post, "fhir", Transaction(targets.Concat(unrelated).Select(t => Entry("PUT", $"Basic/{t}", Basics.New(t))).ToArray()));
        Assert.Equal(HttpStatusCode.OK, stored.Status);

        JsonObject[] Referrers(IEnumerable<string> of, string unrelatedToDelete)
        {
            var entries = of.Select(t => Entry("POST", "Basic", Basics.New().WithSubject($"Basic/{t}")));
            return (alsoDeletes ? entries.Append(Entry("DELETE", $"Basic/{unrelatedToDelete}")) : entries).ToArray();
        }
        var (status, response, _) = await _client.SendAsync(HttpMethod.Post, "fhir", Transaction(Referrers(targets, unrelated[0])));
        Assert.True(status == HttpStatusCode.OK, response?.ToJsonString());

        var missing = Basics.NewId("missing");
        var referrer = Basics.NewId("referrer");
        var withMissing = Referrers(targets.Take(count - 1), unrelated[1]).Append(Entry("PUT", $"Basic/{referrer}", Basics.New(referrer).WithSubject($"Basic/{missing}"))).ToArray();
        (status, response, _) = await _client.SendAsync(HttpMethod.Post, "fhir", Transaction(withMissing));
        Assert.Equal((HttpStatusCode)422, status);
        Assert.Contains(missing, response!.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(0, await Database.VersionCountAsync(server.ConnectionString, "Basic", referrer));
        Assert.Equal(HttpStatusCode.OK, (await _client.SendAsync(HttpMethod.Get, $"fhir/Basic/{unrelated[1]}")).Status);
    }

    [Fact]
    public async Task A_transaction_may_create_resources_that_refer_to_each_other()
    {
        var a = NewUrn();
        var b = NewUrn();

        var (status, response, _) = await _client.SendAsync(HttpMethod.Post, "fhir", Transaction(
            Entry("POST", "Basic", Basics.New().WithSubject(b), fullUrl: a),
            Entry("POST", "Basic", Basics.New().WithSubject(a), fullUrl: b)));

        Assert.True(status == HttpStatusCode.OK, response?.ToJsonString());
    }

    [Fact]
    public async Task A_transaction_that_creates_a_reference_to_a_resource_it_deletes_is_refused()
    {
        var target = Basics.NewId();
        await _client.PutAsync(Basics.New(target));

        var (status, _, _) = await _client.SendAsync(HttpMethod.Post, "fhir", Transaction(
            Entry("POST", "Basic", Basics.New().WithSubject($"Basic/{target}")),
            Entry("DELETE", $"Basic/{target}")));

        Assert.True((int)status is 409 or 422, $"answered {status}");
        Assert.Equal(HttpStatusCode.OK, (await _client.SendAsync(HttpMethod.Get, $"fhir/Basic/{target}")).Status);
    }
}
