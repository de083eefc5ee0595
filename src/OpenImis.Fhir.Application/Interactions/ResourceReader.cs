using OpenImis.Fhir.Application.Errors;
using OpenImis.Fhir.Storage;

namespace OpenImis.Fhir.Application.Interactions;

/// <summary>
/// read and vread (http.html#read): 404 for what never existed, 410 Gone for a deleted resource or version. Given a
/// transaction (a read entry of a transaction Bundle), they read in it and see its writes.
/// </summary>
public sealed class ResourceReader(FhirContext context)
{
    public async Task<StoredResource> ReadAsync(string type, string id, StoreTransaction? transaction, CancellationToken cancellationToken)
    {
        RequireType(type);
        var stored = (transaction is null ? await context.Store.ReadAsync(type, id, cancellationToken) : await transaction.ReadAsync(type, id, cancellationToken))
            ?? throw FhirException.NotFound($"{type}/{id} does not exist");
        if (stored.Deleted) throw new GoneException(stored);
        return stored;
    }

    public async Task<StoredResource> VReadAsync(string type, string id, string versionId, StoreTransaction? transaction, CancellationToken cancellationToken)
    {
        RequireType(type);
        if (!int.TryParse(versionId, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var version))
        {
            throw FhirException.NotFound($"{type}/{id} has no version '{versionId}'");
        }
        var stored = (transaction is null ? await context.Store.ReadVersionAsync(type, id, version, cancellationToken) : await transaction.ReadVersionAsync(type, id, version, cancellationToken))
            ?? throw FhirException.NotFound($"{type}/{id} has no version {versionId}");
        if (stored.Deleted) throw new GoneException(stored);
        return stored;
    }

    private void RequireType(string type)
    {
        if (!context.IsResourceType(type)) throw FhirException.NotFound($"Unknown resource type '{type}'");
    }
}
