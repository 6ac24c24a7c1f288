namespace SalesCrm.Core.Workflows.Templates;

/// <summary>"Lembrete sem resposta": a new Meta lead who has not written on WhatsApp within 2 days gets a nudge and its owner a call task.</summary>
internal static class NoReplyReminderTemplate
{
    public static readonly string[] NudgeTemplates = ["retomar_contato"];

    public static WorkflowTemplate Definition { get; } = new(
        "no-reply-reminder", "alarm", "Lembrete sem resposta",
        "Espera até 2 dias pela resposta do lead novo no WhatsApp. Se ele responder, marca a tag \"respondeu\"; se não, manda uma mensagem de retomada e cria uma tarefa de ligação para o responsável.",
        ["whatsapp", "espera", "lembrete", "tarefa"], [], Build);

    private static WorkflowGraph Build(WorkflowTemplateContext workspace) => new TemplateGraph()
        .Node("start", "trigger", 0, 0, new { label = "Novo lead do Meta", kind = "event", event_type = "lead.created", filter = "source=eq.meta_ads" })
        .Node("espera", "wait_for_event", 1, 0, new { label = "Espera resposta (2 dias)", event_type = "whatsapp.received", same_lead = true, timeout = "P2D" })
        .Node("respondeu", "add_tag", 2, 0, new { label = "Respondeu", tag = "respondeu" })
        .Node("retomar", "send_whatsapp", 2, 1, new
        {
            label = "Mensagem de retomada",
            text = "Oi, {{lead.name | first_name}}! Passando para saber se ficou alguma dúvida. Quer que eu te mande mais informações?",
            template_id = workspace.ApprovedTemplate(NudgeTemplates),
        })
        .Node("ligar", "create_activity", 3, 1, new
        {
            label = "Tarefa de ligação", title = "Lead sem resposta há 2 dias: ligar para {{lead.name}}", activity_type = "call", due_in = "PT4H", assignee = "owner",
        })
        .Edge("start", "espera").Edge("espera", "respondeu", "received").Edge("espera", "retomar", "timeout").Edge("retomar", "ligar")
        .Build();
}
