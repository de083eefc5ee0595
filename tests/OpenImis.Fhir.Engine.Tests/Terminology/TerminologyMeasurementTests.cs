using System.Diagnostics;
using OpenImis.Fhir.Engine.Definitions;
using OpenImis.Fhir.Engine.Terminology;
using OpenImis.Fhir.Engine.Tests.ImplementationGuide;
using Xunit.Abstractions;

namespace OpenImis.Fhir.Engine.Tests.Terminology;

/// <summary>Expands every ValueSet we hold once, and measures what a membership check costs afterwards.</summary>
public sealed class TerminologyMeasurementTests(ITestOutputHelper output)
{
    [Fact]
    public void every_value_set_of_r4_core_v3_v2_and_the_ig_expands_and_most_fully()
    {
        var watch = Stopwatch.StartNew();
        var r4 = FhirDefinitions.R4;
        var extra = FhirDefinitions.Load(DefinitionsDirectory.FindR4(), TerminologyService.R4ExtraTerminologyFiles);
        var ig = TerminologyService.LoadIgTerminology(IgBuild.IgProfiles);
        var service = new TerminologyService([r4, extra, ig]);
        var created = watch.Elapsed;

        watch.Restart();
        int total = 0, complete = 0, incomplete = 0, codes = 0;
        var reasons = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var set in (FhirDefinitions[])[r4, extra, ig])
        {
            foreach (var valueSet in set.ValueSets)
            {
                var url = valueSet.GetProperty("url").GetString()!;
                var expansion = service.Expand(url);
                Assert.NotNull(expansion);
                total++;
                codes += expansion.Count;
                if (expansion.IsComplete)
                {
                    complete++;
                    continue;
                }
                incomplete++;
                var key = ReasonKind(expansion.IncompleteReason!);
                reasons[key] = reasons.GetValueOrDefault(key) + 1;
            }
        }
        var expanded = watch.Elapsed;
        output.WriteLine($"service created in {created.TotalMilliseconds:F0} ms (extra files and IG parsed, R4 shared)");
        output.WriteLine($"{total} ValueSets expanded in {expanded.TotalMilliseconds:F0} ms: {complete} complete, {incomplete} unknown beyond their listed codes; {codes} codes in all");
        foreach (var (reason, count) in reasons.OrderByDescending(r => r.Value)) output.WriteLine($"  {count,4}  {reason}");

        Assert.True(total > 1300, $"only {total} ValueSets");
        Assert.True(complete > incomplete, $"{complete} complete, {incomplete} not");
        // Everything expands from the cache the second time.
        watch.Restart();
        foreach (var valueSet in r4.ValueSets) service.Expand(valueSet.GetProperty("url").GetString()!);
        output.WriteLine($"second pass over the R4 core ValueSets: {watch.Elapsed.TotalMilliseconds:F1} ms");
    }

    [Fact]
    public void a_membership_check_after_expansion_allocates_nothing()
    {
        var service = SharedTerminology.Service;
        const string Gender = "http://hl7.org/fhir/ValueSet/administrative-gender|4.0.1";
        const string MaritalStatus = "http://hl7.org/fhir/ValueSet/marital-status";
        const string Condition = "http://hl7.org/fhir/ValueSet/condition-code";
        string system = "http://hl7.org/fhir/administrative-gender", v3 = SharedTerminology.V3MaritalStatus;
        Check(service, Gender, system, MaritalStatus, v3, Condition); // warm-up: expands and JITs

        const int Rounds = 100_000;
        var before = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < Rounds; i++) Check(service, Gender, system, MaritalStatus, v3, Condition);
        watch.Stop();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        output.WriteLine($"{Rounds * 5} membership checks: {watch.Elapsed.TotalMilliseconds * 1_000_000 / (Rounds * 5):F0} ns each, {allocated} bytes allocated");
        // Tiering may allocate a few bytes once; a check that allocated would cost at least 24 bytes each time.
        Assert.True(allocated < Rounds, $"{allocated} bytes for {Rounds * 5} checks");
    }

    private static void Check(TerminologyService service, string gender, string system, string maritalStatus, string v3, string condition)
    {
        Assert.True(service.Contains(gender, system, "male").IsMember);
        Assert.True(service.Contains(gender, null, "nope").IsNotMember);
        Assert.True(service.Contains(maritalStatus, v3, "M").IsMember);
        Assert.True(service.Contains(condition, SharedTerminology.Snomed, "1").IsUnknown);
        Assert.True(service.Contains("http://example.org/none", system, "male").IsUnknown);
    }

    // "code system X is not held" -> "code system is not held", so the tally groups by kind of reason.
    private static string ReasonKind(string reason)
    {
        var words = reason.Split(' ');
        for (var i = 0; i < words.Length; i++)
        {
            if (words[i].Contains("://", StringComparison.Ordinal) || words[i].StartsWith("urn:", StringComparison.Ordinal)) words[i] = "X";
        }
        return string.Join(' ', words);
    }
}
