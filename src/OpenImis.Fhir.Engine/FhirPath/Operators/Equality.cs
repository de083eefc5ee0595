using OpenImis.Fhir.Engine.FhirPath.Values;
using OpenImis.Fhir.Engine.Model;

namespace OpenImis.Fhir.Engine.FhirPath.Operators;

/// <summary>
/// FHIRPath equality (<c>=</c>, spec 6.1.1) and equivalence (<c>~</c>, 6.1.3) of items and collections.
/// Equality may be unknown (null: the result is empty), e.g. dates of different precision.
/// </summary>
internal static class Equality
{
    public static bool? AreEqual(object left, object right)
    {
        var l = Items.Unwrap(left);
        var r = Items.Unwrap(right);
        switch (l)
        {
            case string ls: return r is string rs && string.Equals(ls, rs, StringComparison.Ordinal);
            case bool lb: return r is bool rb && lb == rb;
            case long ll:
                return r switch { long rl => ll == rl, decimal rd => ll == rd, Quantity rq => QuantityOfNumber(ll, rq), _ => false };
            case decimal ld:
                return r switch { decimal rd => ld == rd, long rl => ld == rl, Quantity rq => QuantityOfNumber(ld, rq), _ => false };
            case PartialDateTime ldt:
                return r is PartialDateTime rdt ? PartialDateTime.AreEqual(ldt, rdt) : false;
            case Quantity lq:
                return r switch
                {
                    Quantity rq => Quantity.AreEqual(lq, rq),
                    long rl => QuantityOfNumber(rl, lq),
                    decimal rd => QuantityOfNumber(rd, lq),
                    _ => false,
                };
            case ElementNode ln:
                return r is ElementNode rn ? DeepEqual(ln, rn, equivalent: false) : false;
            default:
                return false;
        }
    }

    public static bool AreEquivalent(object left, object right)
    {
        var l = Items.Unwrap(left);
        var r = Items.Unwrap(right);
        switch (l)
        {
            case string ls: return r is string rs && string.Equals(NormaliseForEquivalence(ls), NormaliseForEquivalence(rs), StringComparison.OrdinalIgnoreCase);
            case bool lb: return r is bool rb && lb == rb;
            case long ll:
                return r switch { long rl => ll == rl, decimal rd => DecimalsEquivalent(ll, rd), _ => false };
            case decimal ld:
                return r switch { decimal rd => DecimalsEquivalent(ld, rd), long rl => DecimalsEquivalent(ld, rl), _ => false };
            case PartialDateTime ldt:
                return r is PartialDateTime rdt && PartialDateTime.AreEquivalent(ldt, rdt);
            case Quantity lq:
                return r is Quantity rq && Quantity.AreEquivalent(lq, rq);
            case ElementNode ln:
                return r is ElementNode rn && DeepEqual(ln, rn, equivalent: true) == true;
            default:
                return false;
        }
    }

    /// <summary><c>=</c> on collections: empty if either is empty; same count and pairwise equal in order.</summary>
    public static bool? CollectionsEqual(FhirPathCollection left, FhirPathCollection right)
    {
        if (left.IsEmpty || right.IsEmpty) return null;
        if (left.Count != right.Count) return false;
        var unknown = false;
        for (var i = 0; i < left.Count; i++)
        {
            var equal = AreEqual(left[i], right[i]);
            if (equal == false) return false;
            if (equal is null) unknown = true;
        }
        return unknown ? null : true;
    }

    /// <summary><c>~</c> on collections: both empty is true; same count and every item has an equivalent partner, in any order.</summary>
    public static bool CollectionsEquivalent(FhirPathCollection left, FhirPathCollection right)
    {
        if (left.Count != right.Count) return false;
        if (left.IsEmpty) return true;
        if (left.Count == 1) return AreEquivalent(left.Single, right.Single);
        var matched = new bool[right.Count];
        foreach (var item in left)
        {
            var found = false;
            for (var j = 0; j < right.Count; j++)
            {
                if (!matched[j] && AreEquivalent(item, right[j]))
                {
                    matched[j] = true;
                    found = true;
                    break;
                }
            }
            if (!found) return false;
        }
        return true;
    }

    /// <summary>True when <paramref name="collection"/> has an item equal to <paramref name="item"/> (used by distinct, union, in, contains).</summary>
    public static bool Contains(FhirPathCollection collection, object item)
    {
        foreach (var candidate in collection)
        {
            if (AreEqual(candidate, item) == true) return true;
        }
        return false;
    }

    // Spec 6.1.3: decimals are equivalent when equal at the precision of the less precise one,
    // trailing zeroes not counting towards precision.
    private static bool DecimalsEquivalent(decimal left, decimal right)
    {
        var scale = Math.Min(SignificantScale(left), SignificantScale(right));
        return Math.Round(left, scale, MidpointRounding.AwayFromZero) == Math.Round(right, scale, MidpointRounding.AwayFromZero);
    }

    private static int SignificantScale(decimal value)
    {
        // Dividing by 1.000... (as many zeros as decimal allows) drops the trailing zeros of the scale.
        return (value / 1.0000000000000000000000000000m).Scale;
    }

    // Integer and Decimal convert implicitly to a unitless Quantity (spec 10.2 / 6.1).
    private static bool? QuantityOfNumber(decimal number, Quantity quantity) =>
        quantity.Unit == "1" ? number == quantity.Value : false;

    // Spec 6.1.3: strings compare ignoring case and with whitespace normalised.
    private static string NormaliseForEquivalence(string value)
    {
        var builder = new System.Text.StringBuilder(value.Length);
        var pendingSpace = false;
        foreach (var c in value.Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = true;
                continue;
            }
            if (pendingSpace) builder.Append(' ');
            pendingSpace = false;
            builder.Append(c);
        }
        return builder.ToString();
    }

    // Complex values are equal when their children are, name by name and in order (spec 6.1.1 "complex types").
    private static bool? DeepEqual(ElementNode left, ElementNode right, bool equivalent)
    {
        if (ReferenceEquals(left, right)) return true;
        if (left.Value is not null || right.Value is not null)
        {
            if (left.Value is null || right.Value is null) return false;
            if (equivalent) return AreEquivalent(left.Value, right.Value);
            var valuesEqual = AreEqual(left.Value, right.Value);
            if (valuesEqual != true) return valuesEqual;
        }
        var leftNames = left.ChildNames;
        var rightNames = right.ChildNames;
        if (leftNames.Count != rightNames.Count) return false;
        foreach (var name in leftNames)
        {
            if (equivalent && name == "id") continue;
            var l = left.Children(name);
            var r = right.Children(name);
            if (equivalent)
            {
                if (!CollectionsEquivalent(l, r)) return false;
                continue;
            }
            if (l.Count != r.Count) return false;
            var equal = CollectionsEqual(l, r);
            if (equal != true) return equal;
        }
        return true;
    }
}
