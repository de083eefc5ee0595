using OpenImis.Fhir.Benchmarks.FhirPath;
using OpenImis.Fhir.Engine.Definitions;
using OpenImis.Fhir.Engine.FhirPath;
using OpenImis.Fhir.Engine.Model;
using OpenImis.Fhir.Engine.Tests.Conformance;
using Xunit.Abstractions;

namespace OpenImis.Fhir.Engine.Tests.FhirPath.Robustness;

/// <summary>
/// The engine's promise to its callers (validator, search, server): an expression either gives a result or fails with a
/// <see cref="FhirPathException"/> that names the problem. Anything else (a cast, null or index error) would become a
/// 500 in the server. These tests evaluate many expressions on many resources, far more combinations than anyone
/// wrote by hand, and fail on any other exception.
/// </summary>
public sealed class EvaluationRobustnessTests(ITestOutputHelper output)
{
    private static readonly FhirPathEngine Engine = new(FhirModel.R4);

    [Fact]
    public void Every_suite_expression_on_every_suite_input_fails_only_with_FhirPath_errors()
    {
        var inputs = Directory.GetFiles(Path.Combine(SharedFolder.FhirPathSuite, "inputs"), "*.json").Select(ReadResource).ToList();
        var expressions = ConformanceSuite.Load().Select(c => c.Expression).Distinct().ToList();
        var (evaluations, errors, unexpected) = EvaluateAll(expressions, inputs);
        output.WriteLine($"{expressions.Count} expressions x {inputs.Count} inputs: {evaluations} evaluations, {errors} FHIRPath errors, {unexpected.Count} other exceptions");
        Assert.True(unexpected.Count == 0, string.Join(Environment.NewLine, unexpected.Take(20)));
    }

    [Fact]
    public void Every_R4_definition_expression_on_every_example_fails_only_with_FhirPath_errors()
    {
        var inputs = Directory.GetFiles(Path.Combine(SharedFolder.FhirPathSuite, "inputs"), "*.json")
            .Concat(Directory.GetFiles(SharedFolder.OpenImisExamples, "*.json"))
            .Select(ReadResource)
            .ToList();
        var expressions = R4Expressions.Distinct(FhirDefinitions.R4);
        var (evaluations, errors, unexpected) = EvaluateAll(expressions, inputs);
        output.WriteLine($"{expressions.Count} expressions x {inputs.Count} resources: {evaluations} evaluations, {errors} FHIRPath errors, {unexpected.Count} other exceptions");
        Assert.True(evaluations > 50_000, $"Expected the ~1,550 distinct R4 expressions on all examples, got {evaluations} evaluations.");
        Assert.True(unexpected.Count == 0, string.Join(Environment.NewLine, unexpected.Take(20)));
    }

    private static ElementNode ReadResource(string file) => ElementNodeReader.Read(File.ReadAllText(file), FhirModel.R4);

    private static (int Evaluations, int Errors, List<string> Unexpected) EvaluateAll(IReadOnlyList<string> expressions, IReadOnlyList<ElementNode> inputs)
    {
        var environment = new FhirPathEnvironment { ResolveReference = ReferenceStubs.For(FhirModel.R4) };
        int evaluations = 0, errors = 0;
        var unexpected = new List<string>();
        foreach (var text in expressions)
        {
            CompiledExpression compiled;
            try
            {
                compiled = Engine.Compile(text);
            }
            catch (FhirPathException)
            {
                errors++;
                continue;
            }
            foreach (var input in inputs)
            {
                evaluations++;
                try
                {
                    compiled.Evaluate(input, environment);
                }
                catch (FhirPathException)
                {
                    errors++;
                }
                catch (Exception e)
                {
                    unexpected.Add($"{e.GetType().Name} on {input.TypeName}/{input.Children("id").FirstOrDefault()}: {text}: {e.Message}");
                }
            }
        }
        return (evaluations, errors, unexpected);
    }
}
