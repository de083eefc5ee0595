namespace OpenImis.Fhir.DataGenerator.Model;

/// <summary>
/// One transaction Bundle (UTF-8 JSON) of a data set: <see cref="Resources"/> lists what it writes as <c>Type/id</c>,
/// in entry order. Every entry is a PUT with the resource's id, so sending a Bundle again writes new versions of the
/// same resources.
/// </summary>
public sealed record DataSetBundle(int Index, DataSetPhase Phase, IReadOnlyList<string> Resources, ReadOnlyMemory<byte> Json);
