using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using SalesCrm.Web.Tests.Leads;

namespace SalesCrm.Web.Tests.Infrastructure;

/// <summary>Background work (outbox, inbox, deliveries) finishes "soon": poll a GET until it says so, or fail with the last answer.</summary>
public static class Eventually
{
    public static async Task<JsonNode> GetAsync(Session session, string url, Func<JsonNode, bool> done, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var body = await session.GetJsonAsync(url);
            if (done(body)) return body;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{url}: {body.ToJsonString()}");
            await Task.Delay(100);
        }
    }

    /// <summary>Polls an asynchronous check (an API read, a page's state) until it holds.</summary>
    public static async Task TrueAsync(Func<Task<bool>> done, int seconds = 10)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!await done())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("the condition never became true");
            await Task.Delay(50);
        }
    }

    public static async Task TrueAsync(Func<bool> done, int seconds = 10)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!done())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("the condition never became true");
            await Task.Delay(20);
        }
    }
}

public static class LoopbackPort
{
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
