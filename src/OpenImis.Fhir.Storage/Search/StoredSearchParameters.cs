using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

namespace OpenImis.Fhir.Storage.Search;

/// <summary>
/// Search parameters kept under a short id (migration 0013), for paging links that would otherwise be longer than a
/// URL the server accepts. The id is a hash of the parameters: every page of a search stores the same row again,
/// which keeps it for another <see cref="Retention"/> after the last page asked.
/// </summary>
public sealed class StoredSearchParameters(NpgsqlDataSource dataSource)
{
    public static readonly TimeSpan Retention = TimeSpan.FromHours(24);

    /// <summary>Stores the parameters (again) and returns their id; removes the rows unused for longer than the retention.</summary>
    public async Task<string> SaveAsync(IReadOnlyList<KeyValuePair<string, string>> parameters, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var json = JsonSerializer.Serialize(parameters.Select(p => new[] { p.Key, p.Value }));
        var id = Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes(json)));
        await using var command = dataSource.CreateCommand("""
            with expired as (delete from fhir_search_parameters where stored_at < now() - $3::interval)
            insert into fhir_search_parameters (id, parameters, stored_at) values ($1, $2, now())
            on conflict (id) do update set stored_at = excluded.stored_at
            """);
        command.Parameters.Add(new() { Value = id });
        command.Parameters.Add(new() { Value = json, NpgsqlDbType = NpgsqlDbType.Jsonb });
        command.Parameters.Add(new() { Value = Retention });
        await command.ExecuteNonQueryAsync(cancellationToken);
        return id;
    }

    /// <summary>The parameters stored under the id, or null when there are none (never stored, or expired).</summary>
    public async Task<IReadOnlyList<KeyValuePair<string, string>>?> LoadAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        // Only what SaveAsync gives (a SHA-256 in base64url) goes to PostgreSQL, which refuses a NUL, for one.
        if (id.Length != 43 || !id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')) return null;
        await using var command = dataSource.CreateCommand("select parameters::text from fhir_search_parameters where id = $1 and stored_at >= now() - $2::interval");
        command.Parameters.Add(new() { Value = id });
        command.Parameters.Add(new() { Value = Retention });
        if (await command.ExecuteScalarAsync(cancellationToken) is not string json) return null;
        return JsonSerializer.Deserialize<string[][]>(json)!.Select(p => new KeyValuePair<string, string>(p[0], p[1])).ToList();
    }
}
