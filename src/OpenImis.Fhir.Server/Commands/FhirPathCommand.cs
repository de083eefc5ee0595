using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using OpenImis.Fhir.Engine.FhirPath;
using OpenImis.Fhir.Engine.FhirPath.Output;
using OpenImis.Fhir.Engine.Model;

namespace OpenImis.Fhir.Server.Commands;

/// <summary>
/// <c>openimis-fhir fhirpath [--resource FILE] [--strict] [--] EXPR...</c>: evaluates FHIRPath expressions on a
/// resource and prints one JSON object per expression per line. Exit 0 when all evaluated, 1 when one failed,
/// 2 when the resource cannot be read.
/// </summary>
internal static class FhirPathCommand
{
    // Expressions are full of quotes and non-ASCII text: print them as they are, not as \u0027.
    private static readonly JsonWriterOptions LineOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create()
    {
        var resource = new Option<FileInfo>("--resource", "-r")
        {
            Description = "A FHIR JSON resource to evaluate on (%resource, %context). Without it the context is empty.",
            HelpName = "FILE",
        };
        var strict = new Option<bool>("--strict")
        {
            Description = "Check every path against the FHIR R4 model at compile time (context type: the resource's type).",
        };
        var expressions = new Argument<string[]>("EXPR")
        {
            Description = "FHIRPath expressions, evaluated in order. Put '--' before expressions that start with '-'.",
            Arity = ArgumentArity.OneOrMore,
        };
        var command = new Command("fhirpath", """
            Evaluate FHIRPath expressions on a FHIR R4 resource.
            Prints one JSON object per expression and line: {"expression": ..., "result": [{"type": ..., "value": ...}]}
            or {"expression": ..., "error": ...}. Exit code 0 when every expression evaluated, 1 when one failed,
            2 when the resource cannot be read.
            Example: openimis-fhir fhirpath --resource patient.json "name.given" "birthDate < @2000-01-01"
            """)
        {
            resource,
            strict,
            expressions,
        };
        command.SetAction(parseResult => Execute(
            parseResult.GetValue(resource),
            parseResult.GetValue(strict),
            parseResult.GetValue(expressions) ?? [],
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error));
        return command;
    }

    internal static int Execute(FileInfo? resourceFile, bool strict, IReadOnlyList<string> expressions, TextWriter stdout, TextWriter stderr)
    {
        FhirModel model;
        ElementNode? resource = null;
        try
        {
            model = FhirModel.R4;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            stderr.WriteLine($"Cannot load the FHIR R4 definitions: {e.Message}");
            return Cli.UsageError;
        }
        if (resourceFile is not null)
        {
            try
            {
                using var stream = resourceFile.OpenRead();
                resource = ElementNodeReader.Read(stream, model);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                stderr.WriteLine($"Cannot read '{resourceFile.FullName}': {e.Message}");
                return Cli.UsageError;
            }
            catch (Exception e) when (e is JsonException or ArgumentException)
            {
                stderr.WriteLine($"'{resourceFile.FullName}' is not a FHIR JSON resource: {e.Message}");
                return Cli.UsageError;
            }
        }

        var engine = new FhirPathEngine(model);
        var options = new FhirPathCompileOptions { Strict = strict, ContextType = resource?.TypeName };
        var allEvaluated = true;
        foreach (var expression in expressions)
        {
            // The result is written to its own buffer first so a failure half-way still gives a well-formed line.
            string? resultJson = null, error = null;
            try
            {
                var result = engine.Compile(expression, options).Evaluate(resource);
                resultJson = FhirPathResultJson.ToJson(result, LineOptions);
            }
            catch (Exception e)
            {
                error = DescribeError(e);
                allEvaluated = false;
            }
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer, LineOptions))
            {
                writer.WriteStartObject();
                writer.WriteString("expression", expression);
                if (resultJson is not null)
                {
                    writer.WritePropertyName("result");
                    writer.WriteRawValue(resultJson, skipInputValidation: true);
                }
                else
                {
                    writer.WriteString("error", error);
                }
                writer.WriteEndObject();
            }
            stdout.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
        }
        stdout.Flush();
        return allEvaluated ? 0 : 1;
    }

    /// <summary>The error text printed for an expression; the position (0-based) when the engine knows it.</summary>
    internal static string DescribeError(Exception error)
    {
        var stage = error switch
        {
            FhirPathSyntaxException => "Syntax error",
            FhirPathCompileException => "Compile error",
            FhirPathEvaluationException => "Evaluation error",
            _ => "Internal error (" + error.GetType().Name + ")",
        };
        return error is FhirPathException { Position: >= 0 } located
            ? $"{stage} at position {located.Position}: {error.Message}"
            : $"{stage}: {error.Message}";
    }
}
