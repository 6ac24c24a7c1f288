using Microsoft.Extensions.DependencyInjection.Extensions;
using SalesCrm.Core.Email;
using SalesCrm.Core.Events;
using SalesCrm.Core.Workflows.Nodes;
using SalesCrm.Core.Workflows.Runs;
using SalesCrm.Core.Workflows.Triggers;

namespace SalesCrm.Web.Features.Workflows;

/// <summary>
/// The workflow nodes that reach outside the CRM (<c>send_email</c>, <c>http_request</c>, <c>recalculate_score</c>,
/// <c>call_workflow</c>) and the triggers that start runs from outside (<c>webhook</c>, <c>schedule</c>,
/// <c>inbound_message</c>); the e-mail outbox list.
/// </summary>
public static class WorkflowIntegrationNodes
{
    public static IServiceCollection AddWorkflowIntegrationNodes(this IServiceCollection services)
    {
        services.AddOptions<SmtpOptions>().BindConfiguration(SmtpOptions.Section);
        services.AddSingleton<SmtpEmailSender>();
        services.AddScoped<EmailService>();
        HttpWorkflowTransport.Register(services);
        services.AddScoped<IWorkflowNodeExecutor, SendEmailExecutor>();
        services.AddScoped<IWorkflowNodeExecutor, HttpRequestExecutor>();
        services.AddScoped<IWorkflowNodeExecutor, RecalculateScoreExecutor>();
        services.AddScoped<IWorkflowNodeExecutor, CallWorkflowExecutor>();

        services.AddScoped<WorkflowWebhookService>();
        services.AddScoped<IWorkflowActivationListener, WebhookSecretOnPublish>();
        services.AddSingleton<WorkflowSchedules>();
        services.AddSingleton<IWorkflowActivationListener>(sp => sp.GetRequiredService<WorkflowSchedules>());
        services.AddHostedService<WorkflowSchedulesStartup>();
        services.AddScoped<IEventSubscriber, InboundMessageTrigger>();
        return services;
    }

    public static IEndpointRouteBuilder MapWorkflowIntegrationEndpoints(this IEndpointRouteBuilder app)
    {
        WorkflowHookEndpoints.Map(app);
        EmailEndpoints.Map(app);
        return app;
    }
}
