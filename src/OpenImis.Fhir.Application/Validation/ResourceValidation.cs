using System.Text.Json;
using OpenImis.Fhir.Application.Errors;
using OpenImis.Fhir.Engine.Model;
using OpenImis.Fhir.Engine.Terminology;
using OpenImis.Fhir.Engine.Validation;

namespace OpenImis.Fhir.Application.Validation;

/// <summary>
/// Validates every write: the R4 base definition, the profiles in <c>meta.profile</c>, and the profile configured for
/// the resource's type. Errors refuse the write with 422 and the validator's OperationOutcome; warnings pass.
/// </summary>
public sealed class ResourceValidation(FhirValidator validator, IReadOnlyDictionary<string, string> profilesByType)
{
    private readonly Dictionary<string, ValidationOptions> _options = profilesByType.ToDictionary(
        p => p.Key, p => new ValidationOptions { Profiles = [p.Value] }, StringComparer.Ordinal);

    public IReadOnlyDictionary<string, string> ProfilesByType { get; } = profilesByType;

    public TerminologyService Terminology => validator.Terminology;

    /// <summary>
    /// Validates a resource; throws 422 when it has errors. <paramref name="locationPrefix"/> replaces the resource
    /// type at the start of each location (<c>Bundle.entry[3].resource</c> for an entry of a Bundle).
    /// </summary>
    /// <returns>The warnings, and the element tree the validator read (the caller indexes from it).</returns>
    public (IReadOnlyList<OutcomeIssue> Issues, ElementNode Root) Validate(JsonElement resource, string resourceType, string? locationPrefix = null)
    {
        var result = validator.Validate(resource, _options.GetValueOrDefault(resourceType) ?? ValidationOptions.Default);
        var issues = new List<OutcomeIssue>(result.Issues.Count);
        foreach (var issue in result.Issues)
        {
            var location = issue.Location;
            if (locationPrefix is not null && location.StartsWith(resourceType, StringComparison.Ordinal))
            {
                location = locationPrefix + location[resourceType.Length..];
            }
            issues.Add(new OutcomeIssue(issue.Severity.ToString().ToLowerInvariant(), issue.Code, issue.Message, location));
        }
        if (result.HasErrors) throw new FhirException(422, issues);
        return (issues, result.Root!);
    }
}
