using System.CommandLine;
using OpenImis.Fhir.Server.Commands;

namespace OpenImis.Fhir.Server;

/// <summary>The command line: one verb per file under <c>Commands/</c>. Tests call <see cref="Run"/> in-process.</summary>
internal static class Cli
{
    /// <summary>Exit code for a usage error or an input that cannot be read.</summary>
    public const int UsageError = 2;

    public static RootCommand BuildRootCommand()
    {
        var root = new RootCommand("openimis-fhir: FHIR R4 server and tools for openIMIS.");
        root.Add(FhirPathCommand.Create());
        root.Add(ValidateCommand.Create());
        root.Add(ServeCommand.Create());
        root.Add(MigrateCommand.Create());
        root.Add(ReindexCommand.Create());
        return root;
    }

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        // No response files: an argument starting with '@' is a FHIRPath date literal (@2015-02-04), not a file.
        var parseResult = BuildRootCommand().Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (parseResult.Errors.Count > 0 && !AsksForHelp(args))
        {
            foreach (var error in parseResult.Errors) stderr.WriteLine(error.Message);
            stderr.WriteLine("Run 'openimis-fhir --help' for usage.");
            return UsageError;
        }
        return parseResult.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr });
    }

    private static bool AsksForHelp(string[] args)
    {
        foreach (var arg in args)
        {
            if (arg == "--") return false;
            if (arg is "-h" or "--help" or "-?" or "/?" or "/h") return true;
        }
        return false;
    }
}
