using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;

namespace OpenImis.Fhir.Benchmarks.Validation;

/// <summary>
/// Start-up of the validator: read the R4 definitions, the extra R4 profiles and terminology and the IG folder, build
/// the type model and the terminology service (nothing shared with earlier iterations), then compile every
/// StructureDefinition held (<c>CompileAll</c>: R4 core and the IG). The budget: under 2 seconds.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class ValidationStartupBenchmarks
{
    private string _igDirectory = "";

    [GlobalSetup]
    public void Setup() => _igDirectory = ValidationSetup.IgDirectory;

    [Benchmark]
    public int LoadDefinitionsAndCompileAllProfiles() => ValidationSetup.BuildFresh(_igDirectory).CompileAll();
}
