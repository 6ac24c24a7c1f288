using SalesCrm.Web.Tests.Infrastructure;
using SalesCrm.Web.Tests.Leads;

namespace SalesCrm.Web.Tests.Workflows;

/// <summary>
/// The crash window "the service committed, the step row did not": the engine runs the step again with the same
/// idempotency key, and the note or activity already written is found instead of written twice.
/// </summary>
public abstract class ResumedStepIdempotencyTests(CrmAppFactory app)
{
    private async Task<(Session Owner, string LeadId, NodeRunner Runner)> LeadAsync()
    {
        var owner = await app.RegisterAsync();
        var leadId = (string)(await owner.CreateLeadAsync(new { name = "Retomada" }))["id"]!;
        return (owner, leadId, await new NodeRunner(owner).ForLeadAsync(leadId));
    }

    [Fact]
    public async Task An_add_note_step_run_again_with_the_same_key_returns_the_note_it_wrote_and_writes_no_second_one()
    {
        var (owner, leadId, runner) = await LeadAsync();

        var first = await runner.RunAsync("add_note", new { text = "Olá {{lead.name}}" }, nodeId: "note");
        var again = await runner.RunAsync("add_note", new { text = "Olá {{lead.name}}" }, nodeId: "note");
        var otherStep = await runner.RunAsync("add_note", new { text = "Olá {{lead.name}}" }, nodeId: "note2");

        Assert.Equal((string?)first.Output!["interaction_id"], (string?)again.Output!["interaction_id"]);
        Assert.NotEqual((string?)first.Output!["interaction_id"], (string?)otherStep.Output!["interaction_id"]);
        Assert.Equal(2, (int)(await owner.GetJsonAsync($"/api/v1/leads/{leadId}/interactions?type=note"))["total"]!);
    }

    [Fact]
    public async Task A_create_activity_step_run_again_with_the_same_key_returns_the_activity_it_created_and_creates_no_second_one()
    {
        var (owner, leadId, runner) = await LeadAsync();

        var first = await runner.RunAsync("create_activity", new { title = "Ligar para {{lead.name}}" }, nodeId: "task");
        var again = await runner.RunAsync("create_activity", new { title = "Ligar para {{lead.name}}" }, nodeId: "task");

        Assert.Equal((string?)first.Output!["activity_id"], (string?)again.Output!["activity_id"]);
        Assert.Equal(1, (int)(await owner.GetJsonAsync($"/api/v1/activities?lead_id={leadId}&window=all"))["total"]!);
    }
}

public sealed class ResumedStepIdempotencyTestsOnSqlite(SqliteApp app) : ResumedStepIdempotencyTests(app), IClassFixture<SqliteApp>;

public sealed class ResumedStepIdempotencyTestsOnPostgres(PostgresApp app) : ResumedStepIdempotencyTests(app), IClassFixture<PostgresApp>;
