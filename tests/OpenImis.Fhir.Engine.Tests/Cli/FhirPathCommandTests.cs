using System.Diagnostics;
using System.Text.Json.Nodes;

namespace OpenImis.Fhir.Engine.Tests.Cli;

public sealed class FhirPathCommandTests
{
    private static JsonObject Line(string line) => JsonNode.Parse(line)!.AsObject();

    [Fact]
    public void prints_one_json_line_per_expression_in_order()
    {
        var (exit, lines, error) = CliRunner.Run("fhirpath", "--resource", CliRunner.Input("patient-example.json"), "birthDate", "name.given.count()");
        Assert.True(exit == 0, error);
        Assert.Equal(2, lines.Length);
        Assert.Equal("""{"expression":"birthDate","result":[{"type":"date","value":"1974-12-25"}]}""", lines[0]);
        Assert.Equal("""{"expression":"name.given.count()","result":[{"type":"integer","value":5}]}""", lines[1]);
    }

    [Fact]
    public void complex_elements_print_as_fhir_json()
    {
        var (exit, lines, error) = CliRunner.Run("fhirpath", "-r", CliRunner.Input("observation-example.json"), "value");
        Assert.True(exit == 0, error);
        var item = Line(lines.Single())["result"]!.AsArray().Single()!;
        Assert.Equal("Quantity", (string?)item["type"]);
        Assert.Equal(185m, (decimal)item["value"]!["value"]!);
        Assert.Equal("[lb_av]", (string?)item["value"]!["code"]);
    }

    [Fact]
    public void without_a_resource_the_context_is_empty()
    {
        var (exit, lines, _) = CliRunner.Run("fhirpath", "1 + 1", "name.exists()", "1.50 'mg'");
        Assert.Equal(0, exit);
        Assert.Equal("""{"expression":"1 + 1","result":[{"type":"integer","value":2}]}""", lines[0]);
        Assert.Equal("""{"expression":"name.exists()","result":[{"type":"boolean","value":false}]}""", lines[1]);
        Assert.Equal("""{"expression":"1.50 'mg'","result":[{"type":"Quantity","value":{"value":1.50,"unit":"mg"}}]}""", lines[2]);
    }

    [Fact]
    public void a_syntax_error_is_reported_with_its_position_and_exit_code_1()
    {
        var (exit, lines, _) = CliRunner.Run("fhirpath", "1 +", "2");
        Assert.Equal(1, exit);
        Assert.Equal(2, lines.Length);
        var first = Line(lines[0]);
        Assert.Equal("1 +", (string?)first["expression"]);
        Assert.Null(first["result"]);
        Assert.StartsWith("Syntax error at position ", (string?)first["error"]);
        Assert.Equal("""{"expression":"2","result":[{"type":"integer","value":2}]}""", lines[1]);
    }

    [Fact]
    public void strict_mode_rejects_paths_the_resource_type_does_not_have()
    {
        var patient = CliRunner.Input("patient-example.json");
        var (lenientExit, lenient, _) = CliRunner.Run("fhirpath", "--resource", patient, "name.given1");
        Assert.Equal(0, lenientExit);
        Assert.Equal("""{"expression":"name.given1","result":[]}""", lenient.Single());

        var (strictExit, strict, _) = CliRunner.Run("fhirpath", "--strict", "--resource", patient, "name.given1");
        Assert.Equal(1, strictExit);
        Assert.StartsWith("Compile error", (string?)Line(strict.Single())["error"]);
    }

    [Fact]
    public void double_dash_lets_expressions_start_with_a_minus()
    {
        var (exit, lines, error) = CliRunner.Run("fhirpath", "--", "-1 + 3");
        Assert.True(exit == 0, error);
        Assert.Equal("""{"expression":"-1 + 3","result":[{"type":"integer","value":2}]}""", lines.Single());
    }

    [Fact]
    public void an_expression_starting_with_at_is_a_date_literal_not_a_response_file()
    {
        var (exit, lines, error) = CliRunner.Run("fhirpath", "@2015-02-04");
        Assert.True(exit == 0, error);
        Assert.Equal("""{"expression":"@2015-02-04","result":[{"type":"date","value":"2015-02-04"}]}""", lines.Single());
    }

    [Fact]
    public void a_missing_or_invalid_resource_exits_2_with_a_message()
    {
        var (missingExit, missingOut, missingError) = CliRunner.Run("fhirpath", "--resource", "/nonexistent/patient.json", "name");
        Assert.Equal(2, missingExit);
        Assert.Empty(missingOut);
        Assert.Contains("/nonexistent/patient.json", missingError);

        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, "{ not json");
            var (invalidExit, _, invalidError) = CliRunner.Run("fhirpath", "--resource", file, "name");
            Assert.Equal(2, invalidExit);
            Assert.Contains("is not a FHIR JSON resource", invalidError);

            File.WriteAllText(file, """{"name": []}""");
            var (noTypeExit, _, noTypeError) = CliRunner.Run("fhirpath", "--resource", file, "name");
            Assert.Equal(2, noTypeExit);
            Assert.Contains("resourceType", noTypeError);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void usage_errors_exit_2()
    {
        var (noExpressionExit, _, noExpressionError) = CliRunner.Run("fhirpath");
        Assert.Equal(2, noExpressionExit);
        Assert.Contains("--help", noExpressionError);
        Assert.Equal(2, CliRunner.Run("nosuchverb").ExitCode);
    }

    [Fact]
    public void help_describes_the_fhirpath_verb()
    {
        var (exit, lines, _) = CliRunner.Run("fhirpath", "--help");
        Assert.Equal(0, exit);
        var help = string.Join("\n", lines);
        Assert.Contains("--resource", help);
        Assert.Contains("--strict", help);
        Assert.Contains("Evaluate FHIRPath expressions", help);

        var (rootExit, rootLines, _) = CliRunner.Run("--help");
        Assert.Equal(0, rootExit);
        Assert.Contains(rootLines, l => l.StartsWith("fhirpath", StringComparison.Ordinal));
    }

    [Fact]
    public async Task the_built_executable_runs_as_a_process()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "openimis-fhir.dll");
        Assert.True(File.Exists(dll), $"{dll} is not built");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "exec", dll, "fhirpath", "--resource", CliRunner.Input("patient-example.json"), "--", "birthDate", "-(1)" })
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        var error = await stderr;
        Assert.True(process.ExitCode == 0, $"exit {process.ExitCode}: {error}");
        var lines = (await stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(
            [
                """{"expression":"birthDate","result":[{"type":"date","value":"1974-12-25"}]}""",
                """{"expression":"-(1)","result":[{"type":"integer","value":-1}]}""",
            ],
            lines);
    }
}
