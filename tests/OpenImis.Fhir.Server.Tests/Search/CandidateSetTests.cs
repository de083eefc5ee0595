using OpenImis.Fhir.Storage.Search;

namespace OpenImis.Fhir.Server.Tests.Search;

/// <summary>
/// The rewrite of a search's conditions into a candidate set of rids (SQL text only; the search tests run the result
/// against PostgreSQL). Conditions are written here as the condition builders write them.
/// </summary>
public sealed class CandidateSetTests
{
    private const string Family = "exists (select 1 from search_string i1 where i1.rid = r.rid and i1.resource_type = $2 and i1.code = $3 and ((i1.normalized like $4)))";
    private const string Given = "exists (select 1 from search_string i2 where i2.rid = r.rid and i2.resource_type = $5 and i2.code = $6 and ((i2.normalized like $7)))";
    private const string NotMale = "not exists (select 1 from search_token i3 where i3.rid = r.rid and i3.resource_type = $8 and i3.code = $9 and ((i3.value = $10)))";
    private const string Id = "r.id = any($11)";

    [Fact]
    public void Two_index_conditions_become_one_candidate_set_checked_within_the_index_tables()
    {
        var rewritten = CandidateSet.Rewrite([Family, Given], pageLimit: null);
        var only = Assert.Single(rewritten);
        Assert.Equal(
            "r.rid in (select i1.rid from search_string i1 where i1.resource_type = $2 and i1.code = $3 and ((i1.normalized like $4)) and " +
            "exists (select 1 from search_string i2 where i2.rid = i1.rid and i2.resource_type = $5 and i2.code = $6 and ((i2.normalized like $7))))",
            only);
    }

    [Fact]
    public void A_page_in_rid_order_is_cut_among_the_candidates_when_every_condition_needs_only_the_rid()
    {
        var rewritten = CandidateSet.Rewrite([NotMale, Family, "r.rid > $12::bigint"], pageLimit: "$1");
        var only = Assert.Single(rewritten);
        Assert.Equal(
            "r.rid in (select distinct i1.rid from search_string i1 where i1.resource_type = $2 and i1.code = $3 and ((i1.normalized like $4)) and " +
            "not exists (select 1 from search_token i3 where i3.rid = i1.rid and i3.resource_type = $8 and i3.code = $9 and ((i3.value = $10))) and " +
            "i1.rid > $12::bigint order by i1.rid limit $1)",
            only);
    }

    [Fact]
    public void A_fenced_driver_is_sorted_apart_and_the_others_are_checked_on_its_rids()
    {
        var rewritten = CandidateSet.Rewrite([NotMale, Family, "r.rid > $12::bigint"], pageLimit: "$1", driver: 1, fenced: true);
        var only = Assert.Single(rewritten);
        Assert.Equal(
            "r.rid in (select distinct c.rid from (select i1.rid from search_string i1 where i1.resource_type = $2 and i1.code = $3 and ((i1.normalized like $4)) order by i1.rid offset 0) c " +
            "where not exists (select 1 from search_token i3 where i3.rid = c.rid and i3.resource_type = $8 and i3.code = $9 and ((i3.value = $10)) offset 0) and c.rid > $12::bigint " +
            "order by c.rid limit $1)",
            only);
        Assert.Equal([(1, "search_string i1", "i1.resource_type = $2 and i1.code = $3 and ((i1.normalized like $4))")], CandidateSet.Drivers([NotMale, Family, "r.rid > $12::bigint"]));
    }

    [Fact]
    public void Behind_a_fence_every_check_is_a_probe_per_candidate_that_PostgreSQL_cannot_turn_into_a_join()
    {
        var only = Assert.Single(CandidateSet.Rewrite([Given, Family], pageLimit: "$1", driver: 1, fenced: true));
        Assert.Contains("where exists (select 1 from search_string i2 where i2.rid = c.rid and i2.resource_type = $5 and i2.code = $6 and ((i2.normalized like $7)) offset 0) order by c.rid limit $1)", only, StringComparison.Ordinal);
        // Not fenced, PostgreSQL joins as it estimates best.
        Assert.DoesNotContain("offset 0", Assert.Single(CandidateSet.Rewrite([Given, Family], pageLimit: "$1", driver: 1)), StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_page_cut_inside_a_fence_is_not_used()
    {
        var rewritten = CandidateSet.Rewrite([Family, Id], pageLimit: "$1", driver: 0, fenced: true);
        Assert.Equal([Family, Id], rewritten);
    }

    [Fact]
    public void A_condition_on_another_column_of_the_resource_stays_outside_and_the_page_is_not_cut_inside()
    {
        var rewritten = CandidateSet.Rewrite([Family, Id], pageLimit: "$1");
        Assert.Equal(Family, rewritten.Single(c => c.StartsWith("exists", StringComparison.Ordinal)));
        Assert.Contains(Id, rewritten);
        Assert.Equal(2, rewritten.Count);

        var two = CandidateSet.Rewrite([Id, Family, Given], pageLimit: "$1");
        Assert.Equal(2, two.Count);
        Assert.StartsWith("r.rid in (select i1.rid from search_string i1 where", two[0]);
        Assert.DoesNotContain("limit", two[0]);
        Assert.Equal(Id, two[1]);
    }

    [Fact]
    public void A_single_index_condition_is_left_as_it_is_unless_the_page_is_cut_in_it()
    {
        Assert.Equal([Family], CandidateSet.Rewrite([Family], pageLimit: null));
        Assert.StartsWith("r.rid in (select distinct i1.rid from search_string i1", Assert.Single(CandidateSet.Rewrite([Family], pageLimit: "$1")));
    }

    [Fact]
    public void Negated_or_joined_conditions_are_not_candidate_sets()
    {
        Assert.Equal([NotMale, Id], CandidateSet.Rewrite([NotMale, Id], pageLimit: "$1"));
        var joined = Family + " and " + Given;
        Assert.Equal([joined], CandidateSet.Rewrite([joined], pageLimit: null));
        var either = "(" + Family + " or " + Given + ")";
        Assert.Equal([either], CandidateSet.Rewrite([either], pageLimit: null));
    }

    [Fact]
    public void A_chain_is_a_candidate_set_of_its_referring_rows()
    {
        const string chain = "exists (select 1 from search_reference x2 join fhir_resource t0 on t0.resource_type = x2.target_type and t0.id = x2.target_id " +
            "where x2.rid = r.rid and x2.resource_type = $2 and x2.code = $3 and t0.resource_type = $4 and not t0.deleted and " +
            "exists (select 1 from search_string i1 where i1.rid = t0.rid and i1.resource_type = $5 and i1.code = $6 and ((i1.normalized like $7))))";
        var only = Assert.Single(CandidateSet.Rewrite([chain], pageLimit: "$1"));
        Assert.StartsWith("r.rid in (select distinct x2.rid from search_reference x2 join fhir_resource t0 on t0.resource_type = x2.target_type and t0.id = x2.target_id where x2.resource_type = $2", only);
        Assert.Contains("i1.rid = t0.rid", only);
        Assert.EndsWith("order by x2.rid limit $1)", only);
    }
}
