namespace OpenImis.Fhir.Engine.FhirPath.Values;

/// <summary>The last component a partial date, date-time or time value states.</summary>
public enum DateTimePrecision { Year, Month, Day, Hour, Minute, Second, Millisecond }
