using Bunit;
using SalesCrm.Core.Identity;
using SalesCrm.Web.Features.Knowledge;
using SalesCrm.Web.Tests.Infrastructure;
using SalesCrm.Web.Tests.Knowledge;

namespace SalesCrm.Web.Tests.Components;

/// <summary>The embeddings panel on /knowledge with a provider (the local OpenAI-compatible stub): counts, bar, generate button.</summary>
public sealed class KnowledgeEmbeddingsPanelTests(EmbeddingsSqliteApp app) : IClassFixture<EmbeddingsSqliteApp>
{
    [Fact]
    public async Task The_bar_counts_embedded_chunks_and_generate_starts_the_job_that_fills_it()
    {
        using var culture = new CultureScope("pt-BR");
        var owner = await app.RegisterAsync();
        app.Stub.EmbeddingGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        try
        {
            await owner.CreateDocumentAsync("Objeções comuns", KnowledgeDocumentsTests.Playbook, "objection_handler");
            await owner.AsMemberAsync(async sp =>
            {
                await using var ctx = KnowledgeComponents.NewContext(sp, Capabilities.CopilotUse, Capabilities.KnowledgeManage);
                var cut = ctx.Render<KnowledgeEmbeddingsPanel>();
                cut.WaitForElement("[data-testid=kb-embeddings-counts]");
                Assert.StartsWith("0 de 2 trechos com embedding", cut.Find("[data-testid=kb-embeddings-counts]").TextContent.Trim());
                Assert.Equal("0", cut.Find("[data-testid=kb-embeddings-bar] [role=progressbar], [data-testid=kb-embeddings-bar][role=progressbar]").GetAttribute("aria-valuenow"));
                Assert.Empty(cut.FindAll("[data-testid=kb-embeddings-off]"));
                Assert.Equal("Gerar agora", cut.Find("[data-testid=kb-embeddings-generate]").TextContent.Trim());

                await cut.Find("[data-testid=kb-embeddings-generate]").ClickAsync(new());
                Assert.Contains("Geração de embeddings iniciada.", ctx.Snackbars());
                cut.WaitForElement("[data-testid=kb-embeddings-running]");
                app.Stub.EmbeddingGate.TrySetResult();

                cut.WaitForAssertion(() => Assert.StartsWith("2 de 2 trechos com embedding", cut.Find("[data-testid=kb-embeddings-counts]").TextContent.Trim()), TimeSpan.FromSeconds(30));
                cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=kb-embeddings-running]")), TimeSpan.FromSeconds(10));
                Assert.Equal("100", cut.Find("[data-testid=kb-embeddings-bar] [role=progressbar], [data-testid=kb-embeddings-bar][role=progressbar]").GetAttribute("aria-valuenow"));
                Assert.Equal("Gerar todos de novo", cut.Find("[data-testid=kb-embeddings-generate]").TextContent.Trim());
                return 0;
            });
        }
        finally
        {
            app.Stub.EmbeddingGate?.TrySetResult();
        }
    }

    [Fact]
    public async Task A_reader_without_knowledge_manage_sees_the_progress_but_no_generate_button()
    {
        var owner = await app.RegisterAsync();
        await owner.AsMemberAsync(async sp =>
        {
            await using var ctx = KnowledgeComponents.NewContext(sp, Capabilities.CopilotUse);
            var cut = ctx.Render<KnowledgeEmbeddingsPanel>();
            cut.WaitForElement("[data-testid=kb-embeddings-counts]");
            Assert.Empty(cut.FindAll("[data-testid=kb-embeddings-generate]"));
            return 0;
        });
    }
}

/// <summary>The embeddings panel with no provider configured (the default app): how to turn them on, no bar, no button.</summary>
public sealed class KnowledgeEmbeddingsOffPanelTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task Without_a_provider_the_panel_says_how_to_turn_embeddings_on_and_offers_no_button()
    {
        using var culture = new CultureScope("pt-BR");
        var owner = await app.RegisterAsync();
        await owner.AsMemberAsync(async sp =>
        {
            await using var ctx = KnowledgeComponents.NewContext(sp, Capabilities.CopilotUse, Capabilities.KnowledgeManage);
            var cut = ctx.Render<KnowledgeEmbeddingsPanel>();
            cut.WaitForElement("[data-testid=kb-embeddings-off]");
            Assert.Contains("Embeddings desligados", cut.Find("[data-testid=kb-embeddings-off]").TextContent);
            Assert.Empty(cut.FindAll("[data-testid=kb-embeddings-generate]"));
            Assert.Empty(cut.FindAll("[data-testid=kb-embeddings-bar]"));
            return 0;
        });
    }
}
