using System.Text.Json.Nodes;

namespace SalesCrm.Core.Workflows.DryRuns;

/// <summary>
/// What to try a workflow on: the lead, an optional run input, whether to walk the draft (<c>true</c>) or the published
/// version (<c>false</c>), and for nodes that wait (delay, wait for event, ask on WhatsApp, AI reply, HTTP) the port or the
/// reply to assume instead of the main outcome.
/// </summary>
public sealed record WorkflowDryRunRequest(Guid LeadId, JsonObject? Input = null, bool Draft = false, IReadOnlyDictionary<string, string>? Answers = null)
{
    /// <summary>The node types whose entry in <see cref="Answers"/> is read: a port name, or for <c>ask_whatsapp</c> also the lead's reply.</summary>
    public static readonly IReadOnlySet<string> AnswerableTypes = new HashSet<string>(StringComparer.Ordinal)
    {
        WorkflowNodeCatalog.Delay, WorkflowNodeCatalog.WaitForEvent, WorkflowNodeCatalog.AskWhatsApp, WorkflowNodeCatalog.AiReply, "http_request",
    };
}
