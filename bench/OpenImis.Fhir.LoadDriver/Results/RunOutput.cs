using System.Text.Encodings.Web;
using System.Text.Json;

namespace OpenImis.Fhir.LoadDriver.Results;

/// <summary>Where a run's results go: results.json and summary.md in the out folder, or the summary on the log.</summary>
internal static class RunOutput
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static async Task WriteAsync<T>(T run, string summary, string? outDirectory, TextWriter log, CancellationToken cancellationToken)
    {
        if (outDirectory is not null)
        {
            Directory.CreateDirectory(outDirectory);
            await File.WriteAllTextAsync(Path.Combine(outDirectory, "results.json"), JsonSerializer.Serialize(run, JsonOptions), cancellationToken);
            await File.WriteAllTextAsync(Path.Combine(outDirectory, "summary.md"), summary, cancellationToken);
            await log.WriteLineAsync($"Wrote {Path.Combine(outDirectory, "results.json")} and summary.md");
        }
        else
        {
            await log.WriteLineAsync();
            await log.WriteLineAsync(summary);
        }
    }
}
