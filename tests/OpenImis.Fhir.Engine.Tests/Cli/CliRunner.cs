using OpenImis.Fhir.Server;

namespace OpenImis.Fhir.Engine.Tests.Cli;

/// <summary>Runs the command line in-process and captures what it prints.</summary>
internal static class CliRunner
{
    public static (int ExitCode, string[] Lines, string Error) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exitCode = Server.Cli.Run(args, stdout, stderr);
        var lines = stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return (exitCode, lines, stderr.ToString());
    }

    public static string Input(string name) => Path.Combine(SharedFolder.FhirPathSuite, "inputs", name);
}
