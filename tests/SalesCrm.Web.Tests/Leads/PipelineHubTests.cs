using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using SalesCrm.Web.Tests.Infrastructure;

namespace SalesCrm.Web.Tests.Leads;

public abstract class PipelineHubTests(CrmAppFactory app)
{
    /// <summary>A hub client that records every message it receives, in order.</summary>
    private sealed class Listener : IAsyncDisposable
    {
        public HubConnection Connection { get; }
        public BlockingCollection<(string Name, JsonElement Data)> Received { get; } = new();

        public Listener(CrmAppFactory app, string token)
        {
            Connection = new HubConnectionBuilder()
                .WithUrl(new Uri(app.Server.BaseAddress, "/hubs/pipeline"), o =>
                {
                    o.HttpMessageHandlerFactory = _ => app.Server.CreateHandler();
                    o.AccessTokenProvider = () => Task.FromResult<string?>(token);
                    o.Transports = HttpTransportType.LongPolling;
                })
                .Build();
            foreach (var name in new[] { "LeadCreated", "LeadUpdated", "LeadMoved", "LeadDeleted" })
                Connection.On<JsonElement>(name, data => Received.Add((name, data)));
        }

        /// <summary>The next message (server order is per-connection FIFO).</summary>
        public (string Name, JsonElement Data) Next()
        {
            Assert.True(Received.TryTake(out var item, TimeSpan.FromSeconds(15)), "no hub message arrived");
            return item;
        }

        public async ValueTask DisposeAsync() => await Connection.DisposeAsync();
    }

    private async Task<Listener> ListenAsync(Session session)
    {
        var listener = new Listener(app, session.AccessToken);
        await listener.Connection.StartAsync();
        return listener;
    }

    [Fact]
    public async Task A_colleague_receives_LeadMoved_and_another_tenant_receives_nothing()
    {
        var owner = await app.RegisterAsync();
        var colleague = await owner.AddMemberAsync("manager");
        var stranger = await app.RegisterAsync();
        var stages = await owner.StagesAsync();
        await using var colleagueHub = await ListenAsync(colleague);
        await using var strangerHub = await ListenAsync(stranger);
        // Both connections are subscribed once each hears a lead of its own workspace.
        Assert.True(await HearsFirstAsync(colleagueHub, () => owner.CreateLeadAsync(new { name = "Warm-up" })), "the colleague never heard");
        Assert.True(await HearsFirstAsync(strangerHub, () => stranger.CreateLeadAsync(new { name = "Stranger warm-up" })), "the stranger never heard");
        while (colleagueHub.Received.TryTake(out _)) { }
        while (strangerHub.Received.TryTake(out _)) { }

        var lead = await owner.CreateLeadAsync(new { name = "Realtime" });
        var id = (string)lead["id"]!;
        var created = colleagueHub.Next();
        Assert.Equal("LeadCreated", created.Name);
        Assert.Equal(id, created.Data.GetProperty("lead_id").GetString());

        await (await owner.Client.PatchAsJsonAsync($"/api/v1/leads/{id}/stage", new { stage_id = stages["Proposta"], position = 0, expected_version = 1 })).ExpectAsync(HttpStatusCode.OK);
        var moved = colleagueHub.Next();
        Assert.Equal("LeadMoved", moved.Name);
        Assert.Equal(id, moved.Data.GetProperty("lead_id").GetString());
        Assert.Equal(stages["Novo"], moved.Data.GetProperty("from_stage_id").GetString());
        Assert.Equal(stages["Proposta"], moved.Data.GetProperty("to_stage_id").GetString());
        Assert.Equal(0, moved.Data.GetProperty("position").GetInt32());
        Assert.Equal(2, moved.Data.GetProperty("version").GetInt32());
        Assert.Equal(owner.UserId.ToString(), moved.Data.GetProperty("moved_by").GetString());

        // The stranger's first message is about its own lead: nothing of the other tenant came before it.
        var own = await stranger.CreateLeadAsync(new { name = "Stranger's" });
        var first = strangerHub.Next();
        Assert.Equal("LeadCreated", first.Name);
        Assert.Equal((string?)own["id"], first.Data.GetProperty("lead_id").GetString());

        await (await owner.Client.DeleteAsync($"/api/v1/leads/{id}")).ExpectAsync(HttpStatusCode.NoContent);
        Assert.Equal("LeadDeleted", colleagueHub.Next().Name);
    }

    [Fact]
    public async Task A_rep_who_sees_only_own_leads_is_told_only_about_them()
    {
        var owner = await app.RegisterAsync();
        var rep = await owner.AddMemberAsync("sales_rep");
        await using var repHub = await ListenAsync(rep);
        // Once the connection hears the rep's own leads (its subscription is in place)…
        Assert.True(await HearsFirstAsync(repHub, () => owner.CreateLeadAsync(new { name = "The rep's first", owner_id = rep.UserId })), "the rep never heard of their own lead");
        while (repHub.Received.TryTake(out _)) { }
        // …another's lead is never told: the next message is about the rep's next lead.
        await owner.CreateLeadAsync(new { name = "Not the rep's" });
        var mine = await owner.CreateLeadAsync(new { name = "The rep's", owner_id = rep.UserId });
        var first = repHub.Next();
        Assert.Equal("LeadCreated", first.Name);
        Assert.Equal((string?)mine["id"], first.Data.GetProperty("lead_id").GetString());

        // Handing it to someone else removes it from the rep's board.
        await (await owner.Client.PostAsJsonAsync($"/api/v1/leads/{mine["id"]}/assign", new { owner_id = owner.UserId })).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("LeadDeleted", repHub.Next().Name);
    }

    [Fact]
    public async Task An_open_connection_follows_a_change_of_the_reps_visibility()
    {
        var owner = await app.RegisterAsync();
        var rep = await owner.AddMemberAsync("sales_rep");
        await using var repHub = await ListenAsync(rep);
        var role = await owner.RoleIdAsync("sales_rep");

        // Widened to every lead: the open connection hears about the owner's leads too (once the change has reached it).
        await (await owner.Client.PatchAsJsonAsync($"/api/v1/roles/{role}", new { visibility = "all" })).ExpectAsync(HttpStatusCode.OK);
        Assert.True(await HearsFirstAsync(repHub, () => owner.CreateLeadAsync(new { name = "Do dono" })), "the rep never heard of the owner's lead");

        // Narrowed back to their own: the owner's leads fall silent again, the rep's own still arrive.
        await (await owner.Client.PatchAsJsonAsync($"/api/v1/roles/{role}", new { visibility = "own" })).ExpectAsync(HttpStatusCode.OK);
        for (var attempt = 0; ; attempt++)
        {
            while (repHub.Received.TryTake(out _)) { }
            var others = (string)(await owner.CreateLeadAsync(new { name = "Só do dono" }))["id"]!;
            var mine = (string)(await owner.CreateLeadAsync(new { name = "Do rep", owner_id = rep.UserId }))["id"]!;
            string? heard;
            do heard = repHub.Next().Data.GetProperty("lead_id").GetString();
            while (heard != mine && heard != others);
            if (heard == mine) break;
            Assert.True(attempt < 20, "the rep kept hearing about leads that are not theirs");
        }
    }

    /// <summary>Sends until the listener hears a LeadCreated for what was sent (a rights change reaches open connections soon, not at once).</summary>
    private static async Task<bool> HearsFirstAsync(Listener listener, Func<Task<System.Text.Json.Nodes.JsonNode>> create)
    {
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var id = (string)(await create())["id"]!;
            while (listener.Received.TryTake(out var item, TimeSpan.FromMilliseconds(500)))
                if (item.Name == "LeadCreated" && item.Data.GetProperty("lead_id").GetString() == id) return true;
        }
        return false;
    }

    [Fact]
    public async Task The_hub_refuses_anonymous_connections()
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(app.Server.BaseAddress, "/hubs/pipeline"), o =>
            {
                o.HttpMessageHandlerFactory = _ => app.Server.CreateHandler();
                o.Transports = HttpTransportType.LongPolling;
            })
            .Build();
        var error = await Assert.ThrowsAsync<HttpRequestException>(() => connection.StartAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
    }
}

public sealed class PipelineHubTestsOnSqlite(SqliteApp app) : PipelineHubTests(app), IClassFixture<SqliteApp>;

public sealed class PipelineHubTestsOnPostgres(PostgresApp app) : PipelineHubTests(app), IClassFixture<PostgresApp>;
