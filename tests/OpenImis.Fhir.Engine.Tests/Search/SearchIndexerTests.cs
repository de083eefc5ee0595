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
