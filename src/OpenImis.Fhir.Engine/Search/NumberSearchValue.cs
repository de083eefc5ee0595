namespace OpenImis.Fhir.Engine.Search;

/// <summary>A number with the range its precision implies (search.html#number): 100 is [99.5, 100.5].</summary>
public sealed record NumberSearchValue(decimal Value, decimal Low, decimal High) : SearchValue;
