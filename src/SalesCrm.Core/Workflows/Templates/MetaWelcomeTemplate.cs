namespace SalesCrm.Core.Workflows.Templates;

/// <summary>"Boas-vindas lead Meta": a Meta Lead Ads lead is assigned by round robin, welcomed on WhatsApp with the approved welcome template and gets a follow-up task.</summary>
internal static class MetaWelcomeTemplate
{
    /// <summary>Approved WhatsApp templates tried in order (the demo workspace ships <c>boas_vindas_lead</c>).</summary>
    public static readonly string[] WelcomeTemplates = ["boas_vindas_lead", "boas_vindas"];

    public static WorkflowTemplate Definition { get; } = new(
        "meta-lead-welcome", "campaign", "Boas-vindas lead Meta",
        "Quando chega um lead do Meta Lead Ads: distribui por rodízio entre os vendedores, envia a mensagem de boas-vindas aprovada no WhatsApp e cria uma tarefa de follow-up para o responsável.",
        ["meta_ads", "whatsapp", "rodizio", "tarefa"], [], Build);

    private static WorkflowGraph Build(WorkflowTemplateContext workspace) => new TemplateGraph()
        .Node("start", "trigger", 0, 0, new { label = "Novo lead do Meta", kind = "event", event_type = "lead.created", filter = "source=eq.meta_ads" })
        .Node("rodizio", "assign", 1, 0, new { label = "Rodízio de vendedores", mode = "round_robin" })
        .Node("boas_vindas", "send_whatsapp", 2, 0, new
        {
            label = "Boas-vindas no WhatsApp",
            text = "Olá, {{lead.name | first_name}}! Recebemos seu cadastro e {{lead.owner_name | default: \"nossa equipe\"}} vai te atender por aqui. Posso te ajudar com alguma dúvida?",
            template_id = workspace.ApprovedTemplate(WelcomeTemplates),
        })
        .Node("follow_up", "create_activity", 3, 0, new
        {
            label = "Tarefa de follow-up", title = "Ligar para {{lead.name}} (lead do Meta)", activity_type = "follow_up", due_in = "PT2H", assignee = "owner",
        })
        .Edge("start", "rodizio").Edge("rodizio", "boas_vindas").Edge("boas_vindas", "follow_up")
        .Build();
}
