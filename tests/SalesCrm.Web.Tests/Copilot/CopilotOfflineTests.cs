using SalesCrm.Web.Tests.Infrastructure;

namespace SalesCrm.Web.Tests.Copilot;

/// <summary>No model configured: the grounded composer answers from the playbook; with no knowledge search at all, the static list.</summary>
public sealed class CopilotOfflineTests(OfflineCopilotApp app) : IClassFixture<OfflineCopilotApp>
{
    [Fact]
    public async Task Offline_the_playbooks_answering_sentences_are_the_suggestion_with_the_leads_name()
    {
        var owner = await app.RegisterAsync();
        var playbook = Playbook.Seed(app, owner);
        var lead = await owner.LeadAsync("Marina Costa");
        var answer = await owner.SuggestOkAsync(new { lead_id = lead, intent = "objection", context = "tá caro" });

        Assert.Equal("playbook", (string?)answer["provider"]);
        var first = answer["suggestions"]![0]!;
        // The quotation the playbook says to say, not the instruction to the rep after it.
        Assert.Equal("Entendo, Marina. " + Playbook.PriceAnswer + ", e depois disso a energia sai praticamente de graça.", (string?)first["text"]);
        Assert.Equal([playbook.Price.ChunkId], Playbook.SourceChunks(first));
        Assert.Empty(app.Stub.Requests);
    }
}

/// <summary>The app with its real knowledge base, empty in a new workspace.</summary>
public sealed class CopilotWithAnEmptyKnowledgeBaseTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task With_nothing_in_the_knowledge_base_the_workspaces_static_suggestions_answer()
    {
        var owner = await app.RegisterAsync();
        var lead = await owner.LeadAsync("Caio Mendes");
        var answer = await owner.SuggestOkAsync(new { lead_id = lead, intent = "closing", context = "pode mandar o contrato" });
        Assert.Equal("static", (string?)answer["provider"]);
        Assert.StartsWith("Caio, ficou alguma dúvida sobre a proposta?", Playbook.Texts(answer).First());
    }
}
