using OpenImis.Fhir.Engine.FhirPath.Compilation;
using OpenImis.Fhir.Engine.FhirPath.Operators;
using static OpenImis.Fhir.Engine.FhirPath.Functions.FunctionSupport;

namespace OpenImis.Fhir.Engine.FhirPath.Functions;

/// <summary>not() (spec 6.5.4): the input as a Boolean (spec 4.5 singleton evaluation), negated; empty stays empty.</summary>
internal static class BooleanFunctions
{
    public static FunctionDefinition[] All { get; } =
    [
        Define("not", 0, 0, static (focus, arguments, _) => Items.ToBoolean(focus, arguments.Position, "not()") switch
        {
            true => FhirPathCollection.False,
            false => FhirPathCollection.True,
            null => FhirPathCollection.Empty,
        }),
    ];
}
