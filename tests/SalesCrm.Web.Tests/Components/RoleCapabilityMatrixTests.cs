using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using SalesCrm.Core.Identity;
using SalesCrm.Web.Features.Identity;

namespace SalesCrm.Web.Tests.Components;

public class RoleCapabilityMatrixTests
{
    private static readonly RoleDto Owner = new(Guid.NewGuid(), "owner", SystemRoles.Owner, true, Capabilities.All, VisibilityScope.All, 1);
    private static readonly RoleDto Closer = new(Guid.NewGuid(), "Closer", null, false, [Capabilities.ReportsView], VisibilityScope.All, 0);

    private static BunitContext NewContext()
    {
        var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices();
        ctx.Services.AddLocalization(o => o.ResourcesPath = "Resources");
        ctx.Render<MudPopoverProvider>();
        return ctx;
    }

    [Fact]
    public async Task Checking_a_capability_reports_the_roles_whole_new_set_in_catalogue_order()
    {
        await using var ctx = NewContext();
        var changes = new List<RoleCapabilitiesChange>();
        var cut = ctx.Render<RoleCapabilityMatrix>(p => p
            .Add(m => m.Roles, new[] { Owner, Closer })
            .Add(m => m.OnChange, change => changes.Add(change)));

        cut.Find("[data-testid='cap-Closer-leads.read']").Change(true);

        var change = Assert.Single(changes);
        Assert.Equal(Closer.Id, change.RoleId);
        Assert.Equal([Capabilities.LeadsRead, Capabilities.ReportsView], change.Capabilities);
    }

    [Fact]
    public async Task Unchecking_a_capability_removes_it()
    {
        await using var ctx = NewContext();
        var changes = new List<RoleCapabilitiesChange>();
        var exporter = Closer with { Name = "Exporter", Capabilities = [Capabilities.LeadsExport] };
        var cut = ctx.Render<RoleCapabilityMatrix>(p => p
            .Add(m => m.Roles, new[] { exporter })
            .Add(m => m.OnChange, change => changes.Add(change)));

        cut.Find("[data-testid='cap-Exporter-leads.export']").Change(false);

        Assert.Empty(Assert.Single(changes).Capabilities);
    }

    [Fact]
    public async Task The_owner_column_is_read_only_and_fully_granted()
    {
        await using var ctx = NewContext();
        var changes = new List<RoleCapabilitiesChange>();
        var cut = ctx.Render<RoleCapabilityMatrix>(p => p
            .Add(m => m.Roles, new[] { Owner, Closer })
            .Add(m => m.OnChange, change => changes.Add(change)));

        foreach (var capability in Capabilities.Available)
        {
            var input = cut.Find($"[data-testid='cap-owner-{capability}']");
            Assert.True(input.HasAttribute("disabled"), capability);
            Assert.True(cut.Instance.IsGranted(Owner, capability));
        }
        await cut.InvokeAsync(() => cut.Instance.ToggleAsync(Owner, Capabilities.UsersManage, false));
        Assert.Empty(changes);
    }

    [Fact]
    public async Task Rows_are_grouped_by_module_with_one_row_per_capability_whose_feature_exists()
    {
        await using var ctx = NewContext();
        var cut = ctx.Render<RoleCapabilityMatrix>(p => p.Add(m => m.Roles, new[] { Owner, Closer }));
        var modules = Capabilities.Available.Select(Capabilities.Module).Distinct().Count();
        Assert.Equal(modules + Capabilities.Available.Count, cut.FindAll("tbody tr").Count);
        Assert.Equal(2 * Capabilities.Available.Count, cut.FindAll("tbody input[type=checkbox]").Count);
        // Workflow definitions exist (issue 18): workflows.manage is offered under its module.
        Assert.Single(cut.FindAll($"[data-testid='cap-Closer-{Capabilities.WorkflowsManage}']"));
        Assert.Contains("Automações", cut.Markup);
        // The copilot and the knowledge base exist (issue 15): their capabilities are offered.
        Assert.Single(cut.FindAll($"[data-testid='cap-Closer-{Capabilities.CopilotUse}']"));
        Assert.Single(cut.FindAll($"[data-testid='cap-Closer-{Capabilities.KnowledgeManage}']"));
        // reports.view guards the analytics API (issue 16).
        Assert.Single(cut.FindAll($"[data-testid='cap-Closer-{Capabilities.ReportsView}']"));
    }

    [Fact]
    public async Task A_planned_capability_a_role_holds_stays_granted_when_another_is_checked()
    {
        await using var ctx = NewContext();
        var changes = new List<RoleCapabilitiesChange>();
        var rep = new RoleDto(Guid.NewGuid(), "sales_rep", SystemRoles.SalesRep, true, [Capabilities.LeadsRead, Capabilities.WorkflowsManage], VisibilityScope.Own, 2);
        // No capability is planned since issue 18: offer every row but workflows.manage, as a planned one would be.
        var cut = ctx.Render<RoleCapabilityMatrix>(p => p.Add(m => m.Roles, new[] { rep }).Add(m => m.OnChange, change => changes.Add(change))
            .Add(m => m.Capabilities, Capabilities.Available.Where(c => c != Capabilities.WorkflowsManage).ToList()));
        cut.Find("[data-testid='cap-sales_rep-leads.write']").Change(true);
        Assert.Equal([Capabilities.LeadsRead, Capabilities.LeadsWrite, Capabilities.WorkflowsManage], Assert.Single(changes).Capabilities);
    }

    [Fact]
    public async Task A_disabled_matrix_reports_no_changes()
    {
        await using var ctx = NewContext();
        var changes = new List<RoleCapabilitiesChange>();
        var cut = ctx.Render<RoleCapabilityMatrix>(p => p
            .Add(m => m.Roles, new[] { Closer })
            .Add(m => m.Disabled, true)
            .Add(m => m.OnChange, change => changes.Add(change)));
        await cut.InvokeAsync(() => cut.Instance.ToggleAsync(Closer, Capabilities.LeadsRead, true));
        Assert.Empty(changes);
    }
}
