using System.Text.Json;
using OpenImis.Fhir.Engine.Definitions;
using OpenImis.Fhir.Engine.FhirPath;
using OpenImis.Fhir.Engine.Model;
using OpenImis.Fhir.Engine.Terminology;
using OpenImis.Fhir.Engine.Validation.Compilation;
using OpenImis.Fhir.Engine.Validation.Json;
using OpenImis.Fhir.Engine.Validation.Runtime;

namespace OpenImis.Fhir.Engine.Validation;

/// <summary>
/// Validates FHIR R4 JSON resources: the JSON shape (stage 1), then the core definition of the type, the profiles in
/// <c>meta.profile</c> and any asked for, recursing into contained and Bundle entry resources. Build one per process:
/// profiles compile on first use and are cached. Thread-safe.
/// </summary>
public sealed class FhirValidator
{
    private readonly ValidatorServices _services;

    /// <param name="core">The R4 core definitions.</param>
    /// <param name="implementationGuide">IG StructureDefinitions (win over core for a URL both hold), or null.</param>
    public FhirValidator(FhirDefinitions core, FhirDefinitions? implementationGuide, TerminologyService terminology, FhirModel? model = null, FhirPathEngine? engine = null)
    {
        ArgumentNullException.ThrowIfNull(core);
        ArgumentNullException.ThrowIfNull(terminology);
        model ??= FhirModel.R4;
        engine ??= new FhirPathEngine(model);
        var sources = implementationGuide is null ? new[] { core } : new[] { implementationGuide, core };
        var environment = new FhirPathEnvironment { MemberOf = terminology.MemberOf };
        _services = new ValidatorServices(model, new ProfileRegistry(sources, engine), terminology, environment);
    }

    /// <summary>R4 core plus the IG folder (<c>ig-profiles/</c>: its StructureDefinitions, CodeSystems and ValueSets).</summary>
    public static FhirValidator ForR4AndIg(string igProfilesDirectory)
    {
        ArgumentNullException.ThrowIfNull(igProfilesDirectory);
        var names = Directory.EnumerateFiles(igProfilesDirectory, "StructureDefinition-*.json").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal);
        var ig = FhirDefinitions.Load(igProfilesDirectory, names);
        return new FhirValidator(FhirDefinitions.R4, ig, TerminologyService.ForR4AndIg(igProfilesDirectory));
    }

    /// <summary>Compiles every StructureDefinition held (core and IG) now instead of on first use; returns how many.</summary>
    public int CompileAll()
    {
        var count = 0;
        foreach (var canonical in _services.Registry.AllCanonicals())
        {
            if (_services.Registry.Find(canonical) is not null) count++;
        }
        return count;
    }

    /// <summary>Compiles the profiles of the IG (and the core definitions they reach) now; returns how many.</summary>
    public int CompileProfiles(IEnumerable<string> canonicals)
    {
        ArgumentNullException.ThrowIfNull(canonicals);
        return canonicals.Count(c => _services.Registry.Find(c) is not null);
    }

    public ValidationResult Validate(JsonElement resource, ValidationOptions? options = null)
    {
        options ??= ValidationOptions.Default;
        var issues = new List<ValidationIssue>();
        FhirJsonShapeChecker.Check(resource, _services.Model, issues);
        if (issues.Any(i => i.Severity == IssueSeverity.Fatal)) return new ValidationResult(issues);
        var root = ElementNodeReader.Read(resource, _services.Model);
        var run = new ValidationRun(_services);
        ResourceValidator.Validate(run, root, options.Profiles);
        issues.AddRange(run.Issues);
        return new ValidationResult(Distinct(issues));
    }

    // The same problem reached by two routes (base and profile, a slice and its element) is one issue.
    private static List<ValidationIssue> Distinct(List<ValidationIssue> issues)
    {
        var seen = new HashSet<(IssueSeverity, string, string, string)>();
        var result = new List<ValidationIssue>(issues.Count);
        foreach (var issue in issues)
        {
            if (seen.Add((issue.Severity, issue.Code, issue.Location, issue.Rule))) result.Add(issue);
        }
        return result;
    }
}
