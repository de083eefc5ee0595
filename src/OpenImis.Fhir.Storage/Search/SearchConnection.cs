using Npgsql;

namespace OpenImis.Fhir.Storage.Search;

/// <summary>
/// Where the statements of one search run: the search and lookup pools (a search over REST), or one transaction
/// (a search entry of a transaction Bundle, which sees the Bundle's own writes).
/// </summary>
internal sealed class SearchConnection
{
    private readonly FhirStore? _store;
    private readonly StoreTransaction? _transaction;

    private SearchConnection(FhirStore? store, StoreTransaction? transaction)
    {
        _store = store;
        _transaction = transaction;
    }

    public static SearchConnection Pools(FhirStore store) => new(store, null);

    /// <summary>In a transaction, which a failed statement aborts: nothing after it runs.</summary>
    public bool InTransaction => _transaction is not null;

    /// <summary>In <paramref name="transaction"/>, its held writes sent first.</summary>
    public static async Task<SearchConnection> InAsync(StoreTransaction transaction, CancellationToken cancellationToken)
    {
        await transaction.PrepareSearchAsync(cancellationToken);
        return new SearchConnection(null, transaction);
    }

    /// <param name="prepared">A key lookup or include: on the pools, the lookup pool's prepared generic plans.</param>
    public NpgsqlCommand Command(string text, SqlBuilder sql, bool prepared = false)
    {
        var command = _transaction is { } transaction
            ? transaction.SearchCommand(text)
            : (prepared ? _store!.LookupDataSource : _store!.SearchDataSource).CreateCommand(text);
        foreach (var parameter in sql.Parameters) command.Parameters.Add(parameter);
        return command;
    }

    public NpgsqlBatch Batch() => _transaction?.SearchBatch() ?? _store!.SearchDataSource.CreateBatch();
}
