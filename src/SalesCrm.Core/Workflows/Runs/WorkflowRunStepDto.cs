using System.Text.Json;

namespace SalesCrm.Core.Workflows.Runs;

/// <summary>One executed node of a run.</summary>
public sealed record WorkflowRunStepDto(string NodeId, string Type, string Status, DateTime StartedAt, long DurationMs, JsonElement? Input, JsonElement? Output, string? Error,
    int Attempt, string? Port);
