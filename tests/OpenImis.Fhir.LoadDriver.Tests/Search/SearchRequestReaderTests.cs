using Npgsql;
using OpenImis.Fhir.LoadDriver.Search;
using OpenImis.Fhir.Storage.Search;

namespace OpenImis.Fhir.LoadDriver.Tests.Search;

/// <summary>
/// The searches of the catalogue as the server's search engine reads them (R4 search parameters from the npm
/// definitions). Nothing here connects: the engine only builds SQL.
/// </summary>
public sealed class SearchRequestReaderTests : IDisposable
{
    private readonly NpgsqlDataSource _database = NpgsqlDataSource.Create("Host=127.0.0.1;Port=1;Database=unused");
    private readonly SearchEngine _engine;

    public SearchRequestReaderTests()
    {
        _engine = SearchRun.CreateEngine(_database);
    }

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Every_parameter_of_every_shape_is_one_the_server_knows_and_its_page_query_builds()
    {
        var sample = TestSample.Complete();
        var random = new Random(1);
        foreach (var shape in ShapeCatalogue.All)
        {
            var query = shape.Draw(sample, random)!;
            var request = SearchRequestReader.Read(_engine, query, 20, 500);
            var (text, _, _) = await _engine.PageQueryAsync(request, CancellationToken.None);
            // The page statement reads the resource rows: a plain page, or the first round of a chain page (ChainPage).
            Assert.True(text.Contains("fhir_resource r", StringComparison.Ordinal) && text.Contains("fhir_resource_version v", StringComparison.Ordinal), shape.Name);
        }
    }

    [Fact]
    public void Paging_sort_total_and_includes_are_read_as_the_server_reads_them()
    {
        var query = DrawnQuery.Of("Claim",
            ("provider", "Organization/hf1"), ("created", "ge2024-01-01"), ("created", "le2024-12-31"), ("status", "active,cancelled"),
            ("_sort", "-created,_id"), ("_count", "900"), ("_total", "accurate"), ("_include", "Claim:patient:Patient"), ("_revinclude", "ClaimResponse:request"));

        var request = SearchRequestReader.Read(_engine, query, 20, 500);

        Assert.Equal("Claim", request.ResourceType);
        Assert.Equal(500, request.Count);   // capped at the server's largest page
        Assert.Equal(SearchTotal.Accurate, request.Total);
        Assert.Equal([new SearchSortKey("created", true), new SearchSortKey("_id", false)], request.Sort);
        Assert.Equal([new IncludeRequest("Claim", "patient", "Patient", false)], request.Includes);
        Assert.Equal([new IncludeRequest("ClaimResponse", "request", null, false)], request.RevIncludes);
        Assert.Equal(["provider", "created", "created", "status"], request.Criteria.Select(c => c.Name));
        Assert.Equal(["active", "cancelled"], request.Criteria[3].Values);
    }

    [Fact]
    public void The_default_page_size_applies_without_count()
    {
        Assert.Equal(20, SearchRequestReader.Read(_engine, DrawnQuery.Of("Patient", ("name", "Kar")), 20, 500).Count);
    }

    [Fact]
    public void A_parameter_the_server_would_ignore_is_refused()
    {
        var e = Assert.Throws<ArgumentException>(() => SearchRequestReader.Read(_engine, DrawnQuery.Of("Patient", ("shoe-size", "42")), 20, 500));
        Assert.Contains("shoe-size", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_result_parameter_it_does_not_mirror_is_refused()
    {
        Assert.Throws<ArgumentException>(() => SearchRequestReader.Read(_engine, DrawnQuery.Of("Patient", ("_elements", "id")), 20, 500));
    }
}
