using OpenImis.Fhir.Engine.FhirPath.Values;

namespace OpenImis.Fhir.Engine.Tests.FhirPath.Values;

public class UcumCatalogTests
{
    [Theory]
    [InlineData(1, "g", "mg", 1000)]
    [InlineData(2500, "mg", "g", 2.5)]
    [InlineData(1, "km", "m", 1000)]
    [InlineData(150, "cm", "m", 1.5)]
    [InlineData(1, "L", "mL", 1000)]
    [InlineData(250, "mL", "L", 0.25)]
    [InlineData(1, "h", "min", 60)]
    [InlineData(90, "s", "min", 1.5)]
    [InlineData(1, "d", "h", 24)]
    [InlineData(1, "wk", "d", 7)]
    [InlineData(1, "a", "d", 365.25)]
    [InlineData(12, "mo", "a", 1)]
    [InlineData(1, "mm[Hg]", "Pa", 133.322)]
    [InlineData(1, "cm[H2O]", "Pa", 98.0665)]
    [InlineData(1, "[ft_i]", "[in_i]", 12)]
    [InlineData(1, "m3", "L", 1000)]
    [InlineData(1, "mmol/L", "umol/mL", 1)]
    [InlineData(1, "Hz", "/s", 1)]
    [InlineData(1, "kcal", "J", 4184)]
    [InlineData(1, "dag", "g", 10)]
    [InlineData(1, "10*3", "1", 1000)]
    [InlineData(1, "10^-3", "1", 0.001)]
    [InlineData(1, "/min", "/h", 60)]
    [InlineData(1, "{beats}/min", "/min", 1)]
    [InlineData(1, "mg{creat}", "g", 0.001)]
    [InlineData(1, "(m/s)/s", "m.s-2", 1)]
    public void converts_between_commensurable_units(decimal value, string from, string to, decimal expected)
    {
        Assert.True(UcumCatalog.TryConvert(value, from, to, out var result), $"{from} -> {to}");
        Assert.Equal(expected, result);
    }

    [Theory]
    [InlineData("g", "m")]
    [InlineData("cm", "s")]
    [InlineData("[IU]", "mg")]
    [InlineData("kg", "kg2")]
    [InlineData("nonsense", "g")]
    [InlineData("g", "")]
    [InlineData("m/", "m")]
    [InlineData("(m", "m")]
    [InlineData("m )", "m")]
    [InlineData("ka", "a")]
    [InlineData("Cel", "K")]
    public void refuses_incommensurable_or_unknown_units(string from, string to) =>
        Assert.False(UcumCatalog.TryConvert(1m, from, to, out _));

    [Fact]
    public void exact_atoms_win_over_prefixed_readings()
    {
        // cd is candela, not centi-day; Pa is pascal, not peta-year; min is minute, not milli-inch.
        Assert.False(UcumCatalog.AreComparable("cd", "d"));
        Assert.True(UcumCatalog.AreComparable("Pa", "N/m2"));
        Assert.True(UcumCatalog.AreComparable("min", "s"));
        Assert.True(UcumCatalog.AreComparable("mol", "umol"));
    }

    [Fact]
    public void customary_mass_converts_within_decimal_precision()
    {
        Assert.True(UcumCatalog.TryConvert(1m, "kg", "[lb_av]", out var pounds));
        Assert.Equal(2.204622621849m, Math.Round(pounds, 12));
        Assert.True(UcumCatalog.TryConvert(1m, "[oz_av]", "g", out var grams));
        Assert.Equal(28.349523125m, grams);
    }

    [Fact]
    public void identical_unit_strings_convert_even_when_unknown()
    {
        Assert.True(UcumCatalog.TryConvert(3m, "xyz", "xyz", out var result));
        Assert.Equal(3m, result);
    }

    [Fact]
    public void huge_prefix_powers_fail_instead_of_overflowing() =>
        Assert.False(UcumCatalog.TryConvert(1m, "Ym4", "ym4", out _));
}
