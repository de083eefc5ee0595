using OpenImis.Fhir.Engine.Model;
using OpenImis.Fhir.Engine.Validation.Compilation;

namespace OpenImis.Fhir.Engine.Validation.Runtime;

/// <summary>
/// The state of one validation: the issues found, which (element, constraint) pairs were evaluated already (a profile
/// snapshot repeats the base constraints, so each is evaluated once per element), and the resources still to visit
/// (contained resources and Bundle entries, each validated once whichever definition reached it).
/// </summary>
/// <param name="scope">The element the run walks (the root, or a nested run's element): sizes the per-element state.</param>
internal sealed class ValidationRun(ValidatorServices services, ElementNode scope, int depth = 0)
{
    private readonly EvaluatedConstraints _evaluated = new(scope.Ordinal, scope.SubtreeSize);
    private readonly HashSet<ElementNode> _queuedResources = new(ReferenceEqualityComparer.Instance);

    public ValidatorServices Services { get; } = services;

    /// <summary>0 for the resource asked for; 1 and more for reference targets checked against target profiles.</summary>
    public int Depth { get; } = depth;

    public List<ValidationIssue> Issues { get; } = [];

    public Queue<ElementNode> PendingResources { get; } = new();

    /// <summary>True when an error or fatal issue was reported.</summary>
    public bool HasErrors
    {
        get
        {
            foreach (var issue in Issues)
            {
                if (issue.Severity is IssueSeverity.Error or IssueSeverity.Fatal) return true;
            }
            return false;
        }
    }

    /// <summary>The run's slice matcher (made on first use; it keeps buffers for discriminator paths).</summary>
    public DiscriminatorMatcher Matcher => _matcher ??= new DiscriminatorMatcher(this);

    private DiscriminatorMatcher? _matcher;

    public void Report(IssueSeverity severity, string code, ElementNode at, string message, string rule) =>
        Issues.Add(new ValidationIssue(severity, code, at.Location, message, rule));

    public void Report(IssueSeverity severity, string code, string location, string message, string rule) =>
        Issues.Add(new ValidationIssue(severity, code, location, message, rule));

    /// <summary>True the first time a constraint key is seen on an element.</summary>
    public bool FirstEvaluation(ElementNode node, ConstraintPlan constraint) => _evaluated.Add(node.Ordinal, constraint.KeyId);

    /// <summary>Ends the run: its pooled per-element state goes back to the pool. The issues stay readable.</summary>
    public void Release() => _evaluated.Release();

    /// <summary>Queues a contained or entry resource for validation, once.</summary>
    public void Enqueue(ElementNode resource)
    {
        if (_queuedResources.Add(resource)) PendingResources.Enqueue(resource);
    }
}
