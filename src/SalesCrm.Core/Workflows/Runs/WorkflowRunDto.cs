
namespace SalesCrm.Core.Workflows.Runs;

/// <summary>A run as the API shows it (issue 18's contract); <see cref="Steps"/> is filled on the single-run read only.</summary>
public sealed record WorkflowRunDto(Guid Id, Guid WorkflowId, int Version, Guid? LeadId, string Status, string? SubStatus, DateTime StartedAt, DateTime? FinishedAt,
    WorkflowRunWaitingDto? Waiting, int IncidentCount, string? Error, Guid CorrelationId, int Depth, string? CurrentNode, string? TriggerKind,
    IReadOnlyList<WorkflowRunStepDto>? Steps);
