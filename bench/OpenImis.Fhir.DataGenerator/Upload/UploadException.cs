namespace OpenImis.Fhir.DataGenerator.Upload;

/// <summary>A Bundle the server refused, or that failed after every retry; the run stops.</summary>
internal sealed class UploadException(string message) : Exception(message);
