using System.Reflection;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using SalesCrm.Core.Audit;
using SalesCrm.Core.Common;
using SalesCrm.Core.Identity;
using SalesCrm.Core.Tenancy;

namespace SalesCrm.Core.Data;

/// <summary>
/// The one EF Core context. Every <see cref="ITenantOwned"/> entity is filtered to the current tenant;
/// the save interceptor stamps the tenant on inserts and writes audit rows.
/// </summary>
public class CrmDbContext(DbContextOptions<CrmDbContext> options, ICurrentUser currentUser, TimeProvider time)
    : IdentityUserContext<AppUser, Guid>(options), IDataProtectionKeyContext
{
    internal ICurrentUser CurrentUser { get; } = currentUser;
    internal TimeProvider Time { get; } = time;

    /// <summary>Read by the query filters on every query, so one context never crosses tenants.</summary>
    private Guid? CurrentTenantId => CurrentUser.TenantId;

    public DbSet<Tenant> Tenants => Set<Tenant>();
    public DbSet<Membership> Memberships => Set<Membership>();
    public DbSet<Role> Roles => Set<Role>();
    public DbSet<RefreshToken> RefreshTokens => Set<RefreshToken>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<AuditLog> AuditLogs => Set<AuditLog>();
    public DbSet<Pipelines.Pipeline> Pipelines => Set<Pipelines.Pipeline>();
    public DbSet<Pipelines.Stage> Stages => Set<Pipelines.Stage>();
    public DbSet<Leads.Lead> Leads => Set<Leads.Lead>();
    public DbSet<Interactions.Interaction> Interactions => Set<Interactions.Interaction>();
    public DbSet<Interactions.Attachment> Attachments => Set<Interactions.Attachment>();
    public DbSet<Activities.Activity> Activities => Set<Activities.Activity>();
    public DbSet<Events.CrmEvent> Events => Set<Events.CrmEvent>();
    public DbSet<Events.SubscriberRetry> SubscriberRetries => Set<Events.SubscriberRetry>();
    public DbSet<Webhooks.WebhookSubscription> WebhookSubscriptions => Set<Webhooks.WebhookSubscription>();
    public DbSet<Webhooks.WebhookDelivery> WebhookDeliveries => Set<Webhooks.WebhookDelivery>();
    public DbSet<Integrations.Integration> Integrations => Set<Integrations.Integration>();
    public DbSet<Inbox.InboxItem> Inbox => Set<Inbox.InboxItem>();
    public DbSet<Inbox.ProcessedKey> ProcessedKeys => Set<Inbox.ProcessedKey>();
    public DbSet<IdempotentRequest> IdempotentRequests => Set<IdempotentRequest>();
    public DbSet<Messaging.Message> Messages => Set<Messaging.Message>();
    public DbSet<Messaging.MessageTemplate> MessageTemplates => Set<Messaging.MessageTemplate>();
    public DbSet<Messaging.EarlyMessageStatus> EarlyMessageStatuses => Set<Messaging.EarlyMessageStatus>();
    public DbSet<Messaging.ConversationHandoff> ConversationHandoffs => Set<Messaging.ConversationHandoff>();
    public DbSet<Knowledge.KnowledgeDocument> KnowledgeDocuments => Set<Knowledge.KnowledgeDocument>();
    public DbSet<Knowledge.KnowledgeDocumentVersion> KnowledgeDocumentVersions => Set<Knowledge.KnowledgeDocumentVersion>();
    public DbSet<Knowledge.KnowledgeChunk> KnowledgeChunks => Set<Knowledge.KnowledgeChunk>();
    public DbSet<Knowledge.KnowledgeChunkFeedback> KnowledgeChunkFeedback => Set<Knowledge.KnowledgeChunkFeedback>();
    public DbSet<Knowledge.KnowledgeChunkEmbedding> KnowledgeChunkEmbeddings => Set<Knowledge.KnowledgeChunkEmbedding>();
    /// <summary>Per-workspace term statistics, kept by triggers (ADR 025); read by the search indexes, never written by the app.</summary>
    public DbSet<Knowledge.KnowledgeTerm> KnowledgeTerms => Set<Knowledge.KnowledgeTerm>();
    public DbSet<Copilot.CopilotSession> CopilotSessions => Set<Copilot.CopilotSession>();
    public DbSet<Copilot.CopilotSuggestion> CopilotSuggestions => Set<Copilot.CopilotSuggestion>();
    public DbSet<Copilot.StaticSuggestion> StaticSuggestions => Set<Copilot.StaticSuggestion>();
    public DbSet<Copilot.CopilotCacheEntry> CopilotCache => Set<Copilot.CopilotCacheEntry>();
    public DbSet<Analytics.LeadStageHistory> LeadStageHistory => Set<Analytics.LeadStageHistory>();
    public DbSet<Analytics.LeadResponse> LeadResponses => Set<Analytics.LeadResponse>();
    public DbSet<Analytics.LeadFunnel> LeadFunnels => Set<Analytics.LeadFunnel>();
    public DbSet<Analytics.MarketingSpend> MarketingSpend => Set<Analytics.MarketingSpend>();
    public DbSet<Gamification.PointRule> PointRules => Set<Gamification.PointRule>();
    public DbSet<Gamification.PointAward> PointAwards => Set<Gamification.PointAward>();
    public DbSet<Gamification.Mission> Missions => Set<Gamification.Mission>();
    public DbSet<Gamification.MissionCompletion> MissionCompletions => Set<Gamification.MissionCompletion>();
    public DbSet<Gamification.CheckIn> CheckIns => Set<Gamification.CheckIn>();
    public DbSet<Gamification.Quiz> Quizzes => Set<Gamification.Quiz>();
    public DbSet<Gamification.QuizAttempt> QuizAttempts => Set<Gamification.QuizAttempt>();
    public DbSet<Insights.Insight> Insights => Set<Insights.Insight>();
    public DbSet<Workflows.Workflow> Workflows => Set<Workflows.Workflow>();
    public DbSet<Workflows.WorkflowVersion> WorkflowVersions => Set<Workflows.WorkflowVersion>();
    public DbSet<Workflows.Runs.WorkflowRun> WorkflowRuns => Set<Workflows.Runs.WorkflowRun>();
    public DbSet<Workflows.Runs.WorkflowRunStep> WorkflowRunSteps => Set<Workflows.Runs.WorkflowRunStep>();
    public DbSet<Workflows.Runs.WorkflowQueueItem> WorkflowQueue => Set<Workflows.Runs.WorkflowQueueItem>();
    /// <summary>The Data Protection key ring, shared by every app instance (ADR 043).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<InstallationSecret> InstallationSecrets => Set<InstallationSecret>();
    /// <summary>File bytes when <c>Storage:Provider=Database</c> (ADR 048).</summary>
    public DbSet<Storage.StoredFile> StoredFiles => Set<Storage.StoredFile>();

    /// <summary>
    /// Adds the tenant/audit interceptor unless the shared options already carry it (<see cref="WithCrmInterceptors"/>):
    /// changing options per context would make EF rebuild them for every context.
    /// </summary>
    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
    {
        if (optionsBuilder.Options.FindExtension<CoreOptionsExtension>()?.Interceptors?.Contains(TenantAuditInterceptor.Instance) != true)
            optionsBuilder.AddInterceptors(TenantAuditInterceptor.Instance, SqliteTextFunctions.Instance);
    }

    /// <summary>Adds the interceptors every <see cref="CrmDbContext"/> needs to options built once and shared.</summary>
    public static DbContextOptionsBuilder WithCrmInterceptors(DbContextOptionsBuilder options) => options.AddInterceptors(TenantAuditInterceptor.Instance, SqliteTextFunctions.Instance);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<NullableUtcDateTimeConverter>();
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(CrmDbContext).Assembly);
        var mappings = this.GetService<Microsoft.EntityFrameworkCore.Storage.IRelationalTypeMappingSource>();
        SqlTextFunctions.Register(builder, Database.ProviderName, mappings.FindMapping(typeof(bool)));
        SqlTime.Register(builder, Database.ProviderName, mappings);
        builder.Entity<AppUser>(b =>
        {
            b.ToTable("users");
            b.Property(u => u.Name).HasMaxLength(120);
        });
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityUserClaim<Guid>>().ToTable("user_claims");
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityUserLogin<Guid>>().ToTable("user_logins");
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityUserToken<Guid>>().ToTable("user_tokens");

        var apply = typeof(CrmDbContext).GetMethod(nameof(ApplyTenantFilter), BindingFlags.NonPublic | BindingFlags.Instance)!;
        foreach (var entity in builder.Model.GetEntityTypes().Where(t => typeof(ITenantOwned).IsAssignableFrom(t.ClrType)))
        {
            apply.MakeGenericMethod(entity.ClrType).Invoke(this, [builder]);
        }
    }

    /// <summary>Names of the global query filters, for selective <c>IgnoreQueryFilters([...])</c>.</summary>
    public static class QueryFilters
    {
        public const string Tenant = "tenant";
        public const string SoftDelete = "soft_delete";
    }

    private void ApplyTenantFilter<T>(ModelBuilder builder) where T : class, ITenantOwned
    {
        builder.Entity<T>().HasQueryFilter(QueryFilters.Tenant, e => e.TenantId == CurrentTenantId);
        builder.Entity<T>().HasIndex(e => e.TenantId);
    }
}
