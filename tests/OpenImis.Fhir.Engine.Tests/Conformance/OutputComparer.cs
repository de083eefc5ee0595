using System.Globalization;
using OpenImis.Fhir.Engine.FhirPath;
using OpenImis.Fhir.Engine.FhirPath.Operators;
using OpenImis.Fhir.Engine.FhirPath.Values;
using OpenImis.Fhir.Engine.Model;

namespace OpenImis.Fhir.Engine.Tests.Conformance;

/// <summary>
/// Compares a result with the suite's expected outputs. Rules, read off the suite's data:
/// <list type="bullet">
/// <item>Types compare case-insensitively with <see cref="TypeNames.DisplayTypeOf"/>. The suite often names a FHIR
/// primitive element by its System type (<c>string</c> for a <c>uri</c> or <c>id</c>, <c>dateTime</c> for an
/// <c>instant</c>): a primitive element whose model type maps to the expected System type also matches. The reverse
/// is not loose: <c>code</c> expected and a computed System string found is a mismatch. Outputs without a type match
/// any type.</item>
/// <item>Values compare by kind: booleans and integers exactly, decimals numerically (the suite writes <c>1.0</c>
/// or <c>1</c> freely), dates and times by their literal text with or without <c>@</c> (and a time's <c>T</c>),
/// quantities by numeric value and unit (quotes dropped), strings exactly. Complex elements compare by type only.</item>
/// <item>ordered="false" compares as multisets.</item>
/// </list>
/// </summary>
internal static class OutputComparer
{
    /// <summary>Null when the result matches, else what differs.</summary>
    public static string? Compare(IReadOnlyList<ExpectedOutput> expected, FhirPathCollection actual, bool ordered, FhirModel model)
    {
        if (expected.Count != actual.Count) return $"expected {expected.Count} items, got {actual.Count}";
        if (ordered)
        {
            for (var i = 0; i < expected.Count; i++)
            {
                var why = Mismatch(expected[i], actual[i], model);
                if (why is not null) return $"item {i}: {why}";
            }
            return null;
        }
        var used = new bool[actual.Count];
        foreach (var output in expected)
        {
            var found = false;
            for (var i = 0; i < actual.Count && !found; i++)
            {
                if (used[i] || Mismatch(output, actual[i], model) is not null) continue;
                used[i] = found = true;
            }
            if (!found) return $"no item matches {output}";
        }
        return null;
    }

    private static string? Mismatch(ExpectedOutput expected, object actual, FhirModel model)
    {
        var actualType = TypeNames.DisplayTypeOf(actual);
        if (expected.Type is { } type && !TypeMatches(type, actual, actualType, model))
        {
            return $"type {actualType}, expected {type}";
        }
        return ValueMatches(expected, actual) ? null : $"value {Text(actual)}, expected {expected.Value}";
    }

    private static bool TypeMatches(string expected, object actual, string actualType, FhirModel model)
    {
        if (string.Equals(expected, actualType, StringComparison.OrdinalIgnoreCase)) return true;
        if (actual is not ElementNode node) return false;
        var systemType = (node.Type ?? model.FindType(node.TypeName))?.SystemType;
        return systemType is not null && string.Equals(expected, systemType, StringComparison.OrdinalIgnoreCase);
    }

    private static bool ValueMatches(ExpectedOutput expected, object actual)
    {
        var value = actual is ElementNode node ? node.Value : actual;
        if (actual is ElementNode { Value: null } complex)
        {
            // A Quantity element compares like a System Quantity; other complex elements by type only.
            if (complex.TypeName == "Quantity" || expected.Type == "Quantity") return QuantityMatches(expected.Value, ElementQuantity(complex));
            return true;
        }
        var text = expected.Value.Trim();
        return value switch
        {
            bool b => text == (b ? "true" : "false"),
            long l => long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var e) ? e == l : DecimalEquals(text, l),
            decimal d => DecimalEquals(text, d),
            PartialDateTime t => TemporalMatches(text, t),
            Quantity q => QuantityMatches(text, (q.Value, q.Unit)),
            string s => expected.Value == s,
            _ => text == value?.ToString(),
        };
    }

    private static bool DecimalEquals(string text, decimal actual) =>
        decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var e) && e == actual;

    private static bool TemporalMatches(string text, PartialDateTime actual)
    {
        var expected = text.TrimStart('@');
        if (expected.StartsWith('T')) expected = expected[1..];
        var literal = (actual.ToString() ?? "").TrimStart('@');
        if (literal.StartsWith('T')) literal = literal[1..];
        return expected == literal || expected == actual.ToFhirString();
    }

    /// <summary><c>5 'mg'</c>, <c>5.0 'mg'</c>, <c>4 days</c>, <c>1 '1'</c>.</summary>
    private static bool QuantityMatches(string text, (decimal Value, string Unit)? actual)
    {
        if (actual is not { } quantity) return false;
        var space = text.Trim().IndexOf(' ', StringComparison.Ordinal);
        var number = space < 0 ? text.Trim() : text.Trim()[..space];
        var unit = space < 0 ? "1" : text.Trim()[(space + 1)..].Trim().Trim('\'');
        return DecimalEquals(number, quantity.Value) && unit == quantity.Unit;
    }

    private static (decimal, string)? ElementQuantity(ElementNode element)
    {
        var value = element.Children("value");
        if (value.Count != 1 || value.Single is not ElementNode { Value: decimal d }) return null;
        var code = element.Children("code");
        var unit = element.Children("unit");
        var unitText = (code.Count == 1 ? code.Single : unit.Count == 1 ? unit.Single : null) is ElementNode { Value: string u } ? u : "1";
        return (d, unitText);
    }

    private static string Text(object actual)
    {
        try
        {
            return actual switch
            {
                ElementNode { Value: { } v } => Text(v),
                ElementNode node => node.TypeName,
                PartialDateTime t => t.ToString() ?? "",
                Quantity q => $"{q.Value.ToString(CultureInfo.InvariantCulture)} '{q.Unit}'",
                decimal d => d.ToString(CultureInfo.InvariantCulture),
                bool b => b ? "true" : "false",
                _ => actual.ToString() ?? "",
            };
        }
        catch (NotImplementedException)
        {
            return $"({actual.GetType().Name})";
        }
    }
}
