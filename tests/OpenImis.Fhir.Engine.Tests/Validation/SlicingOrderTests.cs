using System.Text.Json;
using OpenImis.Fhir.Engine.Definitions;
using OpenImis.Fhir.Engine.Tests.Terminology;
using OpenImis.Fhir.Engine.Validation;

namespace OpenImis.Fhir.Engine.Tests.Validation;

/// <summary>
/// The slicing rules on order (profiling.html#slicing), on synthetic profiles (no profile of our IG uses them):
/// Patient.identifier sliced by value on <c>system</c> into slice <c>a</c> (urn:a) then <c>b</c> (urn:b), once with
/// <c>ordered = true</c> (rules open) and once with <c>rules = openAtEnd</c> (not ordered).
/// </summary>
public sealed class SlicingOrderTests : IDisposable
{
    private const string Ordered = "http://example.org/StructureDefinition/ordered-identifiers";
    private const string OpenAtEnd = "http://example.org/StructureDefinition/open-at-end-identifiers";

    private readonly string _folder = Directory.CreateTempSubdirectory("validator-").FullName;
    private readonly FhirValidator _validator;

    public SlicingOrderTests()
    {
        File.WriteAllText(Path.Combine(_folder, "ordered.json"), Profile(Ordered, "OrderedIdentifiers", rules: "open", ordered: true));
        File.WriteAllText(Path.Combine(_folder, "open-at-end.json"), Profile(OpenAtEnd, "OpenAtEndIdentifiers", rules: "openAtEnd", ordered: false));
        var others = FhirDefinitions.Load(DefinitionsDirectory.FindR4(), FhirValidator.R4ExtraProfileFiles);
        _validator = new FhirValidator([FhirDefinitions.Load(_folder, ["ordered.json", "open-at-end.json"]), FhirDefinitions.R4, others], SharedTerminology.Service);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string Profile(string url, string name, string rules, bool ordered) => $$$"""
        {"resourceType":"StructureDefinition","url":"{{{url}}}","name":"{{{name}}}","status":"draft","kind":"resource",
         "abstract":false,"type":"Patient","baseDefinition":"http://hl7.org/fhir/StructureDefinition/Patient","derivation":"constraint",
         "snapshot":{"element":[
           {"id":"Patient","path":"Patient","min":0,"max":"*"},
           {"id":"Patient.identifier","path":"Patient.identifier","min":0,"max":"*","type":[{"code":"Identifier"}],
            "slicing":{"discriminator":[{"type":"value","path":"system"}],"rules":"{{{rules}}}","ordered":{{{(ordered ? "true" : "false")}}}}},
           {"id":"Patient.identifier:a","path":"Patient.identifier","sliceName":"a","min":0,"max":"*","type":[{"code":"Identifier"}]},
           {"id":"Patient.identifier:a.system","path":"Patient.identifier.system","min":1,"max":"1","type":[{"code":"uri"}],"fixedUri":"urn:a"},
           {"id":"Patient.identifier:b","path":"Patient.identifier","sliceName":"b","min":0,"max":"*","type":[{"code":"Identifier"}]},
           {"id":"Patient.identifier:b.system","path":"Patient.identifier.system","min":1,"max":"1","type":[{"code":"uri"}],"fixedUri":"urn:b"}]}}
        """;

    // Identifiers by system: "a" is urn:a (slice a), "b" urn:b (slice b), anything else a system no slice has.
    private List<(string Rule, string Location)> Errors(string profile, params string[] systems)
    {
        var identifiers = string.Join(",", systems.Select((s, i) => $$"""{"system":"urn:{{s}}","value":"{{i}}"}"""));
        var json = $$$"""{"resourceType":"Patient","meta":{"profile":["{{{profile}}}"]},"identifier":[{{{identifiers}}}]}""";
        using var document = JsonDocument.Parse(json);
        var result = _validator.Validate(document.RootElement);
        var errors = result.Errors().ToList();
        Assert.All(errors, e => Assert.Equal((IssueSeverity.Error, "structure"), (e.Severity, e.Code)));
        return [.. errors.Select(e => (e.Rule, e.Location))];
    }

    [Fact]
    public void ordered_slices_in_the_order_of_the_profile_are_valid()
    {
        Assert.Empty(Errors(Ordered, "a", "a", "b"));
    }

    [Fact]
    public void ordered_slicing_lets_unmatched_elements_anywhere_when_open()
    {
        Assert.Empty(Errors(Ordered, "x", "a", "y", "b", "z"));
    }

    [Fact]
    public void ordered_slicing_reports_the_first_element_out_of_order()
    {
        Assert.Equal([("slice-order", "Patient.identifier[1]")], Errors(Ordered, "b", "a", "a"));
        Assert.Equal([("slice-order", "Patient.identifier[2]")], Errors(Ordered, "a", "b", "a", "b", "a"));
    }

    [Fact]
    public void open_at_end_allows_unmatched_elements_after_the_slices_in_any_slice_order()
    {
        Assert.Empty(Errors(OpenAtEnd, "b", "a", "x", "y"));
    }

    [Fact]
    public void open_at_end_reports_each_unmatched_element_before_a_slice_element()
    {
        Assert.Equal([("slice-open-at-end", "Patient.identifier[1]")], Errors(OpenAtEnd, "a", "x", "b", "y"));
        Assert.Equal(
            [("slice-open-at-end", "Patient.identifier[0]"), ("slice-open-at-end", "Patient.identifier[1]")],
            Errors(OpenAtEnd, "x", "y", "a"));
    }
}
