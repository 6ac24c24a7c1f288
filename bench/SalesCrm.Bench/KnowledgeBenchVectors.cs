using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesCrm.Core.Data;
using SalesCrm.Core.Knowledge;

namespace SalesCrm.Bench;

/// <summary>
/// Vectors for the knowledge latency bench when the host runs an embedding model (<c>--vectors</c>): generated chunks get
/// random unit vectors of the model's size written with them (searching them costs what searching real ones costs; the
/// job would need hours to embed 100,000 chunks with MiniLM), the playbook's chunks real ones from the background job.
/// </summary>
public sealed class KnowledgeBenchVectors
{
    private readonly Random _random = new(18);
    private readonly KnowledgeEmbeddingModel _model;

    public KnowledgeBenchVectors(BenchHost host) => _model = host.Services.GetRequiredService<KnowledgeEmbeddingModel>();

    public bool On => _model.Configured;

    /// <summary>"MiniLM" or the model's stored name.</summary>
    public string Label => _model.Options.Provider.Equals("minilm", StringComparison.OrdinalIgnoreCase) ? "MiniLM" : _model.Name;

    /// <summary>A random stored vector for <paramref name="chunk"/> (call after its search columns are filled), or null when vectors are off.</summary>
    public KnowledgeChunkEmbedding? For(KnowledgeChunk chunk, DateTime now)
    {
        if (!On) return null;
        var vector = new float[_model.DeclaredDimensions ?? 384];
        for (var i = 0; i < vector.Length; i++) vector[i] = (float)(_random.NextDouble() * 2 - 1);
        return new KnowledgeChunkEmbedding
        {
            ChunkId = chunk.Id, TenantId = chunk.TenantId, Model = _model.Name, Dimensions = vector.Length, Vector = EmbeddingVector.ToBytes(vector),
            SourceKey = chunk.EmbeddingKey, CreatedAt = now,
        };
    }

    /// <summary>Waits until the background job has embedded every pending chunk of the account's workspace.</summary>
    public async Task EmbeddedAsync(BenchHost host, BenchHost.Account account)
    {
        while (On && (await KnowledgeBenchScope.AsAsync(host, account, sp => sp.GetRequiredService<KnowledgeEmbeddingService>().ProgressAsync())).Pending > 0)
            await Task.Delay(200);
    }

    /// <summary>
    /// The vector signal alone, as search calls it (100 candidates; questions already embedded, so this is the comparison
    /// and the check of the best entries), per question; the first call reads the workspace's vectors into memory again and is timed apart.
    /// </summary>
    public async Task<(double FirstMs, List<double> Samples)> NearestTimesAsync(BenchHost host, BenchHost.Account account, IReadOnlyList<string> questions, int n)
    {
        Task<IReadOnlyList<KnowledgeIndexHit>> Nearest(string q) =>
            KnowledgeBenchScope.AsAsync(host, account, sp => sp.GetRequiredService<IKnowledgeVectorSearch>().NearestAsync(account.TenantId, q, 100, CancellationToken.None));
        host.Services.GetRequiredService<KnowledgeVectorCache>().Invalidate(account.TenantId, _model.Name);
        var first = Stopwatch.StartNew();
        await Nearest(questions[0]);
        var firstMs = first.Elapsed.TotalMilliseconds;
        foreach (var q in questions) await Nearest(q);
        var samples = new List<double>();
        for (var i = 0; i < n; i++)
        {
            var sw = Stopwatch.StartNew();
            await Nearest(questions[(i * 7) % questions.Count]);
            samples.Add(sw.Elapsed.TotalMilliseconds);
        }
        return (firstMs, samples);
    }

    /// <summary>The comparison alone: the workspace's set in memory against each question's vector (no database), per question.</summary>
    public async Task<List<double>> DotProductTimesAsync(BenchHost host, BenchHost.Account account, IReadOnlyList<string> questions, int n)
    {
        var set = await KnowledgeBenchScope.AsAsync(host, account, async sp =>
        {
            await using var db = await sp.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
            return await sp.GetRequiredService<KnowledgeVectorCache>().GetAsync(db, account.TenantId, _model.Name, CancellationToken.None);
        });
        var vectors = new List<float[]>();
        foreach (var q in questions) vectors.Add((await _model.EmbedAsync([q], CancellationToken.None))[0]);
        var samples = new List<double>();
        for (var i = 0; i < n; i++)
        {
            var sw = Stopwatch.StartNew();
            set.Nearest(vectors[(i * 7) % vectors.Count], 210);
            samples.Add(sw.Elapsed.TotalMilliseconds);
        }
        return samples;
    }

    /// <summary>How long the model takes to embed one question (none cached), per question.</summary>
    public async Task<List<double>> QuestionTimesAsync(IEnumerable<string> questions)
    {
        var samples = new List<double>();
        foreach (var q in questions)
        {
            var sw = Stopwatch.StartNew();
            await _model.EmbedAsync([q], CancellationToken.None);
            samples.Add(sw.Elapsed.TotalMilliseconds);
        }
        return samples;
    }
}
