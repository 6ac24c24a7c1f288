namespace SalesCrm.Core.Workflows.Templates;

/// <summary>The shipped templates ("Criar a partir de modelo"), in gallery order.</summary>
public static class WorkflowTemplates
{
    public static IReadOnlyList<WorkflowTemplate> All { get; } =
    [
        MetaWelcomeTemplate.Definition,
        NoReplyReminderTemplate.Definition,
        WhatsAppQualificationTemplate.Definition,
        DealWonErpTemplate.Definition,
        WeeklyFunnelDigestTemplate.Definition,
    ];

    public static WorkflowTemplate? Find(string? id) => All.FirstOrDefault(t => t.Id == id);
}
