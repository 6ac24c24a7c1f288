using System.Globalization;
using Microsoft.Extensions.Localization;
using SalesCrm.Core.Workflows;
using SalesCrm.Core.Workflows.Nodes;
using SalesCrm.Core.Workflows.Runs;
using SalesCrm.Web.Features.Workflows.Runs;
using SalesCrm.Web.Tests.Components;

namespace SalesCrm.Web.Tests.Workflows.Runs;

public sealed class RunTextsTests
{
    private static RunTexts Texts() => new(ResourceLocalizer.Of<WorkflowRunsResource>());

    [Theory]
    [InlineData("pt-BR")]
    [InlineData("en")]
    public void Every_trigger_and_status_a_run_can_have_is_worded_in_the_readers_language(string culture)
    {
        using var _ = new CultureScope(culture);
        var texts = Texts();
        foreach (var kind in WorkflowRunService.RunTriggerKinds)
            Assert.NotEqual(kind, texts.Trigger(kind));
        foreach (var status in WorkflowRunStatuses.All.Append(WorkflowStepStatuses.Retrying))
            Assert.NotEqual(status, texts.Status(status));
    }

    [Fact]
    public void A_run_started_by_another_workflow_says_so_in_portuguese()
    {
        using var _ = new CultureScope("pt-BR");
        Assert.Equal("Chamado por outro fluxo", Texts().Trigger(CallWorkflowExecutor.TriggerKind));
    }
}
