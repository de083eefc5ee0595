using System.Text.Json.Nodes;

namespace OpenImis.Fhir.Server.Tests.Search.Data;

/// <summary>A resource of the search test data: the C# model expectations are computed from, and its FHIR JSON.</summary>
public interface ITestResource
{
    string ResourceType { get; }

    string Id { get; }

    JsonObject ToJson();
}
