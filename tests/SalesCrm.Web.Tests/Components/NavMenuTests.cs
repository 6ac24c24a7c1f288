using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using SalesCrm.Core.Identity;
using SalesCrm.Web.Components.Layout;

namespace SalesCrm.Web.Tests.Components;

/// <summary>The menu offers a page only to members whose capabilities open it.</summary>
public class NavMenuTests
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

    [Theory]
    [InlineData(new[] { Capabilities.SettingsManage }, true)]
    [InlineData(new[] { Capabilities.WebhooksManage }, true)]
    [InlineData(new[] { Capabilities.SettingsManage, Capabilities.WebhooksManage }, true)]
    [InlineData(new[] { Capabilities.PipelineManage, Capabilities.UsersManage }, false)]
    [InlineData(new string[0], false)]
    public async Task The_api_reference_is_offered_to_those_who_connect_programs_only(string[] capabilities, bool offered)
    {
        await using var ctx = new BunitContext();
        var cut = Render(ctx, capabilities);
        Assert.Equal(offered ? 1 : 0, cut.FindAll("[data-testid=nav-api-docs]").Count);
    }

    [Fact]
    public async Task Pipeline_managers_find_the_pipelines_settings_in_the_menu()
    {
        await using var ctx = new BunitContext();
        Assert.Equal("/settings/pipelines", Render(ctx, Capabilities.PipelineManage).Find("[data-testid=nav-pipelines]").GetAttribute("href"));
        await using var other = new BunitContext();
        Assert.Empty(Render(other, Capabilities.SettingsManage).FindAll("[data-testid=nav-pipelines]"));
    }
}
