using BenchmarkDotNet.Attributes;
using OpenImis.Fhir.Engine.FhirPath;
using OpenImis.Fhir.Engine.Model;

namespace OpenImis.Fhir.Benchmarks.FhirPath;

/// <summary>One simple path on the FHIR patient example: time and bytes allocated per evaluation.</summary>
[MemoryDiagnoser]
public class SimplePathBenchmarks
{
    private CompiledExpression _expression = null!;
    private ElementNode _patient = null!;

    [Params("Patient.name.given", "Patient.birthDate", "name.where(use = 'official').family")]
    public string Expression { get; set; } = "Patient.name.given";

    [GlobalSetup]
    public void Setup()
    {
        var root = FhirPathWorkload.FindRepositoryRoot(AppContext.BaseDirectory);
        var file = Path.Combine(root, "..", "shared", "conformance", "fhirpath", "inputs", "patient-example.json");
        _patient = ElementNodeReader.Read(File.ReadAllText(file), FhirModel.R4);
        _expression = new FhirPathEngine(FhirModel.R4).Compile(Expression);
    }

    [Benchmark]
    public int Evaluate() => _expression.Evaluate(_patient).Count;
}
