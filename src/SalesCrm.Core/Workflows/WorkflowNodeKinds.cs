namespace SalesCrm.Core.Workflows;

/// <summary>The palette groups of the node catalog, as the API writes them.</summary>
public static class WorkflowNodeKinds
{
    public const string Triggers = "triggers";
    public const string Logic = "logic";
    public const string WhatsApp = "whatsapp";
    public const string Crm = "crm";
    public const string Integrations = "integrations";
    public const string Ai = "ai";

    public static readonly IReadOnlyList<string> All = [Triggers, Logic, WhatsApp, Crm, Integrations, Ai];
}
