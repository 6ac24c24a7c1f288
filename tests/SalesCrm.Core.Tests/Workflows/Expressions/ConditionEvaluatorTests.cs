using System.Text.Json.Nodes;
using SalesCrm.Core.Common;
using SalesCrm.Core.Workflows.Expressions;

namespace SalesCrm.Core.Tests.Workflows.Expressions;

public class ConditionEvaluatorTests
{
    private static bool Eval(string field, string op, JsonNode? value) =>
        ConditionEvaluator.Evaluate(new WorkflowCondition(field, op, value), Scope.Lead());

    [Theory]
    [InlineData("lead.value", "gte", 1000, true)]
    [InlineData("lead.value", "gte", 1500.5, true)]
    [InlineData("lead.value", "gt", 1500.5, false)]
    [InlineData("lead.value", "lt", 2000, true)]
    [InlineData("lead.value", "lte", 1500, false)]
    [InlineData("lead.score", "eq", 72, true)]
    [InlineData("lead.score", "neq", 72, false)]
    [InlineData("run.input.x", "eq", 42, true)]
    public void Numbers_compare_as_numbers(string field, string op, double value, bool expected) =>
        Assert.Equal(expected, Eval(field, op, value));

    [Theory]
    [InlineData("gt", "1000", true)]
    [InlineData("gt", "1.000", true)]
    [InlineData("lt", "1.300", true)]
    [InlineData("eq", "1234.56", true)]
    [InlineData("eq", "1.234,56", true)]
    [InlineData("gte", "1.234,57", false)]
    public void A_brazilian_amount_in_a_custom_field_compares_as_a_number(string op, string value, bool expected) =>
        Assert.Equal(expected, Eval("lead.custom.energy_bill", op, value));

    [Fact]
    public void A_numeric_string_is_not_compared_as_text()
    {
        // As text "1500.5" < "9"; as numbers it is not.
        Assert.False(Eval("lead.value", "lt", "9"));
        Assert.True(Eval("event.payload.form.answers[0].a", "gt", 99));
    }

    [Theory]
    [InlineData("lead.expected_close_date", "gt", "2026-12-19", true)]
    [InlineData("lead.expected_close_date", "eq", "20/12/2026", true)]
    [InlineData("lead.expected_close_date", "lt", "01/01/2027", true)]
    [InlineData("lead.created_at", "gt", "2026-12-01T12:59:59Z", true)]
    [InlineData("lead.created_at", "lt", "2026-12-01T09:30:00", false)] // 09:30 in São Paulo is 12:30 UTC
    [InlineData("lead.created_at", "lt", "2026-12-01T09:30:00-03:00", false)]
    [InlineData("lead.created_at", "lt", "2026-12-01T10:30:00", true)]
    [InlineData("lead.created_at", "eq", "01/12/2026", true)] // same day in the workspace zone
    public void Dates_compare_as_dates_in_the_workspace_zone(string field, string op, string value, bool expected) =>
        Assert.Equal(expected, Eval(field, op, value));

    [Fact]
    public void Booleans_compare_with_is_and_eq()
    {
        Assert.True(Eval("lead.is_rotting", "is", false));
        Assert.False(Eval("lead.is_rotting", "is", true));
        Assert.True(Eval("lead.is_rotting", "eq", "false"));
        Assert.True(Eval("lead.custom.installed", "is", "true"));
    }

    [Fact]
    public void Null_and_missing_values_match_only_is_null_and_negations()
    {
        Assert.True(Eval("lead.owner_id", "is", null));
        Assert.True(Eval("lead.custom.not_there", "is", "null"));
        Assert.True(Eval("lead.custom.not_there", "eq", null));
        Assert.False(Eval("lead.name", "is", null));
        Assert.True(Eval("lead.name", "not.is", null));
        Assert.True(Eval("lead.name", "neq", null));
        Assert.False(Eval("lead.custom.not_there", "eq", "x"));
        Assert.True(Eval("lead.custom.not_there", "neq", "x"));
        Assert.True(Eval("lead.custom.not_there", "not.eq", "x"));
        Assert.False(Eval("lead.custom.not_there", "gt", 0));
        Assert.False(Eval("lead.custom.not_there", "lt", 0));
        Assert.False(Eval("lead.custom.not_there", "ilike", "*"));
        Assert.False(Eval("lead.custom.not_there", "in", new JsonArray("a")));
    }

    [Theory]
    [InlineData("like", "maria*", true)]
    [InlineData("like", "Maria*", false)]
    [InlineData("ilike", "MARIA*", true)]
    [InlineData("ilike", "*SILVA", true)]
    [InlineData("ilike", "maria_da%", true)]
    [InlineData("ilike", "*joão*", false)]
    public void Like_is_case_sensitive_and_ilike_is_not(string op, string pattern, bool expected) =>
        Assert.Equal(expected, Eval("lead.name", op, pattern));

    [Theory]
    [InlineData("*sao paulo*")]
    [InlineData("SÃO PAULO")]
    [InlineData("sao*")]
    public void Ilike_ignores_accents(string pattern) => Assert.True(Eval("lead.custom.city", "ilike", pattern));

    [Fact]
    public void Like_does_not_ignore_accents() => Assert.False(Eval("lead.custom.city", "like", "Sao*"));

    [Fact]
    public void In_takes_a_list_or_its_text_form()
    {
        Assert.True(Eval("lead.source", "in", new JsonArray("site", "meta_ads")));
        Assert.True(Eval("lead.source", "in", "(site,meta_ads)"));
        Assert.False(Eval("lead.source", "in", new JsonArray("site", "whatsapp")));
        Assert.True(Eval("lead.source", "not.in", new JsonArray("site", "whatsapp")));
        Assert.True(Eval("lead.score", "in", new JsonArray(10, 72)));
    }

    [Fact]
    public void Cs_checks_an_array_contains_every_value()
    {
        Assert.True(Eval("lead.tags", "cs", new JsonArray("vip")));
        Assert.True(Eval("lead.tags", "cs", "{vip,solar}"));
        Assert.False(Eval("lead.tags", "cs", new JsonArray("vip", "cold")));
        Assert.False(Eval("lead.name", "cs", new JsonArray("maria")));
    }

    [Fact]
    public void Full_text_operators_match_words_ignoring_accents()
    {
        Assert.True(Eval("lead.custom.roof", "plfts", "ceramica telha"));
        Assert.False(Eval("lead.custom.roof", "phfts", "ceramica telha"));
        Assert.True(Eval("lead.custom.roof", "wfts", "telha -metalica"));
    }

    [Fact]
    public void Text_equality_is_exact()
    {
        Assert.True(Eval("lead.priority", "eq", "high"));
        Assert.False(Eval("lead.priority", "eq", "High"));
        Assert.True(Eval("lead.custom.city", "eq", "Sa\u0303o Paulo")); // decomposed ã is the same text
    }

    [Theory]
    [InlineData("lead.value", "between")]
    [InlineData("lead.value", "==")]
    [InlineData("lead.value", "")]
    [InlineData("lead..value", "eq")]
    [InlineData("lead.value; DROP TABLE leads", "eq")]
    [InlineData("", "eq")]
    [InlineData("lead.tags[-1]", "eq")]
    public void A_malformed_condition_is_a_validation_error(string field, string op) =>
        Assert.Throws<ValidationException>(() => ConditionEvaluator.ToFilter(new WorkflowCondition(field, op, 1)));

    [Fact]
    public void Is_refuses_values_other_than_null_true_false() =>
        Assert.Throws<ValidationException>(() => Eval("lead.name", "is", "maria"));

    [Fact]
    public void In_refuses_a_single_number() =>
        Assert.Throws<ValidationException>(() => Eval("lead.source", "in", 3));

    [Theory]
    [InlineData("lead.constructor")]
    [InlineData("lead.__proto__")]
    [InlineData("lead.name.length")]
    [InlineData("lead.tags[99]")]
    [InlineData("lead.name[0]")]
    public void Paths_that_name_object_internals_or_out_of_range_items_are_missing(string field)
    {
        Assert.False(ScopePath.TryResolve(Scope.Lead().Root, field, out _));
        Assert.False(Eval(field, "not.is", null));
    }

    [Fact]
    public void Array_items_are_read_by_index() => Assert.True(Eval("lead.tags[1]", "eq", "vip"));

    [Fact]
    public void A_path_deeper_than_the_limit_is_missing_not_a_crash()
    {
        var deep = string.Join(".", Enumerable.Repeat("a", 200));
        Assert.Null(ScopePath.TryParse(deep));
        Assert.False(ScopePath.TryResolve(Scope.Lead().Root, new string('x', 100_000), out _));
    }

    [Fact]
    public void A_value_with_a_cut_emoji_is_compared_without_throwing()
    {
        var scope = Scope.With(lead: "{ \"name\": \"Ana \\uD83D\" }");
        Assert.True(ConditionEvaluator.Evaluate(new WorkflowCondition("lead.name", "ilike", "ana*"), scope));
        Assert.False(ConditionEvaluator.Evaluate(new WorkflowCondition("lead.name", "fts", "bia"), scope));
    }

    [Fact]
    public void A_value_with_a_variable_compares_with_another_field()
    {
        Assert.True(Eval("lead.value", "gt", "{{run.input.x}}"));
        Assert.True(Eval("event.payload.form.city", "neq", "{{lead.custom.city}}"));
        Assert.True(Eval("lead.custom.city", "eq", "{{lead.custom.city}}"));
        Assert.False(Eval("lead.value", "lt", "{{run.input.x}}"));
    }

    [Fact]
    public void A_value_is_rendered_once_so_it_cannot_smuggle_a_variable()
    {
        var scope = Scope.With(lead: """{ "name": "{{run.input.secret}}", "nick": "{{run.input.secret}}" }""", runInput: """{ "secret": "s" }""");
        Assert.True(ConditionEvaluator.Evaluate(new WorkflowCondition("lead.nick", "eq", "{{lead.name}}"), scope));
    }
}
