using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesCrm.Core.Data;
using SalesCrm.Core.Inbox;
using SalesCrm.Web.Tests.Infrastructure;

namespace SalesCrm.Web.Tests.ScaleOut;

/// <summary>Puts work in front of the workers and reads <c>/health/ready</c>, on whichever instance is asked.</summary>
public static class Readiness
{
    /// <summary>An inbound item received two hours ago whose next attempt is tomorrow, so no worker takes it meanwhile.</summary>
    public static async Task<Guid> AddWaitingInboxItemAsync(CrmAppFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
        var now = DateTime.UtcNow;
        var item = new InboxItem { Provider = InboxProvider.Zapier, Body = "{}", ReceivedAt = now.AddHours(-2), NextAttemptAt = now.AddDays(1) };
        db.Inbox.Add(item);
        await db.SaveChangesAsync();
        return item.Id;
    }

    public static async Task<JsonNode> ReadAsync(CrmAppFactory app)
    {
        var ready = await (await app.CreateClient().GetAsync("/health/ready")).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("healthy", (string?)ready["components"]!["database"]!["status"]);
        return ready["components"]!["backlog"]!;
    }
}
