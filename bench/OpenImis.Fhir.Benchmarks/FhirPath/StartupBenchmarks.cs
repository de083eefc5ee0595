using BenchmarkDotNet.Attributes;
using OpenImis.Fhir.Engine.Definitions;
using OpenImis.Fhir.Engine.FhirPath;
using OpenImis.Fhir.Engine.Model;

namespace OpenImis.Fhir.Benchmarks.FhirPath;

/// <summary>
/// One-off costs at start-up: reading the R4 definitions and building the type model, and parsing and compiling every
/// distinct FHIRPath expression of the R4 definitions (search parameters and constraints) with a fresh engine.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 2, iterationCount: 8)]
public class StartupBenchmarks
{
    private string _directory = "";
    private string[] _expressions = [];

    [GlobalSetup]
    public void Setup()
    {
        _directory = DefinitionsDirectory.FindR4();
        _expressions = [.. R4Expressions.Distinct(FhirDefinitions.R4)];
        Console.WriteLine($"// {_expressions.Length} distinct R4 expressions");
    }

    [Benchmark]
    public int LoadDefinitionsAndBuildModel() =>
        FhirModelBuilder.Build(FhirDefinitions.Load(_directory, FhirDefinitions.R4Files)).Types.Count;

    [Benchmark]
    public int CompileAllR4Expressions()
    {
        var engine = new FhirPathEngine(FhirModel.R4);
        var compiled = 0;
        foreach (var expression in _expressions)
        {
            try
            {
                engine.Compile(expression);
                compiled++;
            }
            catch (FhirPathException)
            {
                // the one R4B-only constraint (see docs/fhirpath.md)
            }
        }
        return compiled;
    }
}
