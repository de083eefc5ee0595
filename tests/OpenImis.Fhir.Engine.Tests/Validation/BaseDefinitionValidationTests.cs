using Xunit.Abstractions;

namespace OpenImis.Fhir.Engine.Tests.Validation;

/// <summary>HL7's own examples (the FHIRPath suite's inputs) are valid against the R4 core definitions.</summary>
public sealed class BaseDefinitionValidationTests(ITestOutputHelper output)
{
    // Inputs that are not valid FHIR themselves, with the errors they must produce (checked by hand against the files).
    private static readonly Dictionary<string, string[]> KnownDefects = new(StringComparer.Ordinal)
    {
        // "given" and "_given" differ in length (json.html#primitive).
        ["patient-name-extensions.json"] = ["json-array-length-mismatch at Patient.name[0].given"],
        // The code chol-mass is defined twice.
        ["codesystem-example.json"] = ["csd-1 at CodeSystem"],
        // A trimmed example: no status (1..1), items without productOrService (1..1).
        ["explanationofbenefit-example.json"] =
        [
            "cardinality-min at ExplanationOfBenefit",
            "cardinality-min at ExplanationOfBenefit.item[0]",
            "cardinality-min at ExplanationOfBenefit.item[1]",
        ],
        // managingOrganization is "1", not "#1": malformed, so the contained Organization (id only) is unreferenced
        // (dom-3) and has neither name nor identifier (org-1).
        ["patient-container-example.json"] = ["dom-3 at Patient", "reference-format at Patient.managingOrganization", "org-1 at Patient.contained[0]"],
    };

    public static TheoryData<string> Inputs() => ConformantExamplesTests.FhirPathInputs();

    [Theory]
    [MemberData(nameof(Inputs))]
    public void the_fhirpath_suite_inputs_are_valid_against_base_r4(string file)
    {
        var result = SharedValidator.RunFile(Path.Combine(SharedFolder.FhirPathSuite, "inputs", file));
        output.WriteLine(SharedValidator.Describe(result.Issues));
        var errors = result.Errors().Select(i => $"{i.Rule} at {i.Location}").ToList();
        Assert.Equal(KnownDefects.GetValueOrDefault(file, []), errors);
    }
}
