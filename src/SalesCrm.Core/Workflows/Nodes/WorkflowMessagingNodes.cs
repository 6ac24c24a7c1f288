using Microsoft.Extensions.DependencyInjection;
using SalesCrm.Core.Workflows.Runs;

namespace SalesCrm.Core.Workflows.Nodes;

/// <summary>The WhatsApp bot's node executors (<c>send_whatsapp</c>, <c>ask_whatsapp</c>, <c>handoff</c>, <c>ai_reply</c>) and their helpers.</summary>
public static class WorkflowMessagingNodes
{
    public static IServiceCollection AddWorkflowMessagingNodes(this IServiceCollection services)
    {
        services.AddScoped<BotSender>();
        services.AddScoped<BotAnswerStore>();
        services.AddScoped<BotHandoff>();
        services.AddScoped<BotFunnelService>();
        services.AddScoped<IWorkflowNodeExecutor, SendWhatsAppNode>();
        services.AddScoped<IWorkflowNodeExecutor, AskWhatsAppNode>();
        services.AddScoped<IWorkflowNodeExecutor, HandoffNode>();
        services.AddScoped<IWorkflowNodeExecutor, AiReplyNode>();
        return services;
    }
}
