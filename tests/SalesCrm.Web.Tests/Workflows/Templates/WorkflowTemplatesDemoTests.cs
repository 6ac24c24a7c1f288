using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesCrm.Core.Common;
using SalesCrm.Core.Data;
using SalesCrm.Core.Messaging;
using SalesCrm.Core.Workflows;
using SalesCrm.Core.Workflows.Templates;
using SalesCrm.Web.Features.Demo;
using SalesCrm.Web.Infrastructure;
using SalesCrm.Web.Tests.Demo;

namespace SalesCrm.Web.Tests.Workflows.Templates;

/// <summary>The shipped templates on the workspace the README's first command makes: each one publishes as created.</summary>
public sealed class WorkflowTemplatesDemoTests(DemoApp app) : IClassFixture<DemoApp>
{
    private async Task<T> AsDemoOwnerAsync<T>(Func<IServiceProvider, CrmDbContext, Task<T>> call)
    {
        _ = app.Services; // starts the host, which seeds the demo
        await using var scope = app.Services.CreateAsyncScope();
        var factory = scope.ServiceProvider.GetRequiredService<IDbContextFactory<CrmDbContext>>();
        Guid tenantId, ownerId;
        await using (var db = await factory.CreateDbContextAsync())
        {
            tenantId = (await db.Tenants.SingleAsync(t => t.Name == DemoWorkspace.Name)).Id;
            ownerId = await db.Memberships.IgnoreQueryFilters().Where(m => m.TenantId == tenantId).OrderBy(m => m.CreatedAt).Select(m => m.UserId).FirstAsync();
        }
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAs(new FixedCurrentUser(tenantId, ownerId));
        await using var tenantDb = await factory.CreateDbContextAsync();
        return await call(scope.ServiceProvider, tenantDb);
    }

    private static string? Setting(WorkflowDto workflow, string nodeId, string setting) =>
        workflow.Graph.Nodes!.Single(n => n.Id == nodeId).Settings!.Value.TryGetProperty(setting, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    [Fact]
    public async Task Every_shipped_template_validates_and_publishes_unchanged_on_the_freshly_seeded_demo_workspace()
    {
        var published = await AsDemoOwnerAsync(async (sp, db) =>
        {
            var templates = sp.GetRequiredService<WorkflowTemplateService>();
            var workflows = sp.GetRequiredService<WorkflowService>();
            var result = new List<(string TemplateId, WorkflowDto Draft, WorkflowDto Published)>();
            foreach (var template in await templates.ListAsync())
            {
                // The ERP template needs its one parameter, the URL the manager fills; the others need nothing.
                var parameters = template.Parameters.ToDictionary(p => p.Key, p => "https://erp.exemplo.com.br/api/pedidos");
                var draft = await templates.CreateAsync(template.Id, null, parameters);
                Assert.True(draft.Problems.Count == 0, $"{template.Id}: {string.Join("; ", draft.Problems.Select(p => $"{p.NodeId} {p.Message}"))}");
                Assert.Equal(template.NodeCount, draft.Graph.Nodes!.Count);
                result.Add((template.Id, draft, await workflows.PublishAsync(draft.Id)));
            }
            return result;
        });

        Assert.Equal(["meta-lead-welcome", "no-reply-reminder", "whatsapp-qualification", "deal-won-erp", "weekly-funnel-digest"], published.Select(p => p.TemplateId));
        Assert.All(published, p => Assert.Equal((1, true), (p.Published.Version, p.Published.Active)));
        // The drafts point at the demo's own records, picked by name: the "Qualificado" stage and the approved welcome, nudge and thanks templates.
        var ids = await AsDemoOwnerAsync(async (_, db) => (
            Stage: (await db.Stages.Where(s => s.Name == "Qualificado").Select(s => s.Id).SingleAsync()).ToString(),
            Templates: (await db.MessageTemplates.Where(t => t.Status == TemplateStatus.Approved).ToListAsync()).ToDictionary(t => t.Name, t => t.Id.ToString())));
        WorkflowDto Draft(string id) => published.Single(p => p.TemplateId == id).Draft;
        Assert.Equal(ids.Stage, Setting(Draft("whatsapp-qualification"), "qualificado", "stage_id"));
        Assert.Equal(ids.Templates["boas_vindas_lead"], Setting(Draft("meta-lead-welcome"), "boas_vindas", "template_id"));
        Assert.Equal(ids.Templates["retomar_contato"], Setting(Draft("no-reply-reminder"), "retomar", "template_id"));
        Assert.Equal(ids.Templates["agradecimento_compra"], Setting(Draft("deal-won-erp"), "obrigado", "template_id"));
    }

    [Fact]
    public async Task The_erp_template_without_its_url_is_a_draft_whose_problem_names_the_http_node_and_publishing_is_refused()
    {
        var (draft, refused) = await AsDemoOwnerAsync(async (sp, _) =>
        {
            var draft = await sp.GetRequiredService<WorkflowTemplateService>().CreateAsync("deal-won-erp", "ERP sem URL", null);
            var refused = await Assert.ThrowsAsync<WorkflowInvalidException>(() => sp.GetRequiredService<WorkflowService>().PublishAsync(draft.Id));
            return (draft, refused);
        });
        Assert.Equal("ERP sem URL", draft.Name);
        var problem = Assert.Single(draft.Problems);
        Assert.Equal("erp", problem.NodeId);
        Assert.Contains("url", problem.Message);
        Assert.Equal("erp", Assert.Single(refused.Problems).NodeId);
    }
}
