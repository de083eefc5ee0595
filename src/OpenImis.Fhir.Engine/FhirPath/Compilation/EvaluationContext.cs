using OpenImis.Fhir.Engine.Model;

namespace OpenImis.Fhir.Engine.FhirPath.Compilation;

/// <summary>
/// The state of one evaluation: the environment variables and the iteration variables ($this, $index, $total).
/// Used by one evaluation at a time, so compiled expressions stay shareable across threads; <see cref="Rent"/> reuses
/// one instance per thread (an evaluation nested in another, e.g. from a hook, gets a fresh one).
/// </summary>
internal sealed class EvaluationContext
{
    [ThreadStatic]
    private static EvaluationContext? t_spare;

    public EvaluationContext(FhirPathCollection context, ElementNode? resource, ElementNode? rootResource, FhirPathEnvironment environment, FhirModel model)
    {
        Reset(context, resource, rootResource, environment, model);
    }

    /// <summary>A context for one evaluation: this thread's spare one if it is free. Give it back with <see cref="Return"/>.</summary>
    public static EvaluationContext Rent(FhirPathCollection context, ElementNode? resource, ElementNode? rootResource, FhirPathEnvironment environment, FhirModel model)
    {
        var spare = t_spare;
        if (spare is null) return new EvaluationContext(context, resource, rootResource, environment, model);
        t_spare = null;
        spare.Reset(context, resource, rootResource, environment, model);
        return spare;
    }

    /// <summary>Ends an evaluation: drops its references (no resource is kept alive) and keeps the instance for the next one.</summary>
    public static void Return(EvaluationContext context)
    {
        context.Reset(default, null, null, FhirPathEnvironment.Default, FhirModel.Empty);
        t_spare = context;
    }

    private void Reset(FhirPathCollection context, ElementNode? resource, ElementNode? rootResource, FhirPathEnvironment environment, FhirModel model)
    {
        Context = context;
        Resource = resource;
        RootResource = rootResource;
        Environment = environment;
        Model = model;
        This = context;
        Index = -1;
        Total = default;
        _now = null;
    }

    /// <summary>%context: what the expression was evaluated on.</summary>
    public FhirPathCollection Context { get; private set; }

    /// <summary>%resource: the resource that holds the context.</summary>
    public ElementNode? Resource { get; private set; }

    /// <summary>%rootResource: the container of %resource when it is contained, else %resource.</summary>
    public ElementNode? RootResource { get; private set; }

    public FhirPathEnvironment Environment { get; private set; } = FhirPathEnvironment.Default;

    public FhirModel Model { get; private set; } = FhirModel.Empty;

    /// <summary>$this: the item under iteration; at the top level, the context. Function arguments are evaluated on it.</summary>
    public FhirPathCollection This;

    /// <summary>$index: the position of $this in the iterated collection (-1 outside an iteration).</summary>
    public int Index = -1;

    /// <summary>$total: the accumulator of aggregate().</summary>
    public FhirPathCollection Total;

    private DateTimeOffset? _now;

    /// <summary>now(), today() and timeOfDay() see one instant throughout an evaluation (spec 5.9): read once, on first use.</summary>
    public DateTimeOffset Now => _now ??= Environment.Clock.GetLocalNow();
}
