using System.CommandLine;
using System.Globalization;
using OpenImis.Fhir.DataGenerator.Generation;
using OpenImis.Fhir.DataGenerator.Model;
using OpenImis.Fhir.DataGenerator.Upload;

namespace OpenImis.Fhir.DataGenerator;

/// <summary>
/// <c>openimis-fhir-datagen [--base-url URL] [--resources N] [--seed S] [--bundle-size B] [--clients C] [--resume]
/// [--as-of DATE] [--output DIR]</c>: generates the data set and loads it (or writes its Bundles to files).
/// Exit code 0 when every Bundle was loaded, 1 when one failed, 2 on a usage error.
/// </summary>
internal static class GeneratorCommand
{
    public static RootCommand Create()
    {
        var baseUrl = new Option<string>("--base-url") { Description = "FHIR base URL of the server.", DefaultValueFactory = _ => "http://127.0.0.1:8080/fhir" };
        var resources = new Option<int>("--resources") { Description = "Total number of resources to generate (exact).", DefaultValueFactory = _ => 1_000_000 };
        var seed = new Option<int>("--seed") { Description = "Seed: the same seed (and options) gives the same data.", DefaultValueFactory = _ => 1 };
        var bundleSize = new Option<int>("--bundle-size") { Description = "Resources per transaction Bundle (whole families and claims: a Bundle may be a little smaller).", DefaultValueFactory = _ => 100 };
        var clients = new Option<int>("--clients") { Description = "Bundles in flight at once (parallel uploaders).", DefaultValueFactory = _ => 4 };
        var resume = new Option<bool>("--resume") { Description = "Skip Bundles already loaded (their last resource exists): continue an interrupted run with the same options." };
        var asOf = new Option<string>("--as-of") { Description = "The data set's today (yyyy-MM-dd): dates fall in the three years before it.", DefaultValueFactory = _ => "2026-10-31" };
        var output = new Option<string?>("--output") { Description = "Write the Bundles as files into this folder instead of loading them." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Render every Bundle without sending it: the generator's own cost." };
        Positive(resources, DataSetOptions.MinimumResources);
        Positive(bundleSize, 1);
        Positive(clients, 1);
        var command = new RootCommand("openimis-fhir-datagen: generates a realistic openIMIS data set and loads it into a FHIR server with transaction Bundles.")
        {
            baseUrl, resources, seed, bundleSize, clients, resume, asOf, output, dryRun,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (!DateOnly.TryParseExact(parse.GetValue(asOf), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                await Console.Error.WriteLineAsync("--as-of: expected a date yyyy-MM-dd");
                return 2;
            }
            if (!Uri.TryCreate(parse.GetValue(baseUrl)!.TrimEnd('/'), UriKind.Absolute, out var url))
            {
                await Console.Error.WriteLineAsync("--base-url: expected an absolute URL");
                return 2;
            }
            var options = new DataSetOptions { Seed = parse.GetValue(seed), Resources = parse.GetValue(resources), AsOf = day };
            var upload = new UploadOptions(url, parse.GetValue(clients), parse.GetValue(resume));
            if (parse.GetValue(dryRun)) return DryRun(options, parse.GetValue(bundleSize));
            return await RunAsync(options, upload, parse.GetValue(bundleSize), parse.GetValue(output), cancellationToken);
        });
        return command;
    }

    private static void Positive(Option<int> option, int minimum) => option.Validators.Add(result =>
    {
        if (result.GetValueOrDefault<int>() < minimum) result.AddError($"{option.Name} must be at least {minimum}.");
    });

    private static async Task<int> RunAsync(DataSetOptions options, UploadOptions upload, int bundleSize, string? outputDirectory, CancellationToken cancellationToken)
    {
        var time = TimeProvider.System;
        var data = Generate(options, time);
        if (outputDirectory is not null) return Write(data, bundleSize, outputDirectory);

        Console.WriteLine($"Loading into {upload.BaseUrl} with transaction Bundles of up to {bundleSize} resources, {upload.Clients} clients{(upload.Resume ? ", resuming" : "")}");
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = upload.Clients + 1 }) { Timeout = TimeSpan.FromMinutes(10) };
        var progress = new UploadProgress(data.ResourceCount, Console.Out, time);
        using var stopReports = new CancellationTokenSource();
        var reports = progress.ReportAsync(TimeSpan.FromSeconds(10), stopReports.Token);
        try
        {
            await new Uploader(http, upload, progress).RunAsync(data.Bundles(bundleSize), cancellationToken);
            return 0;
        }
        catch (UploadException e)
        {
            await Console.Error.WriteLineAsync("Failed: " + e.Message);
            return 1;
        }
        catch (HttpRequestException e)
        {
            await Console.Error.WriteLineAsync("Failed: " + e.Message);
            return 1;
        }
        finally
        {
            await stopReports.CancelAsync();
            await reports;
            progress.Summary();
        }
    }

    private static DataSet Generate(DataSetOptions options, TimeProvider time)
    {
        var started = time.GetTimestamp();
        var data = DataSetGenerator.Generate(options);
        Console.WriteLine($"Generated the model of {data.ResourceCount:N0} resources (seed {options.Seed}, as of {options.AsOf:yyyy-MM-dd}) in {time.GetElapsedTime(started).TotalSeconds:F1} s:");
        foreach (var (type, count) in data.ResourceCounts)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {type,-18} {count,10:N0}  {100.0 * count / data.ResourceCount,5:F1}%"));
        }
        return data;
    }

    private static int DryRun(DataSetOptions options, int bundleSize)
    {
        var time = TimeProvider.System;
        var data = Generate(options, time);
        var started = time.GetTimestamp();
        long bundles = 0, bytes = 0;
        foreach (var bundle in data.Bundles(bundleSize))
        {
            bundles++;
            bytes += bundle.Json.Length;
        }
        var seconds = time.GetElapsedTime(started).TotalSeconds;
        Console.WriteLine($"Rendered {bundles:N0} Bundles ({bytes / 1e6:N0} MB of JSON) in {seconds:F1} s: {data.ResourceCount / seconds:N0} resources/s");
        return 0;
    }

    private static int Write(DataSet data, int bundleSize, string directory)
    {
        Directory.CreateDirectory(directory);
        var count = 0;
        foreach (var bundle in data.Bundles(bundleSize))
        {
            File.WriteAllBytes(Path.Combine(directory, $"bundle-{bundle.Index:D6}-{bundle.Phase}.json"), bundle.Json.ToArray());
            count++;
        }
        Console.WriteLine($"Wrote {count:N0} Bundles to {directory}");
        return 0;
    }
}
