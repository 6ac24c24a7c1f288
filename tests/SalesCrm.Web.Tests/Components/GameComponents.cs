using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using SalesCrm.Core.Gamification;
using SalesCrm.Core.Tenancy;

namespace SalesCrm.Web.Tests.Components;

/// <summary>
/// A bunit context for the gamification panels over the real services of a test app, resolved in a member's scope
/// (<c>AsMemberAsync</c>), with the given capabilities as the policies <c>AuthorizeView</c> sees.
/// </summary>
public static class GameComponents
{
    public static BunitContext NewContext(IServiceProvider services, params string[] capabilities)
    {
        var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices();
        ctx.Services.AddLocalization(o => o.ResourcesPath = "Resources");
        ctx.Services.AddLogging();
        ctx.Services.AddSingleton(services.GetRequiredService<WorkspaceClock>());
        ctx.Services.AddSingleton(services.GetRequiredService<WorkspacePhones>());
        ctx.Services.AddSingleton(services.GetRequiredService<PointRuleService>());
        ctx.Services.AddSingleton(services.GetRequiredService<ScoreQuery>());
        ctx.Services.AddSingleton(services.GetRequiredService<MissionService>());
        ctx.Services.AddSingleton(services.GetRequiredService<QuizService>());
        ctx.Services.AddSingleton(services.GetRequiredService<CheckInService>());
        var auth = ctx.AddAuthorization();
        auth.SetAuthorized("member");
        auth.SetPolicies(capabilities);
        ctx.Render<MudPopoverProvider>();
        return ctx;
    }
}
