using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using OpenImis.Fhir.Server.Hosting;
using OpenImis.Fhir.Storage.Local;

namespace OpenImis.Fhir.Server.Tests.Infrastructure;

/// <summary>
/// A real server for the tests: a throwaway PostgreSQL cluster (fsync off) in a temporary folder, and the web host
/// listening on a free port of 127.0.0.1, reached over real HTTP. Shared by the tests of the "server" collection;
/// other collections derive their own (another database, other settings, other seed data).
/// </summary>
public class ServerFixture : IAsyncLifetime
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "openimis-fhir-tests-" + Guid.NewGuid().ToString("N")[..12]);
    private LocalPostgres? _postgres;
    private WebApplication? _app;

    public HttpClient Client { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The server's FHIR base, <c>http://127.0.0.1:port/fhir</c>.</summary>
    public string FhirBase => BaseAddress.ToString().TrimEnd('/') + "/fhir";

    public string ConnectionString => _postgres!.ConnectionString;

    /// <summary>The server's services, for tests that check in-process parts against what the server answers.</summary>
    public IServiceProvider Services => _app!.Services;

    /// <summary>Settings added to the command line of the server (<c>--Fhir:Name value</c> pairs).</summary>
    protected virtual IEnumerable<string> Settings => [];

    public async Task InitializeAsync()
    {
        _postgres = await LocalPostgres.StartAsync(_dataDirectory, throwaway: true);
        _app = FhirServerHost.Build(["--urls", "http://127.0.0.1:0", "--Fhir:MaxBodyBytes", "1048576", .. Settings], _postgres.ConnectionString);
        await FhirServerHost.PrepareAsync(_app, CancellationToken.None);
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address);
        Client = new HttpClient { BaseAddress = BaseAddress };
        Client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/fhir+json"));
        await SeedAsync();
    }

    /// <summary>Stores the IG examples (one transaction of PUTs), so that references such as Location/Jamula-village resolve.</summary>
    protected virtual async Task SeedAsync()
    {
        var entries = new JsonArray();
        foreach (var file in IgExamples.ValidExampleFiles())
        {
            var resource = IgExamples.Load(file);
            var url = $"{resource["resourceType"]}/{resource["id"]}";
            entries.Add(new JsonObject { ["resource"] = resource, ["request"] = new JsonObject { ["method"] = "PUT", ["url"] = url } });
        }
        var bundle = new JsonObject { ["resourceType"] = "Bundle", ["type"] = "transaction", ["entry"] = entries };
        var (status, body, _) = await Client.SendAsync(HttpMethod.Post, "fhir", bundle);
        if (status != System.Net.HttpStatusCode.OK) throw new InvalidOperationException($"Seeding the IG examples failed: {status} {body}");
    }

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        if (_postgres is not null) await _postgres.DisposeAsync();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder is harmless.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ServerCollection : ICollectionFixture<ServerFixture>
{
    public const string Name = "server";
}
