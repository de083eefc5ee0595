using System.Text.Json;
using OpenImis.Fhir.Engine.Tests.Conformance;
using OpenImis.Fhir.Engine.Validation;
using Xunit.Abstractions;

namespace OpenImis.Fhir.Engine.Tests.Validation;

/// <summary>
/// The published IG 1.0.0 examples (../shared/reference/openimis-ig/examples) against OUR profiles: 0 errors, except
/// the defects of the examples themselves, each listed here and in docs/ig-errata.md ("Published examples"). The list
/// can only shrink: an entry that no longer occurs fails the test too.
/// </summary>
public sealed class PublishedExamplesTests(ITestOutputHelper output)
{
    // file: code at location. FACTS.md 8.1 item numbers in the comments.
    private static readonly HashSet<string> ExampleDefects = new(StringComparer.Ordinal)
    {
        // #20: bare reference 'joe-doe' (not Type/id, and no such resource)
        "Coverage-JoeDoeCoverage.json: value at Coverage.beneficiary",
        "CoverageEligibilityRequest-JoeDoeEnquiring.json: value at CoverageEligibilityRequest.patient",
        "CoverageEligibilityResponse-JoeDoeEnquiringResponse.json: value at CoverageEligibilityResponse.patient",
        // #18: item.category from claim-item-category, outside the required coverage-item-category binding,
        // so the item also matches no slice of the closed slicing
        "CoverageEligibilityRequest-JoeDoeEnquiring.json: code-invalid at CoverageEligibilityRequest.item[0].category",
        "CoverageEligibilityRequest-JoeDoeEnquiring.json: structure at CoverageEligibilityRequest.item[0]",
        // #12a: the profile requires category and productOrService on the service entry; core ces-1 forbids both
        "CoverageEligibilityResponse-JoeDoeEnquiringResponse.json: invariant at CoverageEligibilityResponse.insurance[0].item[1]",
        // #12a: amount with a numerator only fails core rat-1 (and our profile now requires the denominator)
        "Medication-AspirinMedication.json: invariant at Medication.amount",
        "Medication-AspirinMedication.json: required at Medication.amount",
    };

    [Fact]
    public void Published_examples_have_no_errors_but_their_own_listed_defects()
    {
        var folder = Path.Combine(SharedFolder.Path, "reference", "openimis-ig", "examples");
        var files = Directory.GetFiles(folder, "*.json").OrderBy(f => f, StringComparer.Ordinal).ToList();
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(file));
            foreach (var issue in SharedValidator.Validator.Validate(document.RootElement).Issues)
            {
                if (issue.Severity is not (IssueSeverity.Error or IssueSeverity.Fatal)) continue;
                var key = $"{Path.GetFileName(file)}: {issue.Code} at {issue.Location}";
                found.Add(key);
                output.WriteLine($"{key}  ({issue.Message})");
            }
        }
        Assert.Equal(26, files.Count);
        var unexpected = found.Except(ExampleDefects).ToList();
        var gone = ExampleDefects.Except(found).ToList();
        Assert.True(unexpected.Count == 0, "Errors not listed as example defects:\n" + string.Join('\n', unexpected));
        Assert.True(gone.Count == 0, "Listed example defects that no longer occur (remove them):\n" + string.Join('\n', gone));
    }
}
