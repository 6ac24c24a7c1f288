using SalesCrm.Core.Knowledge;

namespace SalesCrm.Core.Tests.Knowledge;

public class KnowledgeFusionTests
{
    private static readonly KnowledgeSearchOptions Options = new();
    private static readonly Guid DocA = Guid.NewGuid(), DocB = Guid.NewGuid(), DocC = Guid.NewGuid();

    [Fact]
    public void A_chunk_both_signals_rank_high_beats_one_only_one_signal_ranks_first()
    {
        var both = new KnowledgeCandidate(Guid.NewGuid(), DocA, Lexical: 2, LexicalRank: 2, Trigram: 0.5, TrigramRank: 2);
        var lexicalOnly = new KnowledgeCandidate(Guid.NewGuid(), DocB, Lexical: 3, LexicalRank: 1);
        var trigramOnly = new KnowledgeCandidate(Guid.NewGuid(), DocC, Trigram: 0.9, TrigramRank: 1);
        var ranked = KnowledgeFusion.Rank([lexicalOnly, trigramOnly, both], Options);
        Assert.Equal(both.ChunkId, ranked[0].Candidate.ChunkId);
    }

    [Fact]
    public void Other_matching_chunks_of_the_same_document_lift_a_chunk()
    {
        var a1 = new KnowledgeCandidate(Guid.NewGuid(), DocA, Lexical: 1, LexicalRank: 2);
        var a2 = new KnowledgeCandidate(Guid.NewGuid(), DocA, Lexical: 1, LexicalRank: 3, Trigram: 0.3, TrigramRank: 3);
        var b = new KnowledgeCandidate(Guid.NewGuid(), DocB, Lexical: 2, LexicalRank: 1);
        var ranked = KnowledgeFusion.Rank([a1, a2, b], Options);
        Assert.Equal(DocA, ranked[0].Candidate.DocumentId);
        Assert.Equal(b.ChunkId, KnowledgeFusion.Rank([a1, a2, b], new KnowledgeSearchOptions { DocumentWeight = 0 }).Single(x => x.Candidate.DocumentId == DocB).Candidate.ChunkId);
    }

    [Fact]
    public void Feedback_moves_a_chunk_and_is_reported_as_a_signal()
    {
        var a = new KnowledgeCandidate(Guid.NewGuid(), DocA, Lexical: 1, LexicalRank: 1);
        var b = new KnowledgeCandidate(Guid.NewGuid(), DocB, Lexical: 1, LexicalRank: 2, Ups: 3);
        var ranked = KnowledgeFusion.Rank([a, b], Options);
        Assert.Equal(b.ChunkId, ranked[0].Candidate.ChunkId);
        Assert.True(ranked[0].Feedback > 0);
        Assert.Null(ranked[1].Feedback);
    }

    [Fact]
    public void Feedback_is_bounded_so_no_number_of_downvotes_buries_a_chunk()
    {
        Assert.True(KnowledgeFusion.FeedbackFactor(0, 1, 0.2) > 0.93);
        Assert.True(KnowledgeFusion.FeedbackFactor(0, 1_000_000, 0.2) >= 0.8);
        Assert.True(KnowledgeFusion.FeedbackFactor(1_000_000, 0, 0.2) <= 1.2);
        // The best chunk, downvoted once, still ranks above one that only one signal found far down.
        var best = new KnowledgeCandidate(Guid.NewGuid(), DocA, Lexical: 3, LexicalRank: 1, Trigram: 0.9, TrigramRank: 1, Downs: 1);
        var weak = new KnowledgeCandidate(Guid.NewGuid(), DocB, Lexical: 1, LexicalRank: 5, Trigram: 0.3, TrigramRank: 6);
        Assert.Equal(best.ChunkId, KnowledgeFusion.Rank([weak, best], Options)[0].Candidate.ChunkId);
    }
}
