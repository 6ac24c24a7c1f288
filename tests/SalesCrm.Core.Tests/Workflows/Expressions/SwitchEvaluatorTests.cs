using System.Text.Json.Nodes;
using SalesCrm.Core.Workflows.Expressions;

namespace SalesCrm.Core.Tests.Workflows.Expressions;

public class SwitchEvaluatorTests
{
    private static readonly IReadOnlyList<SwitchCase> Sources = SwitchEvaluator.ReadCases(JsonNode.Parse("""
        [ { "port": "site", "value": "site" }, { "port": "meta", "value": "meta_ads" }, { "port": "none", "value": null }, { "value": "no port" } ]
        """));

    [Fact]
    public void The_first_equal_case_chooses_the_port()
    {
        Assert.Equal(3, Sources.Count);
        Assert.Equal("meta", SwitchEvaluator.Choose("lead.source", Sources, Scope.Lead()));
    }

    [Fact]
    public void No_equal_case_takes_the_default_port() =>
        Assert.Equal(SwitchEvaluator.DefaultPort, SwitchEvaluator.Choose("lead.priority", Sources, Scope.Lead()));

    [Fact]
    public void A_null_case_matches_a_missing_field() =>
        Assert.Equal("none", SwitchEvaluator.Choose("lead.custom.nope", Sources, Scope.Lead()));

    [Fact]
    public void Cases_compare_by_type()
    {
        var cases = new[] { new SwitchCase("low", 100), new SwitchCase("bill", JsonValue.Create("1234.56")) };
        Assert.Equal("bill", SwitchEvaluator.Choose("lead.custom.energy_bill", cases, Scope.Lead()));
    }

    [Theory]
    [InlineData("lead..source")]
    [InlineData("")]
    [InlineData("{{lead.source}}")]
    public void A_malformed_field_takes_the_default_port(string field) =>
        Assert.Equal(SwitchEvaluator.DefaultPort, SwitchEvaluator.Choose(field, Sources, Scope.Lead()));

    [Fact]
    public void Option_titles_are_their_own_ids()
    {
        var options = AnswerOption.FromTitles(["Até 30 dias", " ", "Em até 3 meses "]);
        Assert.Equal([new("Até 30 dias", "Até 30 dias"), new("Em até 3 meses", "Em até 3 meses")], options);
        Assert.Equal("Em até 3 meses", AnswerValidator.Validate(AnswerType.Option, "2", new AnswerContext { Options = options }).Value!.GetValue<string>());
    }
}
