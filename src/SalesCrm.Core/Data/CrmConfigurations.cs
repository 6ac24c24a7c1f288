using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SalesCrm.Core.Activities;
using SalesCrm.Core.Events;
using SalesCrm.Core.Interactions;
using SalesCrm.Core.Leads;
using SalesCrm.Core.Pipelines;
using SalesCrm.Core.Tenancy;
using SalesCrm.Core.Webhooks;
using SalesCrm.Core.Inbox;
using SalesCrm.Core.Integrations;
using SalesCrm.Core.Messaging;

namespace SalesCrm.Core.Data;

internal sealed class PipelineConfiguration : IEntityTypeConfiguration<Pipeline>
{
    public void Configure(EntityTypeBuilder<Pipeline> b)
    {
        b.ToTable("pipelines");
        b.Property(p => p.Name).HasMaxLength(100);
        b.HasMany(p => p.Stages).WithOne().HasForeignKey(s => s.PipelineId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Tenant>().WithMany().HasForeignKey(p => p.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class StageConfiguration : IEntityTypeConfiguration<Stage>
{
    public void Configure(EntityTypeBuilder<Stage> b)
    {
        b.ToTable("stages");
        b.Property(s => s.Name).HasMaxLength(60);
        b.Property(s => s.Color).HasMaxLength(9);
        b.Property(s => s.Kind).HasConversion<SnakeEnumConverter<StageKind>>().HasMaxLength(10);
        b.HasIndex(s => new { s.PipelineId, s.Order });
    }
}

internal sealed class LeadConfiguration : IEntityTypeConfiguration<Lead>
{
    public void Configure(EntityTypeBuilder<Lead> b)
    {
        b.ToTable("leads");
        b.Property(l => l.Name).HasMaxLength(200);
        b.Property(l => l.Email).HasMaxLength(254);
        b.Property(l => l.EmailNormalized).HasMaxLength(254);
        b.Property(l => l.Phone).HasMaxLength(20);
        b.Property(l => l.PhoneRaw).HasMaxLength(Lead.PhoneRawMaxLength);
        b.Property(l => l.WhatsappId).HasMaxLength(20);
        b.Property(l => l.Company).HasMaxLength(200);
        b.Property(l => l.SearchText).HasMaxLength(700).HasDefaultValue("");
        b.Property(l => l.Source).HasConversion<SnakeEnumConverter<LeadSource>>().HasMaxLength(20);
        b.Property(l => l.Priority).HasConversion<SnakeEnumConverter<LeadPriority>>().HasMaxLength(10);
        b.Property(l => l.Status).HasConversion<SnakeEnumConverter<LeadStatus>>().HasMaxLength(10);
        b.Property(l => l.Currency).HasMaxLength(3);
        b.Property(l => l.LostReason).HasMaxLength(500);
        foreach (var utm in new[] { nameof(Lead.UtmSource), nameof(Lead.UtmMedium), nameof(Lead.UtmCampaign), nameof(Lead.UtmTerm), nameof(Lead.UtmContent) })
            b.Property(utm).HasMaxLength(200);
        b.Property(l => l.Version).IsConcurrencyToken();
        b.HasQueryFilter(CrmDbContext.QueryFilters.SoftDelete, l => l.DeletedAt == null);
        b.HasOne<Stage>().WithMany().HasForeignKey(l => l.StageId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Pipeline>().WithMany().HasForeignKey(l => l.PipelineId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(l => new { l.TenantId, l.StageId, l.Position });
        b.HasIndex(l => new { l.TenantId, l.CreatedAt });
        b.HasIndex(l => new { l.TenantId, l.UpdatedAt });
        b.HasIndex(l => new { l.TenantId, l.Phone });
        b.HasIndex(l => new { l.TenantId, l.EmailNormalized });
        // Visibility own (a rep's leads) in the list's default order; its prefix serves owner filters as before.
        b.HasIndex(l => new { l.TenantId, l.OwnerId, l.CreatedAt });
        // Status first serves everyone's status filters; the owner after it, a rep's (visibility own) without a second index.
        b.HasIndex(l => new { l.TenantId, l.Status, l.OwnerId });
        // Analytics (ADR 032), live leads only and covering what the reports read: the pipeline now (count and value per
        // stage), and open deals by expected close date (forecast, overdue, not contacted). DeletedAt (always null here) is
        // a column too, or SQLite, which does not infer it from the filter, reads every lead's row for the query's
        // "DeletedAt IS NULL" (ADR 044).
        b.HasIndex(l => new { l.TenantId, l.PipelineId, l.StageId, l.Currency, l.ValueCents, l.DeletedAt }).HasDatabaseName("IX_leads_analytics_stages")
            .HasFilter("\"DeletedAt\" IS NULL");
        b.HasIndex(l => new { l.TenantId, l.Status, l.ExpectedCloseDate, l.StageId, l.Currency, l.ValueCents, l.OwnerId, l.PipelineId, l.DeletedAt })
            .HasDatabaseName("IX_leads_analytics_close_dates").HasFilter("\"DeletedAt\" IS NULL");
        // The lead cohort of a period (leads, marketing, custom reports; ADR 044): created in the period, covering the
        // dimensions that are not free text and every figure the cube sums, so a period is read from the index alone.
        b.HasIndex(l => new { l.TenantId, l.CreatedAt, l.Source, l.Status, l.Currency, l.ValueCents, l.StageId, l.OwnerId, l.PipelineId, l.Priority, l.DeletedAt })
            .HasDatabaseName("IX_leads_analytics_cohort").HasFilter("\"DeletedAt\" IS NULL");
        // The few deleted leads (ADR 053): the communication report excludes their messages' writers without reading every lead.
        b.HasIndex(l => new { l.TenantId, l.DeletedAt }).HasDatabaseName("IX_leads_deleted").HasFilter("\"DeletedAt\" IS NOT NULL");
        // The live leads' ids alone (ADR 053): a drill-down counts the leads behind a figure by probing the figure's rows per
        // lead (EXISTS) while reading this small index, instead of every lead's row.
        b.HasIndex(l => new { l.TenantId, l.Id, l.DeletedAt }).HasDatabaseName("IX_leads_live").HasFilter("\"DeletedAt\" IS NULL");
    }
}

internal sealed class InteractionConfiguration : IEntityTypeConfiguration<Interaction>
{
    public void Configure(EntityTypeBuilder<Interaction> b)
    {
        b.ToTable("interactions");
        b.Property(i => i.Type).HasConversion<SnakeEnumConverter<InteractionType>>().HasMaxLength(20);
        b.Property(i => i.AuthorName).HasMaxLength(200);
        b.Property(i => i.Outcome).HasMaxLength(200);
        b.HasOne<Lead>().WithMany().HasForeignKey(i => i.LeadId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(i => i.Attachments).WithOne().HasForeignKey(a => a.InteractionId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(i => new { i.TenantId, i.LeadId, i.OccurredAt });
        b.Property(i => i.WorkflowStepKey).HasMaxLength(200);
        b.HasIndex(i => new { i.TenantId, i.WorkflowStepKey }).IsUnique();
    }
}

internal sealed class AttachmentConfiguration : IEntityTypeConfiguration<Attachment>
{
    public void Configure(EntityTypeBuilder<Attachment> b)
    {
        b.ToTable("attachments");
        b.Property(a => a.FileName).HasMaxLength(255);
        b.Property(a => a.ContentType).HasMaxLength(100);
        b.Property(a => a.StorageKey).HasMaxLength(300);
    }
}

internal sealed class ActivityConfiguration : IEntityTypeConfiguration<Activity>
{
    public void Configure(EntityTypeBuilder<Activity> b)
    {
        b.ToTable("activities");
        b.Property(a => a.Type).HasConversion<SnakeEnumConverter<ActivityType>>().HasMaxLength(20);
        b.Property(a => a.Title).HasMaxLength(200);
        b.HasOne<Lead>().WithMany().HasForeignKey(a => a.LeadId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(a => new { a.TenantId, a.AssigneeId, a.Done, a.DueAt });
        b.HasIndex(a => new { a.TenantId, a.LeadId });
        b.Property(a => a.WorkflowStepKey).HasMaxLength(200);
        b.HasIndex(a => new { a.TenantId, a.WorkflowStepKey }).IsUnique();
    }
}

internal sealed class CrmEventConfiguration : IEntityTypeConfiguration<CrmEvent>
{
    public void Configure(EntityTypeBuilder<CrmEvent> b)
    {
        b.ToTable("events");
        b.Property(e => e.Type).HasMaxLength(60);
        b.Property(e => e.ActorType).HasConversion<string>().HasMaxLength(20);
        b.Property(e => e.ActorName).HasMaxLength(200);
        b.Property(e => e.CorrelationId).HasMaxLength(100);
        b.HasIndex(e => new { e.TenantId, e.OccurredAt });
        b.HasIndex(e => e.DispatchedAt);
    }
}

internal sealed class WebhookSubscriptionConfiguration : IEntityTypeConfiguration<WebhookSubscription>
{
    public void Configure(EntityTypeBuilder<WebhookSubscription> b)
    {
        b.ToTable("webhook_subscriptions");
        b.Property(w => w.Url).HasMaxLength(2000);
        b.Property(w => w.SecretProtected).HasMaxLength(1000);
        b.Property(w => w.Description).HasMaxLength(200);
        b.Property(w => w.DeactivatedReason).HasMaxLength(500);
        b.HasOne<Tenant>().WithMany().HasForeignKey(w => w.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> b)
    {
        b.ToTable("webhook_deliveries");
        b.Property(d => d.MessageId).HasMaxLength(60);
        b.Property(d => d.EventType).HasMaxLength(60);
        b.Property(d => d.Status).HasConversion<SnakeEnumConverter<DeliveryStatus>>().HasMaxLength(12);
        b.Property(d => d.LastResponseExcerpt).HasMaxLength(1000);
        b.Property(d => d.LastError).HasMaxLength(1000);
        b.HasOne<WebhookSubscription>().WithMany().HasForeignKey(d => d.SubscriptionId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(d => new { d.Status, d.NextAttemptAt });
        b.HasIndex(d => new { d.SubscriptionId, d.CreatedAt });
        b.Property(d => d.ClaimedBy).HasMaxLength(200);
        // One delivery per subscription and event (ADR 047); manual redeliveries and tests are extra rows outside the key.
        b.HasIndex(d => new { d.SubscriptionId, d.EventId }).IsUnique().HasFilter("\"EventId\" IS NOT NULL AND \"IsRedelivery\" = FALSE")
            .HasDatabaseName("IX_webhook_deliveries_SubscriptionId_EventId_once");
    }
}

internal sealed class IntegrationConfiguration : IEntityTypeConfiguration<Integration>
{
    public void Configure(EntityTypeBuilder<Integration> b)
    {
        b.ToTable("integrations");
        b.Property(i => i.Kind).HasConversion<SnakeEnumConverter<IntegrationKind>>().HasMaxLength(20);
        b.Property(i => i.ExternalId).HasMaxLength(100);
        b.Property(i => i.SecretProtected).HasMaxLength(2000);
        b.Property(i => i.Display).HasMaxLength(100);
        b.HasIndex(i => new { i.Kind, i.ExternalId }).IsUnique();
        b.HasOne<Tenant>().WithMany().HasForeignKey(i => i.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class InboxItemConfiguration : IEntityTypeConfiguration<InboxItem>
{
    public void Configure(EntityTypeBuilder<InboxItem> b)
    {
        b.ToTable("webhook_inbox");
        b.Property(i => i.Provider).HasConversion<SnakeEnumConverter<InboxProvider>>().HasMaxLength(20);
        b.Property(i => i.Status).HasConversion<SnakeEnumConverter<InboxStatus>>().HasMaxLength(12);
        b.Property(i => i.LastError).HasMaxLength(2000);
        b.Property(i => i.Tenants).HasMaxLength(2000);
        b.Property(i => i.Warnings).HasMaxLength(InboxItem.MaxWarningsLength);
        b.HasIndex(i => new { i.Status, i.NextAttemptAt });
        b.Property(i => i.ClaimedBy).HasMaxLength(200);
    }
}

internal sealed class SubscriberRetryConfiguration : IEntityTypeConfiguration<SubscriberRetry>
{
    public void Configure(EntityTypeBuilder<SubscriberRetry> b)
    {
        b.ToTable("event_subscriber_retries");
        b.Property(r => r.Subscriber).HasMaxLength(200);
        b.Property(r => r.LastError).HasMaxLength(2000);
        b.HasIndex(r => new { r.EventId, r.Subscriber }).IsUnique();
        b.HasIndex(r => new { r.Failed, r.NextAttemptAt });
    }
}

internal sealed class ProcessedKeyConfiguration : IEntityTypeConfiguration<ProcessedKey>
{
    public void Configure(EntityTypeBuilder<ProcessedKey> b)
    {
        b.ToTable("processed_keys");
        b.HasKey(k => new { k.TenantId, k.Key });
        b.Property(k => k.Key).HasMaxLength(200);
    }
}

internal sealed class MessageConfiguration : IEntityTypeConfiguration<Message>
{
    public void Configure(EntityTypeBuilder<Message> b)
    {
        b.ToTable("messages");
        b.Property(m => m.Direction).HasConversion<SnakeEnumConverter<MessageDirection>>().HasMaxLength(10);
        b.Property(m => m.Type).HasConversion<SnakeEnumConverter<MessageType>>().HasMaxLength(20);
        b.Property(m => m.Status).HasConversion<SnakeEnumConverter<MessageStatus>>().HasMaxLength(10);
        b.Property(m => m.MediaId).HasMaxLength(100);
        b.Property(m => m.MediaMimeType).HasMaxLength(100);
        b.Property(m => m.FileName).HasMaxLength(255);
        b.Property(m => m.ProviderMessageId).HasMaxLength(200);
        b.Property(m => m.Error).HasMaxLength(1000);
        b.Property(m => m.Reaction).HasMaxLength(32);
        b.Property(m => m.Sentiment).HasConversion<SnakeEnumConverter<Copilot.MessageSentiment>>().HasMaxLength(10);
        b.Property(m => m.Urgency).HasConversion<SnakeEnumConverter<Copilot.MessageUrgency>>().HasMaxLength(10);
        b.Property(m => m.Intent).HasConversion<SnakeEnumConverter<Copilot.MessageIntent>>().HasMaxLength(20);
        b.Property(m => m.TriageProvider).HasMaxLength(20);
        b.Property(m => m.Transcript).HasMaxLength(Copilot.SpeechToTextService.MaxTranscriptLength);
        b.Property(m => m.ClientKey).HasMaxLength(200);
        b.Property(m => m.Interactive).HasMaxLength(8000);
        b.HasIndex(m => new { m.TenantId, m.ClientKey }).IsUnique();
        b.HasOne<Leads.Lead>().WithMany().HasForeignKey(m => m.LeadId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(m => new { m.TenantId, m.LeadId, m.CreatedAt });
        b.HasIndex(m => new { m.TenantId, m.ProviderMessageId }).IsUnique();
        // Analytics (ADR 032): traffic by direction and hour in a period, read from the index alone; template sends apart. The
        // lead last (ADR 054): the busiest hours count each cell's distinct writers and a cell's drill-down lists them, which read
        // every message's row for its lead without it.
        b.HasIndex(m => new { m.TenantId, m.Direction, m.CreatedAt, m.LeadId });
        // Direction second (ADR 044): with it last, SQLite preferred the direction index for the report's template sends and
        // read every outbound message's row to find the few with a template.
        b.HasIndex(m => new { m.TenantId, m.Direction, m.CreatedAt, m.TemplateId, m.LeadId, m.Status }).HasDatabaseName("IX_messages_template_sends")
            .HasFilter("\"TemplateId\" IS NOT NULL");
        // Traffic per direction and lead (ADR 053): the communication report counts each direction's messages and distinct leads
        // reading (direction, lead) in index order, without sorting; the heatmap counts its cells' distinct writers from it.
        b.HasIndex(m => new { m.TenantId, m.Direction, m.LeadId, m.CreatedAt }).HasDatabaseName("IX_messages_traffic");
        // Unread inbound messages only: the menu's unread count reads this small index, not the whole history.
        b.HasIndex(m => new { m.TenantId, m.LeadId }).HasDatabaseName("IX_messages_unread").HasFilter("\"ReadAt\" IS NULL AND \"Direction\" = 'inbound'");
    }
}

internal sealed class EarlyMessageStatusConfiguration : IEntityTypeConfiguration<EarlyMessageStatus>
{
    public void Configure(EntityTypeBuilder<EarlyMessageStatus> b)
    {
        b.ToTable("early_message_statuses");
        b.Property(s => s.ProviderMessageId).HasMaxLength(200);
        b.Property(s => s.Status).HasConversion<SnakeEnumConverter<MessageStatus>>().HasMaxLength(10);
        b.Property(s => s.Error).HasMaxLength(1000);
        b.HasIndex(s => new { s.TenantId, s.ProviderMessageId });
        b.HasIndex(s => s.ReceivedAt);
    }
}

internal sealed class MessageTemplateConfiguration : IEntityTypeConfiguration<MessageTemplate>
{
    public void Configure(EntityTypeBuilder<MessageTemplate> b)
    {
        b.ToTable("message_templates");
        b.Property(t => t.Name).HasMaxLength(512);
        b.Property(t => t.Language).HasMaxLength(10);
        b.Property(t => t.Body).HasMaxLength(1024);
        b.Property(t => t.Category).HasConversion<SnakeEnumConverter<TemplateCategory>>().HasMaxLength(20);
        b.Property(t => t.Status).HasConversion<SnakeEnumConverter<TemplateStatus>>().HasMaxLength(10);
        b.HasIndex(t => new { t.TenantId, t.Name, t.Language }).IsUnique();
        b.HasOne<Tenant>().WithMany().HasForeignKey(t => t.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}
