using System.Globalization;
using System.Text.Json.Nodes;
using Npgsql;

namespace OpenImis.Fhir.LoadDriver.Search;

/// <summary>
/// Reads the sample the catalogue draws from, out of the server's database: per type, the first resources in an order
/// fixed by the seed (md5 of seed and id, so the same seed and data give the same sample), then the Patients of the
/// sampled Claims. Untimed, before any request is measured.
/// </summary>
internal static class SampleLoader
{
    /// <summary>The types the catalogue's shapes draw from.</summary>
    public static readonly string[] Types =
        ["Patient", "Claim", "ClaimResponse", "Coverage", "Contract", "Location", "Organization", "PractitionerRole", "Medication", "ActivityDefinition"];

    private const string SampleSql = """
        with s as (
            select resource_type, id, version_id, last_updated from fhir_resource
            where resource_type = $1 and not deleted
            order by md5($2 || id)
            limit $3)
        select s.resource_type, s.id, s.last_updated, v.body::text
        from s join fhir_resource_version v on v.resource_type = s.resource_type and v.id = s.id and v.version_id = s.version_id
        """;

    private const string ByIdSql = """
        select r.resource_type, r.id, r.last_updated, v.body::text
        from fhir_resource r join fhir_resource_version v on v.resource_type = r.resource_type and v.id = r.id and v.version_id = r.version_id
        where r.resource_type = $1 and r.id = any($2) and not r.deleted
        """;

    public static async Task<SampleData> LoadAsync(NpgsqlDataSource database, int seed, int perType, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        var sampled = new List<SampledResource>();
        foreach (var type in Types)
        {
            sampled.AddRange(await ReadAsync(database, SampleSql, [type, seed.ToString(CultureInfo.InvariantCulture), perType], cancellationToken));
        }
        // Chains and reverse includes go from a Claim to its Patient: its name and code must be known.
        var have = sampled.Select(r => r.Reference).ToHashSet(StringComparer.Ordinal);
        var patientIds = sampled.Where(r => r.Type == "Claim")
            .Select(c => c.ReferenceAt("patient"))
            .Where(r => r is not null && r.StartsWith("Patient/", StringComparison.Ordinal) && !have.Contains(r))
            .Select(r => r!["Patient/".Length..])
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        var related = await ReadAsync(database, ByIdSql, ["Patient", patientIds], cancellationToken);
        return new SampleData(sampled, related);
    }

    private static async Task<List<SampledResource>> ReadAsync(NpgsqlDataSource database, string sql, object[] parameters, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(sql);
        foreach (var value in parameters) command.Parameters.Add(new NpgsqlParameter { Value = value });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var resources = new List<SampledResource>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var body = JsonNode.Parse(reader.GetString(3)) as JsonObject ?? throw new InvalidDataException($"{reader.GetString(0)}/{reader.GetString(1)}: the stored body is not a JSON object.");
            resources.Add(new SampledResource(reader.GetString(0), reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2), body));
        }
        return resources;
    }
}
