using SalesCrm.Core.Workflows.Nodes;

namespace SalesCrm.Core.Tests.Workflows;

public class BotFunnelTests
{
    private static readonly Core.Workflows.WorkflowGraph Graph = new GraphBuilder().Trigger()
        .Node("nome", "ask_whatsapp", new { question = "Qual o seu nome?", answer_type = "name" })
        .Node("conta", "ask_whatsapp", new { question = "Quanto é sua conta de luz?", answer_type = "number", label = "Conta de luz" })
        .End().Edge("t", "nome").Edge("nome", "conta", "answered").Edge("conta", "end", "answered").Build();

    private static BotFunnelRow Row(Guid run, string node, string outcome) => new(run, node, "ask_whatsapp", $$"""{ "outcome": "{{outcome}}", "asked": 1 }""");

    [Fact]
    public void Each_question_counts_the_runs_that_reached_answered_and_dropped_it_by_their_furthest_outcome()
    {
        Guid a = Guid.NewGuid(), b = Guid.NewGuid(), c = Guid.NewGuid(), d = Guid.NewGuid();
        var rows = new[]
        {
            // a: asked, re-asked, answered both questions; b: answered the name, timed out on the bill; c: asked for a person; d: still waiting.
            Row(a, "nome", "waiting"), Row(a, "nome", "answered"), Row(a, "conta", "waiting"), Row(a, "conta", "answered"),
            Row(b, "nome", "answered"), Row(b, "conta", "timeout"),
            Row(c, "nome", "handoff"),
            Row(d, "nome", "waiting"),
            new BotFunnelRow(d, "t", "trigger", null),
        };

        var funnel = BotFunnel.Compute(Graph, rows);

        Assert.Equal(["nome", "conta"], funnel.Select(s => s.NodeId));
        var (nome, conta) = (funnel[0], funnel[1]);
        Assert.Equal((4, 2, 2, 1, 0.5), (nome.Reached, nome.Answered, nome.Dropped, nome.Waiting, nome.DropOffRate));
        Assert.Equal(1, nome.Outcomes["handoff"]);
        Assert.Equal((2, 1, 1, "Conta de luz"), (conta.Reached, conta.Answered, conta.Dropped, conta.Label));
        Assert.Equal(1, conta.Outcomes["timeout"]);
    }

    [Fact]
    public void A_question_no_run_reached_is_listed_with_zeros_and_unreadable_outputs_count_as_waiting()
    {
        var funnel = BotFunnel.Compute(Graph, [new BotFunnelRow(Guid.NewGuid(), "nome", "ask_whatsapp", "not json")]);

        Assert.Equal((1, 1, 1), (funnel[0].Reached, funnel[0].Waiting, funnel[0].Dropped));
        Assert.Equal((0, 0, 0.0), (funnel[1].Reached, funnel[1].Answered, funnel[1].DropOffRate));
    }
}
