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

    /// <summary>The R4 package files with StructureDefinitions that <see cref="FhirDefinitions.R4Files"/> leaves out (shareablevalueset, ...).</summary>
    public static readonly IReadOnlyList<string> R4ExtraProfileFiles = ["profiles-others.json"];

    /// <param name="definitions">Where StructureDefinitions come from, first wins for a URL several hold: the IG, then R4 core.</param>
    public FhirValidator(IReadOnlyList<FhirDefinitions> definitions, TerminologyService terminology, FhirModel? model = null, FhirPathEngine? engine = null)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        ArgumentNullException.ThrowIfNull(terminology);
        model ??= FhirModel.R4;
        engine ??= new FhirPathEngine(model);
        var sources = definitions;
        var environment = new FhirPathEnvironment { MemberOf = terminology.MemberOf };
        _services = new ValidatorServices(model, new ProfileRegistry(sources, engine), terminology, environment);
    }

    /// <summary>R4 core plus the IG folder (<c>ig-profiles/</c>: its StructureDefinitions, CodeSystems and ValueSets).</summary>
    public static FhirValidator ForR4AndIg(string igProfilesDirectory)
    {
        ArgumentNullException.ThrowIfNull(igProfilesDirectory);
        var names = Directory.EnumerateFiles(igProfilesDirectory, "StructureDefinition-*.json").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal);
        var ig = FhirDefinitions.Load(igProfilesDirectory, names);
        var others = FhirDefinitions.Load(DefinitionsDirectory.FindR4(), R4ExtraProfileFiles);
        return new FhirValidator([ig, FhirDefinitions.R4, others], TerminologyService.ForR4AndIg(igProfilesDirectory));
    }

    /// <summary>The terminology the validator checks bindings with.</summary>
    public TerminologyService Terminology => _services.Terminology;

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
        if (issues.Exists(i => i.Severity == IssueSeverity.Fatal)) return new ValidationResult(issues);
        var root = ElementNodeReader.Read(resource, _services.Model);
        var run = new ValidationRun(_services, root);
        try
        {
            ResourceValidator.Validate(run, root, options.Profiles);
        }
        finally
        {
            run.Release();
        }
        issues.AddRange(run.Issues);
        return new ValidationResult(Distinct(issues), root);
    }

    // The same problem reached by two routes (base and profile, a slice and its element) is one issue.
    private static List<ValidationIssue> Distinct(List<ValidationIssue> issues)
    {
        if (issues.Count < 2) return issues;
        var seen = new HashSet<(IssueSeverity, string, string, string)>();
        var result = new List<ValidationIssue>(issues.Count);
        foreach (var issue in issues)
        {
            if (seen.Add((issue.Severity, issue.Code, issue.Location, issue.Rule))) result.Add(issue);
        }
        return result;
    }
}
