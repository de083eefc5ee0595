using OpenImis.Fhir.Application.Validation;
using OpenImis.Fhir.Engine.Validation;

namespace OpenImis.Fhir.DataGenerator.Tests;

/// <summary>Every generated resource passes the validation the server runs on each write.</summary>
public sealed class ProfileValidationTests(GeneratedData generated) : IClassFixture<GeneratedData>
{
    [Fact]
    public void Every_generated_resource_is_valid_against_r4_and_the_openimis_profiles()
    {
        var ig = Path.Combine(AppContext.BaseDirectory, "ig-profiles");
        var validator = FhirValidator.ForR4AndIg(ig);
        var enforced = IgProfileIndex.DefaultEnforced(IgProfileIndex.ByType(ig));
        var failures = new List<string>();
        foreach (var entry in generated.Entries)
        {
            var options = enforced.TryGetValue(entry.Type, out var profile) ? new ValidationOptions { Profiles = [profile] } : ValidationOptions.Default;
            var result = validator.Validate(entry.Resource, options);
            if (!result.HasErrors) continue;
            failures.Add($"{entry.Type}/{entry.Id}: " + string.Join("; ", result.Issues
                .Where(i => i.Severity is IssueSeverity.Error or IssueSeverity.Fatal).Select(i => $"{i.Location}: {i.Message}")));
        }
        Assert.True(failures.Count == 0, $"{failures.Count} invalid resources, e.g.{Environment.NewLine}{string.Join(Environment.NewLine, failures.Take(10))}");
    }
}
