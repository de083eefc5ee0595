namespace OpenImis.Fhir.Engine.Validation.Compilation;

/// <summary>
/// Known defects in R4 constraint expressions, corrected before compiling. dom-3 applies the <c>as()</c> function
/// to <c>%resource.descendants()</c>, a collection, which FHIRPath makes an error for more than one item; R5
/// (http://hl7.org/fhir/R5/domainresource.html#invs) replaced it with <c>ofType()</c>, which means what R4 intended.
/// </summary>
internal static class ConstraintCorrections
{
    public static string Correct(string key, string expression) => key switch
    {
        "dom-3" => expression.Replace(".descendants().as(", ".descendants().ofType(", StringComparison.Ordinal),
        _ => expression,
    };
}
