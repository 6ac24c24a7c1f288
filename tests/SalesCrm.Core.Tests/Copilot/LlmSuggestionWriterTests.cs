using SalesCrm.Core.Copilot;
using SalesCrm.Core.Knowledge;

namespace SalesCrm.Core.Tests.Copilot;

public class LlmSuggestionWriterTests
{
    private static readonly KnowledgeSearchHit[] Hits =
    [
        new(Guid.NewGuid(), Guid.NewGuid(), "Preço", KnowledgeDocumentType.ObjectionHandler, ["Objeções"], "Se paga em 4 anos.", 1, new(1, 1)),
        new(Guid.NewGuid(), Guid.NewGuid(), "Produto", KnowledgeDocumentType.ProductInfo, [], "Garantia de 25 anos.", 0.5, new(1, 1)),
    ];

    [Fact]
    public void Replies_split_at_dashes_and_their_citations_become_sources()
    {
        var parsed = LlmSuggestionWriter.Parse("1. Se paga em 4 anos, Ana. [S1]\n---\n- Tem 25 anos de garantia. [S2][S1]\n---\nOutra [S9]\n---\nQuarta", Hits);
        Assert.Equal(["Se paga em 4 anos, Ana.", "Tem 25 anos de garantia.", "Outra"], parsed.Select(p => p.Text));
        Assert.Equal([Hits[0].ChunkId], parsed[0].Sources.Select(s => s.ChunkId));
        Assert.Equal([Hits[1].ChunkId, Hits[0].ChunkId], parsed[1].Sources.Select(s => s.ChunkId));
        // A citation of no source falls back to the best passage.
        Assert.Equal([Hits[0].ChunkId], parsed[2].Sources.Select(s => s.ChunkId));
    }

    [Fact]
    public void The_prompt_forbids_claims_outside_the_numbered_sources()
    {
        var messages = LlmSuggestionWriter.Messages(CopilotIntent.Objection, "tá caro", Hits, null);
        Assert.Contains("Use ONLY facts stated in the SOURCES", messages[0].Text);
        Assert.Contains("[S1] Preço › Objeções: Se paga em 4 anos.", messages[1].Text);
        Assert.Contains("[S2] Produto: Garantia de 25 anos.", messages[1].Text);
        Assert.Contains("CUSTOMER / QUESTION: tá caro", messages[1].Text);
    }
}
