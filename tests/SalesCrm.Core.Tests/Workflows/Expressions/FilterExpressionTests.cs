using System.Text.Json.Nodes;
using SalesCrm.Core.Common;
using SalesCrm.Core.Workflows.Expressions;

namespace SalesCrm.Core.Tests.Workflows.Expressions;

public class FilterExpressionTests
{
    private static readonly JsonNode Event = JsonNode.Parse("""
        {
          "source": "meta_ads", "value": "1.500,00", "tags": ["solar"], "status": "open",
          "payload": { "form": { "city": "São Paulo", "bill": 350 } },
          "lead": { "name": "João", "custom": { "energy_bill": 420 } }
        }
        """)!;

    [Theory]
    [InlineData("source=eq.meta_ads", true)]
    [InlineData("source=eq.site", false)]
    [InlineData("source=not.eq.site", true)]
    [InlineData("source=eq.meta_ads&value=gte.1000", true)]
    [InlineData("source=eq.meta_ads&value=gte.2000", false)]
    [InlineData("or=(source.eq.site,source.eq.meta_ads)", true)]
    [InlineData("and=(source.eq.meta_ads,status.eq.won)", false)]
    [InlineData("not.and=(source.eq.meta_ads,status.eq.won)", true)]
    [InlineData("or=(status.eq.won,and(source.eq.meta_ads,value.gt.1499))", true)]
    [InlineData("source=in.(site,meta_ads)", true)]
    [InlineData("tags=cs.{solar}", true)]
    [InlineData("source=like(any).{*meta*,*google*}", true)]
    [InlineData("source=like(all).{*meta*,*google*}", false)]
    [InlineData("missing=is.null", true)]
    [InlineData("payload.form.city=ilike.*sao paulo*", true)]
    [InlineData("payload.form.bill=lt.400", true)]
    [InlineData("lead.custom.energy_bill=gt.400", true)]
    [InlineData("and=(payload->form->>city.ilike.sao*,lead->custom->>energy_bill.gte.420)", true)]
    [InlineData("", true)]
    [InlineData("   ", true)]
    public void An_event_trigger_filter_matches_the_event_object(string filter, bool expected) =>
        Assert.Equal(expected, ConditionEvaluator.Matches(filter, Event));

    [Theory]
    [InlineData("source")]
    [InlineData("source=meta_ads")]
    [InlineData("source=between.1")]
    [InlineData("or=(source.eq.a")]
    [InlineData("or=source.eq.a")]
    [InlineData("=eq.1")]
    [InlineData("a b=eq.1")]
    [InlineData("source=is.maybe")]
    [InlineData("source=in.site,meta")]
    public void A_malformed_filter_is_a_validation_error(string filter) =>
        Assert.Throws<ValidationException>(() => FilterExpression.Parse(filter));

    [Fact]
    public void Deeply_nested_groups_are_refused_before_parsing()
    {
        var filter = "and=" + string.Concat(Enumerable.Repeat("and(", 5000)) + "a.eq.1" + new string(')', 5000);
        Assert.Throws<ValidationException>(() => FilterExpression.Parse(filter));
        var shallow = "and=(" + string.Concat(Enumerable.Repeat("and(", 5)) + "source.eq.meta_ads" + new string(')', 6);
        Assert.True(ConditionEvaluator.Matches(shallow, Event));
    }

    [Fact]
    public void A_huge_filter_is_refused() =>
        Assert.Throws<ValidationException>(() => FilterExpression.Parse("source=eq." + new string('a', 10_000)));

    [Fact]
    public void Keys_that_look_like_code_are_ordinary_missing_fields()
    {
        Assert.False(ConditionEvaluator.Matches("constructor=eq.x", Event));
        Assert.True(ConditionEvaluator.Matches("__proto__=is.null", Event));
        Assert.False(ConditionEvaluator.Matches("payload.constructor.name=eq.Object", Event));
    }
}
