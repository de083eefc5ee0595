namespace OpenImis.Fhir.Engine.FhirPath.Values;

/// <summary>Which System type a <see cref="PartialDateTime"/> is.</summary>
public enum TemporalKind { Date, DateTime, Time }
