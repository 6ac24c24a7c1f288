using SalesCrm.Core.Workflows.Nodes;
using SalesCrm.Core.Workflows.Runs;

namespace SalesCrm.Web.Features.Workflows;

/// <summary>The engine's own node executors (logic and CRM actions); other features add theirs as <see cref="IWorkflowNodeExecutor"/> too.</summary>
public static class WorkflowNodeRegistration
{
    public static IServiceCollection AddWorkflowNodes(this IServiceCollection services)
    {
        services.AddScoped<IWorkflowNodeExecutor, ConditionNodeExecutor>();
        services.AddScoped<IWorkflowNodeExecutor, SwitchNodeExecutor>();
        services.AddScoped<IWorkflowNodeExecutor, DelayNodeExecutor>();
        services.AddScoped<IWorkflowNodeExecutor, WaitForEventNodeExecutor>();
        services.AddScoped<IWorkflowNodeExecutor, SetFieldNodeExecutor>();
        services.AddScoped<IWorkflowNodeExecutor, AddTagNodeExecutor>();
        services.AddScoped<IWorkflowNodeExecutor, MoveStageNodeExecutor>();
        services.AddScoped<IWorkflowNodeExecutor, AssignNodeExecutor>();
        services.AddScoped<IWorkflowNodeExecutor, CreateActivityNodeExecutor>();
        services.AddScoped<IWorkflowNodeExecutor, AddNoteNodeExecutor>();
        services.AddScoped<IWorkflowNodeExecutor, EmitEventNodeExecutor>();
        services.AddScoped<IWorkflowNodeExecutor, EndNodeExecutor>();
        return services;
    }
}
