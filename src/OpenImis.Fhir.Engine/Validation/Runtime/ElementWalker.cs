using OpenImis.Fhir.Engine.FhirPath;
using OpenImis.Fhir.Engine.Model;
using OpenImis.Fhir.Engine.Validation.Compilation;

namespace OpenImis.Fhir.Engine.Validation.Runtime;

/// <summary>
/// Walks an element with its plan (profiling.html#snapshot): type, fixed/pattern, binding, invariants, references,
/// then the children with their cardinality and slicing. Where the snapshot stops, the walk continues with the
/// type's profile or core definition.
/// </summary>
internal sealed class ElementWalker(ValidationRun run)
{
    private readonly ValidatorServices _services = run.Services;
    private SliceWalker? _sliceWalker;

    public void Validate(ElementNode node, ElementPlan plan, ElementNode resource)
    {
        CheckType(node, plan);
        if (plan.Fixed is { } fixedValue && !PatternMatcher.Matches(node, plan, exact: true))
        {
            run.Report(IssueSeverity.Error, IssueTypes.Value, node, $"{plan.Path}: the value does not equal the fixed value {fixedValue.GetRawText()}", "fixed");
        }
        if (plan.Pattern is { } pattern && !PatternMatcher.Matches(node, plan, exact: false))
        {
            run.Report(IssueSeverity.Error, IssueTypes.Value, node, $"{plan.Path}: the value does not match the pattern {pattern.GetRawText()}", "pattern");
        }
        if (plan.Binding is { } binding) BindingChecker.Check(run, node, binding);
        CheckConstraints(node, plan, resource);
        if (node.TypeName == "Reference") ReferenceChecker.Check(run, node, plan.TypeFor("Reference"), resource);
        Descend(node, plan, resource);
    }

    private void Descend(ElementNode node, ElementPlan plan, ElementNode resource)
    {
        if (plan.HasChildren)
        {
            // The snapshot went below a data type (Coverage.period.start): the type's own invariants (per-1 on
            // Period's root) still apply to the element, and the snapshot does not always copy them.
            if (node.Type is { Kind: TypeKind.Complex } && plan.TypeDefinition(_services.Registry, node.TypeName) is { } ownType)
            {
                CheckConstraints(node, ownType.Root, resource);
            }
            ValidateChildren(node, plan, resource);
            return;
        }
        if (node.Type is null) return;
        var type = plan.TypeFor(node.TypeName);
        if (type is { Profiles.Length: > 0 })
        {
            for (var i = 0; i < type.Profiles.Length; i++) ApplyProfile(node, type.Profiles[i], type.ProfilePlan(_services.Registry, i), resource);
            return;
        }
        // An extension no definition describes is still an Extension: url, one value[x] or nested extensions (ext-1).
        if (node.TypeName == "Extension" && ExtensionChecker.ValidateByUrl(run, this, node, resource)) return;
        // The snapshot does not go below this element: continue with the type's own definition.
        if (plan.TypeDefinition(_services.Registry, node.TypeName) is { } typePlan && typePlan.Root.HasChildren)
        {
            Validate(node, typePlan.Root, resource);
        }
    }

    private void ApplyProfile(ElementNode node, string url, ProfilePlan? profile, ElementNode resource)
    {
        if (profile is null)
        {
            run.Report(IssueSeverity.Warning, IssueTypes.NotSupported, node, $"The profile {url} is not known; the element is not checked against it", "profile-unknown");
            return;
        }
        if (profile.IsExtension) ExtensionChecker.Apply(run, this, node, profile, resource);
        else Validate(node, profile.Root, resource);
    }

    // The children by the element's own child names (a handful) rather than by every child the plan has (dozens on a
    // resource): a required child that is missing is reported first, then each name present in its JSON order.
    private void ValidateChildren(ElementNode node, ElementPlan plan, ElementNode resource)
    {
        foreach (var child in plan.RequiredChildren)
        {
            if (node.Children(child.Name).IsEmpty) CheckCardinality(node, child.Path, child.Min, child.Max, 0, "cardinality");
        }
        for (var g = 0; g < node.GroupCount; g++)
        {
            // A name the plan lacks is not checked here (an unknown property is the JSON stage's to report).
            if (plan.Child(node.GroupName(g)) is not { } child) continue;
            var nodes = node.Group(g);
            CheckCardinality(node, child.Path, child.Min, child.Max, nodes.Count, "cardinality");
            if (child.Slicing is not null && child.Slices.Length > 0)
            {
                (_sliceWalker ??= new SliceWalker(run, this)).Validate(node, child, nodes, resource);
                continue;
            }
            foreach (var item in nodes) ValidateOne((ElementNode)item, child, resource);
        }
    }

    /// <summary>Validates one child against its plan; resources inside resources are validated on their own.</summary>
    public void ValidateOne(ElementNode node, ElementPlan plan, ElementNode resource)
    {
        if (node.IsResource) run.Enqueue(node);
        else Validate(node, plan, resource);
    }

    /// <summary>Too few is <c>required</c>, too many <c>structure</c>, both at the parent whose children are counted.</summary>
    public void CheckCardinality(ElementNode parent, string what, int min, int? max, int count, string rule)
    {
        if (count < min)
        {
            run.Report(IssueSeverity.Error, IssueTypes.Required, parent, $"{what}: minimum required = {min}, but only found {count}", rule + "-min");
        }
        else if (max is { } limit && count > limit)
        {
            run.Report(IssueSeverity.Error, IssueTypes.Structure, parent, $"{what}: maximum allowed = {limit}, but found {count}", rule + "-max");
        }
    }

    private void CheckType(ElementNode node, ElementPlan plan)
    {
        if (plan.Types.Length == 0 || node.Type is null) return;
        foreach (var type in plan.Types)
        {
            if (type.IsSystemType || type.Code == node.TypeName || type.Code is "Element" or "BackboneElement" or "Resource") return;
            if (_services.Model.FindType(type.Code) is { } allowed && node.Type.IsA(allowed)) return;
        }
        var codes = string.Join(", ", plan.Types.Select(t => t.Code));
        run.Report(IssueSeverity.Error, IssueTypes.Structure, node, $"{plan.Path}: type {node.TypeName} is not allowed here (allowed: {codes})", "type");
    }

    private void CheckConstraints(ElementNode node, ElementPlan plan, ElementNode resource)
    {
        foreach (var constraint in plan.Constraints)
        {
            if ((constraint.Expression is null && constraint.Native is null) || !run.FirstEvaluation(node, constraint)) continue;
            // An empty element is already a JSON structure error (stage 1); ele-1 would say it twice.
            if (constraint.IsEle1 && node.Value is null && node.AllChildren().IsEmpty) continue;
            if (constraint.Native is { } native)
            {
                if (!native(node)) ReportFailed(node, constraint);
                continue;
            }
            Evaluate(node, constraint, resource);
        }
    }

    // FHIRPath, in its own method: the exception handling stays out of the loop above, which runs for every element.
    private void Evaluate(ElementNode node, ConstraintPlan constraint, ElementNode resource)
    {
        bool? result;
        try
        {
            result = constraint.Expression!.Predicate(node, resource, _services.Environment);
        }
        catch (FhirPathException exception)
        {
            run.Report(IssueSeverity.Warning, IssueTypes.Processing, node, $"{constraint.Key}: could not be evaluated: {exception.Message}", constraint.Key);
            return;
        }
        if (result == false) ReportFailed(node, constraint);
    }

    private void ReportFailed(ElementNode node, ConstraintPlan constraint) =>
        run.Report(constraint.Severity, IssueTypes.Invariant, node, $"{constraint.Key}: {constraint.Human}", constraint.Key);
}
