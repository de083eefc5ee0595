namespace OpenImis.Fhir.Engine.Search;

/// <summary>A Quantity (or Money: the currency is the code) with its precision range, system, code and unit.</summary>
public sealed record QuantitySearchValue(decimal Value, decimal Low, decimal High, string? System, string? Code, string? Unit) : SearchValue;
