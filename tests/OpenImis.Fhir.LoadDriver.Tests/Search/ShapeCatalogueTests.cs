using System.Globalization;
using OpenImis.Fhir.LoadDriver.Search;

namespace OpenImis.Fhir.LoadDriver.Tests.Search;

public sealed class ShapeCatalogueTests
{
    private static readonly SampleData Sample = TestSample.Complete();

    private static SearchShape Shape(string name) => ShapeCatalogue.All.Single(s => s.Name == name);

    private static List<DrawnQuery> DrawMany(string name, int count = 50)
    {
        var random = new Random(3);
        return [.. Enumerable.Range(0, count).Select(_ => Shape(name).Draw(Sample, random)!)];
    }

    private static string Value(DrawnQuery query, string name) => query.Parameters.Single(p => p.Key == name).Value;

    [Fact]
    public void The_catalogue_has_at_least_twenty_shapes_with_distinct_names_and_the_issue_targets()
    {
        Assert.True(ShapeCatalogue.All.Count >= 20);
        Assert.Equal(ShapeCatalogue.All.Count, ShapeCatalogue.All.Select(s => s.Name).Distinct().Count());
        Assert.Equal(5, Shape("patient-identifier").Target.P99Ms);
        Assert.Equal(5, Shape("patient-id").Target.P99Ms);
        Assert.Equal(50, Shape("claim-chain-patient-name").Target.P99Ms);
        Assert.Equal(200, Shape("claim-total-accurate").Target.P99Ms);
    }

    [Fact]
    public void Every_shape_draws_a_search_from_a_sample_that_has_each_type()
    {
        var random = new Random(1);
        foreach (var shape in ShapeCatalogue.All) Assert.True(shape.Draw(Sample, random) is not null, shape.Name);
    }

    [Fact]
    public void Every_shape_has_nothing_to_draw_from_an_empty_sample()
    {
        var empty = new SampleData([], []);
        foreach (var shape in ShapeCatalogue.All) Assert.True(shape.Draw(empty, new Random(1)) is null, shape.Name);
    }

    [Fact]
    public void An_identifier_lookup_asks_for_the_code_of_a_sampled_patient_and_expects_that_patient()
    {
        var byCode = new Dictionary<string, string> { ["100000001"] = "p1", ["100000002"] = "p2" };
        var queries = DrawMany("patient-identifier");
        Assert.All(queries, q => Assert.Equal(byCode[Value(q, "identifier")], q.ExpectedId));
        Assert.Equal(2, queries.Select(q => q.ExpectedId).Distinct().Count());   // drawn, not one cached value
    }

    [Fact]
    public void The_of_type_lookup_names_the_openimis_code_type()
    {
        var query = DrawMany("patient-identifier-of-type", 1)[0];
        Assert.Matches($"^{Regex(TestSample.Ids)}\\|Code\\|10000000[12]$", Value(query, "identifier:of-type"));
    }

    [Fact]
    public void The_birth_date_window_holds_the_birth_date_of_the_patient_it_was_drawn_from()
    {
        var births = new[] { new DateOnly(1986, 8, 10), new DateOnly(2001, 2, 28) };
        foreach (var query in DrawMany("patient-birthdate-range", 200))
        {
            var values = query.Parameters.Where(p => p.Key == "birthdate").Select(p => p.Value).ToList();
            Assert.Equal(2, values.Count);
            Assert.StartsWith("ge", values[0], StringComparison.Ordinal);
            Assert.StartsWith("lt", values[1], StringComparison.Ordinal);
            var from = DateOnly.Parse(values[0][2..], CultureInfo.InvariantCulture);
            var to = DateOnly.Parse(values[1][2..], CultureInfo.InvariantCulture);
            Assert.Equal(30, to.DayNumber - from.DayNumber);
            Assert.Contains(births, b => from <= b && b < to);
        }
    }

    [Fact]
    public void Claims_of_a_patient_in_a_date_range_pin_the_claim_drawn()
    {
        foreach (var query in DrawMany("claim-patient-created"))
        {
            var (patient, created) = query.ExpectedId == "c1" ? ("Patient/p1", "2024-03-08") : ("Patient/p9", "2025-12-31");
            Assert.Equal(patient, Value(query, "patient"));
            var day = DateOnly.Parse(created, CultureInfo.InvariantCulture);
            Assert.Equal(
                ["ge" + day.AddDays(-30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "le" + day.AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)],
                query.Parameters.Where(p => p.Key == "created").Select(p => p.Value));
        }
    }

    [Fact]
    public void Chains_name_the_patient_and_facility_of_a_sampled_claim()
    {
        // Claim c1 is Karki's (p1, sampled) at HF00001; c2 is Banda's (p9, related only) at HF00002.
        Assert.All(DrawMany("claim-chain-patient-name"), q => Assert.Contains(Value(q, "patient.name"), new[] { "Karki", "Banda" }));
        Assert.All(DrawMany("claim-chain-patient-identifier"), q => Assert.Contains(Value(q, "patient.identifier"), new[] { "100000001", "100000009" }));
        Assert.All(DrawMany("claim-chain-provider-identifier"), q => Assert.Contains(Value(q, "provider.identifier"), new[] { "HF00001", "HF00002" }));
        Assert.Equal(2, DrawMany("claim-chain-patient-name").Select(q => Value(q, "patient.name")).Distinct().Count());
    }

    [Fact]
    public void A_reverse_include_expects_the_claimant_and_included_claims()
    {
        foreach (var query in DrawMany("patient-revinclude-claim"))
        {
            Assert.Contains(query.ExpectedId, new[] { "p1", "p9" });
            Assert.Equal(query.ExpectedId, Value(query, "_id"));
            Assert.Equal("Claim:patient", Value(query, "_revinclude"));
            Assert.True(query.ExpectIncluded);
        }
    }

    [Fact]
    public void Token_not_asks_for_the_other_gender_of_a_patient_with_that_family_name()
    {
        foreach (var query in DrawMany("patient-family-gender-not"))
        {
            var expected = Value(query, "family") == "Karki" ? "female" : "male";   // Karki is a man, Mwangi a woman
            Assert.Equal(expected, Value(query, "gender:not"));
        }
    }

    [Fact]
    public void The_last_updated_window_holds_the_instant_the_claim_was_stored()
    {
        var query = DrawMany("claim-lastupdated-range", 1)[0];
        Assert.Equal(["ge2026-11-22T08:49:59Z", "lt2026-11-22T08:50:01Z"], query.Parameters.Where(p => p.Key == "_lastUpdated").Select(p => p.Value));
    }

    [Fact]
    public void Values_are_escaped_in_the_url_and_names_are_not()
    {
        var query = DrawnQuery.Of("Patient", ("identifier:of-type", "http://x|Code|1 2"), ("_has:Claim:patient:status", "active"));
        Assert.Equal("Patient?identifier:of-type=http%3A%2F%2Fx%7CCode%7C1%202&_has:Claim:patient:status=active", query.PathAndQuery);
    }

    private static string Regex(string text) => System.Text.RegularExpressions.Regex.Escape(text);
}
