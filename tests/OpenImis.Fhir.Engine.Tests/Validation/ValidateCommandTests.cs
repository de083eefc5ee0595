using System.Text.Json;
using OpenImis.Fhir.Engine.Tests.Cli;
using OpenImis.Fhir.Engine.Tests.ImplementationGuide;

namespace OpenImis.Fhir.Engine.Tests.Validation;

/// <summary>The <c>validate</c> verb: one OperationOutcome line per file, exit 0 valid, 1 errors, 2 unreadable.</summary>
public sealed class ValidateCommandTests
{
    private static string InvalidCase(string name) =>
        Path.Combine(IgBuild.RepositoryRoot, "tests", "OpenImis.Fhir.Engine.Tests", "ImplementationGuide", "Invalid", name);

    [Fact]
    public void a_valid_ig_example_exits_0_with_no_error_issue()
    {
        var (exitCode, lines, error) = CliRunner.Run("validate", "--ig", IgBuild.IgProfiles, Path.Combine(IgBuild.IgProfiles, "Patient-john-doe.json"));
        Assert.True(exitCode == 0, error + string.Join("\n", lines));
        var line = Assert.Single(lines);
        using var document = JsonDocument.Parse(line);
        var issues = document.RootElement.GetProperty("outcome").GetProperty("issue").EnumerateArray();
        Assert.DoesNotContain(issues, i => i.GetProperty("severity").GetString() is "error" or "fatal");
    }

    [Fact]
    public void an_invalid_case_exits_1_with_the_expected_issue()
    {
        var (exitCode, lines, _) = CliRunner.Run("validate", "--ig", IgBuild.IgProfiles, InvalidCase("openimis-patient/missing-birth-date.json"));
        Assert.Equal(1, exitCode);
        using var document = JsonDocument.Parse(Assert.Single(lines));
        var error = document.RootElement.GetProperty("outcome").GetProperty("issue").EnumerateArray()
            .Single(i => i.GetProperty("severity").GetString() == "error");
        Assert.Equal(("required", "Patient"), (error.GetProperty("code").GetString(), error.GetProperty("expression")[0].GetString()));
    }

    [Fact]
    public void a_missing_file_exits_2()
    {
        var (exitCode, _, error) = CliRunner.Run("validate", Path.Combine(IgBuild.IgProfiles, "no-such-file.json"));
        Assert.Equal(2, exitCode);
        Assert.Contains("no-such-file.json", error, StringComparison.Ordinal);
    }
}
