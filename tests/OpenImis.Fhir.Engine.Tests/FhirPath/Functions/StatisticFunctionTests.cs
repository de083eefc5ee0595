using OpenImis.Fhir.Engine.FhirPath;
using OpenImis.Fhir.Engine.FhirPath.Values;
using OpenImis.Fhir.Engine.Model;

namespace OpenImis.Fhir.Engine.Tests.FhirPath.Functions;

public class StatisticFunctionTests
{
    private static readonly FhirPathEngine Engine = new(FhirModel.R4);

    private static object[] Eval(string expression) => [.. Engine.Compile(expression).Evaluate(null)];

    [Fact]
    public void Sum_keeps_integers_integer_and_mixes_to_decimal()
    {
        Assert.Equal([6L], Eval("(1 | 2 | 3).sum()"));
        Assert.Equal([3.5m], Eval("(1 | 2.5).sum()"));
        Assert.Empty(Eval("{}.sum()"));
    }

    [Fact]
    public void Sum_of_quantities_converts_units()
    {
        var total = Assert.IsType<Quantity>(Assert.Single(Eval("(1 'g' | 500 'mg').sum()")));
        Assert.Equal(1.5m, total.Value);
        Assert.Equal("g", total.Unit);
    }

    [Fact]
    public void Min_max_and_avg()
    {
        Assert.Equal([1L], Eval("(3 | 1 | 2).min()"));
        Assert.Equal(["c"], Eval("('b' | 'c' | 'a').max()"));
        Assert.Equal([2m], Eval("(1 | 2 | 3).avg()"));
        Assert.Empty(Eval("(@2014 | @2014-01-01).min()")); // precision makes the order unknown
    }

    [Fact]
    public void Items_that_cannot_be_summed_or_compared_are_errors()
    {
        Assert.Throws<FhirPathEvaluationException>(() => Eval("('a' | 'b').sum()"));
        Assert.Throws<FhirPathEvaluationException>(() => Eval("(1 | 'a').max()"));
    }
}
