namespace OpenImis.Fhir.Engine.Search;

/// <summary>A value a resource holds for a search parameter, in the form search compares (one subtype per parameter type).</summary>
public abstract record SearchValue;
