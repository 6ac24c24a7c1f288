using System.Net;
using System.Net.Http.Json;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using SalesCrm.Core.Leads;
using SalesCrm.Core.Workflows.DryRuns;
using SalesCrm.Web.Features.Workflows.Designer;
using SalesCrm.Web.Tests.Components;
using SalesCrm.Web.Tests.Infrastructure;
using SalesCrm.Web.Tests.Leads;
using static SalesCrm.Web.Tests.Workflows.WorkflowGraphs;

namespace SalesCrm.Web.Tests.Workflows.Designer;

/// <summary>The designer's "Testar com um lead" panel over the real dry runner: answers the reader simulates steer the walk.</summary>
public sealed class DryRunPanelTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    /// <summary>Asks the name (no store), greets with it, asks the city, tags by timeout.</summary>
    private static object Bot() => Graph(
        [
            Node("start", "trigger", new { kind = "inbound_message" }),
            Node("nome", "ask_whatsapp", new { question = "Qual é o seu nome?", answer_type = "name" }, 240),
            Node("cidade", "ask_whatsapp", new { question = "Prazer, {{nodes.nome.output.value | first_name}}! Qual a sua cidade?", answer_type = "text" }, 480),
            Node("obrigado", "add_note", new { text = "Cidade: {{nodes.cidade.output.value}}" }, 720),
            Node("sumiu", "add_tag", new { tag = "sem-resposta" }, 720),
        ],
        [Edge("start", "nome"), Edge("nome", "cidade", "answered"), Edge("cidade", "obrigado", "answered"), Edge("cidade", "sumiu", "timeout")]);

    [Fact]
    public async Task Without_answers_the_walk_assumes_the_leads_name_and_a_marked_reply_and_simulated_answers_change_the_path()
    {
        using var culture = new CultureScope("pt-BR");
        var owner = await app.RegisterAsync();
        var id = Guid.Parse((string)(await (await owner.Client.PostAsJsonAsync("/api/v1/workflows", new { name = "Bot", graph = Bot() })).ExpectAsync(HttpStatusCode.Created))["id"]!);
        var leadId = Guid.Parse((string)(await owner.CreateLeadAsync(new { name = "Mariana Grande" }))["id"]!);

        await owner.AsMemberAsync(async sp =>
        {
            await using var ctx = DesignerComponents.NewContext(sp);
            WorkflowDryRunDto? shown = null;
            var cut = ctx.Render<DryRunPanel>(p => p.Add(c => c.WorkflowId, id).Add(c => c.OnResult, r => shown = r));
            var lead = await sp.GetRequiredService<LeadQuery>().GetAsync(leadId);
            await cut.InvokeAsync(() => cut.FindComponent<MudAutocomplete<LeadDto>>().Instance.SelectOptionAsync(lead));
            async Task<WorkflowDryRunDto> RunAsync()
            {
                shown = null;
                await cut.InvokeAsync(() => cut.Find("[data-testid=wf-dry-run-go]").Click());
                cut.WaitForAssertion(() => Assert.NotNull(shown));
                cut.Render(p => p.Add(c => c.Result, shown));
                return shown!;
            }

            var first = await RunAsync();
            Assert.Equal(["start", "nome", "cidade", "obrigado"], first.Path.Select(s => s.NodeId));
            Assert.Equal("Perguntaria no WhatsApp: “Prazer, Mariana! Qual a sua cidade?”", first.Actions.Single(a => a.NodeId == "cidade").Summary);
            Assert.Equal("Cidade: ‹resposta a cidade›", (string?)first.Actions.Single(a => a.NodeId == "obrigado").Settings!["text"]);
            Assert.Equal(["nome", "cidade"], cut.FindAll("[data-testid=wf-dry-answer]").Select(a => a.GetAttribute("data-node-id")));

            // The reader writes what the lead would answer: the later steps quote it.
            await cut.InvokeAsync(() => cut.Find("[data-testid=wf-dry-answer][data-node-id=nome] input[data-testid=wf-dry-answer-reply]").Input("joão pedro"));
            await cut.InvokeAsync(() => cut.Find("[data-testid=wf-dry-answer][data-node-id=cidade] input[data-testid=wf-dry-answer-reply]").Input("Curitiba"));
            var answered = await RunAsync();
            Assert.Equal("Perguntaria no WhatsApp: “Prazer, João! Qual a sua cidade?”", answered.Actions.Single(a => a.NodeId == "cidade").Summary);
            Assert.Equal("Cidade: Curitiba", (string?)answered.Actions.Single(a => a.NodeId == "obrigado").Settings!["text"]);

            // Choosing "timeout" for the city takes that way out.
            await cut.InvokeAsync(() => cut.FindComponents<MudSelect<string>>()[1].Instance.SelectOption("timeout"));
            var timedOut = await RunAsync();
            Assert.Equal(["start", "nome", "cidade", "sumiu"], timedOut.Path.Select(s => s.NodeId));
            cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=wf-dry-answer][data-node-id=cidade] [data-testid=wf-dry-answer-reply]")));
            return 0;
        });
    }
}
