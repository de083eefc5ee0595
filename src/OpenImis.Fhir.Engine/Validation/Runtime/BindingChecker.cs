using OpenImis.Fhir.Engine.Model;
using OpenImis.Fhir.Engine.Terminology;
using OpenImis.Fhir.Engine.Validation.Compilation;

namespace OpenImis.Fhir.Engine.Validation.Runtime;

/// <summary>
/// Bindings (terminologies.html#strength) on code, Coding and CodeableConcept: required → error when the code is not
/// in the ValueSet; extensible → warning; a ValueSet we cannot expand → warning. At any strength, a code that its
/// (held, complete) code system does not define is an error.
/// </summary>
internal static class BindingChecker
{
    public static void Check(ValidationRun run, ElementNode node, BindingPlan binding)
    {
        var terminology = run.Services.Terminology;
        switch (node.TypeName)
        {
            case "code" or "string" or "uri":
                if (node.Value is string code) Report(run, node, binding, terminology.Contains(binding.ValueSet, null, code), code);
                break;
            case "Coding":
                var codingSystem = SystemOf(node);
                var codingCode = CodeOf(node);
                if (CheckCode(run, node, binding, codingSystem, codingCode) || codingCode is null) break;
                Report(run, node, binding, terminology.Contains(binding.ValueSet, codingSystem, codingCode), codingCode);
                break;
            case "CodeableConcept":
                CheckCodeableConcept(run, node, binding);
                break;
        }
    }

    private static void CheckCodeableConcept(ValidationRun run, ElementNode node, BindingPlan binding)
    {
        var codings = node.Children("coding");
        var withCode = 0;
        foreach (var item in codings)
        {
            var coding = (ElementNode)item;
            if (CodeOf(coding) is not { } code) continue;
            withCode++;
            if (CheckCode(run, node, binding, SystemOf(coding), code)) return;
        }
        if (withCode == 0) return;
        var outcome = ValueSetMembership.Unknown("no coding could be checked");
        foreach (var item in codings)
        {
            var coding = (ElementNode)item;
            if (CodeOf(coding) is not { } code) continue;
            var membership = run.Services.Terminology.Contains(binding.ValueSet, SystemOf(coding), code);
            if (membership.IsMember) return;
            if (membership.IsNotMember || outcome.IsUnknown) outcome = membership;
        }
        var codes = new List<string>(withCode);
        foreach (var item in codings)
        {
            if (CodeOf((ElementNode)item) is { } code) codes.Add(code);
        }
        Report(run, node, binding, outcome, string.Join(", ", codes));
    }

    // A code its code system does not define is wrong whatever the binding strength, when the bound ValueSet draws
    // on that code system (a core ValueSet bound beside the profile's says nothing of IG systems); at the bound element.
    private static bool CheckCode(ValidationRun run, ElementNode at, BindingPlan binding, string? system, string? code)
    {
        if (system is null || code is null) return false;
        if (!run.Services.ValueSetDrawsOn(binding.ValueSet, system)) return false;
        if (run.Services.Terminology.Lookup(system, code).Outcome != LookupOutcome.NotFound) return false;
        run.Report(IssueSeverity.Error, IssueTypes.CodeInvalid, at, $"The code '{code}' is not defined in the code system {system}", "code-unknown");
        return true;
    }

    private static void Report(ValidationRun run, ElementNode node, BindingPlan binding, ValueSetMembership membership, string code)
    {
        if (membership.IsMember || !(binding.IsRequired || binding.IsExtensible)) return;
        if (membership.IsNotMember)
        {
            var severity = binding.IsRequired ? IssueSeverity.Error : IssueSeverity.Warning;
            run.Report(severity, IssueTypes.CodeInvalid, node, $"The code '{code}' is not in the {binding.Strength} ValueSet {binding.ValueSet}", "binding");
            return;
        }
        run.Report(IssueSeverity.Warning, IssueTypes.NotSupported, node, $"Cannot check the code '{code}' against {binding.ValueSet}: {membership.Reason}", "binding-unknown");
    }

    private static string? CodeOf(ElementNode coding) => Primitive(coding, "code");

    private static string? SystemOf(ElementNode coding) => Primitive(coding, "system");

    private static string? Primitive(ElementNode node, string name) =>
        node.Children(name) is { Count: 1 } items ? ((ElementNode)items.Single).Value as string : null;
}
