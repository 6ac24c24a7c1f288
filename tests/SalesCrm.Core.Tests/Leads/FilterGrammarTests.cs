using SalesCrm.Core.Common;
using SalesCrm.Core.Common.Filtering;

namespace SalesCrm.Core.Tests.Leads;

public class FilterGrammarTests
{
    [Theory]
    [InlineData("eq.42", FilterOperator.Eq, false, new[] { "42" })]
    [InlineData("neq.a.b", FilterOperator.Neq, false, new[] { "a.b" })]
    [InlineData("gte.2026-01-01", FilterOperator.Gte, false, new[] { "2026-01-01" })]
    [InlineData("like.Jo*", FilterOperator.Like, false, new[] { "Jo*" })]
    [InlineData("ilike.*silva*", FilterOperator.Ilike, false, new[] { "*silva*" })]
    [InlineData("in.(a,b,c)", FilterOperator.In, false, new[] { "a", "b", "c" })]
    [InlineData("in.(\"São Paulo, SP\",b)", FilterOperator.In, false, new[] { "São Paulo, SP", "b" })]
    [InlineData("cs.{vip,hot}", FilterOperator.Contains, false, new[] { "vip", "hot" })]
    [InlineData("is.null", FilterOperator.IsNull, false, new string[0])]
    [InlineData("not.is.null", FilterOperator.IsNull, true, new string[0])]
    [InlineData("not.in.(1,2)", FilterOperator.In, true, new[] { "1", "2" })]
    public void Conditions_parse_into_operator_negation_and_values(string text, FilterOperator op, bool negated, string[] values)
    {
        var condition = FilterGrammar.ParseCondition("field", text);
        Assert.Equal(op, condition.Operator);
        Assert.Equal(negated, condition.Negated);
        Assert.Equal(values, condition.Values);
    }

    [Theory]
    [InlineData("42")]
    [InlineData("xx.1")]
    [InlineData("is.true")]
    [InlineData("in.a,b")]
    [InlineData("cs.vip")]
    [InlineData("in.(\"open)")]
    public void Malformed_conditions_are_validation_errors_naming_the_field(string text)
    {
        var error = Assert.Throws<ValidationException>(() => FilterGrammar.ParseCondition("score", text));
        Assert.True(error.Errors.ContainsKey("score"));
    }

    [Fact]
    public void Order_parses_fields_and_directions()
    {
        var keys = FilterGrammar.ParseOrder("value.desc, name ,created_at.asc");
        Assert.Equal([new SortKey("value", true), new SortKey("name", false), new SortKey("created_at", false)], keys);
        Assert.Throws<ValidationException>(() => FilterGrammar.ParseOrder("name.up"));
        Assert.Throws<ValidationException>(() => FilterGrammar.ParseOrder(""));
    }

    [Theory]
    [InlineData("Jo*", "Jo%")]
    [InlineData("*50%*", "%50\\%%")]
    [InlineData("a_b", "a\\_b")]
    public void Like_patterns_use_star_and_escape_sql_wildcards(string pattern, string like) => Assert.Equal(like, FilterGrammar.ToLikePattern(pattern));
}
