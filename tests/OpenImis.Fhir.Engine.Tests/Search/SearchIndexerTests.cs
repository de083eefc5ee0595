using OpenImis.Fhir.Engine.FhirPath;
using OpenImis.Fhir.Engine.Model;
using OpenImis.Fhir.Engine.Search;

namespace OpenImis.Fhir.Engine.Tests.Search;

public sealed class SearchIndexerTests
{
    private static readonly SearchParameterCatalog Catalog = SearchParameterCatalog.ForR4();
    private static readonly SearchIndexer Indexer = new(Catalog, new FhirPathEngine(FhirModel.R4));

    private static List<SearchValue> Values(string json, string code)
    {
        var resource = ElementNodeReader.Read(json, FhirModel.R4);
        var definition = Catalog.Find(resource.TypeName, code);
        Assert.NotNull(definition);
        return Indexer.Values(resource, definition);
    }

    [Fact]
    public void Every_R4_search_parameter_compiles_for_every_type_it_applies_to()
    {
        var engine = new FhirPathEngine(FhirModel.R4);
        var failures = new List<string>();
        var count = 0;
        foreach (var type in FhirModel.R4.Types.Where(t => t is { Kind: TypeKind.Resource, IsAbstract: false }))
        {
            foreach (var definition in Catalog.For(type.Name))
            {
                if (Catalog.ExpressionFor(definition, type.Name) is not { } expression) continue;
                count++;
                try
                {
                    engine.Compile(expression, new FhirPathCompileOptions { LenientAs = true });
                }
                catch (FhirPathException e)
                {
                    failures.Add($"{type.Name}.{definition.Code}: {e.Message}");
                }
            }
        }
        Assert.True(count > 2000, $"only {count} (type, parameter) pairs");
        Assert.Empty(failures);
    }

    [Fact]
    public void A_type_keeps_only_its_own_union_branches()
    {
        var name = Catalog.Find("Patient", "name")!;
        Assert.Equal("Patient.name", Catalog.ExpressionFor(name, "Patient"));
        var phonetic = Catalog.Find("Practitioner", "phonetic")!;
        Assert.Equal("Practitioner.name", Catalog.ExpressionFor(phonetic, "Practitioner"));
        Assert.Equal("Resource.id", Catalog.ExpressionFor(Catalog.Find("Claim", "_id")!, "Claim"));
    }

    [Fact]
    public void A_parameter_that_picks_its_target_type_with_resolve_indexes_references_of_that_type_only()
    {
        // R4 Basic.patient is Basic.subject.where(resolve() is Patient): the reference resolves to a stub of its type.
        var patient = Values("""{"resourceType":"Basic","code":{"text":"x"},"subject":{"reference":"Patient/p1"}}""", "patient").Cast<ReferenceSearchValue>().ToList();
        var location = Values("""{"resourceType":"Basic","code":{"text":"x"},"subject":{"reference":"Location/l1"}}""", "patient");

        Assert.Equal([("Patient", "p1")], patient.Select(r => (r.TargetType, r.TargetId)));
        Assert.Empty(location);
    }

    [Fact]
    public void A_reference_by_identifier_is_picked_by_its_type()
    {
        // Communication.patient is Communication.subject.where(resolve() is Patient): a logical reference has no id,
        // but its type says what it points at, so patient:identifier finds it as subject:identifier does.
        const string Template = """{"resourceType":"Communication","status":"completed","subject":{"type":"TYPE","identifier":{"system":"urn:ins","value":"V1"}}}""";
        var patient = Values(Template.Replace("TYPE", "Patient", StringComparison.Ordinal), "patient").Cast<ReferenceSearchValue>().ToList();
        var group = Values(Template.Replace("TYPE", "Group", StringComparison.Ordinal), "patient");
        var untyped = Values("""{"resourceType":"Communication","status":"completed","subject":{"identifier":{"system":"urn:ins","value":"V1"}}}""", "patient");

        Assert.Equal([("Patient", "urn:ins", "V1")], patient.Select(r => (r.TargetType, r.IdentifierSystem, r.IdentifierValue)));
        Assert.Empty(group);
        Assert.Empty(untyped);
    }

    [Fact]
    public void HumanName_gives_each_part_folded_and_exact()
    {
        var values = Values("""{"resourceType":"Patient","name":[{"family":"Ñúñez","given":["José","María"],"prefix":["Dr"]}]}""", "name").Cast<StringSearchValue>().ToList();
        Assert.Equal(["nunez", "jose", "maria", "dr"], values.Select(v => v.Normalized));
        Assert.Equal("Ñúñez", values[0].Exact);
    }

    [Fact]
    public void Identifier_gives_system_value_and_type_coding_for_of_type()
    {
        var value = Assert.Single(Values("""
            {"resourceType":"Patient","identifier":[{"type":{"coding":[{"system":"https://openimis.github.io/openimis_fhir_r4_ig/CodeSystem/openimis-identifiers","code":"Code"}]},"system":"urn:x","value":"123456789"}]}
            """, "identifier"));
        Assert.Equal(new TokenSearchValue("urn:x", "123456789", null, "https://openimis.github.io/openimis_fhir_r4_ig/CodeSystem/openimis-identifiers", "Code"), value);
    }

    [Fact]
    public void Dates_are_half_open_utc_ranges_by_precision_and_periods_span_start_to_end()
    {
        var birth = Assert.IsType<DateSearchValue>(Assert.Single(Values("""{"resourceType":"Patient","birthDate":"1962-02"}""", "birthdate")));
        Assert.Equal(new DateTimeOffset(1962, 2, 1, 0, 0, 0, TimeSpan.Zero), birth.Low);
        Assert.Equal(new DateTimeOffset(1962, 3, 1, 0, 0, 0, TimeSpan.Zero), birth.High);

        var period = Assert.IsType<DateSearchValue>(Assert.Single(Values("""
            {"resourceType":"Claim","status":"active","use":"claim","created":"2024-01-02T10:00:00+02:00","billablePeriod":{"start":"2024-01-01","end":"2024-01-05"}}
            """, "created")));
        Assert.Equal(new DateTimeOffset(2024, 1, 2, 8, 0, 0, TimeSpan.Zero), period.Low);
        Assert.Equal(new DateTimeOffset(2024, 1, 2, 8, 0, 1, TimeSpan.Zero), period.High);
    }

    [Fact]
    public void A_concept_gives_each_coding_with_its_display_and_its_text_as_a_value_of_its_own()
    {
        var values = Values("""
            {"resourceType":"Organization","type":[{"coding":[{"system":"urn:a","code":"H","display":"Hospital"},{"system":"urn:b","code":"prov"}],"text":"Hôpital"}]}
            """, "type").Cast<TokenSearchValue>().ToList();
        Assert.Equal([new TokenSearchValue("urn:a", "H", "hospital"), new TokenSearchValue("urn:b", "prov", null), new TokenSearchValue(null, "", "hopital")], values);
    }

    [Fact]
    public void A_token_expression_that_computes_a_boolean_gives_it()
    {
        Assert.Equal([new TokenSearchValue(null, "true", null)], Values("""{"resourceType":"Patient","deceasedDateTime":"2020-05-01"}""", "deceased"));
        Assert.Equal([new TokenSearchValue(null, "false", null)], Values("""{"resourceType":"Patient","gender":"male"}""", "deceased"));
    }

    [Fact]
    public void Date_ranges_follow_the_zone_and_stop_at_the_ends_of_the_calendar()
    {
        var zoned = Assert.IsType<DateSearchValue>(Assert.Single(Values("""{"resourceType":"Patient","deceasedDateTime":"2021-03-01T23:30:00+05:00"}""", "death-date")));
        Assert.Equal((new DateTimeOffset(2021, 3, 1, 18, 30, 0, TimeSpan.Zero), new DateTimeOffset(2021, 3, 1, 18, 30, 1, TimeSpan.Zero)), (zoned.Low, zoned.High));
        var last = Assert.IsType<DateSearchValue>(Assert.Single(Values("""{"resourceType":"Patient","birthDate":"9999"}""", "birthdate")));
        Assert.Equal((new DateTimeOffset(9999, 1, 1, 0, 0, 0, TimeSpan.Zero), DateRanges.Latest), (last.Low, last.High));
        var late = Assert.IsType<DateSearchValue>(Assert.Single(Values("""{"resourceType":"Patient","deceasedDateTime":"9999-12-31T23:00:00-05:00"}""", "death-date")));
        Assert.Equal((DateRanges.Latest, DateRanges.Latest), (late.Low, late.High));
        var first = Assert.IsType<DateSearchValue>(Assert.Single(Values("""{"resourceType":"Patient","deceasedDateTime":"0001-01-01T01:00:00+05:00"}""", "death-date")));
        Assert.Equal((DateRanges.Earliest, DateRanges.Earliest), (first.Low, first.High));
    }

    [Fact]
    public void Numbers_carry_their_precision_range()
    {
        Assert.Equal((99.5m, 100.5m), SearchValueExtractor.PrecisionRange(100m));
        Assert.Equal((1.495m, 1.505m), SearchValueExtractor.PrecisionRange(1.50m));
    }

    [Fact]
    public void References_split_relative_ids_absolute_urls_and_identifiers()
    {
        var values = Values("""
            {"resourceType":"Claim","patient":{"reference":"Patient/p1"},"provider":{"type":"Organization","identifier":{"system":"urn:hf","value":"HF1"}},"status":"active","use":"claim","created":"2024-01-01"}
            """, "patient");
        Assert.Equal(new ReferenceSearchValue("Patient", "p1", null, null, null, null), Assert.Single(values));
        var provider = Assert.Single(Values("""
            {"resourceType":"Claim","provider":{"type":"Organization","identifier":{"system":"urn:hf","value":"HF1"}},"status":"active","use":"claim","created":"2024-01-01"}
            """, "provider"));
        Assert.Equal(new ReferenceSearchValue("Organization", null, null, null, "urn:hf", "HF1"), provider);
    }

    [Fact]
    public void Folding_removes_accents_and_case()
    {
        Assert.Equal("jose nunez cagri aero strasse", TextNormalizer.Normalize("José Ñúñez Çağrı Ærø Straße"));
        Assert.Equal("plain", TextNormalizer.Normalize("plain"));
    }
}
