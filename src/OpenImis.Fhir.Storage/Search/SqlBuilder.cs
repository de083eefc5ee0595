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

    /// <summary>A command of <paramref name="text"/> on the pool, with these parameters.</summary>
    public NpgsqlCommand Command(NpgsqlDataSource dataSource, string text)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        var command = dataSource.CreateCommand(text);
        foreach (var parameter in Parameters) command.Parameters.Add(parameter);
        return command;
    }

    /// <summary>A fresh table alias (<c>i3</c>), so that nested conditions (chains, _has) do not collide.</summary>
    public string Alias(string prefix = "i") => prefix + (++_aliases);
}
