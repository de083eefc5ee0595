using Microsoft.AspNetCore.ResponseCompression;
using Npgsql;
using OpenImis.Fhir.Application;
using OpenImis.Fhir.Application.Bundles;
using OpenImis.Fhir.Application.Capabilities;
using OpenImis.Fhir.Application.Interactions;
using OpenImis.Fhir.Application.Search;
using OpenImis.Fhir.Application.Shaping;
using OpenImis.Fhir.Application.Validation;
using OpenImis.Fhir.Engine.Validation;
using OpenImis.Fhir.Server.Http;
using OpenImis.Fhir.Storage;
using OpenImis.Fhir.Storage.Search;
using OpenImis.Fhir.Engine.Search;
using OpenImis.Fhir.Engine.FhirPath;
using OpenImis.Fhir.Engine.Model;

namespace OpenImis.Fhir.Server.Hosting;

/// <summary>
/// Builds the web host: configuration, services (storage, validator, interactions), Kestrel limits, JSON console
/// logs, the FHIR endpoints, Swagger and <c>/healthz</c>. Tests build it the same way, on a free port.
/// </summary>
internal static class FhirServerHost
{
    public static WebApplication Build(string[] args, string connectionString, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.Logging.AddJsonConsole(o => o.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z' ");
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        configure?.Invoke(builder);

        var options = builder.Configuration.GetSection("Fhir").Get<FhirServerOptions>() ?? new FhirServerOptions();
        if (options.MaxJsonDepth is < 1 or > FhirServerOptions.DeepestJson)
        {
            throw new InvalidOperationException($"Fhir:MaxJsonDepth is {options.MaxJsonDepth}; it must be between 1 and {FhirServerOptions.DeepestJson}");
        }
        RequestHeadLimits.Validate(options);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = options.MaxBodyBytes;
            RequestHeadLimits.Configure(kestrel.Limits, options);
            kestrel.AddServerHeader = false;
        });

        var services = builder.Services;
        services.AddSingleton(options);
        services.AddSingleton(_ => new NpgsqlDataSourceBuilder(Tuned(connectionString)).Build());
        services.AddKeyedSingleton(SearchPool, (_, _) => new NpgsqlDataSourceBuilder(Unprepared(connectionString)).Build());
        services.AddKeyedSingleton(LookupPool, (_, _) => new NpgsqlDataSourceBuilder(GenericPlans(connectionString)).Build());
        services.AddSingleton(provider => new FhirStore(provider.GetRequiredService<NpgsqlDataSource>(),
            provider.GetRequiredKeyedService<NpgsqlDataSource>(SearchPool), provider.GetRequiredKeyedService<NpgsqlDataSource>(LookupPool))
        {
            Commits = options.GroupCommits > 0 ? new CommitGroup(options.GroupCommits, CommitGroup.DefaultMaxQueueWait) : null,
            Cache = provider.GetService<CurrentResourceCache>(),
        });
        if (options.ReadCacheMegabytes > 0)
        {
            var pollInterval = TimeSpan.FromSeconds(Math.Max(0.01, options.ReadCachePollSeconds));
            // Answers stop when no poll has succeeded for two intervals and a second: a stalled poll bounds how stale a read gets.
            services.AddSingleton(_ => new CurrentResourceCache(options.ReadCacheMegabytes * 1024L * 1024L, 2 * pollInterval + TimeSpan.FromSeconds(1)));
            services.AddKeyedSingleton(PollPool, (_, _) => new NpgsqlDataSourceBuilder(PollConnection(connectionString)).Build());
            services.AddHostedService(provider => new ReadCacheRefresh(provider.GetRequiredService<CurrentResourceCache>(), provider.GetRequiredKeyedService<NpgsqlDataSource>(PollPool),
                pollInterval, provider.GetRequiredService<ILogger<ReadCacheRefresh>>()));
        }
        services.AddSingleton(provider => CreateValidation(options, provider.GetRequiredService<ILoggerFactory>().CreateLogger("Startup")));
        services.AddSingleton(_ => new SearchParameterRegistry(new FhirPathEngine(FhirModel.R4), BuiltInSearchParameters.Load(IgDirectory())));
        services.AddSingleton(provider => new SearchParameterStore(provider.GetRequiredService<NpgsqlDataSource>()));
        services.AddSingleton(provider => new SearchParameterSync(provider.GetRequiredService<SearchParameterRegistry>(), provider.GetRequiredService<SearchParameterStore>()));
        services.AddSingleton(provider => new SearchIndexRebuilder(provider.GetRequiredService<NpgsqlDataSource>(), provider.GetRequiredService<SearchParameterRegistry>(), FhirModel.R4));
        services.AddHostedService(provider => new SearchIndexMaintenance(provider.GetRequiredService<SearchParameterSync>(), provider.GetRequiredService<SearchIndexRebuilder>(),
            TimeSpan.FromSeconds(Math.Max(0.1, options.SearchParameterPollSeconds)), provider.GetRequiredService<ILogger<SearchIndexMaintenance>>()));
        services.AddSingleton(provider => new FhirContext(provider.GetRequiredService<FhirStore>(), provider.GetRequiredService<ResourceValidation>(), options, provider.GetRequiredService<SearchParameterRegistry>())
        {
            SearchParameters = provider.GetRequiredService<SearchParameterSync>(),
        });
        services.AddSingleton(provider => provider.GetRequiredService<FhirContext>().SearchEngine);
        services.AddSingleton(_ => CompartmentCatalog.ForR4());
        services.AddSingleton<ResultShaper>();
        services.AddSingleton(provider => new StoredSearchParameters(provider.GetRequiredService<NpgsqlDataSource>()));
        services.AddSingleton<SearchInteraction>();
        services.AddSingleton<ResourceReader>();
        services.AddSingleton<HistoryInteraction>();
        services.AddSingleton<PatchSource>();
        services.AddSingleton<BundleReader>();
        services.AddSingleton(provider => new BundleProcessor(provider.GetRequiredService<FhirContext>(), provider.GetRequiredService<BundleReader>())
        {
            PatchFactory = provider.GetRequiredService<PatchSource>().Create,
            Logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger<BundleProcessor>(),
        });
        services.AddSingleton(provider => new CapabilityStatementSource(provider.GetRequiredService<FhirContext>(), IgProfileIndex.ByType(IgDirectory()), provider.GetRequiredService<CompartmentCatalog>()));
        services.AddSingleton<CapabilitiesInteraction>();
        // Compressed answers for clients that ask (Accept-Encoding: gzip or br, at the fastest level: gzip's shrinks the
        // load driver's Patient 3.3 times and its 100-entry Bundle 26 times, which counts on the links of district
        // servers), and compressed request bodies
        // (Content-Encoding: gzip or deflate; the body size limit holds for what they decompress to). Not br for bodies:
        // its decoder reports bad data as an InvalidOperationException, which cannot be told from a fault of the server.
        services.AddResponseCompression(o => o.MimeTypes = [.. ResponseCompressionDefaults.MimeTypes, FhirMediaTypes.FhirJson]);
        services.AddRequestDecompression(o =>
        {
            o.DecompressionProviders.Remove("br");
            o.DecompressionProviders["x-gzip"] = o.DecompressionProviders["gzip"]; // RFC 9110 8.4.1.3: the same coding
        });
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(swagger => swagger.SwaggerDoc("v1", new() { Title = "openIMIS FHIR R4 server", Version = "v1", Description = "FHIR R4 REST API (http://hl7.org/fhir/R4/http.html) with the openIMIS profiles. Bodies are FHIR JSON (application/fhir+json)." }));

        var app = builder.Build();
        app.UseResponseCompression();
        app.UseRequestDecompression();
        app.UseMiddleware<FhirErrorMiddleware>();
        app.UseSwagger();
        app.UseSwaggerUI();
        app.MapGet("/healthz", async (FhirStore store, CancellationToken cancellationToken) =>
            await store.PingAsync(cancellationToken) ? Results.Json(new { status = "ok" }) : Results.Json(new { status = "database unavailable" }, statusCode: 503))
            .WithTags("Operations").WithSummary("Health: 200 when the database answers, 503 otherwise");
        FhirEndpoints.Map(app);
        return app;
    }

    /// <summary>Applies migrations and loads the validator before the first request, so that none waits for either.</summary>
    public static async Task PrepareAsync(WebApplication app, CancellationToken cancellationToken)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Startup");
        var applied = await DatabaseMigrator.MigrateAsync(app.Services.GetRequiredService<NpgsqlDataSource>(), cancellationToken);
        if (applied.Count > 0) logger.LogInformation("Applied migrations {Migrations}", string.Join(", ", applied));
        await app.Services.GetRequiredService<SearchParameterSync>().RefreshAsync(cancellationToken);
        app.Services.GetRequiredService<FhirContext>();
    }

    // Unless the connection string says otherwise: statements prepared automatically (the same few queries run all the
    // time, and PostgreSQL then skips parsing and planning them) and no DISCARD ALL when a pooled connection returns.
    // Error details are on: storage reads the key of a unique-key refusal from them.
    private static string Tuned(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!connectionString.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase)) builder.MaxAutoPrepare = 64;
        if (!connectionString.Contains("Reset On Close", StringComparison.OrdinalIgnoreCase)) builder.NoResetOnClose = true;
        // A unique-key refusal names the key (Patient, Code, 123): storage tells the client which identifier is taken.
        builder.IncludeErrorDetail = true;
        return builder.ConnectionString;
    }

    private const string SearchPool = "search";

    private const string LookupPool = "lookup";

    private const string PollPool = "read-cache-poll";

    // The read cache's polls: one connection of their own, no prepared statements (a statement refused while it was
    // being prepared breaks the next run on its connection with Npgsql 10.0.3: architecture.md, "Values PostgreSQL refuses").
    private static string PollConnection(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(Tuned(connectionString)) { MaxAutoPrepare = 0, MaxPoolSize = 1, MinPoolSize = 0 };
        return builder.ConnectionString;
    }

    // Key lookups and includes: prepared, and one plan for every value (FhirStore's lookupDataSource says why).
    private static string GenericPlans(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(Tuned(connectionString));
        builder.Options = (builder.Options is { Length: > 0 } options ? options + " " : "") + "-c plan_cache_mode=force_generic_plan";
        return builder.ConnectionString;
    }

    // Searches: planned for their values each time (FhirStore's searchDataSource says why).
    private static string Unprepared(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(Tuned(connectionString)) { MaxAutoPrepare = 0 };
        return builder.ConnectionString;
    }

    private static ResourceValidation CreateValidation(FhirServerOptions options, ILogger logger)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        var ig = IgDirectory();
        var validator = FhirValidator.ForR4AndIg(ig);
        var igProfiles = IgProfileIndex.ByType(ig);
        var profiles = IgProfileIndex.DefaultEnforced(igProfiles);
        foreach (var (type, url) in options.Profiles) profiles[type] = url;
        validator.CompileProfiles(igProfiles.SelectMany(p => p.Value));
        logger.LogInformation("Validator ready in {Milliseconds} ms; profiles enforced per type: {Count}", started.ElapsedMilliseconds, profiles.Count);
        return new ResourceValidation(validator, profiles);
    }

    internal static string IgDirectory() => Path.Combine(AppContext.BaseDirectory, "ig-profiles");
}
