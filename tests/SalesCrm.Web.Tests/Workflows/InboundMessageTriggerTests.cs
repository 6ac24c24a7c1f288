using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SalesCrm.Core.Data;
using SalesCrm.Core.Events;
using SalesCrm.Core.Messaging;
using SalesCrm.Core.Workflows.Triggers;
using SalesCrm.Web.Tests.Infrastructure;
using SalesCrm.Web.Tests.Leads;

namespace SalesCrm.Web.Tests.Workflows;

/// <summary>The inbound_message trigger on committed <c>whatsapp.received</c> events.</summary>
public sealed class InboundMessageTriggerTests(WorkflowIntegrationSqliteApp app) : IClassFixture<WorkflowIntegrationSqliteApp>
{
    private static readonly object Keywords = WorkflowGraphs.TriggerThenTag(new { kind = "inbound_message", keywords = new[] { "orçamento", "energia solar" } });

    [Theory]
    [InlineData("Quero um ORCAMENTO, por favor", "orçamento")]
    [InlineData("orçamento!", "orçamento")]
    [InlineData("vocês instalam Energia   Solar?", "energia solar")]
    [InlineData("ENERGIA-SOLÁR em casa", "energia solar")]
    [InlineData("orçamentos e preços", null)]
    [InlineData("energia e solar", null)]
    [InlineData("", null)]
    public void Keywords_match_whole_words_without_regard_to_case_or_accents(string message, string? expected) =>
        Assert.Equal(expected, InboundKeywords.FirstMatch(message, ["orçamento", "energia solar"]));

    private async Task<(Session Owner, Guid LeadId, Guid WorkflowId)> SetUpAsync(object graph)
    {
        var owner = await app.RegisterAsync();
        var workflowId = Guid.Parse(await owner.PublishAsync(graph));
        var lead = await owner.CreateLeadAsync(new { name = "Carla", phone = LeadApi.Phone(Random.Shared.Next(1, 9_000_000)) });
        return (owner, Guid.Parse((string)lead["id"]!), workflowId);
    }

    /// <summary>Stores a message on the lead (<paramref name="ago"/> before now) and, for an inbound one, hands its event to the trigger.</summary>
    private static Task<Guid> MessageAsync(Session owner, Guid leadId, string text, MessageDirection direction = MessageDirection.Inbound, TimeSpan? ago = null, bool byMember = false) =>
        owner.AsMemberAsync(async sp =>
        {
            var db = sp.GetRequiredService<CrmDbContext>();
            var at = DateTime.UtcNow - (ago ?? TimeSpan.Zero);
            var message = new Message
            {
                TenantId = owner.TenantId, LeadId = leadId, Direction = direction, Type = MessageType.Text, Text = text, CreatedAt = at, StoredAt = at,
                Status = direction == MessageDirection.Inbound ? MessageStatus.Received : MessageStatus.Sent, AuthorId = byMember ? owner.UserId : null,
            };
            db.Messages.Add(message);
            await db.SaveChangesAsync();
            if (direction == MessageDirection.Inbound && ago is null)
            {
                var e = new CrmEvent
                {
                    TenantId = owner.TenantId, Type = EventTypes.WhatsAppReceived, LeadId = leadId, OccurredAt = at,
                    Payload = JsonSerializer.Serialize(new { lead_id = leadId, message_id = message.Id, type = "text", text }),
                };
                await sp.GetServices<IEventSubscriber>().OfType<InboundMessageTrigger>().Single().HandleAsync(db, e, CancellationToken.None);
            }
            return message.Id;
        });

    [Fact]
    public async Task A_message_with_a_keyword_starts_the_workflow_with_the_message_as_input()
    {
        var (owner, leadId, workflowId) = await SetUpAsync(Keywords);
        await MessageAsync(owner, leadId, "oi", ago: TimeSpan.FromHours(1));

        var messageId = await MessageAsync(owner, leadId, "Queria um orcamento de Energia Solar");

        var request = Assert.Single(app.Starter.For(workflowId));
        Assert.Equal(("inbound_message", leadId, "whatsapp.received"), (request.TriggerKind, request.LeadId!.Value, request.EventType));
        Assert.Equal(("orçamento", messageId.ToString(), false), ((string)request.Input!["keyword"]!, (string)request.Input["message_id"]!, (bool)request.Input["first_message"]!));
    }

    [Fact]
    public async Task A_message_without_a_keyword_in_an_ongoing_conversation_starts_nothing()
    {
        var (owner, leadId, workflowId) = await SetUpAsync(Keywords);
        await MessageAsync(owner, leadId, "oi", ago: TimeSpan.FromHours(1));

        await MessageAsync(owner, leadId, "obrigado, até amanhã");

        Assert.Empty(app.Starter.For(workflowId));
    }

    [Fact]
    public async Task The_first_message_of_a_new_conversation_starts_the_workflow_without_a_keyword()
    {
        var (owner, leadId, workflowId) = await SetUpAsync(Keywords);
        await MessageAsync(owner, leadId, "conversa antiga", ago: TimeSpan.FromDays(3));

        await MessageAsync(owner, leadId, "bom dia");

        var request = Assert.Single(app.Starter.For(workflowId));
        Assert.True((bool)request.Input!["first_message"]!);
        Assert.Null(request.Input["keyword"]);
    }

    [Fact]
    public async Task Nothing_starts_while_a_member_is_talking_with_the_lead()
    {
        var (owner, leadId, workflowId) = await SetUpAsync(Keywords);
        await MessageAsync(owner, leadId, "Olá Carla, aqui é a Ana da Solar SA", MessageDirection.Outbound, TimeSpan.FromMinutes(10), byMember: true);

        await MessageAsync(owner, leadId, "quero um orçamento");

        Assert.Empty(app.Starter.For(workflowId));
    }

    [Fact]
    public async Task Nothing_starts_while_the_conversation_is_handed_off_to_a_person_and_the_bot_starts_again_once_released()
    {
        var (owner, leadId, workflowId) = await SetUpAsync(Keywords);
        await owner.AsMemberAsync(async sp =>
        {
            var db = sp.GetRequiredService<CrmDbContext>();
            db.ConversationHandoffs.Add(new ConversationHandoff { TenantId = owner.TenantId, LeadId = leadId, Reason = "atendente", HandedOffAt = DateTime.UtcNow.AddDays(-2) });
            await db.SaveChangesAsync();
            return 0;
        });

        await MessageAsync(owner, leadId, "quero um orçamento");
        Assert.Empty(app.Starter.For(workflowId));

        await (await owner.Client.PostAsync($"/api/v1/leads/{leadId}/messages/handoff/release", null)).ExpectAsync(System.Net.HttpStatusCode.OK);
        await MessageAsync(owner, leadId, "ainda quero um orçamento");
        Assert.Single(app.Starter.For(workflowId));
    }

    [Fact]
    public async Task First_message_only_ignores_keywords_later_in_the_conversation()
    {
        var (owner, leadId, workflowId) = await SetUpAsync(WorkflowGraphs.TriggerThenTag(new { kind = "inbound_message", keywords = new[] { "orçamento" }, first_message_only = true }));
        await MessageAsync(owner, leadId, "oi", ago: TimeSpan.FromHours(2));

        await MessageAsync(owner, leadId, "quero um orçamento");

        Assert.Empty(app.Starter.For(workflowId));
    }
}
