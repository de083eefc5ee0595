using OpenImis.Fhir.Engine.FhirPath;
using OpenImis.Fhir.Engine.Model;

namespace OpenImis.Fhir.Engine.Tests.FhirPath.Functions;

public class FhirFunctionTests
{
    private static readonly Lazy<FhirPathEngine> Engine = new(() => new FhirPathEngine(FhirModel.R4));

    private static object[] Eval(string expression, string json, FhirPathEnvironment? environment = null) =>
        [.. Engine.Value.Compile(expression).Evaluate(ElementNodeReader.Read(json, FhirModel.R4), environment)];

    private const string PatientWithContained = """
        {"resourceType":"Patient","id":"p1",
         "contained":[{"resourceType":"Organization","id":"org1","name":"Acme"}],
         "managingOrganization":{"reference":"#org1"},
         "generalPractitioner":[{"reference":"Practitioner/dr"}],
         "text":{"status":"generated","div":"<div xmlns=\"http://www.w3.org/1999/xhtml\"><p>Hi <b>there</b></p></div>"}}
        """;

    private const string Bundle = """
        {"resourceType":"Bundle","type":"collection","entry":[
          {"fullUrl":"http://example.org/fhir/Patient/p1","resource":{"resourceType":"Patient","id":"p1","managingOrganization":{"reference":"Organization/o1"}}},
          {"fullUrl":"urn:uuid:1234","resource":{"resourceType":"Organization","id":"o1","name":"Org"}},
          {"resource":{"resourceType":"Observation","id":"obs","status":"final","code":{"text":"x"},"subject":{"reference":"http://example.org/fhir/Patient/p1/_history/2"}}}]}
        """;

    [Fact]
    public void Resolve_finds_contained_resources() =>
        Assert.Equal("Acme", Assert.Single(Eval("managingOrganization.resolve().name", PatientWithContained)) is ElementNode { Value: string s } ? s : null);

    [Fact]
    public void Resolve_finds_bundle_entries_by_type_and_id_and_full_url()
    {
        Assert.Equal(["Org"], Eval("entry.resource.managingOrganization.resolve().name", Bundle).Select(n => ((ElementNode)n).Value));
        Assert.Equal(["p1"], Eval("entry.resource.ofType(Observation).subject.resolve().id", Bundle).Select(n => ((ElementNode)n).Value));
    }

    [Fact]
    public void Resolve_falls_back_to_the_environment()
    {
        Assert.Empty(Eval("generalPractitioner.resolve()", PatientWithContained));
        var practitioner = ElementNodeReader.Read("""{"resourceType":"Practitioner","id":"dr"}""", FhirModel.R4);
        var environment = new FhirPathEnvironment { ResolveReference = r => r == "Practitioner/dr" ? practitioner : null };
        Assert.Same(practitioner, Assert.Single(Eval("generalPractitioner.resolve()", PatientWithContained, environment)));
    }

    [Theory]
    [InlineData("<div xmlns=\"http://www.w3.org/1999/xhtml\"><p>Hi <b>there</b></p></div>", true)]
    [InlineData("<div xmlns=\"http://www.w3.org/1999/xhtml\"><script>x()</script></div>", false)]
    [InlineData("<div xmlns=\"http://www.w3.org/1999/xhtml\"><p onclick=\"x()\">a</p></div>", false)]
    [InlineData("<div xmlns=\"http://www.w3.org/1999/xhtml\"><a href=\"javascript:x()\">a</a></div>", false)]
    [InlineData("<div xmlns=\"http://www.w3.org/1999/xhtml\"><p>unclosed</div>", false)]
    [InlineData("<div><p>no namespace</p></div>", false)]
    public void HtmlChecks_applies_the_narrative_rules(string div, bool expected)
    {
        var json = PatientWithContained.Replace("<div xmlns=\\\"http://www.w3.org/1999/xhtml\\\"><p>Hi <b>there</b></p></div>", div.Replace("\"", "\\\""), StringComparison.Ordinal);
        Assert.Equal(expected, Assert.Single(Eval("text.div.htmlChecks()", json)));
    }

    [Fact]
    public void Hooks_answer_memberOf_and_conformsTo_and_absent_hooks_give_empty()
    {
        // Without a hook, a core type profile is a type test and any other profile is unknown: an error.
        Assert.Equal(true, Assert.Single(Eval("conformsTo('http://hl7.org/fhir/StructureDefinition/DomainResource')", PatientWithContained)));
        Assert.Equal(false, Assert.Single(Eval("conformsTo('http://hl7.org/fhir/StructureDefinition/Person')", PatientWithContained)));
        Assert.Throws<FhirPathEvaluationException>(() => Eval("conformsTo('http://x')", PatientWithContained));
        Assert.Empty(Eval("gender.memberOf('http://vs')", """{"resourceType":"Patient","gender":"male"}"""));
        var environment = new FhirPathEnvironment { MemberOf = (node, vs) => vs == "http://vs", ConformsTo = (node, url) => url.EndsWith("/Patient", StringComparison.Ordinal) };
        Assert.Equal(true, Assert.Single(Eval("gender.memberOf('http://vs')", """{"resourceType":"Patient","gender":"male"}""", environment)));
        Assert.Equal(false, Assert.Single(Eval("conformsTo('http://x/Person')", PatientWithContained, environment)));
    }

    [Fact]
    public void Trace_reports_to_the_environment_and_returns_its_input()
    {
        var traced = new List<(string, int)>();
        var environment = new FhirPathEnvironment { Trace = (name, items) => traced.Add((name, items.Count)) };
        Assert.Single(Eval("contained.trace('c', id).id", PatientWithContained, environment));
        Assert.Equal([("c", 1)], traced);
    }

    [Fact]
    public void GetValue_returns_the_system_value() =>
        Assert.Equal("p1", Assert.Single(Eval("id.getValue()", PatientWithContained)));
}
