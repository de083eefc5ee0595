using System.Xml.Linq;

namespace OpenImis.Fhir.Engine.Tests.Conformance;

/// <summary>Reads <c>tests-fhir-r4.xml</c>: groups of tests, each with an expression and its expected outputs.</summary>
internal static class ConformanceSuite
{
    /// <summary>
    /// The number of <c>&lt;test&gt;</c> elements an XML parser sees in the R4 file. The README says 937: that count
    /// includes tests inside XML comments (a disabled group), which are not tests.
    /// </summary>
    public const int MinimumTestCount = 935;

    public static string SuiteFile => Path.Combine(SharedFolder.FhirPathSuite, "tests-fhir-r4.xml");

    /// <summary>The JSON form of a suite input: <c>patient-example.xml</c> is read from <c>inputs/patient-example.json</c>.</summary>
    public static string InputPath(string inputFile) =>
        Path.Combine(SharedFolder.FhirPathSuite, "inputs", Path.GetFileNameWithoutExtension(inputFile) + ".json");

    public static IReadOnlyList<ConformanceCase> Load()
    {
        var document = XDocument.Load(SuiteFile);
        var cases = new List<ConformanceCase>();
        var unnamed = 0;
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var test in document.Descendants("test"))
        {
            var expression = test.Element("expression") ?? throw new InvalidDataException($"A test without expression: {test}");
            var group = test.Parent?.Attribute("name")?.Value ?? "";
            var name = test.Attribute("name")?.Value ?? $"{group}#unnamed{++unnamed}";
            // The suite reuses a few names (testEquivalent23): later ones get #2, #3 so each test has its own key.
            seen[name] = seen.GetValueOrDefault(name) + 1;
            if (seen[name] > 1) name = $"{name}#{seen[name]}";
            // mode and invalid may sit on the <test> or on its <expression>.
            var mode = (string?)expression.Attribute("mode") ?? (string?)test.Attribute("mode");
            var invalid = (string?)expression.Attribute("invalid") ?? (string?)test.Attribute("invalid");
            var outputs = test.Elements("output")
                .Select(o => new ExpectedOutput((string?)o.Attribute("type"), o.Value))
                .ToList();
            cases.Add(new ConformanceCase(
                name,
                group,
                expression.Value,
                (string?)test.Attribute("inputfile"),
                Strict: mode == "strict",
                Predicate: (string?)test.Attribute("predicate") == "true",
                Invalid: invalid,
                Ordered: (string?)test.Attribute("ordered") != "false",
                Version: (string?)test.Attribute("version"),
                outputs));
        }
        return cases;
    }
}
