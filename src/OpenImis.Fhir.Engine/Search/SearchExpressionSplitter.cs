using System.Text;

namespace OpenImis.Fhir.Engine.Search;

/// <summary>
/// R4 search parameters share one expression among many types (<c>Account.name | ActivityDefinition.name | ...</c>).
/// Evaluating all of it for every resource wastes time, so each type keeps only the union branches that can select
/// something in it: those starting with its own name, with an abstract type (<c>Resource.id</c>) or with no type.
/// </summary>
public static class SearchExpressionSplitter
{
    public static string? ForType(string expression, string resourceType, Func<string, bool> isConcreteResourceType)
    {
        ArgumentNullException.ThrowIfNull(expression);
        ArgumentNullException.ThrowIfNull(isConcreteResourceType);
        var kept = new List<string>();
        foreach (var branch in TopLevelBranches(expression))
        {
            var head = LeadingIdentifier(branch);
            if (head == resourceType || head is null || !isConcreteResourceType(head)) kept.Add(branch);
        }
        return kept.Count == 0 ? null : string.Join(" | ", kept);
    }

    /// <summary>The operands of the top-level <c>|</c> operators (not inside parentheses or string literals).</summary>
    public static IEnumerable<string> TopLevelBranches(string expression)
    {
        var depth = 0;
        var inString = false;
        var start = 0;
        for (var i = 0; i < expression.Length; i++)
        {
            var c = expression[i];
            if (inString)
            {
                if (c == '\\') i++;
                else if (c == '\'') inString = false;
                continue;
            }
            switch (c)
            {
                case '\'':
                    inString = true;
                    break;
                case '(' or '[' or '{':
                    depth++;
                    break;
                case ')' or ']' or '}':
                    depth--;
                    break;
                case '|' when depth == 0:
                    yield return expression[start..i].Trim();
                    start = i + 1;
                    break;
            }
        }
        yield return expression[start..].Trim();
    }

    private static string? LeadingIdentifier(string branch)
    {
        var i = 0;
        while (i < branch.Length && (branch[i] == '(' || char.IsWhiteSpace(branch[i]))) i++;
        var name = new StringBuilder();
        while (i < branch.Length && (char.IsLetterOrDigit(branch[i]) || branch[i] == '_')) name.Append(branch[i++]);
        return name.Length == 0 ? null : name.ToString();
    }
}
