using System.Text;
using OpenImis.Fhir.Engine.Model;
using Xunit.Abstractions;

namespace OpenImis.Fhir.Engine.Tests.Conformance;

/// <summary>The official FHIRPath R4 suite, run whole against the engine, with a shrink-only known-failures list.</summary>
public sealed class FhirPathConformanceTests(ITestOutputHelper output)
{
    [Fact]
    public void FhirPath_R4_suite()
    {
        var cases = ConformanceSuite.Load();
        Assert.True(cases.Count >= ConformanceSuite.MinimumTestCount,
            $"Only {cases.Count} tests found in {ConformanceSuite.SuiteFile}; the whole suite ({ConformanceSuite.MinimumTestCount}) must run.");
        var duplicates = cases.GroupBy(c => c.Name).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(duplicates.Count == 0, "Duplicate test names: " + string.Join(", ", duplicates));

        var runner = new ConformanceRunner(FhirModel.R4);
        var outcomes = cases.Select(runner.Run).ToList();
        var known = KnownFailures.Load();

        var passed = outcomes.Count(o => o.Passed);
        var summary = $"FHIRPath R4 suite: {passed} passed, {outcomes.Count - passed} failed";
        var unexpected = outcomes.Where(o => !o.Passed && !known.ContainsKey(o.Case.Name)).ToList();
        var fixedNow = outcomes.Where(o => o.Passed && known.ContainsKey(o.Case.Name)).ToList();
        var stale = known.Keys.Except(cases.Select(c => c.Name)).ToList();

        var report = new StringBuilder();
        report.AppendLine(summary);
        report.AppendLine($"({known.Count} known failures listed in {KnownFailures.FileName}; "
            + $"invalid tests rejected at compile time: {outcomes.Count(o => o.Category == "invalid: rejected at compile time")}, "
            + $"at evaluation: {outcomes.Count(o => o.Category == "invalid: rejected at evaluation")})");
        report.AppendLine();
        report.AppendLine("Failures by category:");
        foreach (var category in outcomes.Where(o => !o.Passed).GroupBy(o => o.Category).OrderByDescending(g => g.Count()))
        {
            report.AppendLine($"  {category.Count(),4}  {category.Key}");
        }
        report.AppendLine();
        report.AppendLine("Failures:");
        foreach (var failure in outcomes.Where(o => !o.Passed))
        {
            report.AppendLine($"{failure.Case.Name}  # {failure.Reason}  [{failure.Case.Expression.ReplaceLineEndings(" ")}]");
        }

        output.WriteLine(summary);
        Console.WriteLine(summary);
        Directory.CreateDirectory("TestResults");
        var reportPath = Path.GetFullPath(Path.Combine("TestResults", "fhirpath-conformance.txt"));
        File.WriteAllText(reportPath, report.ToString());
        output.WriteLine("Report: " + reportPath);
        Console.WriteLine("FHIRPath R4 suite report: " + reportPath);

        var problems = new StringBuilder();
        foreach (var o in unexpected) problems.AppendLine($"  failed (not a known failure): {o.Case.Name}: {o.Reason}");
        foreach (var o in fixedNow) problems.AppendLine($"  passes now, remove it from {KnownFailures.FileName}: {o.Case.Name}");
        foreach (var name in stale) problems.AppendLine($"  listed in {KnownFailures.FileName} but not in the suite: {name}");
        Assert.True(problems.Length == 0, $"{summary}\n{problems}");
    }

    [Fact]
    public void suite_reader_finds_strict_invalid_predicate_and_unordered_tests()
    {
        var cases = ConformanceSuite.Load().ToDictionary(c => c.Name);
        Assert.True(cases["testSimpleFail"].Strict);
        Assert.Equal("semantic", cases["testSimpleFail"].Invalid);
        Assert.Equal("semantic", cases["testIif6"].Invalid); // invalid and mode on the <expression>
        Assert.True(cases["testIif6"].Strict);
        Assert.True(cases["testPatientHasBirthDate"].Predicate);
        Assert.False(cases["testExtractBirthDate"].Predicate);
        Assert.False(cases["testExpressions"].Ordered);
        Assert.Equal(new ExpectedOutput("date", "@1974-12-25"), cases["testExtractBirthDate"].Outputs.Single());
        Assert.Null(cases["LowBoundaryDecimal2"].InputFile);
    }

    [Fact]
    public void known_failures_file_parses_names_and_reasons()
    {
        var parsed = KnownFailures.Parse(["# comment", "", "testA  # needs UCUM", "testB"]);
        Assert.Equal("needs UCUM", parsed["testA"]);
        Assert.Equal("", parsed["testB"]);
        Assert.Equal(2, parsed.Count);
        Assert.Throws<InvalidDataException>(() => KnownFailures.Parse(["x", "x # again"]));
        Assert.NotNull(KnownFailures.Load());
    }
}
