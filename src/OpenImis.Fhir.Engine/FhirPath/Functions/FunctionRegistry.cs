using OpenImis.Fhir.Engine.FhirPath.Compilation;

namespace OpenImis.Fhir.Engine.FhirPath.Functions;

/// <summary>All FHIRPath functions by name. Each group of functions (Functions/*Functions.cs) lists its own.</summary>
internal static class FunctionRegistry
{
    private static readonly Dictionary<string, FunctionDefinition> Functions = Build();

    public static bool TryGet(string name, out FunctionDefinition definition) =>
        Functions.TryGetValue(name, out definition!);

    public static IEnumerable<string> Names => Functions.Keys;

    private static Dictionary<string, FunctionDefinition> Build()
    {
        IEnumerable<FunctionDefinition>[] groups =
        [
            ExistenceFunctions.All,
            FilteringFunctions.All,
            SubsettingFunctions.All,
            CombiningFunctions.All,
            ConversionFunctions.All,
            StringFunctions.All,
            MathFunctions.All,
            TreeNavigationFunctions.All,
            UtilityFunctions.All,
            AggregateFunctions.All,
            StatisticFunctions.All,
            BooleanFunctions.All,
            FhirFunctions.All,
            BoundaryFunctions.All,
        ];
        var functions = new Dictionary<string, FunctionDefinition>(StringComparer.Ordinal);
        foreach (var group in groups)
        {
            foreach (var definition in group) functions.Add(definition.Name, definition);
        }
        return functions;
    }
}
