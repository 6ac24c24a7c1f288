using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using SalesCrm.Web.Tests.Infrastructure;

namespace SalesCrm.Web.Tests.ScaleOut;

/// <summary>A pipeline hub client on one instance that records every board message it receives.</summary>
public sealed class HubListener : IAsyncDisposable
{
    private HubListener(HubConnection connection) => Connection = connection;

    public HubConnection Connection { get; }
    public BlockingCollection<(string Name, JsonElement Data)> Received { get; } = new();

    public static async Task<HubListener> ConnectAsync(CrmAppFactory app, string token)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(app.Server.BaseAddress, "/hubs/pipeline"), o =>
            {
                o.HttpMessageHandlerFactory = _ => app.Server.CreateHandler();
                o.AccessTokenProvider = () => Task.FromResult<string?>(token);
                o.Transports = HttpTransportType.LongPolling;
            })
            .Build();
        var listener = new HubListener(connection);
        foreach (var name in new[] { "LeadCreated", "LeadUpdated", "LeadMoved", "LeadDeleted" })
            connection.On<JsonElement>(name, data => listener.Received.Add((name, data)));
        await connection.StartAsync();
        return listener;
    }

    /// <summary>Creates leads until this client hears one: then every instance's bus and backplane subscription is in place.</summary>
    public async Task<bool> HearsFirstAsync(Func<Task<System.Text.Json.Nodes.JsonNode>> create)
    {
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var id = (string)(await create())["id"]!;
            while (Received.TryTake(out var item, TimeSpan.FromMilliseconds(500)))
                if (item.Name == "LeadCreated" && item.Data.GetProperty("lead_id").GetString() == id) return true;
        }
        return false;
    }

    /// <summary>The next message with <paramref name="name"/>, skipping others.</summary>
    public (string Name, JsonElement Data) Next(string name)
    {
        while (true)
        {
            Assert.True(Received.TryTake(out var item, TimeSpan.FromSeconds(15)), $"no {name} arrived");
            if (item.Name == name) return item;
        }
    }

    public async ValueTask DisposeAsync() => await Connection.DisposeAsync();
}
