using Blazor.Diagrams.Core.Geometry;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using Microsoft.AspNetCore.Components;
using SalesCrm.Core.Identity;
using SalesCrm.Core.Leads;
using SalesCrm.Core.Messaging;
using SalesCrm.Core.Pipelines;
using SalesCrm.Core.Tenancy;
using SalesCrm.Core.Workflows;
using SalesCrm.Core.Workflows.DryRuns;
using SalesCrm.Core.Workflows.Nodes;
using SalesCrm.Web.Tests.Components;

namespace SalesCrm.Web.Tests.Workflows.Designer;

/// <summary>A bunit context for the designer page over a test app's real services, resolved in a member's scope, rendered as an interactive circuit.</summary>
public static class DesignerComponents
{
    /// <summary>A bunit context for one designer component on its own: MudBlazor, the app's resources, loose JS interop.</summary>
    public static BunitContext Standalone()
    {
        var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices();
        ctx.Services.AddLocalization(o => o.ResourcesPath = "Resources");
        return ctx;
    }

    public static BunitContext NewContext(IServiceProvider services)
    {
        var ctx = MemberComponents.NewContext(services, [Capabilities.WorkflowsManage], typeof(WorkflowService), typeof(PipelineService), typeof(MemberService),
            typeof(TemplateService), typeof(WorkflowDryRunner), typeof(LeadQuery), typeof(BotFunnelService));
        ctx.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        // The canvas measures itself in the browser; here it is a fixed 1200×800 box.
        ctx.JSInterop.Setup<Rectangle>("ZBlazorDiagrams.getBoundingClientRect", _ => true).SetResult(new Rectangle(0, 0, 1200, 800));
        return ctx;
    }
}
