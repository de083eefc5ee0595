using System.Xml.Linq;
using OpenImis.Fhir.Engine.FhirPath;
using OpenImis.Fhir.Engine.FhirPath.Parsing;
using Xunit.Abstractions;

namespace OpenImis.Fhir.Engine.Tests.FhirPath.Parsing;

/// <summary>Parses every expression of the official FHIRPath R4 suite: only those marked invalid="syntax" may fail.</summary>
public class ConformanceSuiteParseTests(ITestOutputHelper output)
{
    private const string SuiteFolder = "shared/conformance/fhirpath";
    private const string SuiteFile = "tests-fhir-r4.xml";

    [Fact]
    public void Every_suite_expression_parses_unless_marked_invalid_syntax()
    {
        var suite = XDocument.Load(FindSuite(), LoadOptions.PreserveWhitespace);
        var failures = new List<string>();
        int parsed = 0, rejected = 0;
        foreach (var expression in suite.Descendants("expression"))
        {
            var text = expression.Value;
            var name = expression.Parent?.Attribute("name")?.Value ?? "(unnamed)";
            var invalid = expression.Attribute("invalid")?.Value;
            var mustFail = invalid == "syntax";
            // A test that expects an error at a later stage may also be refused by the grammar (e.g. a time literal with a zone).
            var mayFail = invalid is not null;
            try
            {
                FhirPathParser.Parse(text);
                parsed++;
                if (mustFail)
                {
                    failures.Add($"{name}: parsed but is marked invalid=\"syntax\": {text}");
                }
            }
            catch (FhirPathSyntaxException error)
            {
                rejected++;
                if (!mayFail)
                {
                    failures.Add($"{name}: {error.Message}: {text}");
                }
            }
        }

        output.WriteLine($"FHIRPath R4 suite: {parsed + rejected} expressions, {parsed} parsed, {rejected} rejected as syntax errors, {failures.Count} mismatches.");
        Assert.True(parsed + rejected > 900, $"Expected the R4 suite's ~939 expressions, found {parsed + rejected}");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    private static string FindSuite()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, SuiteFolder, SuiteFile);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"Could not find {SuiteFolder}/{SuiteFile} in any directory above {AppContext.BaseDirectory}; the FHIRPath conformance suite must be checked out there.");
    }
}
