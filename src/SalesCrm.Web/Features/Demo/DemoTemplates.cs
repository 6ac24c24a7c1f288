using SalesCrm.Core.Messaging;

namespace SalesCrm.Web.Features.Demo;

/// <summary>
/// WhatsApp templates of the demo workspace, as if Meta had approved them: with these a rep can answer a lead whose
/// 24-hour window has closed. One is still pending review, to show that only approved ones can be sent.
/// </summary>
public static class DemoTemplates
{
    public static List<MessageTemplate> Generate(Guid tenantId, DateTime now) =>
    [
        // The welcome of the "Boas-vindas lead Meta" workflow template and the thanks of "Negócio ganho → ERP".
        New(tenantId, now, "boas_vindas_lead", TemplateCategory.Utility, TemplateStatus.Approved,
            "Olá, {{first_name}}! Aqui é {{owner_name}}, da Caixa Certo. Recebemos seu cadastro e vou te ajudar a escolher o sistema de caixa ideal. Posso te fazer umas perguntas rápidas?"),
        New(tenantId, now, "agradecimento_compra", TemplateCategory.Utility, TemplateStatus.Approved,
            "{{first_name}}, muito obrigado pela confiança na Caixa Certo! Em breve entraremos em contato para combinar a entrega e a instalação."),
        New(tenantId, now, "retomar_contato", TemplateCategory.Utility, TemplateStatus.Approved,
            "Olá, {{first_name}}! Aqui é {{owner_name}}. Podemos retomar nossa conversa? Fico à disposição para tirar suas dúvidas."),
        New(tenantId, now, "proposta_enviada", TemplateCategory.Utility, TemplateStatus.Approved,
            "Olá, {{first_name}}! Enviei a proposta de {{value}}. Conseguiu dar uma olhada? Posso ajudar em algo?"),
        New(tenantId, now, "lembrete_reuniao", TemplateCategory.Utility, TemplateStatus.Approved,
            "Olá, {{first_name}}! Lembrando da nossa conversa marcada para {{data}}. Confirma o horário?"),
        New(tenantId, now, "oferta_do_mes", TemplateCategory.Marketing, TemplateStatus.Approved,
            "{{first_name}}, neste mês os planos anuais têm 10% de desconto à vista. Quer que eu prepare uma simulação?"),
        New(tenantId, now, "pesquisa_satisfacao", TemplateCategory.Marketing, TemplateStatus.Pending,
            "Olá, {{first_name}}! De 0 a 10, quanto você recomendaria nosso atendimento?"),
    ];

    private static MessageTemplate New(Guid tenantId, DateTime now, string name, TemplateCategory category, TemplateStatus status, string body) =>
        new() { TenantId = tenantId, Name = name, Category = category, Status = status, Language = "pt_BR", Body = body, CreatedAt = now, UpdatedAt = now };
}
