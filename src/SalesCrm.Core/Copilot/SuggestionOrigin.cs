namespace SalesCrm.Core.Copilot;

/// <summary>
/// Where suggestions came from: <c>llm</c> (a configured chat model, grounded in retrieved passages), <c>playbook</c>
/// (the offline grounded composer, the playbook's own wording) or <c>static</c> (the workspace's fixed suggestions per intent).
/// </summary>
public enum SuggestionOrigin
{
    Llm,
    Playbook,
    Static,
}
