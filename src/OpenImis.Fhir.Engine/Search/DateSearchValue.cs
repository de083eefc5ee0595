namespace OpenImis.Fhir.Engine.Search;

/// <summary>
/// A date, dateTime, instant, Period or Timing as the half-open range of instants it covers (search.html#date):
/// 2020-03 is [2020-03-01T00:00:00Z, 2020-04-01T00:00:00Z). See <see cref="DateRanges"/>.
/// </summary>
public sealed record DateSearchValue(DateTimeOffset Low, DateTimeOffset High) : SearchValue;
