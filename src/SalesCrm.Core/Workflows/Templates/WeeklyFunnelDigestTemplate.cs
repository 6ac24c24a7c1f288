namespace SalesCrm.Core.Workflows.Templates;

/// <summary>"Resumo semanal do funil": every Monday at 08:00 in the workspace's zone, an e-mail to the managers with the pipeline (<see cref="PipelineDigestScope"/>).</summary>
internal static class WeeklyFunnelDigestTemplate
{
    public static WorkflowTemplate Definition { get; } = new(
        "weekly-funnel-digest", "summarize", "Resumo semanal do funil",
        "Toda segunda-feira às 08:00 (fuso do espaço) envia por e-mail aos gestores um resumo do funil: leads e valor em aberto por etapa, novos leads, negócios ganhos e perdidos nos últimos 7 dias.",
        ["agendado", "email", "gestores", "relatorio"], [], Build);

    private static WorkflowGraph Build(WorkflowTemplateContext workspace) => new TemplateGraph()
        .Node("start", "trigger", 0, 0, new { label = "Segunda-feira, 08:00", kind = "schedule", cron = "0 0 8 ? * MON" })
        .Node("resumo", "send_email", 1, 0, new
        {
            label = "E-mail aos gestores",
            to = "{{workspace.managers_emails}}",
            subject = "Resumo semanal do funil — {{workspace.name}}",
            body = """
                Bom dia!

                Resumo do funil "{{workspace.pipeline.name}}" em {{workspace.pipeline.generated_at | date}}:

                {{workspace.pipeline.summary}}

                Últimos 7 dias: {{workspace.pipeline.new_leads_7d | plural: "lead novo|leads novos"}}, {{workspace.pipeline.won_count_7d | plural: "negócio ganho|negócios ganhos"}} ({{workspace.pipeline.won_value_7d}}) e {{workspace.pipeline.lost_count_7d | plural: "perdido|perdidos"}}.

                Boa semana!
                """,
        })
        .Edge("start", "resumo")
        .Build();
}
