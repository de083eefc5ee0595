using OpenImis.Fhir.Engine.Validation;

namespace OpenImis.Fhir.Engine.Tests.Validation;

public sealed class FhirJsonShapeCheckerTests
{
    private static ValidationIssue Single(string json, string rule, string location) => ShapeCheck.Single(json, rule, location);

    [Fact]
    public void a_minimal_valid_patient_has_no_issues()
    {
        var issues = ShapeCheck.Run("{'resourceType':'Patient','id':'p1','name':[{'family':'Chalmers','given':['Peter','James']}],'birthDate':'1974-12-25','active':true}");

        Assert.Empty(issues);
    }

    // --- the resource itself ---

    [Fact]
    public void a_root_that_is_not_an_object_is_fatal()
    {
        var issue = Assert.Single(ShapeCheck.Run("[1]"));

        Assert.Equal((IssueSeverity.Fatal, IssueTypes.Structure, "json-resource-type", "Resource"), (issue.Severity, issue.Code, issue.Rule, issue.Location));
    }

    [Theory]
    [InlineData("{'id':'x'}", "Resource")]
    [InlineData("{'resourceType':1}", "Resource")]
    [InlineData("{'resourceType':'Patientt','id':'x'}", "Patientt")]
    [InlineData("{'resourceType':'DomainResource'}", "DomainResource")]
    [InlineData("{'resourceType':'HumanName'}", "HumanName")]
    public void a_root_without_a_known_concrete_resource_type_is_fatal(string json, string location)
    {
        var issue = Assert.Single(ShapeCheck.Run(json));

        Assert.Equal((IssueSeverity.Fatal, "json-resource-type", location), (issue.Severity, issue.Rule, issue.Location));
    }

    [Fact]
    public void resource_type_inside_an_element_is_an_unknown_property()
    {
        var issue = Single("{'resourceType':'Patient','name':[{'resourceType':'HumanName','family':'X'}]}", "json-unknown-property", "Patient.name[0].resourceType");

        Assert.Equal(IssueTypes.Structure, issue.Code);
    }

    // --- arrays and single values ---

    [Fact]
    public void a_repeating_element_given_as_a_single_value_needs_an_array()
    {
        Single("{'resourceType':'Patient','name':{'family':'X'}}", "json-array-expected", "Patient.name");
    }

    [Fact]
    public void a_single_element_given_as_an_array_is_an_error()
    {
        var issue = Single("{'resourceType':'Patient','birthDate':['1974-12-25']}", "json-single-expected", "Patient.birthDate");

        Assert.Equal(IssueTypes.Structure, issue.Code);
    }

    [Fact]
    public void a_single_valued_backbone_element_given_as_an_array_is_an_error()
    {
        Single("{'resourceType':'Patient','contact':[{'name':[{'family':'X'}]}]}", "json-single-expected", "Patient.contact[0].name");
    }

    [Fact]
    public void the_content_of_a_value_that_should_have_been_an_array_is_still_checked()
    {
        var issues = ShapeCheck.Run("{'resourceType':'Patient','name':{'family':'X','given':'Peter','foo':1}}");

        Assert.Equal(
            ["json-array-expected at Patient.name", "json-array-expected at Patient.name.given", "json-unknown-property at Patient.name.foo"],
            issues.Select(i => $"{i.Rule} at {i.Location}"));
    }

    // --- null, empty ---

    [Fact]
    public void null_as_a_single_value_is_an_error()
    {
        Single("{'resourceType':'Patient','birthDate':null}", "json-null", "Patient.birthDate");
    }

    [Fact]
    public void null_in_a_complex_array_is_an_error()
    {
        Single("{'resourceType':'Patient','name':[{'family':'X'},null]}", "json-null", "Patient.name[1]");
    }

    [Fact]
    public void null_in_a_primitive_array_without_an_underscore_entry_is_an_error()
    {
        Single("{'resourceType':'Patient','name':[{'given':['Peter',null]}]}", "json-null", "Patient.name[0].given[1]");
    }

    [Fact]
    public void null_in_a_primitive_array_is_allowed_where_the_underscore_array_has_an_entry()
    {
        var issues = ShapeCheck.Run(
            "{'resourceType':'Patient','name':[{'given':['Peter',null],'_given':[null,{'extension':[{'url':'http://x','valueString':'y'}]}]}]}");

        Assert.Empty(issues);
    }

    [Fact]
    public void null_on_both_sides_of_a_primitive_array_is_an_error_reported_once()
    {
        Single("{'resourceType':'Patient','name':[{'given':['Peter',null],'_given':[{'id':'a'},null]}]}", "json-null", "Patient.name[0].given[1]");
    }

    [Fact]
    public void a_primitive_array_and_its_underscore_array_must_have_the_same_length()
    {
        Single("{'resourceType':'Patient','name':[{'given':['Peter','James'],'_given':[{'id':'a'}]}]}", "json-array-length-mismatch", "Patient.name[0].given");
    }

    [Fact]
    public void an_underscore_array_without_values_may_not_hold_null()
    {
        Single("{'resourceType':'Patient','name':[{'_given':[{'id':'a'},null]}]}", "json-null", "Patient.name[0].given[1]");
    }

    [Fact]
    public void an_empty_object_is_an_error()
    {
        Single("{'resourceType':'Patient','maritalStatus':{}}", "json-empty-object", "Patient.maritalStatus");
    }

    [Fact]
    public void an_empty_object_in_an_array_is_located_by_index()
    {
        Single("{'resourceType':'Patient','telecom':[{'value':'1'},{}]}", "json-empty-object", "Patient.telecom[1]");
    }

    [Fact]
    public void an_empty_array_is_an_error()
    {
        Single("{'resourceType':'Patient','name':[{'given':[]}]}", "json-empty-array", "Patient.name[0].given");
    }

    [Fact]
    public void an_empty_string_is_an_error()
    {
        var issue = Single("{'resourceType':'Patient','gender':''}", "json-empty-string", "Patient.gender");

        Assert.Equal(IssueTypes.Structure, issue.Code);
    }

    [Fact]
    public void a_whitespace_only_string_is_allowed()
    {
        // datatypes.html#string: strings SHOULD (not SHALL) have non-whitespace content; the regex [ \r\n\t\S]+ accepts it.
        Assert.Empty(ShapeCheck.Run("{'resourceType':'Patient','name':[{'text':'   '}]}"));
    }

    [Theory]
    [InlineData("{'resourceType':'Patient','name':[{'text':'a \\u0000 b'}]}", "Patient.name[0].text")]
    [InlineData("{'resourceType':'Patient','text':{'status':'generated','div':'<div xmlns=\\'http://www.w3.org/1999/xhtml\\'>\\u0000</div>'}}", "Patient.text.div")]
    [InlineData("{'resourceType':'Patient','identifier':[{'system':'urn:x','value':'\\u0000'}]}", "Patient.identifier[0].value")]
    [InlineData("{'resourceType':'Patient','extension':[{'url':'http://x.org/e','valueMarkdown':'x\\u0000'}]}", "Patient.extension[0].value")]
    public void a_nul_character_in_any_string_is_an_error_where_it_is(string json, string location)
    {
        var issue = Single(json, "json-nul-character", location);

        Assert.Equal(IssueTypes.Value, issue.Code);
    }

    [Fact]
    public void other_escaped_control_characters_are_allowed()
    {
        // datatypes.html#string: characters below 32 other than tab, CR and LF SHOULD not be used; only NUL is refused.
        Assert.Empty(ShapeCheck.Run("{'resourceType':'Patient','name':[{'text':'a \\u0001 \\t b'}]}"));
    }

    // --- unknown properties ---

    [Fact]
    public void an_unknown_property_is_located_as_written()
    {
        var issue = Single("{'resourceType':'Patient','birthdate':'1974-12-25'}", "json-unknown-property", "Patient.birthdate");

        Assert.Contains("not an element of Patient", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void an_unknown_property_in_a_backbone_element_is_reported()
    {
        var issue = Single("{'resourceType':'Patient','contact':[{'nam':{'family':'X'}}]}", "json-unknown-property", "Patient.contact[0].nam");

        Assert.Contains("Patient.contact", issue.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("valueFoo")]
    [InlineData("valueUri")]
    [InlineData("value")]
    public void a_wrong_choice_suffix_is_an_unknown_property_with_the_allowed_names(string property)
    {
        var issue = Single($"{{'resourceType':'Observation','status':'final','code':{{'text':'x'}},'{property}':'x'}}", "json-unknown-property", $"Observation.{property}");

        if (property != "value") Assert.Contains("valueQuantity", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void a_choice_not_allowed_on_this_element_is_unknown()
    {
        // Observation.component.value[x] has no Reference among its types.
        Single("{'resourceType':'Observation','status':'final','code':{'text':'x'},'component':[{'code':{'text':'y'},'valueReference':{'reference':'Patient/1'}}]}",
            "json-unknown-property", "Observation.component[0].valueReference");
    }

    [Fact]
    public void a_choice_is_located_by_its_fhirpath_name()
    {
        Single("{'resourceType':'Observation','status':'final','code':{'text':'x'},'valueDateTime':'2020-13-01'}", "primitive-format", "Observation.value");
    }

    // --- the _name siblings of primitives ---

    [Fact]
    public void an_underscore_property_alone_is_allowed()
    {
        Assert.Empty(ShapeCheck.Run("{'resourceType':'Patient','_birthDate':{'extension':[{'url':'http://x','valueBoolean':true}]}}"));
    }

    [Fact]
    public void an_underscore_property_holds_only_id_and_extension()
    {
        Single("{'resourceType':'Patient','birthDate':'1974-12-25','_birthDate':{'value':'x'}}", "json-unknown-property", "Patient.birthDate.value");
    }

    [Fact]
    public void an_underscore_property_for_a_complex_element_is_an_error()
    {
        var issue = Single("{'resourceType':'Patient','_maritalStatus':{'id':'a'}}", "json-unknown-property", "Patient._maritalStatus");

        Assert.Contains("CodeableConcept", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void an_unknown_underscore_property_is_located_as_written()
    {
        Single("{'resourceType':'Patient','_foo':{'id':'a'}}", "json-unknown-property", "Patient._foo");
    }

    [Fact]
    public void an_underscore_property_must_be_an_object()
    {
        Single("{'resourceType':'Patient','birthDate':'1974-12-25','_birthDate':'x'}", "json-kind", "Patient.birthDate");
    }

    [Fact]
    public void an_underscore_property_of_a_single_primitive_is_not_an_array()
    {
        Single("{'resourceType':'Patient','_birthDate':[{'id':'a'}]}", "json-single-expected", "Patient.birthDate");
    }

    [Fact]
    public void an_underscore_property_of_a_repeating_primitive_is_an_array()
    {
        Single("{'resourceType':'Patient','name':[{'given':['a'],'_given':{'id':'x'}}]}", "json-array-expected", "Patient.name[0].given");
    }

    [Fact]
    public void an_empty_underscore_object_is_an_error()
    {
        Single("{'resourceType':'Patient','birthDate':'1974-12-25','_birthDate':{}}", "json-empty-object", "Patient.birthDate");
    }

    [Fact]
    public void problems_inside_underscore_extensions_are_located_under_the_primitive()
    {
        Single("{'resourceType':'Patient','name':[{'given':['a','b'],'_given':[null,{'extension':[{'url':'http://x','valueInteger':'1'}]}]}]}",
            "json-kind", "Patient.name[0].given[1].extension[0].value");
    }

    // --- JSON kinds ---

    [Theory]
    [InlineData("'active':'true'", "Patient.active")]
    [InlineData("'active':1", "Patient.active")]
    [InlineData("'multipleBirthInteger':'1'", "Patient.multipleBirth")]
    [InlineData("'multipleBirthBoolean':'false'", "Patient.multipleBirth")]
    [InlineData("'birthDate':19741225", "Patient.birthDate")]
    [InlineData("'gender':true", "Patient.gender")]
    [InlineData("'birthDate':{'value':'1974'}", "Patient.birthDate")]
    [InlineData("'maritalStatus':'M'", "Patient.maritalStatus")]
    [InlineData("'contact':[{'gender':'male','name':'X'}]", "Patient.contact[0].name")]
    public void the_wrong_json_kind_is_a_structure_error(string property, string location)
    {
        var issue = Single($"{{'resourceType':'Patient',{property}}}", "json-kind", location);

        Assert.Equal(IssueTypes.Structure, issue.Code);
    }

    [Fact]
    public void a_decimal_given_as_a_string_is_a_kind_error()
    {
        Single("{'resourceType':'Observation','status':'final','code':{'text':'x'},'valueQuantity':{'value':'1.5'}}", "json-kind", "Observation.value.value");
    }

    [Fact]
    public void a_decimal_accepts_any_json_number()
    {
        Assert.Empty(ShapeCheck.Run("{'resourceType':'Observation','status':'final','code':{'text':'x'},'valueQuantity':{'value':-1.50e3}}"));
    }

    // PostgreSQL numeric's limits (checked against PostgreSQL 15's jsonb input: 1e131071 and 1e-16383 are stored,
    // 1e131072 and 1e-16384 refused).
    [Theory]
    [InlineData("1e131071", true)]
    [InlineData("-9.99e131071", true)]
    [InlineData("1e-16383", true)]
    [InlineData("0.000000e-16377", true)]
    [InlineData("123456789012345678901234567890.123456789", true)]
    [InlineData("1e131072", false)]
    [InlineData("10e131071", false)]
    [InlineData("-1e200000", false)]
    [InlineData("1e-16384", false)]
    [InlineData("1.5e-16383", false)]
    [InlineData("0e-20000", false)]
    [InlineData("1e99999999999999999999", false)]
    [InlineData("0.0001e131075", true)]
    [InlineData("0e1000", true)]
    [InlineData("0e99999999999999", false)]
    [InlineData("0e-1073741823", false)]
    public void a_decimal_must_fit_the_stored_numeric_range(string number, bool fits)
    {
        var issues = ShapeCheck.Run("{'resourceType':'Observation','status':'final','code':{'text':'x'},'valueQuantity':{'value':" + number + "}}");

        if (fits) Assert.Empty(issues);
        else Assert.Equal(("primitive-range", "Observation.value.value"), Assert.Single(issues) is var i ? (i.Rule, i.Location) : default);
    }

    // --- integer formats and ranges ---

    [Theory]
    [InlineData("integer", "2147483648", "primitive-range")]
    [InlineData("integer", "-2147483649", "primitive-range")]
    [InlineData("integer", "1.0", "primitive-format")]
    [InlineData("integer", "1e2", "primitive-format")]
    [InlineData("positiveInt", "0", "primitive-range")]
    [InlineData("positiveInt", "-3", "primitive-range")]
    [InlineData("unsignedInt", "-1", "primitive-range")]
    [InlineData("unsignedInt", "2147483648", "primitive-range")]
    public void integers_are_whole_numbers_in_range(string type, string json, string rule)
    {
        // Extension.value[x] carries every primitive, so one place tests them all.
        var suffix = char.ToUpperInvariant(type[0]) + type[1..];
        var issue = Single($"{{'resourceType':'Patient','extension':[{{'url':'http://x','value{suffix}':{json}}}]}}", rule, "Patient.extension[0].value");

        Assert.Equal(IssueTypes.Value, issue.Code);
    }

    [Theory]
    [InlineData("integer", "-2147483648")]
    [InlineData("integer", "2147483647")]
    [InlineData("integer", "-0")]
    [InlineData("positiveInt", "1")]
    [InlineData("unsignedInt", "0")]
    [InlineData("unsignedInt", "2147483647")]
    public void integers_in_range_are_valid(string type, string json)
    {
        var suffix = char.ToUpperInvariant(type[0]) + type[1..];

        Assert.Empty(ShapeCheck.Run($"{{'resourceType':'Patient','extension':[{{'url':'http://x','value{suffix}':{json}}}]}}"));
    }

    // --- primitive formats ---

    [Fact]
    public void an_invalid_month_is_named_in_the_message()
    {
        var issue = Single("{'resourceType':'Patient','birthDate':'1974-13-25'}", "primitive-format", "Patient.birthDate");

        Assert.Equal("birthDate: '1974-13-25' is not a valid date (month 13).", issue.Message);
        Assert.Equal(IssueTypes.Value, issue.Code);
    }

    [Fact]
    public void a_day_that_does_not_exist_in_the_month_is_an_error()
    {
        var issue = Single("{'resourceType':'Patient','birthDate':'2023-02-29'}", "primitive-format", "Patient.birthDate");

        Assert.Contains("2023-02 has no day 29", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void formats_are_checked_on_the_unescaped_text()
    {
        // \u0031 is '1': the text is 1974-12-25.
        Assert.Empty(ShapeCheck.Run("{\"resourceType\":\"Patient\",\"birthDate\":\"\\u0031974-12-25\"}", singleQuotes: false));
        Single("{\"resourceType\":\"Patient\",\"gender\":\"ma\\tle\\t\"}".Replace('\'', '"'), "primitive-format", "Patient.gender");
    }

    [Theory]
    [InlineData("'id':'a b'", "Patient.id")]
    [InlineData("'gender':' male'", "Patient.gender")]
    [InlineData("'meta':{'lastUpdated':'2020-01-01T10:00:00'}", "Patient.meta.lastUpdated")]
    [InlineData("'meta':{'profile':['http://x y']}", "Patient.meta.profile[0]")]
    [InlineData("'identifier':[{'system':'urn:oid:1.02'}]", null)]
    [InlineData("'photo':[{'data':'abc'}]", "Patient.photo[0].data")]
    [InlineData("'deceasedDateTime':'2020-01-01T10:00'", "Patient.deceased")]
    public void primitive_formats_are_value_errors(string property, string? location)
    {
        var issues = ShapeCheck.Run($"{{'resourceType':'Patient',{property}}}");

        if (location is null)
        {
            Assert.Empty(issues); // Identifier.system is a uri, not an oid: any text without whitespace
            return;
        }
        var issue = Assert.Single(issues);
        Assert.Equal(("primitive-format", IssueTypes.Value, location), (issue.Rule, issue.Code, issue.Location));
    }

    [Fact]
    public void oid_uuid_and_time_are_checked_where_the_model_uses_them()
    {
        var issues = ShapeCheck.Run(
            "{'resourceType':'Patient','extension':[{'url':'http://x','valueOid':'urn:oid:1.02'},{'url':'http://x','valueUuid':'urn:uuid:ABC'},{'url':'http://x','valueTime':'25:00:00'},{'url':'http://x','valueInstant':'2020-01-01'}]}");

        Assert.Equal(
            ["Patient.extension[0].value", "Patient.extension[1].value", "Patient.extension[2].value", "Patient.extension[3].value"],
            issues.Select(i => i.Location));
        Assert.All(issues, i => Assert.Equal("primitive-format", i.Rule));
    }

    [Fact]
    public void a_string_longer_than_one_megabyte_is_a_range_error()
    {
        var text = new string('a', 1024 * 1024 + 1);

        var issues = ShapeCheck.Run($"{{\"resourceType\":\"Patient\",\"name\":[{{\"text\":\"{text}\"}}]}}", singleQuotes: false);

        var issue = Assert.Single(issues);
        Assert.Equal(("primitive-range", "Patient.name[0].text"), (issue.Rule, issue.Location));
        Assert.Empty(ShapeCheck.Run($"{{\"resourceType\":\"Patient\",\"name\":[{{\"text\":\"{text[1..]}\"}}]}}", singleQuotes: false));
    }

    // --- resources in resources ---

    [Fact]
    public void contained_resources_are_checked_against_their_own_type()
    {
        var issues = ShapeCheck.Run(
            "{'resourceType':'Patient','contained':[{'resourceType':'Organization','id':'o','name':['x']},{'resourceType':'Practitioner','id':'p','gender':''}]}");

        Assert.Equal(
            ["json-single-expected at Patient.contained[0].name", "json-empty-string at Patient.contained[1].gender"],
            issues.Select(i => $"{i.Rule} at {i.Location}"));
    }

    [Fact]
    public void a_contained_resource_without_a_known_type_is_an_error_not_fatal()
    {
        var issue = Single("{'resourceType':'Patient','contained':[{'resourceType':'Foo','id':'o'}]}", "json-resource-type", "Patient.contained[0]");

        Assert.Equal(IssueSeverity.Error, issue.Severity);
    }

    [Fact]
    public void bundle_entries_are_checked_with_the_path_continuing_into_the_resource()
    {
        var issues = ShapeCheck.Run(
            "{'resourceType':'Bundle','type':'collection','entry':[{'resource':{'resourceType':'Patient','birthDate':'1974-02-30'}},{'resource':{'resourceType':'Patient','name':[{'given':'x'}]}},{'response':{'status':'200','outcome':{'resourceType':'OperationOutcome','issue':[{'severity':'error','code':'x','foo':1}]}}}]}");

        Assert.Equal(
            [
                "primitive-format at Bundle.entry[0].resource.birthDate",
                "json-array-expected at Bundle.entry[1].resource.name[0].given",
                "json-unknown-property at Bundle.entry[2].response.outcome.issue[0].foo",
            ],
            issues.Select(i => $"{i.Rule} at {i.Location}"));
    }

    [Fact]
    public void parameters_resources_are_checked()
    {
        var issues = ShapeCheck.Run(
            "{'resourceType':'Parameters','parameter':[{'name':'p','resource':{'resourceType':'Patient','active':'yes'}},{'name':'q','part':[{'name':'r','valueCode':''}]}]}");

        Assert.Equal(
            ["json-kind at Parameters.parameter[0].resource.active", "json-empty-string at Parameters.parameter[1].part[0].value"],
            issues.Select(i => $"{i.Rule} at {i.Location}"));
    }

    [Fact]
    public void a_resource_given_as_a_string_is_a_kind_error()
    {
        Single("{'resourceType':'Bundle','type':'collection','entry':[{'resource':'Patient/1'}]}", "json-kind", "Bundle.entry[0].resource");
    }

    [Fact]
    public void every_problem_is_reported_in_one_pass()
    {
        var issues = ShapeCheck.Run(
            "{'resourceType':'Patient','id':'a b','active':'yes','name':{'given':['x',null]},'birthDate':'2000-00-01','foo':1,'telecom':[],'contact':[{}]}");

        Assert.Equal(
            [
                "primitive-format at Patient.id",
                "json-kind at Patient.active",
                "json-array-expected at Patient.name",
                "json-null at Patient.name.given[1]",
                "primitive-format at Patient.birthDate",
                "json-unknown-property at Patient.foo",
                "json-empty-array at Patient.telecom",
                "json-empty-object at Patient.contact[0]",
            ],
            issues.Select(i => $"{i.Rule} at {i.Location}"));
    }
}
