using OpenImis.Fhir.Server.Tests.Infrastructure;
using OpenImis.Fhir.Server.Tests.Search;
using static OpenImis.Fhir.Server.Tests.Search.SearchHttp;

namespace OpenImis.Fhir.Server.Tests.Search.Parameters;

/// <summary>
/// The openIMIS IG's SearchParameters (fsh/input/fsh/search) and the searches the openIMIS module offers that core
/// parameters answer. Data: <see cref="SearchParameterData"/> and the IG examples (JoeDoeCoverage 2021-07-01 to
/// 2022-06-30; InformalSectorContract without applies; Claim001 of john-doe, created 2021-09-16, visit 2021-09-15,
/// provider RaptaDistrictHospital, enterer Rushila-Dani-CA, items GeneralConsultationService and AspirinMedication
/// whose Code identifiers are A1 and 0001).
/// </summary>
[Collection(SearchParameterCollection.Name)]
public sealed class OpenImisSearchParameterTests(SearchParameterFixture fixture)
{
    public static TheoryData<string, string[]> Cases() => new()
    {
        // refDate: valid at some time of day D = starts before D+1 (lt) and ends after D-1 (gt).
        { "Coverage?refDate=lt2021-07-02&refDate=gt2021-06-30", ["cov-2021", "JoeDoeCoverage"] },
        { "Coverage?refDate=lt2021-06-16&refDate=gt2021-06-14", ["cov-2021", "cov-one-day"] },
        { "Coverage?refDate=lt2030-01-02&refDate=gt2029-12-31", ["cov-open"] },
        { "Coverage?refDate=lt2021-01-01&refDate=gt2020-12-30", [] },
        { "Coverage?refDate=lt2022-07-01&refDate=gt2022-06-29", ["JoeDoeCoverage", "cov-open"] },
        { "Contract?refDate=lt2021-03-02&refDate=gt2021-02-28", ["k-2021"] },
        // k-2023 ends at noon on 2023-06-30: valid on that day, not on the next.
        { "Contract?refDate=lt2023-07-01&refDate=gt2023-06-29", ["k-2023"] },
        { "Contract?refDate=lt2023-07-02&refDate=gt2023-06-30", [] },
        // A validity within a day: the one-day policy.
        { "Coverage?refDate=2021-06-15", ["cov-one-day"] },
        { "Claim?refDate=2021-09-15", ["Claim001"] },
        { "Claim?refDate=2021-09-16", [] },
        // refEndDate: the end of the validity; an open end has none.
        { "Coverage?refEndDate=lt2022-01-01", ["cov-2021", "cov-one-day"] },
        { "Coverage?refEndDate=ge2022-01-01", ["JoeDoeCoverage"] },
        { "Coverage?refEndDate:missing=true", ["cov-open"] },
        { "Contract?refEndDate=2023-06-30", ["k-2023"] },
        // Claims by item or service, by reference or by the item's code through a chain.
        { "Claim?item-reference=Medication/AspirinMedication", ["Claim001"] },
        { "Claim?item-reference=ActivityDefinition/GeneralConsultationService", ["Claim001"] },
        { "Claim?item-reference:Medication.identifier=0001", ["Claim001"] },
        { "Claim?item-reference:ActivityDefinition.identifier=A1", ["Claim001"] },
        { "Claim?item-reference.identifier=A1", ["Claim001"] },
        { "Claim?item-reference:Medication.identifier=A1", [] },
        // By health facility and claim administrator: the core provider and enterer.
        { "Claim?provider=Organization/RaptaDistrictHospital", ["Claim001"] },
        { "Claim?enterer=Practitioner/Rushila-Dani-CA", ["Claim001"] },
        { "Claim?enterer=Practitioner/Roberts-Jeb-EO", [] },
        // The module's claimDateFrom: patients with a claim created on or after a date.
        { "Patient?_has:Claim:patient:created=ge2021-09-01", ["john-doe"] },
        { "Patient?_has:Claim:patient:created=ge2021-10-01", [] },
        // Items and services by code: the core identifier.
        { "Medication?identifier=0001", ["AspirinMedication"] },
        { "ActivityDefinition?identifier=A1", ["GeneralConsultationService"] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task OpenImis_searches_find_what_the_data_holds(string query, string[] expected) =>
        await fixture.Client.ExpectAsync(query, expected);

    [Theory]
    [InlineData("Coverage", "refDate", "https://openimis.github.io/openimis_fhir_r4_ig/SearchParameter/openimis-ref-date", "date")]
    [InlineData("Contract", "refEndDate", "https://openimis.github.io/openimis_fhir_r4_ig/SearchParameter/openimis-ref-end-date", "date")]
    [InlineData("Claim", "item-reference", "https://openimis.github.io/openimis_fhir_r4_ig/SearchParameter/openimis-claim-item-reference", "reference")]
    public async Task The_capability_statement_lists_the_openimis_parameters_with_their_canonical(string type, string code, string url, string kind)
    {
        var (_, body, _) = await fixture.Client.SendAsync(HttpMethod.Get, "fhir/metadata");
        var resource = body!["rest"]![0]!["resource"]!.AsArray().First(r => (string?)r!["type"] == type)!;
        var parameter = resource["searchParam"]!.AsArray().FirstOrDefault(p => (string?)p!["name"] == code);
        Assert.NotNull(parameter);
        Assert.Equal(url, (string?)parameter["definition"]);
        Assert.Equal(kind, (string?)parameter["type"]);
    }
}
