using System.Diagnostics;
using System.Text.Json;
using OpenImis.Fhir.Engine.Model;
using OpenImis.Fhir.Engine.Tests.ImplementationGuide;
using OpenImis.Fhir.Engine.Validation;
using OpenImis.Fhir.Engine.Validation.Json;
using Xunit.Abstractions;

namespace OpenImis.Fhir.Engine.Tests.Validation;

/// <summary>Real FHIR JSON passes the shape check: the FHIRPath suite's inputs (HL7's examples) and our IG examples.</summary>
public sealed class ConformantExamplesTests(ITestOutputHelper output)
{
    public static TheoryData<string> FhirPathInputs()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(SharedFolder.FhirPathSuite, "inputs"), "*.json").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }
        return data;
    }

    public static TheoryData<string> IgExamples()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(IgBuild.IgProfiles, "*.json").Order(StringComparer.Ordinal))
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file));
            var type = document.RootElement.GetProperty("resourceType").GetString();
            if (type is "StructureDefinition" or "CodeSystem" or "ValueSet") continue;
            data.Add(Path.GetFileName(file));
        }
        return data;
    }

    // Suite inputs that are not conformant FHIR JSON themselves, with the exact issue they must produce.
    // patient-name-extensions.json: "given": [null, "James"] but "_given" has one entry; json.html#primitive keeps the
    // two arrays aligned position by position (same length), so James has no _given counterpart.
    private static readonly Dictionary<string, string> NonConformantInputs = new(StringComparer.Ordinal)
    {
        ["patient-name-extensions.json"] = "json-array-length-mismatch at Patient.name[0].given",
    };

    [Theory]
    [MemberData(nameof(FhirPathInputs))]
    public void the_fhirpath_suite_inputs_have_no_shape_issues(string file)
    {
        var issues = ShapeCheck.RunFile(Path.Combine(SharedFolder.FhirPathSuite, "inputs", file));

        if (NonConformantInputs.TryGetValue(file, out var expected))
        {
            Assert.Equal([expected], issues.Select(i => $"{i.Rule} at {i.Location}"));
            return;
        }
        Assert.True(issues.Count == 0, ShapeCheck.Describe(issues));
    }

    [Theory]
    [MemberData(nameof(IgExamples))]
    public void the_ig_examples_have_no_shape_issues(string file)
    {
        var issues = ShapeCheck.RunFile(Path.Combine(IgBuild.IgProfiles, file));

        Assert.True(issues.Count == 0, ShapeCheck.Describe(issues));
    }

    [Fact]
    public void the_ig_has_examples_to_check()
    {
        Assert.True(IgExamples().Count >= 25);
    }

    [Fact]
    public void cost_per_patient_is_measured()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(SharedFolder.FhirPathSuite, "inputs", "patient-example.json")));
        var root = document.RootElement;
        var issues = new List<ValidationIssue>();
        for (var i = 0; i < 20_000; i++) FhirJsonShapeChecker.Check(root, FhirModel.R4, issues); // warm-up (tiered JIT)
        Assert.Empty(issues);

        const int iterations = 200_000;
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < iterations; i++) FhirJsonShapeChecker.Check(root, FhirModel.R4, issues);
        watch.Stop();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;

        Assert.Empty(issues);
        var microseconds = watch.Elapsed.TotalMicroseconds / iterations;
        output.WriteLine(
            $"shape check, patient-example.json: {microseconds:F2} µs per Patient, {1_000_000 / microseconds:N0} per second on one core, " +
            $"{allocated / iterations} bytes allocated per check");
    }
}
