using System.Text.Json;
using BenchmarkDotNet.Attributes;
using OpenImis.Fhir.Engine.Validation;

namespace OpenImis.Fhir.Benchmarks.Validation;

/// <summary>
/// Validations per second and bytes allocated per validation: the four openIMIS IG examples against their
/// <c>meta.profile</c> (patient, claim, contract, group) and the 100-entry transaction Bundle (bundle: every entry
/// against its meta.profile). The same inputs as <c>bench/reference/medplum-bench.mjs</c>. The validator is built
/// and every profile compiled once; the JSON is parsed once. One operation = one <c>Validate</c> call.
/// </summary>
[MemoryDiagnoser]
public class ValidationThroughputBenchmarks
{
    private FhirValidator _validator = null!;
    private JsonDocument _document = null!;

    [Params("patient", "claim", "contract", "group", "bundle")]
    public string Case { get; set; } = "patient";

    [GlobalSetup]
    public void Setup()
    {
        _validator = ValidationSetup.BuildAndCompileLogged(Case);
        _document = JsonDocument.Parse(File.ReadAllBytes(ValidationSetup.CaseFile(Case)));
        var result = _validator.Validate(_document.RootElement);
        var errors = result.Issues.Count(i => i.Severity is IssueSeverity.Error or IssueSeverity.Fatal);
        Console.WriteLine($"// {Case}: {result.Issues.Count} issues, {errors} errors");
        ValidationSetup.AppendOut("ours-issues.txt", $"{Case}\tissues={result.Issues.Count}\terrors={errors}");
        foreach (var issue in result.Issues.Where(i => i.Severity is IssueSeverity.Error or IssueSeverity.Fatal).Take(5))
        {
            Console.WriteLine($"//   {issue.Location}: {issue.Message}");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _document.Dispose();

    [Benchmark]
    public int Validate() => _validator.Validate(_document.RootElement).Issues.Count;
}
