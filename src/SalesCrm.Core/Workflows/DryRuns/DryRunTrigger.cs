using System.Text.Json;
using System.Text.Json.Nodes;
using SalesCrm.Core.Common;
using SalesCrm.Core.Data;
using SalesCrm.Core.Events;
using SalesCrm.Core.Workflows.Expressions;
using SalesCrm.Core.Workflows.Runs;

namespace SalesCrm.Core.Workflows.DryRuns;

/// <summary>
/// An <c>event</c> trigger in a dry run: the input stands in for the event's payload (<c>{{event.payload.x}}</c>), and
/// the trigger's filter is checked as the engine's subscriber checks it (<see cref="WorkflowEventSubscriber"/>'s filter
/// target over the lead and payload) — a filter that does not hold becomes a warning, and the walk goes on.
/// </summary>
internal static class DryRunTrigger
{
    public static async Task ApplyAsync(CrmDbContext db, WorkflowGraph graph, WorkflowRun run, JsonObject? input, WorkflowScope scope, List<string> warnings,
        IDryRunPhrases phrases, CancellationToken ct)
    {
        var trigger = (graph.Nodes ?? []).FirstOrDefault(n => n.Type == WorkflowNodeCatalog.Trigger);
        if (trigger?.Settings is not { ValueKind: JsonValueKind.Object } settings || Text(settings, "kind") != TriggerKinds.Event
            || Text(settings, "event_type") is not { Length: > 0 } eventType)
            return;
        var payload = input?.DeepClone();
        scope.WithEvent(eventType, payload?.DeepClone());
        if (Text(settings, "filter") is not { Length: > 0 } filter) return;
        var target = await WorkflowEventSubscriber.FilterTargetAsync(db, new CrmEvent { TenantId = run.TenantId, Type = eventType, LeadId = run.LeadId }, payload, ct);
        bool holds;
        try
        {
            holds = ConditionEvaluator.Matches(filter, target);
        }
        catch (ValidationException)
        {
            holds = false;
        }
        if (!holds) warnings.Add(phrases.Format("TriggerFilter", filter, eventType));
    }

    private static string? Text(JsonElement settings, string name) =>
        settings.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
