using Bunit;
using Microsoft.Extensions.DependencyInjection;
using SalesCrm.Core.Identity;
using SalesCrm.Core.Workflows;
using SalesCrm.Core.Workflows.Templates;
using SalesCrm.Web.Features.Workflows;
using SalesCrm.Web.Tests.Components;
using SalesCrm.Web.Tests.Infrastructure;

namespace SalesCrm.Web.Tests.Workflows.Designer;

/// <summary>/workflows over the real services.</summary>
public sealed class WorkflowsPageTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task Creating_a_workflow_without_a_name_says_so_under_the_name_box()
    {
        using var culture = new CultureScope("pt-BR");
        var owner = await app.RegisterAsync();
        await owner.AsMemberAsync(async sp =>
        {
            await using var ctx = MemberComponents.NewContext(sp, [Capabilities.WorkflowsManage], typeof(WorkflowService), typeof(WorkflowTemplateService));
            var cut = ctx.Render<WorkflowsPage>();
            cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=wf-empty]")));
            await cut.InvokeAsync(() => cut.Find("[data-testid=wf-create]").Click());
            cut.WaitForAssertion(() => Assert.Equal("é obrigatório.", cut.Find(".mud-input-control:has([data-testid=wf-new-name]) .mud-input-helper-text").TextContent.Trim()));
            Assert.Empty(await sp.GetRequiredService<WorkflowService>().ListAsync());
            return 0;
        });
    }
}
