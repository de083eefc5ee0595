using System.CommandLine;
using System.Text.Json;
using OpenImis.Fhir.Engine.Definitions;
using OpenImis.Fhir.Engine.Terminology;
using OpenImis.Fhir.Engine.Validation;

namespace OpenImis.Fhir.Server.Commands;

/// <summary>
/// <c>openimis-fhir validate [--ig DIR] [--profile URL]... FILE...</c>: validates FHIR JSON resources and prints one
/// OperationOutcome per file and line. Exit 0 when every file is valid, 1 when one has errors, 2 when a file or the
/// definitions cannot be read.
/// </summary>
internal static class ValidateCommand
{
    public static Command Create()
    {
        var ig = new Option<DirectoryInfo>("--ig")
        {
            Description = "The IG folder whose StructureDefinitions, CodeSystems and ValueSets are used. Default: the openIMIS IG shipped with the program (ig-profiles/).",
            HelpName = "DIR",
        };
        var profiles = new Option<string[]>("--profile", "-p")
        {
            Description = "A profile canonical every file must conform to, besides its meta.profile. Repeatable.",
            HelpName = "URL",
        };
        var files = new Argument<FileInfo[]>("FILE")
        {
            Description = "FHIR JSON resources to validate.",
            Arity = ArgumentArity.OneOrMore,
        };
        var command = new Command("validate", """
            Validate FHIR R4 JSON resources against the core definitions, their meta.profile and --profile.
            Prints one OperationOutcome per file and line: {"file": ..., "outcome": {...}}.
            Exit code 0 when all are valid, 1 when one has errors, 2 when a file cannot be read.
            The openIMIS IG (ig-profiles/, shipped with the program) is used unless --ig names another folder.
            Example: openimis-fhir validate patient.json claim.json
            """)
        {
            ig,
            profiles,
            files,
        };
        command.SetAction(parseResult => Execute(
            parseResult.GetValue(ig),
            parseResult.GetValue(profiles) ?? [],
            parseResult.GetValue(files) ?? [],
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error));
        return command;
    }

    internal static int Execute(DirectoryInfo? ig, IReadOnlyList<string> profiles, IReadOnlyList<FileInfo> files, TextWriter stdout, TextWriter stderr)
    {
        FhirValidator validator;
        try
        {
            var igDirectory = ig?.FullName ?? ShippedIg();
            validator = igDirectory is not null ? FhirValidator.ForR4AndIg(igDirectory) : CoreOnly();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            stderr.WriteLine($"Cannot load the definitions: {e.Message}");
            return Cli.UsageError;
        }
        var options = new ValidationOptions { Profiles = profiles };
        var exitCode = 0;
        foreach (var file in files)
        {
            ValidationResult result;
            try
            {
                using var document = JsonDocument.Parse(File.ReadAllBytes(file.FullName));
                result = validator.Validate(document.RootElement, options);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                stderr.WriteLine($"Cannot read '{file.FullName}': {e.Message}");
                return Cli.UsageError;
            }
            catch (JsonException e)
            {
                stderr.WriteLine($"'{file.FullName}' is not JSON: {e.Message}");
                return Cli.UsageError;
            }
            if (result.HasErrors) exitCode = 1;
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartObject();
                writer.WriteString("file", file.ToString());
                writer.WritePropertyName("outcome");
                result.WriteOperationOutcome(writer);
                writer.WriteEndObject();
            }
            stdout.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
        }
        return exitCode;
    }

    // The openIMIS IG copied beside the program at build time (see the project file); null if absent.
    private static string? ShippedIg()
    {
        var directory = Path.Combine(AppContext.BaseDirectory, "ig-profiles");
        return Directory.Exists(directory) ? directory : null;
    }

    private static FhirValidator CoreOnly()
    {
        var others = FhirDefinitions.Load(DefinitionsDirectory.FindR4(), FhirValidator.R4ExtraProfileFiles);
        return new FhirValidator([FhirDefinitions.R4, others], TerminologyService.ForR4AndIg(null));
    }
}
