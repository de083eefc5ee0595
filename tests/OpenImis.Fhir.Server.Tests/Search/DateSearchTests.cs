using System.Globalization;
using System.Net;
using OpenImis.Fhir.Server.Tests.Infrastructure;
using OpenImis.Fhir.Server.Tests.Search.Data;
using OpenImis.Fhir.Server.Tests.Search.Spec;
using static OpenImis.Fhir.Server.Tests.Search.Data.SearchDataSet;
using static OpenImis.Fhir.Server.Tests.Search.SearchHttp;

namespace OpenImis.Fhir.Server.Tests.Search;

/// <summary>
/// date parameters (search.html#date) with every prefix, on partial dates (birthDate 1980, 1980-05), dateTimes in
/// several zones around midnight UTC (Claim.created), Periods open at either end (ChargeItem.occurrence) and
/// _lastUpdated. Each expectation comes from <see cref="SpecDates"/> over the data set's model.
/// </summary>
[Collection(SearchCollection.Name)]
public sealed class DateSearchTests(SearchFixture fixture)
{
    private static readonly string[] Prefixes = ["eq", "ne", "gt", "lt", "ge", "le", "sa", "eb"];

    private readonly HttpClient _client = fixture.Client;

    private static TheoryData<string, string> Cases(params string[] values)
    {
        var data = new TheoryData<string, string>();
        foreach (var value in values)
        {
            data.Add("", value);
            foreach (var prefix in Prefixes) data.Add(prefix, value);
        }
        return data;
    }

    public static TheoryData<string, string> BirthDates => Cases("1980", "1980-05", "1980-05-17", "1980-05-31", "1981-01-01", "1962-02-05T10:00:00Z", "1980-05-01T02:00:00+05:00");

    public static TheoryData<string, string> Created => Cases(
        "2021-03-01", "2021-03-02", "2021-03", "2021", "2021-03-01T23:30:00+05:00", "2021-03-01T18:30:00Z", "2021-03-02T00:00:00+05:00",
        "2021-03-01T23:59:59Z", "2021-03-01T23:59", "2021-02-28T23:59:59.999Z");

    public static TheoryData<string, string> Occurrences => Cases("2021-03", "2021-03-01", "2021-03-15", "2021-02-15", "2021-02-28", "2021", "2021-04", "2020-06", "2021-03-31T22:00:00-02:00");

    [Theory]
    [MemberData(nameof(BirthDates))]
    public async Task Birthdate_partial_dates(string prefix, string value)
    {
        var search = SpecDates.Range(value);
        var expected = Patients.Where(p => p.BirthDate is { } b && SpecDates.Matches(Prefix(prefix), SpecDates.Range(b), search)).Select(p => p.Id);
        await _client.ExpectAsync($"Patient?birthdate={prefix}{Escape(value)}", expected);
    }

    [Theory]
    [MemberData(nameof(Created))]
    public async Task Claim_created_in_several_zones_around_midnight(string prefix, string value)
    {
        var search = SpecDates.Range(value);
        var expected = Claims.Where(c => SpecDates.Matches(Prefix(prefix), SpecDates.Range(c.Created), search)).Select(c => c.Id);
        await _client.ExpectAsync($"Claim?created={prefix}{Escape(value)}", expected);
    }

    [Theory]
    [MemberData(nameof(Occurrences))]
    public async Task Charge_occurrence_datetimes_and_periods_open_at_either_end(string prefix, string value)
    {
        var search = SpecDates.Range(value);
        var expected = ChargeItems.Where(c => Occurrence(c) is { } range && SpecDates.Matches(Prefix(prefix), range, search)).Select(c => c.Id);
        await _client.ExpectAsync($"ChargeItem?occurrence={prefix}{Escape(value)}", expected);
    }

    [Theory]
    [InlineData("Patient?birthdate", "1980-05-17")]
    [InlineData("Patient?birthdate", "1962")]
    [InlineData("Claim?created", "2021-03-01")]
    [InlineData("ChargeItem?occurrence", "2021-03-10")]
    public async Task Ap_widens_the_searched_range_by_a_tenth_of_its_distance_from_now(string parameter, string value)
    {
        var search = SpecDates.Range(value);
        IEnumerable<(string Id, (DateTimeOffset, DateTimeOffset)? Range)> targets = parameter switch
        {
            "Patient?birthdate" => Patients.Select(p => (p.Id, p.BirthDate is null ? ((DateTimeOffset, DateTimeOffset)?)null : SpecDates.Range(p.BirthDate))),
            "Claim?created" => Claims.Select(c => (c.Id, (((DateTimeOffset, DateTimeOffset)?)SpecDates.Range(c.Created)))),
            _ => ChargeItems.Select(c => (c.Id, Occurrence(c))),
        };
        var expected = targets.Where(t => t.Range is { } r && SpecDates.Matches("ap", r, search)).Select(t => t.Id).ToList();
        Assert.NotEmpty(expected);
        await _client.ExpectAsync($"{parameter}=ap{value}", expected);
    }

    [Fact]
    public async Task A_zone_written_with_an_unescaped_plus_is_read_as_plus()
    {
        var expected = Claims.Where(c => SpecDates.Matches("ge", SpecDates.Range(c.Created), SpecDates.Range("2021-03-01T23:30:00+05:00"))).Select(c => c.Id);
        await _client.ExpectAsync("Claim?created=ge2021-03-01T23:30:00+05:00", expected);
    }

    [Fact]
    public async Task Several_values_are_ored_and_repeated_parameters_make_a_range()
    {
        await _client.ExpectAsync("Patient?birthdate=1962,1955", Patients.Where(p => p.BirthDate is { } b && (b.StartsWith("1962", StringComparison.Ordinal) || b.StartsWith("1955", StringComparison.Ordinal))).Select(p => p.Id));
        var (from, to) = (SpecDates.Range("1980-05-01"), SpecDates.Range("1980-05-31"));
        await _client.ExpectAsync("Patient?birthdate=ge1980-05-01&birthdate=le1980-05-31",
            Patients.Where(p => p.BirthDate is { } b && SpecDates.Matches("ge", SpecDates.Range(b), from) && SpecDates.Matches("le", SpecDates.Range(b), to)).Select(p => p.Id));
    }

    [Fact]
    public async Task Missing_dates()
    {
        await _client.ExpectAsync("Patient?birthdate:missing=true", Patients.Where(p => p.BirthDate is null).Select(p => p.Id));
        await _client.ExpectAsync("ChargeItem?occurrence:missing=true", ChargeItems.Where(c => Occurrence(c) is null).Select(c => c.Id));
        await _client.ExpectAsync("Invoice?date:missing=false", Invoices.Where(i => i.Date is not null).Select(i => i.Id));
    }

    [Fact]
    public async Task Last_updated_compares_the_instant_the_server_stored()
    {
        var stored = Patients.Select(p => (p.Id, At: fixture.LastUpdated("Patient", p.Id))).ToList();
        var first = stored.Min(s => s.At);
        var last = stored.Max(s => s.At);
        foreach (var (prefix, value) in new[]
        {
            ("ge", Instant(first)), ("gt", Instant(first)), ("le", Instant(last)), ("lt", Instant(last)), ("eq", Instant(first)),
            ("gt", Instant(first.AddSeconds(-1))), ("lt", Instant(first.AddSeconds(-1))), ("eq", first.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            ("ne", first.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ("sa", "2000"), ("eb", "2000"),
            // At the stored instants themselves: the written-out forms on the column must keep each boundary.
            ("sa", Instant(first)), ("eb", Instant(last)), ("le", Instant(first)), ("ge", Instant(last)), ("ne", Instant(first)),
            ("gt", Instant(last)), ("lt", Instant(first)), ("eb", "0001"), ("sa", "2999"), ("le", "0001"),
        })
        {
            var search = SpecDates.Range(value);
            var expected = stored.Where(s => SpecDates.Matches(prefix, (s.At, s.At.AddMilliseconds(1)), search)).Select(s => s.Id);
            await _client.ExpectAsync($"Patient?_lastUpdated={prefix}{Escape(value)}", expected);
        }
    }

    // Two ranges together are one condition on the resource table (a candidate set of their own), alone, with
    // another criterion, and across pages (the default page of this fixture is 7).
    [Fact]
    public async Task Last_updated_ranges_combine_with_each_other_and_with_other_criteria()
    {
        var stored = Patients.Select(p => (p.Id, p.Gender, At: fixture.LastUpdated("Patient", p.Id))).ToList();
        var first = stored.Min(s => s.At);
        var last = stored.Max(s => s.At);
        var window = $"_lastUpdated=ge{Escape(Instant(first))}&_lastUpdated=le{Escape(Instant(last))}";
        await _client.ExpectAsync($"Patient?{window}", stored.Select(s => s.Id));
        await _client.ExpectAsync($"Patient?{window}&gender=female", stored.Where(s => s.Gender == "female").Select(s => s.Id));
        await _client.ExpectAsync($"Patient?_lastUpdated=ge{Escape(Instant(first))}&_lastUpdated=lt{Escape(Instant(first))}", []);
        await _client.ExpectAsync($"Patient?_lastUpdated=lt2000,gt{Escape(Instant(first.AddSeconds(-1)))}&_lastUpdated=le{Escape(Instant(last))}", stored.Select(s => s.Id));
        Assert.Equal(stored.Count, (int)(await _client.SearchAsync($"Patient?{window}&_total=accurate&_count=1"))["total"]!);
    }

    [Fact]
    public async Task Dates_at_the_ends_of_the_calendar_are_searched_and_stored()
    {
        var born = Patients.Where(p => p.BirthDate is not null).Select(p => p.Id).ToList();
        await _client.ExpectAsync("Patient?birthdate=lt9999", born);
        await _client.ExpectAsync("Patient?birthdate=eb9999-12-31", born);
        await _client.ExpectAsync("Patient?birthdate=9999", []);
        await _client.ExpectAsync("Patient?birthdate=ge" + Escape("9999-12-31T23:00:00-05:00"), []);
        await _client.ExpectAsync("Patient?birthdate=gt0001", born);
        await _client.ExpectAsync("Patient?birthdate=sa" + Escape("0001-01-01T01:00:00+05:00"), born);

        var code = Guid.NewGuid().ToString("N");
        var basic = new System.Text.Json.Nodes.JsonObject
        {
            ["resourceType"] = "Basic",
            ["code"] = new System.Text.Json.Nodes.JsonObject { ["text"] = code },
            ["created"] = "9999-12-31",
        };
        var (status, body, _) = await _client.SendAsync(HttpMethod.Post, "fhir/Basic", basic);
        Assert.Equal(HttpStatusCode.Created, status);
        await _client.ExpectAsync($"Basic?code:text={code}&created=9999-12", [(string)body!["id"]!]);
        await _client.ExpectAsync($"Basic?code:text={code}&created=lt9999-12-31", []);
    }

    [Theory]
    [InlineData("Patient?birthdate=notadate")]
    [InlineData("Patient?birthdate=1980-13")]
    [InlineData("Patient?birthdate:exact=1980")]
    public async Task Malformed_dates_and_modifiers_are_refused(string query)
    {
        var (status, body, _) = await _client.SendAsync(HttpMethod.Get, "fhir/" + query);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.NotEmpty(FhirHttp.Issues(body));
    }

    private static string Prefix(string prefix) => prefix.Length == 0 ? "eq" : prefix;

    private static string Instant(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    // A Timing covers its events, from the start of the earliest to the end of the latest.
    private static (DateTimeOffset, DateTimeOffset)? Occurrence(TestChargeItem item) =>
        item.OccurrenceDateTime is { } at ? SpecDates.Range(at)
        : item.IsPeriod ? SpecDates.Period(item.PeriodStart, item.PeriodEnd)
        : item.TimingEvents is { } events ? (events.Min(e => SpecDates.Range(e).Low), events.Max(e => SpecDates.Range(e).High))
        : null;
}
