using OpenImis.Fhir.LoadDriver;

var parseResult = LoadCommand.Create(Console.Out).Parse(args);
if (parseResult.Errors.Count > 0 && !args.Any(a => a is "-h" or "--help" or "-?"))
{
    // Usage errors: the message and a hint, not the whole help text; exit 2 as the openimis-fhir verbs do.
    foreach (var error in parseResult.Errors) Console.Error.WriteLine(error.Message);
    Console.Error.WriteLine("Run with --help for usage.");
    return 2;
}
return await parseResult.InvokeAsync();
