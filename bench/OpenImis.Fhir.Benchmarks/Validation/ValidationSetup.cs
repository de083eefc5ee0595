using System.Diagnostics;
using OpenImis.Fhir.Benchmarks.FhirPath;
using OpenImis.Fhir.Engine.Definitions;
using OpenImis.Fhir.Engine.Model;
using OpenImis.Fhir.Engine.Terminology;
using OpenImis.Fhir.Engine.Validation;

namespace OpenImis.Fhir.Benchmarks.Validation;

/// <summary>
/// Inputs shared by the validation benchmarks: the IG folder, the example files of the cases, and a validator built
/// from scratch (no shared R4 definitions or model) as a process starting up would.
/// </summary>
internal static class ValidationSetup
{
    /// <summary>The environment variable naming the 100-entry transaction Bundle (<c>medplum-bench.mjs --write-bundle FILE</c>).</summary>
    public const string BundleVariable = "OPENIMIS_VALIDATION_BUNDLE";

    /// <summary>When set, a folder where each benchmark process appends its cold start-up times (cold-startup.txt).</summary>
    public const string OutVariable = "OPENIMIS_VALIDATION_OUT";

    public static string RepositoryRoot => FhirPathWorkload.FindRepositoryRoot(AppContext.BaseDirectory);

    public static string IgDirectory => Path.Combine(RepositoryRoot, "ig-profiles");

    /// <summary>The file of a case: the four IG examples of <c>bench/reference/medplum-common.mjs</c> and the Bundle.</summary>
    public static string CaseFile(string name) => name switch
    {
        "patient" => Path.Combine(IgDirectory, "Patient-john-doe.json"),
        "claim" => Path.Combine(IgDirectory, "Claim-Claim001.json"),
        "contract" => Path.Combine(IgDirectory, "Contract-InformalSectorContract.json"),
        "group" => Path.Combine(IgDirectory, "Group-doe-family.json"),
        "bundle" => Environment.GetEnvironmentVariable(BundleVariable) is { Length: > 0 } file
            ? Path.GetFullPath(file)
            : throw new InvalidOperationException(
                $"Set {BundleVariable} to the Bundle written by `node bench/reference/medplum-bench.mjs --write-bundle FILE` (bench/run-validation.sh does)."),
        _ => throw new ArgumentException($"unknown case {name}", nameof(name)),
    };

    /// <summary>
    /// What <see cref="FhirValidator.ForR4AndIg"/> builds, but reading the R4 definitions and building the type model
    /// afresh instead of taking the process-wide shared ones: the whole start-up cost.
    /// </summary>
    public static FhirValidator BuildFresh(string igDirectory)
    {
        var r4Directory = DefinitionsDirectory.FindR4();
        var r4 = FhirDefinitions.Load(r4Directory, FhirDefinitions.R4Files);
        var model = FhirModelBuilder.Build(r4);
        var igNames = Directory.EnumerateFiles(igDirectory, "StructureDefinition-*.json").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal);
        var ig = FhirDefinitions.Load(igDirectory, igNames);
        var others = FhirDefinitions.Load(r4Directory, FhirValidator.R4ExtraProfileFiles);
        var terminology = new TerminologyService([
            r4,
            FhirDefinitions.Load(r4Directory, TerminologyService.R4ExtraTerminologyFiles),
            TerminologyService.LoadIgTerminology(igDirectory),
        ]);
        return new FhirValidator([ig, r4, others], terminology, model);
    }

    /// <summary>Times the first (cold, JIT included) build and CompileAll of this process; appended to the out folder when set.</summary>
    public static FhirValidator BuildAndCompileLogged(string label)
    {
        var watch = Stopwatch.StartNew();
        var validator = FhirValidator.ForR4AndIg(IgDirectory);
        var built = watch.Elapsed.TotalMilliseconds;
        var compiled = validator.CompileAll();
        var total = watch.Elapsed.TotalMilliseconds;
        var line = $"{label}\tbuild_ms={built:F0}\tcompile_all_ms={total - built:F0}\ttotal_ms={total:F0}\tcompiled={compiled}";
        Console.WriteLine($"// cold start-up: {line}");
        AppendOut("cold-startup.txt", line);
        return validator;
    }

    /// <summary>Appends a line to a file of the out folder (<see cref="OutVariable"/>), when set.</summary>
    public static void AppendOut(string fileName, string line)
    {
        if (Environment.GetEnvironmentVariable(OutVariable) is not { Length: > 0 } dir) return;
        Directory.CreateDirectory(dir);
        File.AppendAllText(Path.Combine(dir, fileName), line + "\n");
    }
}
