using System.CommandLine;
using Npgsql;
using OpenImis.Fhir.Application.Search;
using OpenImis.Fhir.Engine.FhirPath;
using OpenImis.Fhir.Engine.Model;
using OpenImis.Fhir.Server.Hosting;
using OpenImis.Fhir.Storage;
using OpenImis.Fhir.Storage.Search;

namespace OpenImis.Fhir.Server.Commands;

/// <summary>
/// <c>openimis-fhir reindex [--type T]... [--batch-size N] [--after-rid R]</c>: rebuilds the search rows of the
/// current resources of the database of <c>ConnectionStrings__Fhir</c> with the search parameters known now (built-in
/// and stored SearchParameters), in batches of one short transaction each, printing progress per batch. Safe while
/// servers run (a batch locks its resources as a write does); an interrupted run is resumed with <c>--after-rid</c>.
/// </summary>
internal static class ReindexCommand
{
    public static Command Create()
    {
        var types = new Option<string[]>("--type", "-t")
        {
            Description = "A resource type to reindex. Repeatable. Default: every type that has resources.",
            HelpName = "TYPE",
        };
        var batchSize = new Option<int>("--batch-size")
        {
            Description = "Resources per transaction. Default: 500.",
            DefaultValueFactory = _ => SearchIndexMaintenance.BatchSize,
        };
        var afterRid = new Option<long>("--after-rid")
        {
            Description = "Resume: start after this rid (the 'last rid' of the last progress line). With one --type only.",
            DefaultValueFactory = _ => 0,
        };
        var command = new Command("reindex", """
            Rebuild the search index rows of the current resources with the search parameters known now (R4 core,
            the openIMIS IG and the SearchParameters stored in the database), in batches, and exit.
            Needed for resources written before a SearchParameter was created or an indexing fix was deployed.
            Database: ConnectionStrings__Fhir. Prints one progress line per batch; exit 0 when done.
            """)
        {
            types,
            batchSize,
            afterRid,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var connectionString = Environment.GetEnvironmentVariable("ConnectionStrings__Fhir");
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                parseResult.InvocationConfiguration.Error.WriteLine("Set ConnectionStrings__Fhir to the database to reindex.");
                return Cli.UsageError;
            }
            return await ExecuteAsync(connectionString, parseResult.GetValue(types) ?? [], parseResult.GetValue(batchSize), parseResult.GetValue(afterRid),
                parseResult.InvocationConfiguration.Output, parseResult.InvocationConfiguration.Error, cancellationToken);
        });
        return command;
    }

    internal static async Task<int> ExecuteAsync(string connectionString, IReadOnlyList<string> types, int batchSize, long afterRid, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var model = FhirModel.R4;
        var unknown = types.Where(t => !model.IsResourceType(t)).ToList();
        if (unknown.Count > 0)
        {
            stderr.WriteLine($"Not resource types: {string.Join(", ", unknown)}");
            return Cli.UsageError;
        }
        if (batchSize < 1)
        {
            stderr.WriteLine("--batch-size must be at least 1");
            return Cli.UsageError;
        }
        if (afterRid != 0 && types.Count != 1)
        {
            stderr.WriteLine("--after-rid resumes one type: give exactly one --type");
            return Cli.UsageError;
        }
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await DatabaseMigrator.MigrateAsync(dataSource, cancellationToken);
        var registry = new SearchParameterRegistry(new FhirPathEngine(model), BuiltInSearchParameters.Load(FhirServerHost.IgDirectory()));
        await new SearchParameterSync(registry, new SearchParameterStore(dataSource)).RefreshAsync(cancellationToken);
        var rebuilder = new SearchIndexRebuilder(dataSource, registry, model);
        var todo = types.Count > 0 ? types.Distinct(StringComparer.Ordinal).ToList() : await TypesWithResourcesAsync(dataSource, cancellationToken);
        foreach (var type in todo)
        {
            var done = await rebuilder.RebuildAsync(type, batchSize, afterRid, p =>
                stdout.WriteLine($"{p.ResourceType}: {p.Done}/{p.Total} reindexed, last rid {p.LastRid}"), cancellationToken);
            stdout.WriteLine($"{type}: done, {done} resources reindexed");
        }
        stdout.Flush();
        return 0;
    }

    private static async Task<List<string>> TypesWithResourcesAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var result = new List<string>();
        await using var command = dataSource.CreateCommand("select distinct resource_type from fhir_resource where not deleted order by 1");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) result.Add(reader.GetString(0));
        return result;
    }
}
