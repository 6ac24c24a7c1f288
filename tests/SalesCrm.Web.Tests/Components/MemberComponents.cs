using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using SalesCrm.Core.Tenancy;

namespace SalesCrm.Web.Tests.Components;

/// <summary>
/// A bunit context over the real services of a test app, resolved in a member's scope (<c>AsMemberAsync</c>): MudBlazor,
/// localization, the workspace clock and phones, plus the given services; the capabilities are the policies
/// <c>AuthorizeView</c> sees.
/// </summary>
public static class MemberComponents
{
    public static BunitContext NewContext(IServiceProvider services, string[] capabilities, params Type[] shared)
    {
        var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices();
        ctx.Services.AddLocalization(o => o.ResourcesPath = "Resources");
        ctx.Services.AddLogging();
        foreach (var type in new[] { typeof(WorkspaceClock), typeof(WorkspacePhones) }.Concat(shared))
            ctx.Services.AddSingleton(type, services.GetRequiredService(type));
        var auth = ctx.AddAuthorization();
        auth.SetAuthorized("member");
        auth.SetPolicies(capabilities);
        ctx.Render<MudPopoverProvider>();
        return ctx;
    }
}
