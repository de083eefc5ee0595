using OpenImis.Fhir.Engine.FhirPath.Ast;
using OpenImis.Fhir.Engine.FhirPath.Parsing;

namespace OpenImis.Fhir.Engine.Tests.FhirPath.Parsing;

public class FhirPathParserInvocationTests
{
    private static string Parse(string text) => AstPrinter.Print(FhirPathParser.Parse(text));

    [Fact]
    public void Member_chain_nests_left_to_right()
    {
        var node = Assert.IsType<MemberAccess>(FhirPathParser.Parse("Patient.name.given"));
        Assert.Equal("given", node.Name);
        Assert.Equal(13, node.Position);
        var name = Assert.IsType<MemberAccess>(node.Focus);
        Assert.Equal(new MemberAccess(0, null, "Patient"), name.Focus);
    }

    [Theory]
    [InlineData("name.`given`", "name.given")]
    [InlineData("`Patient`.name.`given`", "Patient.name.given")]
    [InlineData("`vs-name`", "vs-name")]
    [InlineData("Patient.name.where(use = 'official').given.first()", "Patient.name.where((= use 'official')).given.first()")]
    [InlineData("iif(1 | 2, true, false)", "iif((| 1 2), true, false)")]
    [InlineData("exists()", "exists()")]
    [InlineData("name[0].given[1 + 1]", "name[0].given[(+ 1 1)]")]
    [InlineData("(a | b)[0]", "(| a b)[0]")]
    [InlineData("a[0][1]", "a[0][1]")]
    [InlineData("text.div", "text.div")]
    [InlineData("x.true", "x.true")]
    public void Invocations_and_indexers(string text, string expected)
    {
        Assert.Equal(expected, Parse(text));
    }

    [Theory]
    [InlineData("Patient.contains", "Patient.contains")]
    [InlineData("x.contains('a')", "x.contains('a')")]
    [InlineData("x.is(Quantity)", "x.is(Quantity)")]
    [InlineData("x.as(FHIR.Patient)", "x.as(FHIR.Patient)")]
    [InlineData("x.ofType(System.String)", "x.ofType(System.String)")]
    [InlineData("is(Patient)", "is(Patient)")]
    [InlineData("in.x", "in.x")]
    [InlineData("as", "as")]
    public void Keywords_the_grammar_allows_as_identifiers(string text, string expected)
    {
        Assert.Equal(expected, Parse(text));
    }

    [Fact]
    public void Function_call_has_focus_name_arguments_and_name_position()
    {
        var call = Assert.IsType<FunctionCall>(FhirPathParser.Parse("a.substring(1, 2)"));
        Assert.Equal(2, call.Position);
        Assert.Equal("substring", call.Name);
        Assert.Equal(new MemberAccess(0, null, "a"), call.Focus);
        Assert.Equal([new IntegerLiteral(12, 1), new IntegerLiteral(15, 2)], call.Arguments);
    }

    [Fact]
    public void Indexer_is_positioned_at_the_bracket()
    {
        var indexer = Assert.IsType<Indexer>(FhirPathParser.Parse("a[0]"));
        Assert.Equal(1, indexer.Position);
    }

    [Theory]
    [InlineData("$this", "This")]
    [InlineData("$index", "Index")]
    [InlineData("$total", "Total")]
    public void Special_variables(string text, string kind)
    {
        Assert.Equal(new SpecialVariable(0, Enum.Parse<SpecialVariableKind>(kind)), FhirPathParser.Parse(text));
    }

    [Fact]
    public void Special_variable_in_a_lambda_argument()
    {
        Assert.Equal("a.select((+ $this $index))", Parse("a.select($this + $index)"));
    }

    [Theory]
    [InlineData("%resource", "resource")]
    [InlineData("%`vs-administrative-gender`", "vs-administrative-gender")]
    [InlineData("%'us-zip'", "us-zip")]
    [InlineData("%in", "in")]
    public void Environment_variables_of_every_form(string text, string name)
    {
        Assert.Equal(new EnvironmentVariable(0, name), FhirPathParser.Parse(text));
    }

    [Fact]
    public void Environment_variable_as_function_argument_and_focus()
    {
        Assert.Equal("extension(%ext-patient-birthTime).exists()", Parse("extension(%`ext-patient-birthTime`).exists()"));
        Assert.Equal("%resource.contained.id", Parse("%resource.contained.id"));
    }
}
