namespace SalesCrm.Core.Workflows.Templates;

/// <summary>"Negócio ganho → ERP": a won deal is posted to the ERP's URL (the manager's <see cref="UrlParameter"/>) and the customer thanked on WhatsApp.</summary>
internal static class DealWonErpTemplate
{
    public const string UrlParameter = "erp_url";
    public static readonly string[] ThanksTemplates = ["agradecimento_compra"];

    public static WorkflowTemplate Definition { get; } = new(
        "deal-won-erp", "handshake", "Negócio ganho → ERP",
        "Quando um negócio é ganho: envia os dados do cliente e do negócio para o endereço do seu ERP (ou outro sistema) e agradece o cliente no WhatsApp. Se o ERP recusar, registra uma nota no lead.",
        ["negocio_ganho", "integracao", "http", "whatsapp"],
        [new(UrlParameter, "URL do ERP", "https://erp.suaempresa.com.br/api/pedidos")], Build);

    private static WorkflowGraph Build(WorkflowTemplateContext workspace) => new TemplateGraph()
        .Node("start", "trigger", 0, 0, new { label = "Negócio ganho", kind = "event", event_type = "deal.won" })
        .Node("erp", "http_request", 1, 0, new
        {
            label = "Enviar ao ERP", method = "POST",
            // Empty until the manager gives the URL: the draft's validation names this node and publishing is refused.
            url = workspace.Parameter(UrlParameter),
            headers = new Dictionary<string, string> { ["X-Origem"] = "SalesCrm" },
            body = new
            {
                evento = "negocio_ganho", lead_id = "{{lead.id}}", nome = "{{lead.name}}", email = "{{lead.email}}", telefone = "{{lead.phone}}",
                empresa = "{{lead.company}}", valor = "{{lead.value}}", moeda = "{{lead.currency}}", responsavel = "{{lead.owner_name}}",
            },
            timeout_seconds = 15,
        })
        .Node("obrigado", "send_whatsapp", 2, 0, new
        {
            label = "Agradecimento no WhatsApp",
            text = "{{lead.name | first_name}}, muito obrigado pela confiança! Em breve entraremos em contato para combinar os próximos passos.",
            template_id = workspace.ApprovedTemplate(ThanksTemplates),
        })
        .Node("erp_recusou", "add_note", 2, 1, new { label = "ERP recusou", text = "O ERP recusou o negócio ganho (HTTP {{nodes.erp.output.status}}). Lance o pedido à mão." })
        .Edge("start", "erp").Edge("erp", "obrigado").Edge("erp", "erp_recusou", "failed")
        .Build();
}
