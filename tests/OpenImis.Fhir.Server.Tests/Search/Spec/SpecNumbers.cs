using System.Globalization;

namespace OpenImis.Fhir.Server.Tests.Search.Spec;

/// <summary>
/// Numbers as search.html#number reads them, written apart from the server's code: a searched number stands for the
/// range its precision implies (100 is [99.5, 100.5), 100.0 is [99.95, 100.05)); eq and ne test whether the stored
/// value falls in it, gt, lt, ge and le compare with the number exactly, sa and eb mean above or below the whole
/// range, ap within 10% of the number.
/// </summary>
public static class SpecNumbers
{
    public static bool Matches(string prefix, decimal target, string searched)
    {
        ArgumentNullException.ThrowIfNull(searched);
        var number = decimal.Parse(searched, NumberStyles.Float, CultureInfo.InvariantCulture);
        var dot = searched.IndexOf('.', StringComparison.Ordinal);
        var decimals = dot < 0 ? 0 : searched.Length - dot - 1;
        var half = 0.5m;
        for (var i = 0; i < decimals; i++) half /= 10;
        var inRange = target >= number - half && target < number + half;
        return prefix switch
        {
            "eq" => inRange,
            "ne" => !inRange,
            "gt" => target > number,
            "lt" => target < number,
            "ge" => target >= number,
            "le" => target <= number,
            "sa" => target >= number + half,
            "eb" => target < number - half,
            "ap" => Math.Abs(target - number) <= Math.Abs(number) / 10,
            _ => throw new ArgumentException($"unknown prefix {prefix}", nameof(prefix)),
        };
    }
}
