using System.Globalization;
using OpenImis.Fhir.Engine.FhirPath.Compilation;
using OpenImis.Fhir.Engine.FhirPath.Values;
using static OpenImis.Fhir.Engine.FhirPath.Functions.FunctionSupport;

namespace OpenImis.Fhir.Engine.FhirPath.Functions;

/// <summary>FHIRPath 5.9 utility functions: trace(), now(), today(), timeOfDay().</summary>
internal static class UtilityFunctions
{
    // now() is the same instant throughout one evaluation (spec 5.9.3): the clock is read once per EvaluationContext.
    public static FunctionDefinition[] All { get; } =
    [
        Define("trace", 1, 2, Trace),
        Define("now", 0, 0, static (_, _, context) => Wrap(Parse(Now(context).ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture), TemporalKind.DateTime))),
        Define("today", 0, 0, static (_, _, context) => Wrap(Parse(Now(context).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), TemporalKind.Date))),
        Define("timeOfDay", 0, 0, static (_, _, context) => Wrap(Parse(Now(context).ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture), TemporalKind.Time))),
    ];

    private static DateTimeOffset Now(EvaluationContext context) => context.Now;

    private static PartialDateTime? Parse(string text, TemporalKind kind) =>
        PartialDateTime.TryParse(text, kind, out var value) ? value : null;

    // trace(name [, projection]): hands the input (or the projection of its items) to the environment; returns the input.
    private static FhirPathCollection Trace(FhirPathCollection focus, FunctionArguments arguments, EvaluationContext context)
    {
        var sink = context.Environment.Trace;
        if (sink is null) return focus;
        var name = StringArgument(arguments, 0, context) ?? string.Empty;
        var traced = focus;
        if (arguments.Count > 1)
        {
            var builder = new CollectionBuilder();
            for (var i = 0; i < focus.Count; i++) builder.AddRange(arguments.EvaluateFor(1, focus[i], i, context));
            traced = builder.ToCollection();
        }
        sink(name, traced);
        return focus;
    }
}
