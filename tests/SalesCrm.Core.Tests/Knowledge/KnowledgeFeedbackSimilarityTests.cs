using SalesCrm.Core.Knowledge;

namespace SalesCrm.Core.Tests.Knowledge;

public class KnowledgeFeedbackSimilarityTests
{
    private static readonly KnowledgeSearchOptions Options = new();
    private static readonly Guid DocA = Guid.NewGuid(), DocB = Guid.NewGuid();
    private static readonly Dictionary<string, double> Idf = new();

    private static KnowledgeChunkFeedback Rating(string question, int ups = 0, int downs = 0) =>
        new() { ChunkId = Guid.NewGuid(), Question = KnowledgeFeedbackSimilarity.Key(question), Ups = ups, Downs = downs };

    /// <summary>A (first by a little) and B, B rated as the question <paramref name="asked"/> sees <paramref name="ratings"/>.</summary>
    private static IReadOnlyList<(KnowledgeCandidate Candidate, double Score, double? Feedback)> Rank(string asked, params KnowledgeChunkFeedback[] ratings)
    {
        var (ups, downs) = KnowledgeFeedbackSimilarity.Weigh(ratings, KnowledgeText.Terms(asked), Idf, Options.FeedbackSimilarityThreshold);
        var a = new KnowledgeCandidate(Guid.NewGuid(), DocA, Lexical: 2, LexicalRank: 1, Trigram: 1, TrigramRank: 2);
        var b = new KnowledgeCandidate(Guid.NewGuid(), DocB, Lexical: 1, LexicalRank: 2, Trigram: 1, TrigramRank: 1, Ups: ups, Downs: downs);
        return KnowledgeFusion.Rank([a, b], Options);
    }

    [Fact]
    public void A_chunk_liked_for_a_question_rises_for_a_similar_question()
    {
        Assert.Equal(DocA, Rank("achei o preço da instalação caro demais")[0].Candidate.DocumentId);
        var ranked = Rank("achei o preço da instalação caro demais", Rating("o preço da instalação está caro", ups: 1));
        Assert.Equal(DocB, ranked[0].Candidate.DocumentId);
        Assert.True(ranked[0].Feedback > 0);
    }

    [Fact]
    public void A_chunk_liked_for_a_question_does_not_move_for_an_unrelated_question()
    {
        var ranked = Rank("quanto tempo de garantia tem o inversor", Rating("o preço da instalação está caro", ups: 5));
        Assert.Equal(DocA, ranked[0].Candidate.DocumentId);
        Assert.All(ranked, x => Assert.Null(x.Feedback));
    }

    [Fact]
    public void Feedback_stays_within_the_bound_however_many_ratings_of_the_same_question()
    {
        var ratings = Enumerable.Range(0, 50).Select(_ => Rating("o preço da instalação está caro", downs: 1000)).ToArray();
        var ranked = Rank("o preço da instalação está caro", ratings);
        var b = ranked.Single(x => x.Candidate.DocumentId == DocB);
        Assert.InRange(b.Feedback!.Value, -Options.FeedbackBound, -Options.FeedbackBound * 0.9);
        var liked = Rank("o preço da instalação está caro", [.. Enumerable.Range(0, 50).Select(_ => Rating("o preço da instalação está caro", ups: 1000))]);
        Assert.InRange(liked[0].Feedback!.Value, Options.FeedbackBound * 0.9, Options.FeedbackBound);
    }

    [Fact]
    public void Similarity_weighs_rare_terms_more_and_a_rating_without_a_question_counts_for_every_question()
    {
        var idf = new Dictionary<string, double> { [KnowledgeText.Terms("preço")[0]] = 0.1, [KnowledgeText.Terms("parcelado")[0]] = 3 };
        var terms = KnowledgeText.Terms("preço parcelado");
        var rarer = KnowledgeFeedbackSimilarity.Of(terms, KnowledgeFeedbackSimilarity.Key("parcelado em dez"), idf);
        var common = KnowledgeFeedbackSimilarity.Of(terms, KnowledgeFeedbackSimilarity.Key("preço em dez"), idf);
        Assert.True(rarer > common, $"{rarer} vs {common}");
        Assert.Equal(1, KnowledgeFeedbackSimilarity.Of(terms, "", idf));
        Assert.Equal("", KnowledgeFeedbackSimilarity.Key("  "));
    }
}
