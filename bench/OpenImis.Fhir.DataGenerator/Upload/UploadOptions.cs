namespace OpenImis.Fhir.DataGenerator.Upload;

/// <summary>Where and how to send the Bundles. <see cref="Resume"/>: skip a Bundle whose last resource exists.</summary>
internal sealed record UploadOptions(Uri BaseUrl, int Clients, bool Resume, int MaxAttempts = 4);
