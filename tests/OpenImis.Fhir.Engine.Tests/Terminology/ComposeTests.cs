using OpenImis.Fhir.Engine.Terminology;
using static OpenImis.Fhir.Engine.Tests.Terminology.SyntheticTerminology;

namespace OpenImis.Fhir.Engine.Tests.Terminology;

/// <summary>ValueSet composition rules (http://hl7.org/fhir/R4/valueset.html#compositions) on hand-written resources.</summary>
public sealed class ComposeTests
{
    private static string[] Codes(TerminologyService service, string id) =>
        [.. service.Expand(Base + "ValueSet/" + id)!.Concepts.Select(c => c.Code)];

    [Fact]
    public void a_whole_system_include_takes_nested_concepts_too()
    {
        var service = Create(Colours, ValueSet("all", $$"""{"include":[{"system":"{{ColourSystem}}"}]}"""));
        Assert.Equal(["warm", "red", "crimson", "orange", "cold", "blue", "navy"], Codes(service, "all"));
    }

    [Fact]
    public void is_a_follows_nesting_and_parent_properties()
    {
        var service = Create(
            Colours,
            ValueSet("warm", $$"""{"include":[{"system":"{{ColourSystem}}","filter":[{"property":"concept","op":"is-a","value":"warm"}]}]}"""),
            ValueSet("cold", $$"""{"include":[{"system":"{{ColourSystem}}","filter":[{"property":"concept","op":"is-a","value":"cold"}]}]}"""));
        Assert.Equal(["warm", "red", "crimson", "orange"], Codes(service, "warm"));
        Assert.Equal(["cold", "blue", "navy"], Codes(service, "cold"));
    }

    [Fact]
    public void descendent_of_leaves_out_the_root_and_is_not_a_takes_the_rest()
    {
        var service = Create(
            Colours,
            ValueSet("below", $$"""{"include":[{"system":"{{ColourSystem}}","filter":[{"property":"concept","op":"descendent-of","value":"warm"}]}]}"""),
            ValueSet("notwarm", $$"""{"include":[{"system":"{{ColourSystem}}","filter":[{"property":"concept","op":"is-not-a","value":"warm"}]}]}"""));
        Assert.Equal(["red", "crimson", "orange"], Codes(service, "below"));
        Assert.Equal(["cold", "blue", "navy"], Codes(service, "notwarm"));
    }

    [Fact]
    public void equals_filters_read_properties_and_the_hierarchy()
    {
        var service = Create(
            Colours,
            ValueSet("dark", $$"""{"include":[{"system":"{{ColourSystem}}","filter":[{"property":"shade","op":"=","value":"dark"}]}]}"""),
            ValueSet("children", $$"""{"include":[{"system":"{{ColourSystem}}","filter":[{"property":"parent","op":"=","value":"warm"}]}]}"""),
            ValueSet("both", $$"""{"include":[{"system":"{{ColourSystem}}","filter":[{"property":"shade","op":"=","value":"dark"},{"property":"concept","op":"is-a","value":"cold"}]}]}"""));
        Assert.Equal(["red", "blue"], Codes(service, "dark"));
        Assert.Equal(["red", "orange"], Codes(service, "children"));
        Assert.Equal(["blue"], Codes(service, "both"));
    }

    [Fact]
    public void an_unsupported_filter_makes_the_system_unknown()
    {
        var service = Create(
            Colours,
            ValueSet("odd", $$"""{"include":[{"system":"{{ColourSystem}}","filter":[{"property":"concept","op":"is-a-cousin-of","value":"warm"}]}]}"""));
        var answer = service.Contains(Base + "ValueSet/odd", ColourSystem, "red");
        Assert.Equal(MembershipOutcome.Unknown, answer.Outcome);
        Assert.Contains("not supported", answer.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void excludes_remove_codes_and_their_filters()
    {
        var service = Create(
            Colours,
            ValueSet("x", $$"""
                {"include":[{"system":"{{ColourSystem}}"}],
                 "exclude":[{"system":"{{ColourSystem}}","concept":[{"code":"orange"}]},
                            {"system":"{{ColourSystem}}","filter":[{"property":"concept","op":"is-a","value":"cold"}]}]}
                """));
        Assert.Equal(["warm", "red", "crimson"], Codes(service, "x"));
        Assert.True(service.Contains(Base + "ValueSet/x", ColourSystem, "navy").IsNotMember);
        Assert.True(service.Expand(Base + "ValueSet/x")!.IsComplete);
    }

    [Fact]
    public void an_exclude_we_cannot_evaluate_makes_its_system_unknown_but_not_others()
    {
        var service = Create(
            Colours,
            ValueSet("x", $$"""
                {"include":[{"system":"{{ColourSystem}}"},{"system":"http://snomed.info/sct","concept":[{"code":"123"}]}],
                 "exclude":[{"system":"http://snomed.info/sct","filter":[{"property":"concept","op":"is-a","value":"404684003"}]}]}
                """));
        Assert.True(service.Contains(Base + "ValueSet/x", ColourSystem, "red").IsMember);
        Assert.True(service.Contains(Base + "ValueSet/x", "http://snomed.info/sct", "123").IsUnknown);
        Assert.True(service.Contains(Base + "ValueSet/x", ColourSystem, "green").IsNotMember);
    }

    [Fact]
    public void a_listed_code_must_exist_in_a_complete_held_system()
    {
        var service = Create(
            Colours,
            ValueSet("x", $$"""{"include":[{"system":"{{ColourSystem}}","concept":[{"code":"red","display":"Rouge"},{"code":"purple"}]}]}"""));
        var expansion = service.Expand(Base + "ValueSet/x")!;
        Assert.Equal(["red"], expansion.Concepts.Select(c => c.Code));
        Assert.Equal("Red", expansion.Concepts[0].Display); // the code system's display wins
    }

    [Fact]
    public void codes_of_a_system_we_do_not_hold_are_taken_as_listed()
    {
        var service = Create(ValueSet("x", """{"include":[{"system":"http://loinc.org","concept":[{"code":"1234-5","display":"Thing"}]}]}"""));
        Assert.Equal("Thing", service.Contains(Base + "ValueSet/x", "http://loinc.org", "1234-5").Display);
        Assert.True(service.Contains(Base + "ValueSet/x", "http://loinc.org", "9999-9").IsNotMember);
    }

    [Fact]
    public void a_whole_system_we_do_not_hold_is_unknown()
    {
        var service = Create(ValueSet("x", """{"include":[{"system":"http://loinc.org"}]}"""));
        Assert.True(service.Contains(Base + "ValueSet/x", "http://loinc.org", "1234-5").IsUnknown);
        Assert.True(service.Contains(Base + "ValueSet/x", null, "1234-5").IsUnknown);
        // The ValueSet names only LOINC, so a code of another system is certainly not in it.
        Assert.True(service.Contains(Base + "ValueSet/x", "http://example.org/other", "1").IsNotMember);
    }

    [Fact]
    public void value_set_imports_are_unions_across_includes_and_intersections_within_one()
    {
        var service = Create(
            Colours,
            ValueSet("warm", $$"""{"include":[{"system":"{{ColourSystem}}","filter":[{"property":"concept","op":"is-a","value":"warm"}]}]}"""),
            ValueSet("dark", $$"""{"include":[{"system":"{{ColourSystem}}","filter":[{"property":"shade","op":"=","value":"dark"}]}]}"""),
            ValueSet("union", $$"""{"include":[{"valueSet":["{{Base}}ValueSet/warm"]},{"valueSet":["{{Base}}ValueSet/dark|1"]}]}"""),
            ValueSet("intersection", $$"""{"include":[{"valueSet":["{{Base}}ValueSet/warm","{{Base}}ValueSet/dark"]}]}"""),
            ValueSet("system-and-set", $$"""{"include":[{"system":"{{ColourSystem}}","concept":[{"code":"red"},{"code":"cold"}],"valueSet":["{{Base}}ValueSet/warm"]}]}"""));
        Assert.Equal(["warm", "red", "crimson", "orange", "blue"], Codes(service, "union"));
        Assert.Equal(["red"], Codes(service, "intersection"));
        Assert.Equal(["red"], Codes(service, "system-and-set"));
    }

    [Fact]
    public void importing_a_value_set_we_do_not_hold_makes_everything_else_unknown()
    {
        var service = Create(
            Colours,
            ValueSet("x", $$"""{"include":[{"system":"{{ColourSystem}}","concept":[{"code":"red"}]},{"valueSet":["http://example.org/missing"]}]}"""));
        Assert.True(service.Contains(Base + "ValueSet/x", ColourSystem, "red").IsMember);
        var other = service.Contains(Base + "ValueSet/x", ColourSystem, "blue");
        Assert.True(other.IsUnknown);
        Assert.Contains("http://example.org/missing", other.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task an_import_cycle_ends_and_answers_unknown()
    {
        var service = Create(
            Colours,
            ValueSet("a", $$"""{"include":[{"system":"{{ColourSystem}}","concept":[{"code":"red"}]},{"valueSet":["{{Base}}ValueSet/b"]}]}"""),
            ValueSet("b", $$"""{"include":[{"valueSet":["{{Base}}ValueSet/a"]}]}"""));
        var expansion = await Task.Run(() => service.Expand(Base + "ValueSet/a")).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.NotNull(expansion);
        Assert.True(service.Contains(Base + "ValueSet/a", ColourSystem, "red").IsMember);
        Assert.Contains("cycle", service.Contains(Base + "ValueSet/a", ColourSystem, "blue").Reason, StringComparison.Ordinal);
        Assert.True(service.Contains(Base + "ValueSet/b", ColourSystem, "blue").IsUnknown);
    }

    [Fact]
    public void a_case_insensitive_code_system_matches_codes_in_any_case()
    {
        var service = Create(
            $$"""{"resourceType":"CodeSystem","url":"{{Base}}CodeSystem/ci","status":"active","content":"complete","caseSensitive":false,"concept":[{"code":"Abc","display":"ABC"}]}""",
            ValueSet("ci", $$"""{"include":[{"system":"{{Base}}CodeSystem/ci"}]}"""));
        Assert.True(service.Contains(Base + "ValueSet/ci", Base + "CodeSystem/ci", "aBC").IsMember);
        Assert.True(service.Contains(Base + "ValueSet/ci", null, "ABC").IsMember);
        Assert.Equal(LookupOutcome.Known, service.Lookup(Base + "CodeSystem/ci", "abc").Outcome);
        Assert.Equal(LookupOutcome.NotFound, service.Lookup(Base + "CodeSystem/ci", "abd").Outcome);
    }

    [Fact]
    public void a_fragment_code_system_knows_its_codes_and_is_unknown_beyond_them()
    {
        var service = Create(
            $$"""{"resourceType":"CodeSystem","url":"{{Base}}CodeSystem/frag","status":"active","content":"fragment","concept":[{"code":"a"}]}""",
            ValueSet("frag", $$"""{"include":[{"system":"{{Base}}CodeSystem/frag"}]}"""));
        Assert.True(service.Contains(Base + "ValueSet/frag", Base + "CodeSystem/frag", "a").IsMember);
        Assert.True(service.Contains(Base + "ValueSet/frag", Base + "CodeSystem/frag", "b").IsUnknown);
        Assert.Equal(LookupOutcome.SystemUnknown, service.Lookup(Base + "CodeSystem/frag", "b").Outcome);
    }

    [Fact]
    public void concurrent_first_expansions_agree()
    {
        var service = Create(Colours, ValueSet("all", $$"""{"include":[{"system":"{{ColourSystem}}"}]}"""));
        var results = new ValueSetExpansion?[16];
        Parallel.For(0, results.Length, i => results[i] = service.Expand(Base + "ValueSet/all"));
        Assert.All(results, r => Assert.Same(results[0], r));
        Assert.Equal(7, results[0]!.Count);
    }
}
