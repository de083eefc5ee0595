using OpenImis.Fhir.Engine.Model;

namespace OpenImis.Fhir.Engine.FhirPath.Compilation;

/// <summary>
/// The state of one evaluation: the environment variables and the iteration variables ($this, $index, $total).
/// One instance per evaluation, so compiled expressions stay shareable across threads.
/// </summary>
internal sealed class EvaluationContext
{
    public EvaluationContext(FhirPathCollection context, ElementNode? resource, ElementNode? rootResource, FhirPathEnvironment environment, FhirModel model)
    {
        Context = context;
        Resource = resource;
        RootResource = rootResource;
        Environment = environment;
        Model = model;
        This = context;
    }

    /// <summary>%context: what the expression was evaluated on.</summary>
    public FhirPathCollection Context { get; }

    /// <summary>%resource: the resource that holds the context.</summary>
    public ElementNode? Resource { get; }

    /// <summary>%rootResource: the container of %resource when it is contained, else %resource.</summary>
    public ElementNode? RootResource { get; }

    public FhirPathEnvironment Environment { get; }

    public FhirModel Model { get; }

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
