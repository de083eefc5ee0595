using System.Text.Json.Nodes;
using OpenImis.Fhir.Benchmarks.FhirPath;
using OpenImis.Fhir.Engine.FhirPath;
using OpenImis.Fhir.Engine.FhirPath.Output;
using OpenImis.Fhir.Engine.Model;
using OpenImis.Fhir.Engine.Tests.Conformance;
using Xunit.Abstractions;

namespace OpenImis.Fhir.Engine.Tests.Differential;

/// <summary>
/// Our engine against the HL7 reference engine (fhirpath.js 4.11.0, run by Node) on every R4 search-parameter
/// expression and resource-level invariant that applies to the FHIR examples and the openIMIS IG examples.
/// Results must be equal (type and FHIR JSON value) except for the cases listed, each with the reason the
/// specification gives us, in fhirpath-reference-differences.txt. The list can only shrink: a listed case that
/// agrees fails the test too.
/// </summary>
public sealed class ReferenceEngineDifferentialTests(ITestOutputHelper output)
{
    private const string DifferencesFile = "fhirpath-reference-differences.txt";

    [Fact]
    public void Results_equal_the_reference_engine_except_for_listed_spec_differences()
    {
        var root = FhirPathWorkload.FindRepositoryRoot(AppContext.BaseDirectory);
        var work = Directory.CreateTempSubdirectory("openimis-differential-");
        var workloadFile = Path.Combine(work.FullName, "workload.json");
        var referenceFile = Path.Combine(work.FullName, "reference.json");
        NodeProcess.Run(root, "bench/reference/workload.mjs", "--shared", Path.GetRelativePath(root, SharedFolder.Path), "--out", workloadFile);
        NodeProcess.Run(root, "bench/reference/evaluate.mjs", workloadFile, "--out", referenceFile);

        var model = FhirModel.R4;
        var workload = FhirPathWorkload.Load(workloadFile, root, model);
        var reference = JsonNode.Parse(File.ReadAllText(referenceFile))!["results"]!.AsObject();
        var engine = new FhirPathEngine(model);
        var environment = FhirPathWorkload.Environment(model);
        var known = KnownFailures.Parse(File.ReadAllLines(Path.Combine(root, "tests", "OpenImis.Fhir.Engine.Tests", "Differential", DifferencesFile)));

        var differences = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var agree = 0;
        foreach (var c in workload.Cases)
        {
            var ours = Evaluate(engine, environment, c.Expression, workload.Resources[c.Resource]);
            var theirs = reference[c.Id] ?? throw new InvalidDataException($"No reference result for {c.Id}");
            var difference = Compare(theirs, ours);
            if (difference is null) agree++;
            else differences[c.Id] = $"{difference}  [{c.Expression}]";
        }

        var unexpected = differences.Where(d => !known.Keys.Any(k => Matches(k, d.Key))).Select(d => $"{d.Key}  # {d.Value}").ToList();
        var nowAgreeing = known.Keys.Where(k => !differences.Keys.Any(id => Matches(k, id))).Select(k => $"{k}: agrees now, remove it from {DifferencesFile}").ToList();
        var summary = $"Differential check against fhirpath.js 4.11.0: {workload.Cases.Count} cases " +
            $"({workload.Cases.Count(c => c.Kind == "search")} search, {workload.Cases.Count(c => c.Kind == "invariant")} invariant) " +
            $"over {workload.Resources.Count} resources: {agree} equal, {differences.Count} differ ({differences.Count - unexpected.Count} listed with a reason)";
        output.WriteLine(summary);
        Console.WriteLine(summary);
        foreach (var line in differences) output.WriteLine($"{line.Key}  # {line.Value}");
        work.Delete(recursive: true);

        Assert.True(workload.Cases.Count > 900, $"The workload should hold the ~1000 applicable R4 expressions, found {workload.Cases.Count}.");
        Assert.True(unexpected.Count == 0 && nowAgreeing.Count == 0,
            string.Join(Environment.NewLine, unexpected.Concat(nowAgreeing)));
    }

    // An entry ending in '*' covers every case id that starts with the rest (one reason for a family of cases).
    private static bool Matches(string entry, string caseId) =>
        entry.EndsWith('*') ? caseId.StartsWith(entry[..^1], StringComparison.Ordinal) : entry == caseId;

    private static JsonNode Evaluate(FhirPathEngine engine, FhirPathEnvironment environment, string expression, ElementNode resource)
    {
        try
        {
            return new JsonObject { ["result"] = JsonNode.Parse(FhirPathResultJson.ToJson(engine.Compile(expression).Evaluate(resource, environment))) };
        }
        catch (FhirPathException error)
        {
            return new JsonObject { ["error"] = error.Message };
        }
    }

    // Both failed: equal (messages differ by engine). One failed: a difference. Otherwise type and value of each item.
    private static string? Compare(JsonNode theirs, JsonNode ours)
    {
        var theirError = theirs["error"]?.GetValue<string>();
        var ourError = ours["error"]?.GetValue<string>();
        if (theirError is not null || ourError is not null)
        {
            if (theirError is not null && ourError is not null) return null;
            return theirError is not null ? $"reference error ({theirError}), ours {ours["result"]!.ToJsonString()}" : $"our error ({ourError}), reference {theirs["result"]!.ToJsonString()}";
        }
        var difference = JsonSemantics.FirstDifference(theirs["result"], ours["result"]);
        return difference is null ? null : $"{difference}";
    }
}
