namespace SalesCrm.Core.Copilot;

/// <summary>The pt-BR static suggestions every new workspace (and the demo) starts with; the workspace edits them freely.</summary>
public static class StaticSuggestionDefaults
{
    public static readonly IReadOnlyList<(CopilotIntent Intent, string Text)> Items =
    [
        (CopilotIntent.Qualification, "Oi, {{first_name}}! Para eu te indicar a melhor opção: o que você precisa resolver hoje e para quando?"),
        (CopilotIntent.Qualification, "{{first_name}}, quem mais participa dessa decisão com você?"),
        (CopilotIntent.Qualification, "Você já tem uma faixa de investimento em mente para isso?"),
        (CopilotIntent.Objection, "Entendo, {{first_name}}. Posso te perguntar o que pesa mais na sua decisão: o valor, o prazo ou a confiança na solução?"),
        (CopilotIntent.Objection, "Faz sentido pensar com calma. Que informação eu posso te mandar para ajudar na sua decisão?"),
        (CopilotIntent.Objection, "Comparando, o que a outra proposta inclui? Assim te mostro com clareza o que está incluso na nossa."),
        (CopilotIntent.Closing, "{{first_name}}, ficou alguma dúvida sobre a proposta? Se estiver tudo certo, já te envio os próximos passos."),
        (CopilotIntent.Closing, "Podemos avançar hoje? Te mando o resumo do que combinamos para você confirmar."),
        (CopilotIntent.FollowUp, "Oi, {{first_name}}! Passando para saber se conseguiu ver o que te enviei. Posso ajudar em algo?"),
        (CopilotIntent.FollowUp, "{{first_name}}, qual o melhor dia e horário para conversarmos rapidinho?"),
        (CopilotIntent.FreeText, "Obrigado pela mensagem, {{first_name}}! Vou verificar e já te respondo."),
    ];

    public static IEnumerable<StaticSuggestion> For(Guid tenantId, DateTime now) =>
        Items.GroupBy(i => i.Intent).SelectMany(g => g.Select((item, position) => new StaticSuggestion
        {
            TenantId = tenantId, Intent = item.Intent, Text = item.Text, Position = position, CreatedAt = now, UpdatedAt = now,
        }));
}
