namespace OpenImis.Fhir.Engine.Tests.Conformance;

/// <summary>What running one suite test gave. <see cref="Category"/> groups failures for the report.</summary>
internal sealed record ConformanceOutcome(ConformanceCase Case, bool Passed, string Category, string Detail)
{
    public static ConformanceOutcome Pass(ConformanceCase test, string category) => new(test, true, category, "");

    public static ConformanceOutcome Fail(ConformanceCase test, string category, string detail) => new(test, false, category, detail);

    public string Reason => Detail.Length == 0 ? Category : $"{Category}: {Detail}";
}
