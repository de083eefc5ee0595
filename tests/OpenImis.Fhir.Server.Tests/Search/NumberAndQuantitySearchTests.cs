using OpenImis.Fhir.Server.Tests.Search.Data;
using OpenImis.Fhir.Server.Tests.Search.Spec;
using static OpenImis.Fhir.Server.Tests.Search.Data.SearchDataSet;
using static OpenImis.Fhir.Server.Tests.Search.SearchHttp;

namespace OpenImis.Fhir.Server.Tests.Search;

/// <summary>
/// number (ChargeItem.factorOverride) and quantity (ChargeItem.quantity, Invoice totals as Money) with every prefix,
/// on values of several precisions (1 and 1.0, 100 and 100.4); quantities by number only, system|code, and ||unit
/// (code or unit). Expectations come from <see cref="SpecNumbers"/>.
/// </summary>
[Collection(SearchCollection.Name)]
public sealed class NumberAndQuantitySearchTests(SearchFixture fixture)
{
    private const string Currencies = "urn:iso:std:iso:4217";
    private static readonly string[] Prefixes = ["", "eq", "ne", "gt", "lt", "ge", "le", "sa", "eb", "ap"];

    private readonly HttpClient _client = fixture.Client;

    public static TheoryData<string, string> Factors()
    {
        var data = new TheoryData<string, string>();
        foreach (var value in new[] { "100", "100.0", "1", "1.0", "99.5", "0.8", "1.25", "100.4", "0" })
        {
            foreach (var prefix in Prefixes) data.Add(prefix, value);
        }
        return data;
    }

    public static TheoryData<string, string> Quantities()
    {
        var data = new TheoryData<string, string>();
        foreach (var value in new[] { "2", "2||mg", "2||milligram", $"2|{Ucum}|mg", "2||tablets", $"2.5|{Ucum}|mg", "1.5||mg", $"0.5|{Ucum}|g", "500||mg", $"2|{Ucum}|milligram", "3||mg" })
        {
            foreach (var prefix in Prefixes) data.Add(prefix, value);
        }
        return data;
    }

    public static TheoryData<string, string> Totals()
    {
        var data = new TheoryData<string, string>();
        foreach (var value in new[] { "100", "100.0", "100||EUR", $"100|{Currencies}|EUR", "1500||USD", "1500", "99.5", "100|http://example.org|EUR" })
        {
            foreach (var prefix in Prefixes) data.Add(prefix, value);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Factors))]
    public async Task Number_with_prefixes_and_the_precision_of_the_searched_value(string prefix, string value)
    {
        var expected = ChargeItems.Where(c => c.Factor is { } f && SpecNumbers.Matches(Prefix(prefix), f.Value, value)).Select(c => c.Id);
        await _client.ExpectAsync($"ChargeItem?factor-override={prefix}{value}", expected);
    }

    [Theory]
    [MemberData(nameof(Quantities))]
    public async Task Quantity_by_number_system_and_code_or_unit(string prefix, string value)
    {
        var expected = ChargeItems.Where(c => c.Quantity is { } q && QuantityMatches(Prefix(prefix), q, value, system: null)).Select(c => c.Id);
        await _client.ExpectAsync($"ChargeItem?quantity={prefix}{Escape(value)}", expected);
    }

    [Theory]
    [MemberData(nameof(Totals))]
    public async Task Money_searches_as_a_quantity_whose_code_is_the_currency(string prefix, string value)
    {
        var expected = Invoices.Where(i => i.TotalNet is { } q && QuantityMatches(Prefix(prefix), q, value, Currencies)).Select(i => i.Id);
        await _client.ExpectAsync($"Invoice?totalnet={prefix}{Escape(value)}", expected);
    }

    [Fact]
    public async Task Missing_numbers_and_quantities_and_ored_values()
    {
        await _client.ExpectAsync("ChargeItem?factor-override:missing=true", ChargeItems.Where(c => c.Factor is null).Select(c => c.Id));
        await _client.ExpectAsync("Invoice?totalgross:missing=true", Invoices.Where(i => i.TotalGross is null).Select(i => i.Id));
        await _client.ExpectAsync("Invoice?totalgross=120,1650", ["inv-1", "inv-5"]);
        await _client.ExpectAsync("ChargeItem?factor-override=lt1&factor-override=gt0.5", ["ci-1"]);
    }

    // search.html#quantity: number|system|code matches the code in that system; number||code matches the code or the unit.
    private static bool QuantityMatches(string prefix, TestAmount quantity, string searched, string? system)
    {
        var parts = searched.Split('|');
        if (!SpecNumbers.Matches(prefix, quantity.Value, parts[0])) return false;
        if (parts.Length == 1) return true;
        var (quantitySystem, code, unit) = quantity.Currency is { } currency ? (system, currency, currency) : (quantity.System, quantity.Code, quantity.Unit);
        if (parts[1].Length > 0) return quantitySystem == parts[1] && code == parts[2];
        return code == parts[2] || unit == parts[2];
    }

    private static string Prefix(string prefix) => prefix.Length == 0 ? "eq" : prefix;
}
