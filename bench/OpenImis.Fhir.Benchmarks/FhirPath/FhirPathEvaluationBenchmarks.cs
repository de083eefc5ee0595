using BenchmarkDotNet.Attributes;
using OpenImis.Fhir.Engine.FhirPath;
using OpenImis.Fhir.Engine.Model;

namespace OpenImis.Fhir.Benchmarks.FhirPath;

/// <summary>
/// Evaluates every case of one kind of the shared workload once per invocation (expressions compiled and resources
/// read beforehand, as the reference side does). Evaluations per second = <see cref="CaseCount"/> / mean time;
/// bench/run-fhirpath.sh does that arithmetic and puts the reference engine beside it.
/// </summary>
[MemoryDiagnoser]
public class FhirPathEvaluationBenchmarks
{
    private CompiledExpression[] _expressions = [];
    private ElementNode[] _inputs = [];
    private FhirPathEnvironment _environment = FhirPathEnvironment.Default;

    [Params("search", "invariant")]
    public string Kind { get; set; } = "search";

    public int CaseCount => _expressions.Length;

    [GlobalSetup]
    public void Setup()
    {
        var workloadFile = System.Environment.GetEnvironmentVariable("OPENIMIS_FHIRPATH_WORKLOAD")
            ?? throw new InvalidOperationException("Set OPENIMIS_FHIRPATH_WORKLOAD (bench/run-fhirpath.sh does).");
        var model = FhirModel.R4;
        var root = FhirPathWorkload.FindRepositoryRoot(Path.GetDirectoryName(Path.GetFullPath(workloadFile))!);
        var workload = FhirPathWorkload.Load(workloadFile, root, model);
        var engine = new FhirPathEngine(model);
        _environment = FhirPathWorkload.Environment(model);
        var expressions = new List<CompiledExpression>();
        var inputs = new List<ElementNode>();
        var excluded = 0;
        foreach (var c in workload.Cases)
        {
            if (c.Kind != Kind) continue;
            try
            {
                var compiled = engine.Compile(c.Expression);
                var input = workload.Resources[c.Resource];
                compiled.Evaluate(input, _environment);
                expressions.Add(compiled);
                inputs.Add(input);
            }
            catch (FhirPathException)
            {
                excluded++; // cases that fail are not timed, as on the reference side
            }
        }
        _expressions = [.. expressions];
        _inputs = [.. inputs];
        Console.WriteLine($"// {Kind}: {_expressions.Length} cases timed, {excluded} excluded");
        // The run script turns time per invocation into evaluations per second with this count.
        File.WriteAllText($"{workloadFile}.{Kind}.cases.json", $$"""{"cases": {{_expressions.Length}}, "excluded": {{excluded}}}""");
    }

    [Benchmark]
    public int EvaluateAllCases()
    {
        var total = 0;
        var expressions = _expressions;
        var inputs = _inputs;
        for (var i = 0; i < expressions.Length; i++)
        {
            total += expressions[i].Evaluate(inputs[i], _environment).Count;
        }
        return total;
    }
}
