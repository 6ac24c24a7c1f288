using System.Text.Json.Nodes;
using SalesCrm.Core.Workflows.Expressions;

namespace SalesCrm.Core.Tests.Workflows.Expressions;

public class RelativeDateTests
{
    // 3 December 2026, 22:30 in São Paulo (already the 4th in UTC).
    private static readonly FixedClock Clock = new(new DateTimeOffset(2026, 12, 4, 1, 30, 0, TimeSpan.Zero));

    private static WorkflowScope Lead(string json) => new WorkflowScope(new JsonObject(), time: Clock).WithLead(JsonNode.Parse(json)!.AsObject());

    private static bool Eval(WorkflowScope scope, string field, string op, string value) =>
        ConditionEvaluator.Evaluate(new WorkflowCondition(field, op, value), scope);

    [Theory]
    [InlineData("2026-12-03", "eq", "today", true)] // the workspace's day, not UTC's
    [InlineData("2026-12-02", "lt", "today", true)]
    [InlineData("2026-12-10", "lte", "today+7d", true)]
    [InlineData("2026-12-11", "lte", "today+7d", false)]
    [InlineData("2026-11-26", "eq", "today-7d", true)]
    public void Dates_compare_with_today_in_the_workspace_zone(string close, string op, string value, bool expected) =>
        Assert.Equal(expected, Eval(Lead($$"""{ "expected_close_date": "{{close}}" }"""), "lead.expected_close_date", op, value));

    [Theory]
    [InlineData("2026-12-02T01:00:00Z", "lt", "now-48h", true)]
    [InlineData("2026-12-02T02:00:00Z", "lt", "now-48h", false)]
    [InlineData("2026-12-04T01:00:00Z", "gt", "now-45m", true)]
    [InlineData("2026-12-04T01:00:00Z", "gte", "now-30m", true)]
    [InlineData("2026-12-04T01:00:00Z", "lt", "now", true)]
    [InlineData("2026-12-01T00:00:00Z", "lt", "now-2d", true)]
    public void Instants_compare_with_now(string at, string op, string value, bool expected) =>
        Assert.Equal(expected, Eval(Lead($$"""{ "last_interaction_at": "{{at}}" }"""), "lead.last_interaction_at", op, value));

    [Theory]
    [InlineData("today+3h")]
    [InlineData("now+")]
    [InlineData("now-99999999d")]
    [InlineData("tomorrow")]
    [InlineData("now*2")]
    public void Malformed_relative_values_are_plain_text(string value) =>
        Assert.False(ScopeValues.TryRelativeDate(value, TimeZoneInfo.Utc, DateTime.UtcNow, out _, out _));

    [Fact]
    public void A_trigger_filter_reads_today_from_the_given_clock() =>
        Assert.True(ConditionEvaluator.Matches("expected_close_date=lt.today", JsonNode.Parse("""{ "expected_close_date": "2026-12-02" }"""), time: Clock));

    [Fact]
    public void Text_fields_named_today_still_compare_as_text() =>
        Assert.True(Eval(Lead("""{ "source": "today" }"""), "lead.source", "eq", "today"));
}
