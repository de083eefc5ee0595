using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using OpenImis.Fhir.Server.Hosting;

namespace OpenImis.Fhir.Server.Tests.Infrastructure;

/// <summary>
/// Another server instance on a fixture's database (other settings, another connection string), started on a free
/// port of 127.0.0.1 and stopped when disposed: what several instances behind one database do to each other.
/// </summary>
public sealed class SecondServer : IAsyncDisposable
{
    private SecondServer(WebApplication app, HttpClient client)
    {
        App = app;
        Client = client;
    }

    public WebApplication App { get; }

    public HttpClient Client { get; }

    public IServiceProvider Services => App.Services;

    /// <param name="settings">Added to the command line (<c>--Fhir:Name value</c> pairs).</param>
    public static async Task<SecondServer> StartAsync(string connectionString, params string[] settings)
    {
        var app = FhirServerHost.Build(["--urls", "http://127.0.0.1:0", .. settings], connectionString);
        await FhirServerHost.PrepareAsync(app, CancellationToken.None);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new SecondServer(app, new HttpClient { BaseAddress = new Uri(address) });
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
