using OpenImis.Fhir.Server;

return Cli.Run(args, Console.Out, Console.Error);
