using OpenImis.Fhir.DataGenerator;

return await GeneratorCommand.Create().Parse(args).InvokeAsync();
