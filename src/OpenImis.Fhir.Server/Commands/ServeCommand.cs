using System.CommandLine;
using OpenImis.Fhir.Server.Hosting;
using OpenImis.Fhir.Storage.Local;

namespace OpenImis.Fhir.Server.Commands;

/// <summary>
/// <c>openimis-fhir serve [--urls URL]</c>: runs the FHIR server. With <c>ConnectionStrings:Fhir</c> it uses that
/// database; without, it starts a private PostgreSQL in <c>Storage:DataDirectory</c> (default <c>.local/postgres</c>)
/// and stops it again on shutdown. Migrations run first.
/// </summary>
internal static class ServeCommand
{
    public const string DefaultUrls = "http://127.0.0.1:8080";

    public static Command Create()
    {
        var urls = new Option<string>("--urls")
        {
            Description = $"Where to listen. Default: {DefaultUrls}.",
            HelpName = "URL",
            DefaultValueFactory = _ => DefaultUrls,
        };
        var command = new Command("serve", """
            Run the FHIR R4 server at <urls>/fhir.
            The database: ConnectionStrings__Fhir (an Npgsql connection string) if set; otherwise a private
            PostgreSQL started in Storage__DataDirectory (default .local/postgres). Settings: docs/operations.md.
            """)
        {
            urls,
        };
        command.SetAction((parseResult, cancellationToken) => RunAsync(parseResult.GetValue(urls) ?? DefaultUrls, parseResult.UnmatchedTokens, cancellationToken));
        command.TreatUnmatchedTokensAsErrors = false;
        return command;
    }

    private static async Task<int> RunAsync(string urls, IReadOnlyList<string> extraArguments, CancellationToken cancellationToken)
    {
        string[] args = [.. extraArguments, "--urls", urls];
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().AddCommandLine(args).Build();
        var connectionString = configuration.GetConnectionString("Fhir");
        LocalPostgres? local = null;
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            var dataDirectory = configuration["Storage:DataDirectory"] ?? Path.Combine(Environment.CurrentDirectory, ".local", "postgres");
            local = await LocalPostgres.StartAsync(dataDirectory, log: Console.Out, cancellationToken: cancellationToken);
            connectionString = local.ConnectionString;
        }
        try
        {
            var app = FhirServerHost.Build(args, connectionString);
            await FhirServerHost.PrepareAsync(app, cancellationToken);
            await app.StartAsync(cancellationToken);
            foreach (var address in app.Urls) Console.WriteLine($"openimis-fhir serves FHIR R4 at {address}/fhir (Swagger UI: {address}/swagger)");
            await app.WaitForShutdownAsync(CancellationToken.None);
            await app.DisposeAsync();
            return 0;
        }
        finally
        {
            if (local is not null) await local.DisposeAsync();
        }
    }
}
