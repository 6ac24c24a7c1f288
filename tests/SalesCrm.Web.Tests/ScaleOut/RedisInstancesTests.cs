using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SalesCrm.Core.Events;
using SalesCrm.Core.Messaging;
using SalesCrm.Web.Features.Inbox;
using SalesCrm.Web.Infrastructure.Scale;
using StackExchange.Redis;
using SalesCrm.Web.Tests.Infrastructure;
using SalesCrm.Web.Tests.Leads;
using SalesCrm.Web.Tests.Messaging;

namespace SalesCrm.Web.Tests.ScaleOut;

/// <summary>Two instances on one PostgreSQL and one Redis: what happens on one is heard live on the other (ADR 046).</summary>
public sealed class RedisInstancesTests(RedisInstances pair) : IClassFixture<RedisInstances>
{
    [Fact]
    public async Task A_hub_client_on_the_second_instance_gets_LeadMoved_once_for_a_move_made_through_the_first()
    {
        var owner = await pair.First.RegisterAsync();
        var stages = await owner.StagesAsync();
        await using var hub = await HubListener.ConnectAsync(pair.Second, owner.AccessToken);
        Assert.True(await hub.HearsFirstAsync(() => owner.CreateLeadAsync(new { name = "Warm-up" })), "the second instance's client never heard the first's lead");
        var lead = await owner.CreateLeadAsync(new { name = "Moved across" });
        var id = (string)lead["id"]!;
        Assert.Equal(id, hub.Next("LeadCreated").Data.GetProperty("lead_id").GetString());
        while (hub.Received.TryTake(out _)) { }

        await (await owner.Client.PatchAsJsonAsync($"/api/v1/leads/{id}/stage", new { stage_id = stages["Proposta"], position = 0, expected_version = 1 })).ExpectAsync(HttpStatusCode.OK);

        var moved = hub.Next("LeadMoved");
        Assert.Equal(id, moved.Data.GetProperty("lead_id").GetString());
        Assert.Equal(stages["Proposta"], moved.Data.GetProperty("to_stage_id").GetString());
        // Sent once: the backplane carries the first instance's broadcast, the second does not broadcast it again.
        var marker = await owner.CreateLeadAsync(new { name = "Marker" });
        var next = hub.Received.TryTake(out var after, TimeSpan.FromSeconds(15)) ? after : default;
        Assert.Equal(("LeadCreated", (string?)marker["id"]), (next.Name, next.Name is null ? null : next.Data.GetProperty("lead_id").GetString()));
    }

    [Fact]
    public async Task Open_pages_and_signal_watchers_on_an_instance_whose_Redis_connection_dropped_reload_when_it_is_back()
    {
        var owner = await pair.First.RegisterAsync();
        var bus = pair.Second.Services.GetRequiredService<ICrmEventBus>();
        var board = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var badge = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        // What a board page watches; while the connection was down, moves made through the first instance were not heard.
        using var page = bus.Watch(e => e.TenantId == owner.TenantId && e.Type == EventTypes.LeadStageChanged, () => board.TrySetResult());
        using var reads = pair.Second.Services.GetRequiredService<ConversationActivity>().Watch(owner.TenantId, () => badge.TrySetResult());

        var redis = pair.Second.Services.GetRequiredService<RedisConnection>().Multiplexer;
        await using (var admin = await ConnectionMultiplexer.ConnectAsync(TestRedis.ConnectionString + ",allowAdmin=true"))
        {
            var server = admin.GetServer(admin.GetEndPoints()[0]);
            var subscription = (await server.ClientListAsync()).Single(c => c.Name == redis.ClientName && c.ClientType == ClientType.PubSub);
            await server.ClientKillAsync(subscription.Id);
        }

        await board.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await badge.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(redis.IsConnected);
    }

    [Fact]
    public async Task The_second_instances_unread_badge_refreshes_for_a_WhatsApp_message_received_by_the_first_and_for_a_read()
    {
        var owner = await pair.First.RegisterAsync();
        var phoneNumberId = await WhatsAppWebhook.ConnectAsync(owner);
        var onSecond = new Session(pair.Second, owner.Email, owner.UserId, owner.TenantId, owner.AccessToken, owner.RefreshToken);
        // What UnreadBadge on a page of the second instance watches: whatsapp.received events and conversation reads.
        var bus = pair.Second.Services.GetRequiredService<ICrmEventBus>();
        var reads = pair.Second.Services.GetRequiredService<ConversationActivity>();
        var received = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var read = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var messages = bus.Watch(e => e.TenantId == owner.TenantId && e.Type == EventTypes.WhatsAppReceived, () => received.TrySetResult());
        using var readWatch = reads.Watch(owner.TenantId, () => read.TrySetResult());
        Assert.Equal(0, await onSecond.AsMemberAsync(sp => sp.GetRequiredService<ConversationService>().UnreadCountAsync()));

        var from = $"55119{Random.Shared.Next(60000000, 99999999)}";
        await PostWhatsAppAsync(pair.First, WhatsAppWebhook.Payload(phoneNumberId, new JsonArray(WhatsAppWebhook.Text($"wamid.{Guid.NewGuid():N}", from, "Oi")), contacts: WhatsAppWebhook.Contact(from, "Cliente")));

        await received.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(1, await onSecond.AsMemberAsync(sp => sp.GetRequiredService<ConversationService>().UnreadCountAsync()));

        var leads = await Eventually.GetAsync(owner, $"/api/v1/leads?phone=eq.%2B{from}", b => (int)b["total"]! == 1);
        await (await owner.Client.PostAsync($"/api/v1/leads/{leads["items"]![0]!["id"]}/messages/read", null)).ExpectAsync(HttpStatusCode.OK);
        await read.Task.WaitAsync(TimeSpan.FromSeconds(15));
        Assert.Equal(0, await onSecond.AsMemberAsync(sp => sp.GetRequiredService<ConversationService>().UnreadCountAsync()));
    }

    [Fact]
    public async Task Ready_on_either_instance_reports_Redis_healthy()
    {
        foreach (var instance in new[] { pair.First, pair.Second })
        {
            var ready = await (await instance.CreateClient().GetAsync("/health/ready")).ExpectAsync(HttpStatusCode.OK);
            Assert.Equal("healthy", (string?)ready["components"]!["redis"]!["status"]);
        }
    }

    private static async Task PostWhatsAppAsync(CrmAppFactory app, string body)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(body);
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/webhooks/whatsapp") { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.Add("X-Hub-Signature-256", MetaSignature.Sign(InboundAppBase.WhatsAppSecret, bytes));
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().SendAsync(request)).StatusCode);
    }
}
