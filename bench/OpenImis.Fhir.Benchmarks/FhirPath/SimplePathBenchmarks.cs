using BenchmarkDotNet.Attributes;
using OpenImis.Fhir.Engine.FhirPath;
using OpenImis.Fhir.Engine.Model;

namespace OpenImis.Fhir.Benchmarks.FhirPath;

/// <summary>
/// Simple expressions on the FHIR patient example: time and bytes allocated per evaluation.
/// Cases: name-given = <c>Patient.name.given</c>, birthDate = <c>Patient.birthDate</c>,
/// official-family = <c>name.where(use = 'official').family</c>, birthDate-compare = <c>Patient.birthDate &lt; @2000-01-01</c>.
/// </summary>
[MemoryDiagnoser]
public class SimplePathBenchmarks
{
    private CompiledExpression _expression = null!;
    private ElementNode _patient = null!;

    // Short case names: BenchmarkDotNet shortens long parameter values in its reports.
    private static readonly Dictionary<string, string> Expressions = new()
    {
        ["name-given"] = "Patient.name.given",
        ["birthDate"] = "Patient.birthDate",
        ["official-family"] = "name.where(use = 'official').family",
        ["birthDate-compare"] = "Patient.birthDate < @2000-01-01",
    };

    [Params("name-given", "birthDate", "official-family", "birthDate-compare")]
    public string Case { get; set; } = "name-given";

    [GlobalSetup]
    public void Setup()
    {
        var root = FhirPathWorkload.FindRepositoryRoot(AppContext.BaseDirectory);
        var file = Path.Combine(root, "..", "shared", "conformance", "fhirpath", "inputs", "patient-example.json");
        _patient = ElementNodeReader.Read(File.ReadAllText(file), FhirModel.R4);
        _expression = new FhirPathEngine(FhirModel.R4).Compile(Expressions[Case]);
    }

    [Benchmark]
    public int Evaluate() => _expression.Evaluate(_patient).Count;
}
