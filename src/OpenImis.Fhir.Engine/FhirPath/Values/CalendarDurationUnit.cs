namespace OpenImis.Fhir.Engine.FhirPath.Values;

/// <summary>The FHIRPath calendar duration keywords (spec 2.1.5 "Time-valued quantities"), singular and plural.</summary>
internal enum CalendarDurationUnit { Year, Month, Week, Day, Hour, Minute, Second, Millisecond }
