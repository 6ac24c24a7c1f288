using SalesCrm.Core.Knowledge;

namespace SalesCrm.Core.Tests.Knowledge;

public sealed class KnowledgeVectorSetTests
{
    private static float[] Unit(params float[] v) => EmbeddingVector.Normalized(v);

    private static KnowledgeVectorSet.Segment Segment(params (Guid Id, float[] Vector)[] rows) =>
        new(rows.Select(r => r.Id).ToArray(), rows.Select(r => 7L).ToArray(), rows.SelectMany(r => r.Vector).ToArray(), rows[0].Vector.Length);

    [Fact]
    public void Nearest_returns_the_k_most_similar_entries_best_first_across_segments()
    {
        var (a, b, c, d) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var set = KnowledgeVectorSet.Load(Segment((a, Unit(1, 0, 0, 0)), (b, Unit(0, 1, 0, 0))), DateTime.UtcNow, DateTime.UtcNow)
            .Append(Segment((c, Unit(0.9f, 0.1f, 0, 0)), (d, Unit(0, 0, 1, 0))), DateTime.UtcNow);
        Assert.Equal(4, set.Count);
        var nearest = set.Nearest(Unit(1, 0.05f, 0, 0), 3);
        Assert.Equal([a, c, b], nearest.Select(n => n.Id));
        Assert.True(nearest[0].Score > nearest[1].Score && nearest[1].Score > nearest[2].Score);
        Assert.Equal(7L, nearest[0].Key);
    }

    [Fact]
    public void A_query_of_another_dimension_finds_nothing_and_an_empty_set_finds_nothing()
    {
        var set = KnowledgeVectorSet.Load(Segment((Guid.NewGuid(), Unit(1, 0, 0, 0))), DateTime.UtcNow, DateTime.UtcNow);
        Assert.Empty(set.Nearest(Unit(1, 0, 0), 5));
        Assert.Empty(KnowledgeVectorSet.Empty(DateTime.UtcNow).Nearest(Unit(1, 0, 0, 0), 5));
    }

    [Fact]
    public void The_embedding_key_changes_with_the_title_the_headings_or_the_text_and_only_then()
    {
        var key = KnowledgeEmbeddingText.Key(KnowledgeEmbeddingText.For("Preço", ["Objeções"], "Mostre o valor."));
        Assert.Equal(key, KnowledgeEmbeddingText.Key(KnowledgeEmbeddingText.For("Preço", ["Objeções"], "Mostre o valor.")));
        Assert.NotEqual(key, KnowledgeEmbeddingText.Key(KnowledgeEmbeddingText.For("Preços", ["Objeções"], "Mostre o valor.")));
        Assert.NotEqual(key, KnowledgeEmbeddingText.Key(KnowledgeEmbeddingText.For("Preço", ["Objeção"], "Mostre o valor.")));
        Assert.NotEqual(key, KnowledgeEmbeddingText.Key(KnowledgeEmbeddingText.For("Preço", ["Objeções"], "Mostre o valor!")));
        Assert.Equal("Preço › Objeções › Caro\nMostre o valor.", KnowledgeEmbeddingText.For("Preço", ["Objeções", "Caro"], "Mostre o valor."));
    }
}
