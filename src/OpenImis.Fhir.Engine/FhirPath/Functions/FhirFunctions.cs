using OpenImis.Fhir.Engine.FhirPath.Compilation;
using OpenImis.Fhir.Engine.FhirPath.Operators;
using OpenImis.Fhir.Engine.Model;
using static OpenImis.Fhir.Engine.FhirPath.Functions.FunctionSupport;

namespace OpenImis.Fhir.Engine.FhirPath.Functions;

/// <summary>The FHIR-specific functions (FHIR R4 fhirpath.html#functions).</summary>
internal static class FhirFunctions
{
    public static FunctionDefinition[] All { get; } =
    [
        Define("extension", 1, 1, Extension),
        Define("hasValue", 0, 0, static (focus, _, _) =>
            FhirPathCollection.FromBoolean(focus.Count == 1 && focus.Single is ElementNode { Value: not null })),
        Define("getValue", 0, 0, static (focus, _, _) =>
            focus.Count == 1 && focus.Single is ElementNode { Value: { } value } ? Wrap(value) : FhirPathCollection.Empty),
        Define("resolve", 0, 0, ReferenceResolution.Resolve),
        Define("memberOf", 1, 1, MemberOf),
        Define("conformsTo", 1, 1, ConformsTo),
        Define("htmlChecks", 0, 0, static (focus, arguments, _) => NarrativeChecks.Check(focus, arguments)),
        // No terminology hook for subsumption exists yet: unknown (empty).
        Define("subsumes", 1, 1, static (_, _, _) => FhirPathCollection.Empty),
        Define("subsumedBy", 1, 1, static (_, _, _) => FhirPathCollection.Empty),
    ];

    // extension(url): the extensions of each item with that url. A primitive's extensions are children of its node.
    private static FhirPathCollection Extension(FhirPathCollection focus, FunctionArguments arguments, EvaluationContext context)
    {
        if (focus.IsEmpty) return focus;
        var url = StringArgument(arguments, 0, context);
        if (url is null) return FhirPathCollection.Empty;
        var builder = new CollectionBuilder();
        foreach (var item in focus)
        {
            if (item is not ElementNode node) continue;
            foreach (var extension in node.Children("extension"))
            {
                var urls = ((ElementNode)extension).Children("url");
                if (urls.Count == 1 && Items.Unwrap(urls.Single) is string u && string.Equals(u, url, StringComparison.Ordinal))
                {
                    builder.Add(extension);
                }
            }
        }
        return builder.ToCollection();
    }

    // memberOf(valueSet): asks the terminology hook; no hook or no answer is empty.
    private static FhirPathCollection MemberOf(FhirPathCollection focus, FunctionArguments arguments, EvaluationContext context)
    {
        var hook = context.Environment.MemberOf;
        if (hook is null || focus.IsEmpty) return FhirPathCollection.Empty;
        if (focus.Count > 1) throw arguments.Error($"expects a single input item but got {focus.Count}.");
        var url = StringArgument(arguments, 0, context);
        if (url is null || focus.Single is not ElementNode node) return FhirPathCollection.Empty;
        return hook(node, url) is { } answer ? FhirPathCollection.FromBoolean(answer) : FhirPathCollection.Empty;
    }

    // conformsTo(profile): asks the profile hook (the validator fills it). Without an answer from it, the core
    // definition of a type (http://hl7.org/fhir/StructureDefinition/Patient) is a type test; another URL is unknown:
    // an error when no hook is set (R4 suite testConformsTo3), empty when the hook had no answer.
    private static FhirPathCollection ConformsTo(FhirPathCollection focus, FunctionArguments arguments, EvaluationContext context)
    {
        if (focus.IsEmpty) return FhirPathCollection.Empty;
        if (focus.Count > 1) throw arguments.Error($"expects a single input item but got {focus.Count}.");
        var url = StringArgument(arguments, 0, context);
        if (url is null || focus.Single is not ElementNode node) return FhirPathCollection.Empty;
        var hook = context.Environment.ConformsTo;
        if (hook?.Invoke(node, url) is { } answer) return FhirPathCollection.FromBoolean(answer);
        const string CoreBase = "http://hl7.org/fhir/StructureDefinition/";
        if (url.StartsWith(CoreBase, StringComparison.Ordinal) && context.Model.FindType(url[CoreBase.Length..]) is { } type)
        {
            return FhirPathCollection.FromBoolean(node.Type is not null && node.Type.IsA(type));
        }
        if (hook is null) throw arguments.Error($"unknown profile '{url}'.");
        return FhirPathCollection.Empty;
    }
}
