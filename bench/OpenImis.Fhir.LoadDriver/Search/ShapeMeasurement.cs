using OpenImis.Fhir.LoadDriver.Measurement;

namespace OpenImis.Fhir.LoadDriver.Search;

/// <summary>The measured requests of one shape: latency of the good answers, failures (HTTP errors and wrong answers), mean matches and includes.</summary>
internal sealed record ShapeMeasurement(int Requests, int Errors, LatencySummary Latency, double MeanMatches, double MeanIncluded, IReadOnlyList<string> ErrorSamples);
