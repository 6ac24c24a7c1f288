using System.Text.Json;
using SalesCrm.Core.Audit;
using SalesCrm.Core.Workflows.Runs;
using SalesCrm.Web.Components.Shared;
using SalesCrm.Web.Features.Audit;

namespace SalesCrm.Web.Tests.Components;

public sealed class ActorNamesTests
{
    [Theory]
    [InlineData("pt-BR", "Automação “Boas-vindas Meta”")]
    [InlineData("en", "Workflow “Boas-vindas Meta”")]
    public void A_workflow_that_wrote_on_the_timeline_is_named_in_the_readers_language(string culture, string expected)
    {
        using var _ = new CultureScope(culture);
        var stored = WorkflowActor.For(Guid.NewGuid(), Guid.NewGuid(), "Boas-vindas Meta").DisplayName;
        Assert.Equal(expected, ActorNames.Display(ResourceLocalizer.For(culture), stored));
    }

    [Fact]
    public void A_persons_name_is_shown_as_written()
    {
        Assert.Equal("Workflow Silva", ActorNames.Display(ResourceLocalizer.For("pt-BR"), "Workflow Silva"));
        Assert.False(ActorNames.IsWorded("Ana Souza"));
    }

    [Fact]
    public void The_audit_log_names_a_workflow_actor_once_in_portuguese()
    {
        using var _ = new CultureScope("pt-BR");
        var presenter = new AuditPresenter(ResourceLocalizer.For("pt-BR"), t => t, new Dictionary<Guid, AuditReference>(), "BRL");
        var entry = new AuditLogDto(Guid.NewGuid(), DateTime.UtcNow, "Workflow", null, WorkflowActor.NamePrefix + "Qualificação", "Lead", Guid.NewGuid(), "Update",
            JsonDocument.Parse("{}").RootElement, null);
        Assert.Equal("Automação “Qualificação”", presenter.Present(entry).Actor);
    }
}
