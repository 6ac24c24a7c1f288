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
    [InlineData("is.maybe")]
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
    [InlineData("%silva%", "%silva%")]
    [InlineData("*50\\%*", "%50\\%%")]
    [InlineData("a_b", "a_b")]
    [InlineData("a\\*b", "a\\*b")]
    public void Like_patterns_take_star_and_percent_as_wildcards_as_postgrest_does(string pattern, string like) => Assert.Equal(like, FilterGrammar.ToLikePattern(pattern));

    [Theory]
    [InlineData("50%_*\\")]
    [InlineData("plain")]
    public void A_literal_pattern_matches_only_its_own_text(string text)
    {
        var pattern = FilterGrammar.ToLikePattern("*" + FilterGrammar.LiteralPattern(text) + "*");
        Assert.True(LikeMatcher.IsMatch($"a {text} b", pattern, ignoreCase: false));
        Assert.False(LikeMatcher.IsMatch("a 50xyz\\ b", pattern, ignoreCase: false));
    }

    [Fact]
    public void In_lists_read_quoted_values_with_escaped_quotes_commas_and_parentheses()
    {
        var condition = FilterGrammar.ParseCondition("name", "in.(\"Silva, Pedro (filho)\",\"Say \\\"hi\\\"\",plain)");
        Assert.Equal(["Silva, Pedro (filho)", "Say \"hi\"", "plain"], condition.Values);
    }

    [Fact]
    public void Logical_groups_nest_and_negate()
    {
        var group = FilterGrammar.ParseGroup("not.or", "(company.eq.Acme,and(name.like.ana*,company.not.is.null),name.eq.\"a,b\")");
        Assert.True(group.Negated);
        Assert.True(group.Or);
        var first = Assert.IsType<FilterCondition>(group.Children[0]);
        Assert.Equal(("company", FilterOperator.Eq, false, "Acme"), (first.Field, first.Operator, first.Negated, first.Values[0]));
        var inner = Assert.IsType<FilterGroup>(group.Children[1]);
        Assert.False(inner.Or);
        var negatedIsNull = Assert.IsType<FilterCondition>(inner.Children[1]);
        Assert.Equal(("company", FilterOperator.IsNull, true), (negatedIsNull.Field, negatedIsNull.Operator, negatedIsNull.Negated));
        Assert.Equal(["a,b"], ((FilterCondition)group.Children[2]).Values);
    }

    [Fact]
    public void Order_keys_take_nullsfirst_and_nullslast()
    {
        Assert.Equal([new SortKey("company", false, true), new SortKey("value", true, false), new SortKey("name", false)],
            FilterGrammar.ParseOrder("company.asc.nullsfirst,value.desc.nullslast,name"));
        Assert.Equal(new SortKey("company", false, false), FilterGrammar.ParseOrder("company.nullslast")[0]);
        Assert.Throws<ValidationException>(() => FilterGrammar.ParseOrder("company.nullsfirst.asc"));
    }

    [Theory]
    [InlineData("JOÃO DA SILVA", "%joão%", true, true)]
    [InlineData("Érica Gonçalves", "%ÉRICA%", true, true)]
    [InlineData("ana souza", "%Ana%", false, false)]
    [InlineData("ana souza", "ana_souza", false, true)]
    [InlineData("100% Bruno", "100\\%%", false, true)]
    [InlineData("1000 Bruno", "100\\%%", false, false)]
    public void The_sqlite_like_functions_match_as_postgresql_like_and_ilike_do(string value, string pattern, bool ignoreCase, bool expected) =>
        Assert.Equal(expected, LikeMatcher.IsMatch(value, pattern, ignoreCase));

    [Fact]
    public void Any_and_all_modifiers_make_a_group_of_one_condition_per_value()
    {
        var any = Assert.IsType<FilterGroup>(FilterGrammar.Parse("name", "not.like(any).{*a*,\"b,c\"}"));
        Assert.Equal((true, true), (any.Or, any.Negated));
        Assert.Equal(["*a*", "b,c"], any.Children.Cast<FilterCondition>().Select(c => c.Values.Single()));
        Assert.All(any.Children.Cast<FilterCondition>(), c => Assert.Equal((FilterOperator.Like, false), (c.Operator, c.Negated)));
        Assert.False(Assert.IsType<FilterGroup>(FilterGrammar.Parse("value", "gt(all).{1,2}")).Or);
    }

    [Theory]
    [InlineData("name", "like(any).{}", "'like(any)' needs at least one value")]
    [InlineData("name", "in(any).(a)", "only fts, plfts, phfts and wfts take a (config)")]
    [InlineData("name", "like(some).{a}", "only fts, plfts, phfts and wfts take a (config)")]
    [InlineData("stages.order", "name.asc", "embedded resource 'stages'")]
    [InlineData("stages.name", "eq.Novo", "embedded resource 'stages'")]
    public void Misused_modifiers_and_embedded_resources_get_an_error_that_says_what_is_wrong(string key, string value, string message)
    {
        var error = Assert.Throws<ValidationException>(() => FilterGrammar.Parse(key, value));
        Assert.Contains(message, error.Errors[key].Single());
    }
}
