using OpenImis.Fhir.Engine.Model;

namespace OpenImis.Fhir.Engine.Terminology;

/// <summary>
/// FHIRPath <c>memberOf(valueset)</c> (http://hl7.org/fhir/R4/fhirpath.html#functions) on a terminology service:
/// a code is checked alone, a Coding by system and code, a CodeableConcept is a member when any coding is.
/// Null (empty in FHIRPath) when the answer is unknown.
/// </summary>
internal static class MemberOfHook
{
    public static Func<ElementNode, string, bool?> Create(TerminologyService terminology) =>
        (node, valueSetUrl) => node.TypeName switch
        {
            "Coding" => Coding(terminology, node, valueSetUrl),
            "CodeableConcept" => CodeableConcept(terminology, node, valueSetUrl),
            _ => node.Value is string code ? Answer(terminology.Contains(valueSetUrl, null, code)) : null,
        };

    private static bool? Coding(TerminologyService terminology, ElementNode coding, string valueSetUrl)
    {
        var code = StringChild(coding, "code");
        if (code is null) return false; // a Coding without a code names no concept
        return Answer(terminology.Contains(valueSetUrl, StringChild(coding, "system"), code));
    }

    // Any coding that is a member makes the concept a member; otherwise unknown wins over not a member.
    private static bool? CodeableConcept(TerminologyService terminology, ElementNode concept, string valueSetUrl)
    {
        bool? answer = false;
        foreach (var item in concept.Children("coding"))
        {
            if (item is not ElementNode coding) continue;
            switch (Coding(terminology, coding, valueSetUrl))
            {
                case true: return true;
                case null: answer = null; break;
            }
        }
        return answer;
    }

    private static string? StringChild(ElementNode node, string name)
    {
        var children = node.Children(name);
        return children.Count == 1 && children[0] is ElementNode { Value: string value } ? value : null;
    }

    private static bool? Answer(ValueSetMembership membership) => membership.Outcome switch
    {
        MembershipOutcome.Member => true,
        MembershipOutcome.NotMember => false,
        _ => null,
    };
}
