using Blazor.Diagrams.Core.Geometry;
using Bunit;
using Microsoft.AspNetCore.Components;
using SalesCrm.Core.Common;
using SalesCrm.Core.Events;
using SalesCrm.Core.Identity;
using SalesCrm.Core.Leads;
using SalesCrm.Core.Workflows.Nodes;
using SalesCrm.Core.Workflows.Runs;
using SalesCrm.Web.Tests.Components;

namespace SalesCrm.Web.Tests.Workflows.Runs;

/// <summary>A bunit context for the runs pages over a test app's real services, resolved in a member's scope, rendered as an interactive circuit.</summary>
public static class RunComponents
{
    public static BunitContext NewContext(IServiceProvider services, params string[] capabilities)
    {
        var ctx = MemberComponents.NewContext(services, capabilities, typeof(WorkflowRunService), typeof(WorkflowRunViewService), typeof(BotFunnelService),
            typeof(LeadQuery), typeof(AccessService), typeof(ICurrentUser), typeof(ICrmEventBus), typeof(TimeProvider));
        ctx.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        // The canvas measures itself in the browser; here it is a fixed 1200×800 box.
        ctx.JSInterop.Setup<Rectangle>("ZBlazorDiagrams.getBoundingClientRect", _ => true).SetResult(new Rectangle(0, 0, 1200, 800));
        return ctx;
    }
}
