using OpenImis.Fhir.Engine.FhirPath.Values;

namespace OpenImis.Fhir.Engine.FhirPath.Operators;

/// <summary>Ordering of two values for <c>&lt; &lt;= &gt; &gt;=</c> (spec 6.2), also used by min/max/sort.</summary>
internal static class Comparison
{
    /// <summary>-1/0/1; null when the answer is unknown (dates of different precision, quantities in incomparable units).
    /// Values of types that cannot be compared are an error.</summary>
    public static int? Compare(object left, object right, int position)
    {
        var l = Items.Unwrap(left);
        var r = Items.Unwrap(right);
        switch (l, r)
        {
            case (long a, long b): return a.CompareTo(b);
            case (long a, decimal b): return ((decimal)a).CompareTo(b);
            case (decimal a, long b): return a.CompareTo(b);
            case (decimal a, decimal b): return a.CompareTo(b);
            case (string a, string b): return Math.Sign(string.CompareOrdinal(a, b));
            case (PartialDateTime a, PartialDateTime b): return PartialDateTime.Compare(a, b);
            case (Quantity a, Quantity b): return Quantity.Compare(a, b);
            case (Quantity a, long b): return Quantity.Compare(a, new Quantity(b, "1"));
            case (Quantity a, decimal b): return Quantity.Compare(a, new Quantity(b, "1"));
            case (long a, Quantity b): return Quantity.Compare(new Quantity(a, "1"), b);
            case (decimal a, Quantity b): return Quantity.Compare(new Quantity(a, "1"), b);
            default:
                throw new FhirPathEvaluationException(
                    $"Cannot compare {TypeNames.DisplayTypeOf(left)} with {TypeNames.DisplayTypeOf(right)}.", position);
        }
    }
}
