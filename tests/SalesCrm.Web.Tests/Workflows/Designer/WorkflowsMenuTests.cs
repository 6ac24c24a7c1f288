using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using SalesCrm.Core.Identity;
using SalesCrm.Web.Components.Layout;
using SalesCrm.Web.Tests.Components;

namespace SalesCrm.Web.Tests.Workflows.Designer;

/// <summary>The designer is in the menu for those who may manage workflows, named in their language.</summary>
public class WorkflowsMenuTests
{
    private static IRenderedComponent<NavMenu> Render(BunitContext ctx, params string[] capabilities)
    {
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices();
        ctx.Services.AddLocalization(o => o.ResourcesPath = "Resources");
        var auth = ctx.AddAuthorization();
        auth.SetAuthorized("Carla");
        auth.SetPolicies(capabilities);
        return ctx.Render<NavMenu>();
    }

    [Fact]
    public async Task Workflow_managers_find_the_automations_in_the_menu_and_others_do_not()
    {
        using var culture = new CultureScope("pt-BR");
        await using var ctx = new BunitContext();
        var link = Render(ctx, Capabilities.WorkflowsManage).Find("[data-testid=nav-workflows]");
        Assert.Equal("/workflows", link.GetAttribute("href"));
        Assert.Contains("Automações", link.TextContent);
        await using var other = new BunitContext();
        Assert.Empty(Render(other, Capabilities.SettingsManage, Capabilities.UsersManage).FindAll("[data-testid=nav-workflows]"));
    }
}
