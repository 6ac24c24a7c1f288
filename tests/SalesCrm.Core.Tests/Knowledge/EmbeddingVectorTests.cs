using SalesCrm.Core.Knowledge;

namespace SalesCrm.Core.Tests.Knowledge;

public sealed class EmbeddingVectorTests
{
    [Fact]
    public void A_stored_vector_reads_back_at_unit_length_and_its_similarity_to_itself_is_one()
    {
        float[] raw = [3f, 4f, 0f, 0f, 0f, 0f, 0f, 0f, 0f, 12f];
        var stored = EmbeddingVector.ToBytes(raw);
        Assert.Equal(raw.Length * 4, stored.Length);
        var read = EmbeddingVector.FromBytes(stored);
        Assert.Equal(3f / 13f, read[0], 5);
        Assert.Equal(12f / 13f, read[9], 5);
        Assert.Equal(1f, EmbeddingVector.Similarity(read, read), 5);
    }

    [Fact]
    public void Similarity_orders_vectors_by_angle_and_is_zero_across_dimensions()
    {
        var a = EmbeddingVector.FromBytes(EmbeddingVector.ToBytes(Enumerable.Range(0, 40).Select(i => (float)i).ToArray()));
        var near = EmbeddingVector.FromBytes(EmbeddingVector.ToBytes(Enumerable.Range(0, 40).Select(i => i + 0.5f).ToArray()));
        var far = EmbeddingVector.FromBytes(EmbeddingVector.ToBytes(Enumerable.Range(0, 40).Select(i => (float)(40 - i)).ToArray()));
        Assert.True(EmbeddingVector.Similarity(a, near) > EmbeddingVector.Similarity(a, far));
        Assert.Equal(0f, EmbeddingVector.Similarity(a, new float[3]));
        Assert.Throws<ArgumentException>(() => EmbeddingVector.FromBytes(new byte[5]));
    }
}
