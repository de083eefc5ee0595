using OpenImis.Fhir.Engine.FhirPath.Compilation;
using OpenImis.Fhir.Engine.Model;

namespace OpenImis.Fhir.Engine.FhirPath;

/// <summary>
/// A FHIRPath expression compiled to delegates. Immutable and thread-safe: compile once, evaluate many times.
/// </summary>
public sealed class CompiledExpression
{
    private readonly Evaluator _evaluator;
    private readonly FhirModel _model;
    private readonly bool _needsContext;

    // Shared by evaluations of expressions that never read their context (see ContextUse).
    private static readonly EvaluationContext Unused = new(default, null, null, FhirPathEnvironment.Default, FhirModel.Empty);

    internal CompiledExpression(string text, Evaluator evaluator, FhirModel model, bool needsContext)
    {
        Text = text;
        _evaluator = evaluator;
        _model = model;
        _needsContext = needsContext;
    }

    public string Text { get; }

    /// <summary>
    /// Evaluates on a resource (or, with null, on an empty context). %resource and %context are the resource;
    /// %rootResource is the resource that contains it, if it is contained.
    /// </summary>
    /// <exception cref="FhirPathEvaluationException">Evaluation failed (e.g. a singleton expected).</exception>
    public FhirPathCollection Evaluate(ElementNode? resource, FhirPathEnvironment? environment = null)
    {
        var input = resource is null ? FhirPathCollection.Empty : new FhirPathCollection(resource);
        if (!_needsContext) return _evaluator(input, Unused);
        return Run(input, resource, environment);
    }

    /// <summary>Evaluates on an element inside a resource (element-level invariants, search extraction on parts).</summary>
    public FhirPathCollection Evaluate(ElementNode element, ElementNode? resource, FhirPathEnvironment? environment = null)
    {
        var input = new FhirPathCollection(element);
        if (!_needsContext) return _evaluator(input, Unused);
        return Run(input, resource, environment);
    }

    private FhirPathCollection Run(FhirPathCollection input, ElementNode? resource, FhirPathEnvironment? environment)
    {
        var context = EvaluationContext.Rent(input, resource, RootOf(resource), environment ?? FhirPathEnvironment.Default, _model);
        try
        {
            return _evaluator(input, context);
        }
        finally
        {
            EvaluationContext.Return(context);
        }
    }

    /// <summary>Evaluates as a predicate (spec 4.5): true only for a single true; empty is null.</summary>
    public bool? Predicate(ElementNode? resource, FhirPathEnvironment? environment = null) =>
        Operators.Items.ToBoolean(Evaluate(resource, environment), -1, "A predicate");

    /// <summary>Evaluates as a predicate on an element inside a resource (element-level invariants).</summary>
    public bool? Predicate(ElementNode element, ElementNode? resource, FhirPathEnvironment? environment = null) =>
        Operators.Items.ToBoolean(Evaluate(element, resource, environment), -1, "A predicate");

    // %rootResource (FHIR R4 fhirpath.html#variables): for a contained resource, the resource that contains it.
    private static ElementNode? RootOf(ElementNode? resource)
    {
        if (resource is not { Name: "contained" }) return resource;
        for (var node = resource.Parent; node is not null; node = node.Parent)
        {
            if (node.IsResource) return node;
        }
        return resource;
    }

    public override string ToString() => Text;
}
