using OpenImis.Fhir.Engine.FhirPath;
using OpenImis.Fhir.Engine.FhirPath.Output;
using OpenImis.Fhir.Engine.FhirPath.Values;
using OpenImis.Fhir.Engine.Model;

namespace OpenImis.Fhir.Engine.Tests.Cli;

public sealed class FhirPathResultJsonTests
{
    [Fact]
    public void writes_system_values_in_fhir_json_form()
    {
        Assert.True(PartialDateTime.TryParse("1974-12-25", TemporalKind.Date, out var date));
        Assert.True(PartialDateTime.TryParse("14:30:00", TemporalKind.Time, out var time));
        var result = new FhirPathCollection([true, 5L, 1.50m, "a\"b", date!, time!, new Quantity(5m, "mg")]);
        Assert.Equal(
            """[{"type":"boolean","value":true},{"type":"integer","value":5},{"type":"decimal","value":1.50},"""
            + """{"type":"string","value":"a\u0022b"},{"type":"date","value":"1974-12-25"},{"type":"time","value":"14:30:00"},"""
            + """{"type":"Quantity","value":{"value":5,"unit":"mg"}}]""",
            FhirPathResultJson.ToJson(result));
    }

    [Fact]
    public void writes_elements_with_their_fhir_type_and_json()
    {
        var patient = ElementNodeReader.Read(
            """{"resourceType":"Patient","gender":"male","_birthDate":{"extension":[{"url":"http://x","valueBoolean":true}]},"name":[{"family":"Chalmers"}]}""",
            FhirModel.R4);
        var items = new List<object>();
        items.AddRange(patient.Children("gender"));
        items.AddRange(patient.Children("birthDate"));
        items.AddRange(patient.Children("name"));
        Assert.Equal(
            """[{"type":"code","value":"male"},{"type":"date"},{"type":"HumanName","value":{"family":"Chalmers"}}]""",
            FhirPathResultJson.ToJson(new FhirPathCollection(items.ToArray())));
        Assert.Equal("""[]""", FhirPathResultJson.ToJson(FhirPathCollection.Empty));
    }
}
