using OpenImis.Fhir.Engine.FhirPath;
using OpenImis.Fhir.Engine.FhirPath.Output;
using OpenImis.Fhir.Engine.Model;
using OpenImis.Fhir.Engine.Tests.Conformance;

namespace OpenImis.Fhir.Engine.Tests.FhirPath.Robustness;

/// <summary>Compiled expressions and the compile cache are shared across threads: results must not depend on that.</summary>
public sealed class ConcurrentEvaluationTests
{
    [Fact]
    public void Parallel_evaluations_of_shared_expressions_give_the_sequential_results()
    {
        var engine = new FhirPathEngine(FhirModel.R4);
        var patient = ElementNodeReader.Read(File.ReadAllText(Path.Combine(SharedFolder.FhirPathSuite, "inputs", "patient-example.json")), FhirModel.R4);
        string[] expressions =
        [
            "Patient.name.given", "name.where(use = 'official').given.first()", "telecom.select(use & ':' & value)",
            "(1 | 2 | 3).aggregate($this + $total, 0)", "name.given.sort(-$this)", "birthDate + 1 year",
            "contact.descendants().count()", "name[1].given", "iif(active, 'yes', 'no')", "address.line.join(', ')",
        ];
        var expected = expressions.Select(e => FhirPathResultJson.ToJson(engine.Compile(e).Evaluate(patient))).ToArray();

        var mismatches = new System.Collections.Concurrent.ConcurrentBag<string>();
        Parallel.For(0, 20_000, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            var index = i % expressions.Length;
            // Compile too, so the cache is hit concurrently.
            var actual = FhirPathResultJson.ToJson(engine.Compile(expressions[index]).Evaluate(patient));
            if (actual != expected[index]) mismatches.Add($"{expressions[index]}: {actual} instead of {expected[index]}");
        });

        Assert.Empty(mismatches);
    }
}
