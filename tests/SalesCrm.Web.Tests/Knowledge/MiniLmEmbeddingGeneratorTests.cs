using Microsoft.Extensions.AI;
using SalesCrm.Core.Knowledge;
using SalesCrm.Web.Features.Knowledge;

namespace SalesCrm.Web.Tests.Knowledge;

/// <summary>The offline model in the package (the one test that loads it: about 90 MB, seconds to start).</summary>
public class MiniLmEmbeddingGeneratorTests
{
    [Fact]
    public async Task MiniLM_gives_384_unit_length_dimensions_and_puts_a_paraphrase_nearer_than_another_topic()
    {
        using var generator = new MiniLmEmbeddingGenerator();
        var vectors = await generator.GenerateAsync(["The price is too high for us.", "It is too expensive.", "When will the order be delivered?"]);
        Assert.All(vectors, v => Assert.Equal(MiniLmEmbeddingGenerator.Dimensions, v.Vector.Length));
        Assert.Equal(MiniLmEmbeddingGenerator.Dimensions, generator.GetService<EmbeddingGeneratorMetadata>()?.DefaultModelDimensions);
        var (price, expensive, delivery) = (vectors[0].Vector.ToArray(), vectors[1].Vector.ToArray(), vectors[2].Vector.ToArray());
        Assert.Equal(1f, EmbeddingVector.Similarity(price, price), 3);
        Assert.True(EmbeddingVector.Similarity(price, expensive) > EmbeddingVector.Similarity(price, delivery));
    }
}
