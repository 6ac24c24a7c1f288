using System.Text.Json;
using MudBlazor;
using SalesCrm.Core.Workflows;

namespace SalesCrm.Web.Features.Workflows.Designer;

/// <summary>How a node type looks on the canvas and in the palette: its icon, and the one setting its card shows.</summary>
public static class NodeLook
{
    public static string Icon(string type) => type switch
    {
        WorkflowNodeCatalog.Trigger => Icons.Material.Filled.Bolt,
        WorkflowNodeCatalog.Condition => Icons.Material.Filled.CallSplit,
        WorkflowNodeCatalog.Switch => Icons.Material.Filled.AltRoute,
        WorkflowNodeCatalog.Delay => Icons.Material.Filled.HourglassBottom,
        WorkflowNodeCatalog.WaitForEvent => Icons.Material.Filled.NotificationsActive,
        WorkflowNodeCatalog.AskWhatsApp => Icons.Material.Filled.QuestionAnswer,
        WorkflowNodeCatalog.AiReply => Icons.Material.Filled.AutoAwesome,
        WorkflowNodeCatalog.Handoff => Icons.Material.Filled.SupportAgent,
        WorkflowNodeCatalog.SendWhatsApp => Icons.Material.Filled.Chat,
        WorkflowNodeCatalog.End => Icons.Material.Filled.StopCircle,
        "move_stage" => Icons.Material.Filled.ViewKanban,
        "assign" => Icons.Material.Filled.PersonAdd,
        "set_field" => Icons.Material.Filled.Edit,
        "add_tag" => Icons.Material.Filled.LocalOffer,
        "create_activity" => Icons.Material.Filled.EventNote,
        "add_note" => Icons.Material.Filled.StickyNote2,
        "send_email" => Icons.Material.Filled.Email,
        "http_request" => Icons.Material.Filled.Http,
        "emit_event" => Icons.Material.Filled.Campaign,
        "recalculate_score" => Icons.Material.Filled.Calculate,
        "call_workflow" => Icons.Material.Filled.AccountTree,
        _ => Icons.Material.Filled.HelpOutline,
    };

    /// <summary>
    /// The node's key setting in one line: its label when it has one, else what the type is about (a called workflow by
    /// its name from <paramref name="workflowName"/>, given the id; the id itself when the name is unknown).
    /// </summary>
    public static string? Summary(string type, JsonElement? settings, WorkflowTexts texts, Func<string, string?>? workflowName = null)
    {
        if (settings is not { ValueKind: JsonValueKind.Object } s) return null;
        string? Get(string name) => s.TryGetProperty(name, out var v) ? v.ValueKind == JsonValueKind.String ? v.GetString() : v.GetRawText() : null;
        if (Get("label") is { Length: > 0 } label) return label;
        var text = type switch
        {
            WorkflowNodeCatalog.Trigger => string.Join(" · ", new[] { Get("kind") is { } k ? texts.Choice(k) : null, Get("event_type") ?? Get("cron") }.OfType<string>()),
            WorkflowNodeCatalog.Condition => Get("field") is { } f ? $"{f} {(Get("operator") is { } o ? texts.Choice(o) : "?")} {Get("value")}" : null,
            WorkflowNodeCatalog.Switch => Get("field"),
            WorkflowNodeCatalog.Delay => Get("duration") ?? Get("until"),
            WorkflowNodeCatalog.WaitForEvent => Get("event_type"),
            WorkflowNodeCatalog.AskWhatsApp => Get("question"),
            WorkflowNodeCatalog.Handoff => Get("rule") is { } r ? texts.Choice(r) : null,
            WorkflowNodeCatalog.SendWhatsApp => Get("text") ?? (Get("template_id") is not null ? texts["Template"] : null),
            "assign" => Get("mode") is { } m ? texts.Choice(m) : null,
            "set_field" => Get("field") is { } f ? $"{f} = {Get("value")}" : null,
            "add_tag" => Get("tag"),
            "create_activity" => Get("title"),
            "add_note" => Get("text"),
            "send_email" => Get("subject"),
            "http_request" => Get("url") is { } u ? $"{Get("method")} {u}" : null,
            "emit_event" => Get("event_type"),
            "call_workflow" => Get("workflow_id") is { Length: > 0 } w ? $"→ {workflowName?.Invoke(w) ?? w}" : null,
            _ => null,
        };
        return string.IsNullOrWhiteSpace(text) ? null : text.Length > 60 ? text[..57] + "…" : text;
    }
}
