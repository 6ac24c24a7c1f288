using SalesCrm.Web.Tests.Copilot;
using SalesCrm.Web.Tests.Infrastructure;
using SalesCrm.Web.Tests.Knowledge;

namespace SalesCrm.Web.Tests.ScaleOut;

/// <summary>
/// Two instances on one PostgreSQL database with knowledge embeddings from one provider (the local OpenAI-compatible
/// stub): the background job runs on one instance at a time, so every chunk goes to the provider once.
/// </summary>
public sealed class TwoInstancesEmbeddingTests : IAsyncLifetime
{
    private SharedPostgresDatabase _database = null!;
    private OpenAiStub _stub = null!;
    private AppInstance _first = null!;
    private AppInstance _second = null!;

    public async Task InitializeAsync()
    {
        _stub = await OpenAiStub.StartAsync(5441);
        _database = await SharedPostgresDatabase.CreateAsync();
        KeyValuePair<string, string?>[] settings =
        [
            new("Knowledge:Embeddings:Provider", "openai"), new("Knowledge:Embeddings:BaseUrl", _stub.BaseUrl),
            new("Knowledge:Embeddings:Model", EmbeddingsAppBase.Model), new("Knowledge:Embeddings:BatchSize", "3"),
            new("Knowledge:Embeddings:RetrySeconds", "0.2"),
        ];
        _first = new AppInstance(_database.ConnectionString, settings: settings);
        _second = new AppInstance(_database.ConnectionString, settings: settings);
        _ = _first.Services;
        _ = _second.Services;
    }

    public async Task DisposeAsync()
    {
        await _first.DisposeAsync();
        await _second.DisposeAsync();
        await _database.DisposeAsync();
        await _stub.DisposeAsync();
    }

    [Fact]
    public async Task Two_instances_send_each_chunk_to_the_provider_once_between_them()
    {
        var owner = await _first.RegisterAsync();
        var onSecond = new Session(_second, owner.Email, owner.UserId, owner.TenantId, owner.AccessToken, owner.RefreshToken);
        // One document through each instance while the provider holds its answers: both workers wake up with the same
        // pending chunks, and the first batch stays pending long enough for a second instance to send it again.
        _stub.EmbeddingGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        try
        {
            await Task.WhenAll(owner.CreateDocumentAsync("Roteiro A", Sections("A")), onSecond.CreateDocumentAsync("Roteiro B", Sections("B")));
            var until = DateTime.UtcNow.AddSeconds(8);
            while (_stub.EmbeddingRequests < 2 && DateTime.UtcNow < until) await Task.Delay(100);
        }
        finally
        {
            _stub.EmbeddingGate.TrySetResult();
        }

        var done = await Eventually.GetAsync(owner, "/api/v1/knowledge/embeddings", p => (int)p["total"]! > 0 && (int)p["pending"]! == 0, seconds: 60);
        var total = (int)done["total"]!;
        Assert.True(total >= 12, done.ToJsonString());
        var sent = _stub.EmbeddedTexts.ToList();
        Assert.Equal(total, sent.Count);
        Assert.Equal(sent.Count, sent.Distinct().Count());
    }

    /// <summary>A playbook of twelve headed sections, each its own chunk, with words unique to <paramref name="name"/>.</summary>
    private static string Sections(string name) => string.Join("\n\n", Enumerable.Range(1, 12).Select(i =>
        $"## Etapa {i} do roteiro {name}\n\nNa etapa {i} do roteiro {name} o vendedor confirma o orçamento {i}{name}, pergunta pelo prazo " +
        $"da decisão e anota quem mais participa da compra {name}{i}."));
}
