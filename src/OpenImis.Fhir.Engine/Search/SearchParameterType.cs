namespace OpenImis.Fhir.Engine.Search;

/// <summary>SearchParameter.type (http://hl7.org/fhir/R4/search.html#ptypes).</summary>
public enum SearchParameterType
{
    Number,
    Date,
    String,
    Token,
    Reference,
    Composite,
    Quantity,
    Uri,
    Special,
}
