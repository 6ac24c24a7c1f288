namespace SalesCrm.Core.Workflows.Templates;

/// <summary>
/// "Qualificação WhatsApp" (issue 18): five questions — name, city, checkouts in use (the demo business sells point-of-sale
/// systems, so the number of checkouts stands where a solar business asks for the energy bill), timing, monthly budget —
/// stored on the lead, then the score is recalculated, the card moves to "Qualificado" and a person takes over.
/// </summary>
internal static class WhatsAppQualificationTemplate
{
    public const string QualifiedStage = "Qualificado";

    public static WorkflowTemplate Definition { get; } = new(
        "whatsapp-qualification", "forum", "Qualificação WhatsApp",
        "Bot que faz 5 perguntas no WhatsApp (nome, cidade, quantos caixas a loja usa, prazo e orçamento mensal), valida e guarda as respostas no lead, recalcula a pontuação, move o card para Qualificado e passa a conversa para um vendedor.",
        ["whatsapp", "bot", "qualificacao", "funil"], [], Build);

    // Four columns, so the designer opens it readable (about 0.6 zoom on a 1400-pixel screen, where six columns gave 0.4):
    // the questions read left to right and wrap like text to the next line, the invalid-answer hand-off sits between the
    // two lines of questions, and the outcome under the last step.
    private static WorkflowGraph Build(WorkflowTemplateContext workspace)
    {
        var graph = new TemplateGraph()
            .Node("start", "trigger", 0, 0, new { label = "Primeira mensagem no WhatsApp", kind = "inbound_message", first_message_only = true })
            .Node("start_manual", "trigger", 0, 1, new { label = "Iniciar pelo lead", kind = "manual" })
            .Node("nome", "ask_whatsapp", 1, 0, new
            {
                label = "Nome", question = "Olá! Sou o assistente virtual da equipe de vendas. Para começar, qual é o seu nome?", answer_type = "name",
                store_to = "lead.name", invalid_message = "Não entendi o seu nome. Pode me dizer só o nome, por favor?", timeout = "P1D",
            })
            .Node("cidade", "ask_whatsapp", 2, 0, new
            {
                label = "Cidade", question = "Prazer, {{nodes.nome.output.value | first_name}}! Em qual cidade fica a sua loja?", answer_type = "text",
                store_to = "lead.custom.cidade", timeout = "P1D",
            })
            .Node("caixas", "ask_whatsapp", 3, 0, new
            {
                label = "Caixas em uso", question = "Quantos caixas (pontos de venda) a sua loja usa hoje?", answer_type = "number",
                store_to = "lead.custom.numero_caixas", invalid_message = "Me diga só o número de caixas, por exemplo: 2.", timeout = "P1D",
            })
            .Node("prazo", "ask_whatsapp", 0, 2, new
            {
                label = "Prazo", question = "Para quando você precisa do sistema funcionando?", answer_type = "option",
                options = new[] { "Este mês", "Em até 3 meses", "Só pesquisando" },
                store_to = "lead.custom.prazo", invalid_message = "Escolha uma das opções, por favor.", timeout = "P1D",
            })
            .Node("orcamento", "ask_whatsapp", 1, 2, new
            {
                label = "Orçamento mensal", question = "Quanto você pensa em investir por mês no sistema? (por exemplo: R$ 300)", answer_type = "number",
                store_to = "lead.custom.orcamento_mensal", invalid_message = "Me diga um valor por mês, por exemplo: R$ 300.", timeout = "P1D",
            })
            .Node("pontuacao", "recalculate_score", 2, 2, new { label = "Recalcular pontuação" })
            .Node("qualificado", "move_stage", 3, 2, new { label = QualifiedStage, stage_id = workspace.Stage(QualifiedStage) })
            .Node("vendedor", "handoff", 3, 3, new
            {
                label = "Passar para um vendedor", rule = "owner",
                message = "Obrigado, {{lead.name | first_name}}! Um consultor da nossa equipe vai continuar o seu atendimento por aqui.",
            })
            .Node("ajuda", "handoff", 2, 1, new
            {
                label = "Resposta inválida: chamar um vendedor", rule = "owner",
                message = "Vou chamar um consultor da nossa equipe para continuar com você.",
            })
            .Edge("start", "nome").Edge("start_manual", "nome")
            .Edge("nome", "cidade", "answered").Edge("cidade", "caixas", "answered").Edge("caixas", "prazo", "answered")
            .Edge("prazo", "orcamento", "answered").Edge("orcamento", "pontuacao", "answered")
            .Edge("pontuacao", "qualificado").Edge("qualificado", "vendedor");
        foreach (var question in new[] { "nome", "cidade", "caixas", "prazo", "orcamento" }) graph.Edge(question, "ajuda", "invalid");
        return graph.Build();
    }
}
