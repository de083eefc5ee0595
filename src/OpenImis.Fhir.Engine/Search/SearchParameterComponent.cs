namespace OpenImis.Fhir.Engine.Search;

/// <summary>A component of a composite search parameter: the component's definition and its expression relative to the composite's value.</summary>
public sealed record SearchParameterComponent(string Definition, string Expression);
