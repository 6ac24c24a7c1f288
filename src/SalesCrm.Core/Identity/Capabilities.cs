namespace SalesCrm.Core.Identity;

/// <summary>The permission catalogue: <c>module.action</c> strings checked by API policies and services alike.</summary>
public static class Capabilities
{
    public const string LeadsRead = "leads.read";
    public const string LeadsWrite = "leads.write";
    public const string LeadsDelete = "leads.delete";
    public const string LeadsExport = "leads.export";
    public const string PipelineManage = "pipeline.manage";
    public const string CopilotUse = "copilot.use";
    public const string KnowledgeManage = "knowledge.manage";
    public const string WorkflowsManage = "workflows.manage";
    public const string WebhooksManage = "webhooks.manage";
    public const string TenantsManage = "tenants.manage";
    public const string UsersManage = "users.manage";
    public const string ReportsView = "reports.view";
    public const string SettingsManage = "settings.manage";

    public static readonly IReadOnlyList<string> All =
    [
        LeadsRead, LeadsWrite, LeadsDelete, LeadsExport, PipelineManage, CopilotUse, KnowledgeManage,
        WorkflowsManage, WebhooksManage, TenantsManage, UsersManage, ReportsView, SettingsManage,
    ];

    /// <summary>
    /// Capabilities whose feature does not exist yet (none since workflows.manage guards the workflow API, issue 18). Roles keep them and the
    /// API accepts them, so a later feature finds its grants in place; settings pages do not offer them meanwhile
    /// (ADR 012). Remove one from here when its feature ships.
    /// </summary>
    public static readonly IReadOnlySet<string> Planned = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>The capabilities settings pages offer: <see cref="All"/> without the <see cref="Planned"/> ones, in catalogue order.</summary>
    public static readonly IReadOnlyList<string> Available = All.Where(c => !Planned.Contains(c)).ToList();

    private static readonly HashSet<string> Known = new(All, StringComparer.Ordinal);

    public static bool IsKnown(string capability) => Known.Contains(capability);

    public static string Module(string capability) => capability[..capability.IndexOf('.')];
}

/// <summary>The roles every tenant starts with; they cannot be renamed or deleted.</summary>
public static class SystemRoles
{
    public const string Owner = "owner";
    public const string Admin = "admin";
    public const string Manager = "manager";
    public const string SalesRep = "sales_rep";
    public const string Viewer = "viewer";

    public static readonly IReadOnlyList<(string Key, IReadOnlyList<string> Capabilities)> Seed =
    [
        (Owner, Capabilities.All),
        (Admin, Capabilities.All.Where(c => c != Capabilities.TenantsManage).ToList()),
        (Manager, [Capabilities.LeadsRead, Capabilities.LeadsWrite, Capabilities.LeadsDelete, Capabilities.LeadsExport,
                   Capabilities.PipelineManage, Capabilities.CopilotUse, Capabilities.KnowledgeManage,
                   Capabilities.WorkflowsManage, Capabilities.ReportsView]),
        (SalesRep, [Capabilities.LeadsRead, Capabilities.LeadsWrite, Capabilities.CopilotUse]),
        (Viewer, [Capabilities.LeadsRead, Capabilities.ReportsView]),
    ];
}
