using System.CommandLine;
using Npgsql;
using OpenImis.Fhir.Storage;

namespace OpenImis.Fhir.Server.Commands;

/// <summary><c>openimis-fhir migrate</c>: applies the database migrations to <c>ConnectionStrings__Fhir</c> and exits.</summary>
internal static class MigrateCommand
{
    public static Command Create()
    {
        var command = new Command("migrate", "Apply the database migrations to the database of ConnectionStrings__Fhir and exit (serve also applies them at start).");
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var connectionString = Environment.GetEnvironmentVariable("ConnectionStrings__Fhir");
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                parseResult.InvocationConfiguration.Error.WriteLine("Set ConnectionStrings__Fhir to the database to migrate.");
                return Cli.UsageError;
            }
            await using var dataSource = NpgsqlDataSource.Create(connectionString);
            var applied = await DatabaseMigrator.MigrateAsync(dataSource, cancellationToken);
            parseResult.InvocationConfiguration.Output.WriteLine(applied.Count == 0 ? "The schema is current." : $"Applied: {string.Join(", ", applied)}");
            return 0;
        });
        return command;
    }
}
