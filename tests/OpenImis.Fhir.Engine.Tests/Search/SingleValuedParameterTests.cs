using OpenImis.Fhir.Engine.FhirPath;
using OpenImis.Fhir.Engine.Model;
using OpenImis.Fhir.Engine.Search;

namespace OpenImis.Fhir.Engine.Tests.Search;

/// <summary>
/// Which parameters a resource holds at most once (their criteria can then be asked of one value together). The
/// expected answers come from the R4 cardinalities of the elements, read off the specification.
/// </summary>
public sealed class SingleValuedParameterTests
{
    private static readonly SearchParameterCatalog Catalog = SearchParameterCatalog.ForR4();
    private static readonly SearchIndexer Indexer = new(Catalog, new FhirPathEngine(FhirModel.R4));

    [Theory]
    [InlineData("Patient", "birthdate")]     // Patient.birthDate 0..1
    [InlineData("Claim", "created")]         // Claim.created 1..1
    [InlineData("Coverage", "status")]       // Coverage.status 1..1
    [InlineData("Encounter", "date")]        // Encounter.period 0..1
    [InlineData("Basic", "created")]         // Basic.created 0..1
    public void A_plain_path_through_elements_of_at_most_one_is_single_valued(string type, string code) =>
        Assert.True(Indexer.IsSingleValued(Catalog.Find(type, code)!, type));

    [Theory]
    [InlineData("Patient", "name")]          // Patient.name 0..*
    [InlineData("Patient", "address-city")]  // Patient.address 0..*
    [InlineData("Patient", "identifier")]    // 0..*
    [InlineData("Coverage", "payor")]        // Coverage.payor 1..*
    [InlineData("Condition", "onset-date")]  // a union of two casts: not a plain path
    [InlineData("Patient", "death-date")]    // (Patient.deceased as dateTime): a cast, not a plain path
    public void Anything_else_is_not(string type, string code) =>
        Assert.False(Indexer.IsSingleValued(Catalog.Find(type, code)!, type));
}
