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
    public static BunitContext NewContext(IServiceProvider services, params string[] capabilities) =>
        MemberComponents.NewContext(services, capabilities,
            typeof(PointRuleService), typeof(ScoreQuery), typeof(MissionService), typeof(QuizService), typeof(CheckInService));
}
