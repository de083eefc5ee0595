using OpenImis.Fhir.Engine.FhirPath;
using OpenImis.Fhir.Engine.Model;
using OpenImis.Fhir.Engine.Search;

namespace OpenImis.Fhir.Engine.Tests.Search;

/// <summary>Composite values: one per element instance, each component's values taken from that instance only.</summary>
public sealed class CompositeExtractionTests
{
    private static readonly SearchParameterCatalog Catalog = SearchParameterCatalog.ForR4();
    private static readonly SearchIndexer Indexer = new(Catalog, new FhirPathEngine(FhirModel.R4));

    [Fact]
    public void Every_R4_composite_names_components_the_catalog_knows_and_whose_expressions_compile()
    {
        var engine = new FhirPathEngine(FhirModel.R4);
        var composites = FhirModel.R4.Types.Where(t => t is { Kind: TypeKind.Resource, IsAbstract: false })
            .SelectMany(t => Catalog.For(t.Name)).Where(d => d.Type == SearchParameterType.Composite).Distinct().ToList();
        Assert.True(composites.Count >= 40, $"only {composites.Count} composites");
        foreach (var composite in composites)
        {
            Assert.True(composite.Components.Count >= 2, composite.Url);
            foreach (var component in composite.Components)
            {
                var target = Catalog.FindByUrl(component.Definition);
                Assert.True(target is not null, $"{composite.Url}: {component.Definition} unknown");
                Assert.NotEqual(SearchParameterType.Composite, target.Type);
                engine.Compile(component.Expression, new FhirPathCompileOptions { LenientAs = true });
            }
        }
    }

    [Fact]
    public void Each_characteristic_is_one_composite_value_with_its_own_code_and_value()
    {
        var group = ElementNodeReader.Read("""
            {"resourceType":"Group","type":"person","actual":true,"characteristic":[
              {"code":{"coding":[{"system":"urn:c","code":"gender"}]},"valueCodeableConcept":{"coding":[{"code":"male"}]},"exclude":false},
              {"code":{"text":"no coding"},"valueBoolean":true,"exclude":false},
              {"code":{"coding":[{"code":"region"}]},"valueCodeableConcept":{"coding":[{"code":"female"},{"code":"north"}]},"exclude":false},
              {"code":{"coding":[{"code":"age"}]},"valueQuantity":{"value":30},"exclude":false}]}
            """, FhirModel.R4);
        var values = Indexer.Values(group, Catalog.Find("Group", "characteristic-value")!).Cast<CompositeSearchValue>().ToList();
        // The second's code has text only, which still gives a token value (empty code, for :text); the fourth's value
        // is a Quantity, which gives no token: without a value for every component it is no instance.
        Assert.Equal(3, values.Count);
        Assert.Equal([("urn:c", "gender")], values[0].Components[0].Cast<TokenSearchValue>().Select(t => (t.System, t.Code)));
        Assert.Equal(["male"], values[0].Components[1].Cast<TokenSearchValue>().Select(t => t.Code));
        Assert.Equal(["true"], values[1].Components[1].Cast<TokenSearchValue>().Select(t => t.Code));
        Assert.Equal(["region"], values[2].Components[0].Cast<TokenSearchValue>().Select(t => t.Code));
        Assert.Equal(["female", "north"], values[2].Components[1].Cast<TokenSearchValue>().Select(t => t.Code));
    }

    [Fact]
    public void A_quantity_component_keeps_its_unit_and_precision()
    {
        var activity = ElementNodeReader.Read("""
            {"resourceType":"ActivityDefinition","status":"active","useContext":[
              {"code":{"system":"http://terminology.hl7.org/CodeSystem/usage-context-type","code":"age"},"valueQuantity":{"value":18.0,"system":"http://unitsofmeasure.org","code":"a"}},
              {"code":{"code":"gender"},"valueCodeableConcept":{"coding":[{"code":"male"}]}}]}
            """, FhirModel.R4);
        var value = Assert.Single(Indexer.Values(activity, Catalog.Find("ActivityDefinition", "context-type-quantity")!).Cast<CompositeSearchValue>());
        var quantity = Assert.IsType<QuantitySearchValue>(Assert.Single(value.Components[1]));
        Assert.Equal((18.0m, 17.95m, 18.05m, "a"), (quantity.Value, quantity.Low, quantity.High, quantity.Code));
    }
}
