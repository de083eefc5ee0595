using Npgsql;

namespace OpenImis.Fhir.Storage.Search;

/// <summary>Collects the parameters of a query as it is built; <see cref="Add"/> returns the placeholder (<c>$3</c>). Values never go into the SQL text.</summary>
public sealed class SqlBuilder
{
    private int _aliases;

    public List<NpgsqlParameter> Parameters { get; } = [];

    public string Add(object? value)
    {
        Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        return "$" + Parameters.Count;
    }

    /// <summary>A fresh table alias (<c>i3</c>), so that nested conditions (chains, _has) do not collide.</summary>
    public string Alias(string prefix = "i") => prefix + (++_aliases);
}
