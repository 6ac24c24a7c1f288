using Microsoft.Extensions.DependencyInjection;
using SalesCrm.Core.Audit;
using SalesCrm.Core.Data;
using SalesCrm.Core.Identity;
using SalesCrm.Core.Tenancy;

namespace SalesCrm.Core;

public static class CoreServices
{
    /// <summary>Identity stores, tenancy, RBAC and audit services. The host adds the DbContext factory and <c>ICurrentUser</c>.</summary>
    public static IServiceCollection AddIdentityAndTenancy(this IServiceCollection services)
    {
        services.AddIdentityCore<AppUser>(o =>
            {
                o.Password.RequiredLength = 8;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireUppercase = true;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(5);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = true;
            })
            .AddEntityFrameworkStores<CrmDbContext>();
        services.AddScoped<CapabilityResolver>();
        services.AddScoped<AccessService>();
        services.AddScoped<UserAccounts>();
        services.AddScoped<TenantService>();
        services.AddSingleton<WorkspaceTimeZones>();
        services.AddScoped<WorkspaceClock>();
        services.AddScoped<WorkspacePhones>();
        services.AddScoped<AuthService>();
        services.AddScoped<RoleService>();
        services.AddSingleton<AccessSignal>();
        services.AddScoped<MemberService>();
        services.AddScoped<ApiKeyService>();
        services.AddScoped<AuditQuery>();
        services.AddScoped<Common.IdempotencyStore>();
        return services;
    }

    /// <summary>
    /// Pipelines, leads, interactions, activities and the in-process event bus. The inbox, integrations, outbound webhooks
    /// and messaging are added by their host features (<c>AddInbox</c>, <c>AddIntegrations</c>, <c>AddWebhooks</c>, <c>AddMessaging</c>).
    /// </summary>
    public static IServiceCollection AddLeads(this IServiceCollection services)
    {
        services.AddSingleton<Events.ICrmEventBus, Events.InProcessCrmEventBus>();
        services.AddScoped<Pipelines.PipelineService>();
        services.AddScoped<Leads.LeadQuery>();
        services.AddScoped<Leads.LeadService>();
        services.AddScoped<Leads.LeadImportService>();
        services.AddScoped<Leads.LeadExportService>();
        services.AddScoped<Interactions.InteractionService>();
        services.AddScoped<Activities.ActivityService>();
        services.AddScoped<Events.EventService>();
        services.AddScoped<Activities.ActivityQuery>();
        services.AddScoped<Interactions.InteractionQuery>();
        services.AddScoped<Pipelines.PipelineQuery>();
        services.AddScoped<Home.MyDayService>();
        services.AddScoped<Events.OutboxDispatcher>();
        return services;
    }
}
