using System.Text;
using OpenImis.Fhir.LoadDriver.Search;

namespace OpenImis.Fhir.LoadDriver.Tests.Search;

public sealed class SearchAnswerTests
{
    private static readonly DrawnQuery ById = DrawnQuery.Of("Patient", ("_id", "p1")) with { ExpectedId = "p1" };

    private static SearchAnswer Read(string json, DrawnQuery query) => SearchAnswer.Read(Encoding.UTF8.GetBytes(json), query);

    private static string Entry(string type, string id, string mode) =>
        $$$"""{"fullUrl":"http://x/fhir/{{{type}}}/{{{id}}}","resource":{"resourceType":"{{{type}}}","id":"{{{id}}}"},"search":{"mode":"{{{mode}}}"}}""";

    [Fact]
    public void A_bundle_with_the_expected_match_and_its_includes_is_right()
    {
        var query = ById with { ExpectIncluded = true };
        var answer = Read($$"""{"resourceType":"Bundle","type":"searchset","entry":[{{Entry("Patient", "p1", "match")}},{{Entry("Claim", "c1", "include")}},{{Entry("Claim", "c2", "include")}}]}""", query);

        Assert.Null(answer.Problem);
        Assert.Equal(1, answer.Matches);
        Assert.Equal(2, answer.Included);
    }

    [Fact]
    public void An_outcome_entry_about_an_ignored_parameter_is_a_wrong_answer()
    {
        var outcome = """{"resource":{"resourceType":"OperationOutcome","issue":[{"severity":"warning","code":"not-supported","diagnostics":"The search parameter 'foo' is unknown"}]},"search":{"mode":"outcome"}}""";
        var answer = Read($$"""{"resourceType":"Bundle","entry":[{{Entry("Patient", "p1", "match")}},{{outcome}}]}""", ById);

        Assert.Contains("OperationOutcome", answer.Problem, StringComparison.Ordinal);
        Assert.Contains("'foo'", answer.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void No_match_is_a_wrong_answer()
    {
        Assert.Contains("no match", Read("""{"resourceType":"Bundle","type":"searchset"}""", DrawnQuery.Of("Patient", ("name", "Kar"))).Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Another_resource_than_the_one_drawn_is_a_wrong_answer()
    {
        Assert.Equal("Patient/p1 is not among the 1 matches", Read($$"""{"resourceType":"Bundle","entry":[{{Entry("Patient", "p2", "match")}}]}""", ById).Problem);
    }

    [Fact]
    public void Includes_asked_for_and_missing_are_a_wrong_answer()
    {
        Assert.Equal("no included resource", Read($$"""{"resourceType":"Bundle","entry":[{{Entry("Patient", "p1", "match")}}]}""", ById with { ExpectIncluded = true }).Problem);
    }

    [Fact]
    public void An_accurate_total_must_be_there_and_count_at_least_the_matches()
    {
        var query = DrawnQuery.Of("Claim", ("_total", "accurate"), ("_count", "10"));
        var page = $"{Entry("Claim", "c1", "match")},{Entry("Claim", "c2", "match")}";

        Assert.Null(Read($$"""{"resourceType":"Bundle","total":230000,"entry":[{{page}}]}""", query).Problem);
        Assert.Equal(230000, Read($$"""{"resourceType":"Bundle","total":230000,"entry":[{{page}}]}""", query).Total);
        Assert.NotNull(Read($$"""{"resourceType":"Bundle","entry":[{{page}}]}""", query).Problem);
        Assert.NotNull(Read($$"""{"resourceType":"Bundle","total":1,"entry":[{{page}}]}""", query).Problem);
    }

    [Fact]
    public void Something_else_than_a_bundle_is_a_wrong_answer()
    {
        Assert.Equal("the response is not a Bundle", Read("""{"resourceType":"OperationOutcome"}""", ById).Problem);
        Assert.StartsWith("the response is not JSON", Read("<html>", ById).Problem, StringComparison.Ordinal);
    }
}
