using System.Text.Json;
using OpenImis.Fhir.Engine.Definitions;
using OpenImis.Fhir.Engine.Tests.Terminology;
using OpenImis.Fhir.Engine.Validation;

namespace OpenImis.Fhir.Engine.Tests.Validation;

/// <summary>
/// A profile discriminator (profiling.html#discriminator) on a synthetic profile (our IG has none): Patient.extension
/// sliced by <c>$this</c> conforming to patient-birthPlace, the slice 1..1.
/// </summary>
public sealed class ProfileDiscriminatorTests : IDisposable
{
    private const string Url = "http://example.org/StructureDefinition/born-somewhere";
    private const string BirthPlace = "http://hl7.org/fhir/StructureDefinition/patient-birthPlace";

    private readonly string _folder = Directory.CreateTempSubdirectory("validator-").FullName;
    private readonly FhirValidator _validator;

    public ProfileDiscriminatorTests()
    {
        var profile = $$$"""
            {"resourceType":"StructureDefinition","url":"{{{Url}}}","name":"BornSomewhere","status":"draft","kind":"resource",
             "abstract":false,"type":"Patient","baseDefinition":"http://hl7.org/fhir/StructureDefinition/Patient","derivation":"constraint",
             "snapshot":{"element":[
               {"id":"Patient","path":"Patient","min":0,"max":"*"},
               {"id":"Patient.extension","path":"Patient.extension","min":0,"max":"*","type":[{"code":"Extension"}],
                "slicing":{"discriminator":[{"type":"profile","path":"$this"}],"rules":"open"}},
               {"id":"Patient.extension:birthPlace","path":"Patient.extension","sliceName":"birthPlace","min":1,"max":"1",
                "type":[{"code":"Extension","profile":["{{{BirthPlace}}}"]}]}]}}
            """;
        File.WriteAllText(Path.Combine(_folder, "profile.json"), profile);
        var others = FhirDefinitions.Load(DefinitionsDirectory.FindR4(), FhirValidator.R4ExtraProfileFiles);
        _validator = new FhirValidator([FhirDefinitions.Load(_folder, ["profile.json"]), FhirDefinitions.R4, others], SharedTerminology.Service);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private ValidationResult Run(string extensions)
    {
        var json = $$$"""{"resourceType":"Patient","meta":{"profile":["{{{Url}}}"]},"extension":[{{{extensions}}}]}""";
        using var document = JsonDocument.Parse(json);
        return _validator.Validate(document.RootElement);
    }

    [Fact]
    public void an_extension_conforming_to_the_slice_profile_fills_the_slice()
    {
        var result = Run($$$"""{"url":"{{{BirthPlace}}}","valueAddress":{"city":"Rome"}}""");
        Assert.False(result.HasErrors, SharedValidator.Describe(result.Issues));
    }

    [Fact]
    public void an_extension_not_conforming_to_the_slice_profile_leaves_the_slice_empty()
    {
        var result = Run("""{"url":"http://example.org/other","valueString":"Rome"}""");
        var error = Assert.Single(result.Errors());
        Assert.Equal(("required", "Patient", "slice-cardinality-min"), (error.Code, error.Location, error.Rule));
    }
}
